namespace LlmErs;

/// <summary>
/// Thresholds and sampling for comparing two runs. The defaults follow common practice: PSI 0.1 (warn) and 0.25
/// (alert); KS needs both significance and an effect size, so a large catalog does not alert on a negligible shift;
/// MMD alerts at a permutation p-value below 0.01; a status rate that moves by 5 points warns and by 20 alerts.
/// </summary>
public sealed class DriftOptions
{
    /// <summary>PSI at or above which a field warns. Default 0.1.</summary>
    public double PsiWarn { get; set; } = 0.1;

    /// <summary>PSI at or above which a field alerts. Default 0.25.</summary>
    public double PsiAlert { get; set; } = 0.25;

    /// <summary>The KS test's significance level: a KS statistic counts only when its p-value is below. Default 0.01.</summary>
    public double KsPValue { get; set; } = 0.01;

    /// <summary>KS statistic (largest gap between the two distribution functions) at or above which a significant shift warns. Default 0.1.</summary>
    public double KsWarn { get; set; } = 0.1;

    /// <summary>KS statistic at or above which a significant shift alerts. Default 0.2.</summary>
    public double KsAlert { get; set; } = 0.2;

    /// <summary>Quantile bins (from the old run) for the PSI of numbers and word counts. Default 10.</summary>
    public int Bins { get; set; } = 10;

    /// <summary>The MMD permutation p-value below which an embedding field alerts. Default 0.01.</summary>
    public double MmdPValue { get; set; } = 0.01;

    /// <summary>Permutations for the MMD p-value. Default 200.</summary>
    public int Permutations { get; set; } = 200;

    /// <summary>Vectors per run the MMD uses at most (a seeded subsample); its cost grows with the square. Default 500.</summary>
    public int MaxEmbeddingSample { get; set; } = 500;

    /// <summary>Change of a rate (null, unknown, failed, quarantined, semantic-ID collisions), in fractions, that warns. Default 0.05 (5 points).</summary>
    public double RateWarn { get; set; } = 0.05;

    /// <summary>Change of a rate that alerts. Default 0.20 (20 points).</summary>
    public double RateAlert { get; set; } = 0.20;

    /// <summary>Relative change of the codes a semantic-ID level uses that warns. Default 0.1.</summary>
    public double CodeUsageWarn { get; set; } = 0.1;

    /// <summary>Relative change of the codes a semantic-ID level uses that alerts. Default 0.25.</summary>
    public double CodeUsageAlert { get; set; } = 0.25;

    /// <summary>Seeds the subsampling and permutations, so a report is reproducible. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Throws when a threshold is out of range, naming it.</summary>
    internal void Validate()
    {
        Check(PsiWarn > 0 && PsiAlert >= PsiWarn, nameof(PsiWarn), "0 < PsiWarn <= PsiAlert");
        Check(KsPValue is > 0 and < 1, nameof(KsPValue), "between 0 and 1");
        Check(KsWarn > 0 && KsAlert >= KsWarn && KsAlert <= 1, nameof(KsWarn), "0 < KsWarn <= KsAlert <= 1");
        Check(Bins >= 2, nameof(Bins), "at least 2");
        Check(MmdPValue is > 0 and < 1, nameof(MmdPValue), "between 0 and 1");
        Check(Permutations >= 1, nameof(Permutations), "at least 1");
        Check(MaxEmbeddingSample >= 2, nameof(MaxEmbeddingSample), "at least 2");
        Check(RateWarn > 0 && RateAlert >= RateWarn, nameof(RateWarn), "0 < RateWarn <= RateAlert");
        Check(CodeUsageWarn > 0 && CodeUsageAlert >= CodeUsageWarn, nameof(CodeUsageWarn), "0 < CodeUsageWarn <= CodeUsageAlert");
    }

    private static void Check(bool valid, string name, string rule)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, $"DriftOptions.{name} must satisfy {rule}.");
        }
    }
}
