using LlmErs;
using Xunit;
using Xunit.Abstractions;

namespace LlmErs.Runtime.Tests.Drift;

public sealed class DriftDetectionTests(ITestOutputHelper output)
{
    // Small enough for 100 seeds in a few seconds; the MMD's smallest p-value, 1/101, is still below 0.01.
    private static readonly DriftOptions Fast = new() { MaxEmbeddingSample = 100, Permutations = 100 };

    [Fact]
    public void SameDistribution_IsNotFlagged_InAtLeast95Of100Seeds()
    {
        var run = new SyntheticRun();
        var flagged = new List<string>();
        for (var seed = 0; seed < 100; seed++)
        {
            var report = RunDrift.Compare(run.Build(2 * seed), run.Build(2 * seed + 1), Fast);
            if (report.Severity != DriftSeverity.None)
            {
                flagged.Add($"seed {seed}: {string.Join(", ", report.Fields.SelectMany(f => f.Metrics.Where(m => m.Severity != DriftSeverity.None).Select(m => $"{f.Name} {m.Name} {m.Value:0.###}")))}");
            }
        }

        output.WriteLine($"{flagged.Count} of 100 same-distribution resamples flagged");
        flagged.ForEach(output.WriteLine);
        Assert.True(flagged.Count <= 5, string.Join("\n", flagged));
    }

    [Fact]
    public void CategoricalShift_Alerts_OnPacingOnly()
    {
        var report = Compare(new SyntheticRun(), new SyntheticRun { Pacing = [0.1, 0.2, 0.3, 0.4] });

        var pacing = Field(report, "Pacing");
        Assert.Equal(DriftFieldKind.Categorical, pacing.Kind);
        Assert.Equal(DriftSeverity.Alert, pacing.Severity);
        Assert.InRange(pacing.Psi!.Value, 0.7, 1.2); // Σ (q − p) ln(q/p) over the swapped shares: 0.913
        Assert.Equal([DriftSeverity.None], report.Fields.Where(f => f.Name != "Pacing").Select(f => f.Severity).Distinct());
        Assert.Equal(2, report.ExitCode);
    }

    [Fact]
    public void NumericShiftOfHalfASigma_Warns_WithPsiNearAQuarter()
    {
        var report = Compare(new SyntheticRun(), new SyntheticRun { ScoreMean = 0.5 });

        var score = Field(report, "Score");
        Assert.Equal(DriftFieldKind.Numeric, score.Kind);
        Assert.True(score.Severity >= DriftSeverity.Warn);
        Assert.InRange(score.Psi!.Value, 0.15, 0.35); // a shift of d standard deviations gives a PSI near d²
        Assert.InRange(score.Metrics.Single(m => m.Name == "KS").Value, 0.13, 0.27); // Φ(0.25) − Φ(−0.25) = 0.197
    }

    [Fact]
    public void ShiftedEmbeddings_Alert_ByMmd()
    {
        var report = Compare(new SyntheticRun(), new SyntheticRun { ContentShift = 0.3f });

        var content = Field(report, "Content");
        Assert.Equal(DriftFieldKind.Embedding, content.Kind);
        var mmd = content.Metrics.Single(m => m.Name == "MMD²");
        Assert.Equal(DriftSeverity.Alert, mmd.Severity);
        Assert.True(mmd.PValue < 0.01);
    }

    [Fact]
    public void LongerTexts_AreFound_ByTheWordCounts()
    {
        var pitch = Field(Compare(new SyntheticRun(), new SyntheticRun { ExtraWords = 4 }), "Pitch");

        Assert.Equal(DriftFieldKind.Text, pitch.Kind);
        Assert.Equal(DriftSeverity.Alert, pitch.Severity);
        Assert.Equal(4, pitch.Metrics.Single(m => m.Name == "mean (word count)").Value, 0.5);
    }

    [Fact]
    public void ATagThatDisappears_MovesTheTagPsi()
    {
        var moods = Field(Compare(new SyntheticRun(), new SyntheticRun { Moods = [0.5, 0.3, 0.2, 0] }), "Moods");

        Assert.Equal(DriftFieldKind.Tags, moods.Kind);
        Assert.True(moods.Severity >= DriftSeverity.Warn);
        Assert.Equal(0, moods.Histogram!.New[moods.Histogram.Buckets.ToList().IndexOf("romantic")]);
    }

    [Fact]
    public void AFailedRateThatTriples_Warns_ByFifteenPoints()
    {
        var pitch = Field(Compare(new SyntheticRun(), new SyntheticRun { PitchFailed = 0.2 }), "Pitch");

        var failed = pitch.Metrics.Single(m => m.Name == "failed rate");
        Assert.Equal(DriftSeverity.Warn, failed.Severity);
        Assert.Equal(0.15, failed.Value, 0.04);
        Assert.Equal(DriftSeverity.Warn, pitch.Metrics.Single(m => m.Name == "null rate").Severity);
    }

    [Fact]
    public void SemanticIds_ReportCodesUsedPerLevel_AndCollisions()
    {
        var sid = Field(Compare(new SyntheticRun(), new SyntheticRun()), "Sid");

        Assert.Equal(DriftFieldKind.SemanticId, sid.Kind);
        Assert.Equal([32.0, 32, 32], sid.Metrics.Where(m => m.Name.EndsWith("codes used", StringComparison.Ordinal)).Select(m => m.Old!.Value));
        Assert.InRange(sid.Metrics.Single(m => m.Name == "collision rate").Old!.Value, 0.0, 0.1);
    }

    [Fact]
    public void FewerCodesUsed_AndMoreCollisions_Alert()
    {
        var old = new SyntheticRun().Build(1);
        var collapsed = new SyntheticRun().Build(2);
        var sid = collapsed.Table.Find("Sid")!.Values;
        for (var i = 0; i < sid.Length; i++)
        {
            sid[i] = i % 2 == 0 ? "0-0-0" : sid[i];
        }

        var field = Field(RunDrift.Compare(old, collapsed, Fast), "Sid");

        Assert.Equal(DriftSeverity.Alert, field.Metrics.Single(m => m.Name == "collision rate").Severity);
        Assert.Equal(DriftSeverity.None, field.Metrics.Single(m => m.Name == "level 1 codes used").Severity);
    }

    [Fact]
    public void ManifestChanges_AreReportedAsContext()
    {
        var old = new SyntheticRun().Build(1);
        var @new = new SyntheticRun().Build(2) with { Manifest = SyntheticRun.Manifest(pitchFingerprint: "pitch-v2", chatModel: "model-b") };

        var report = RunDrift.Compare(old, @new, Fast);

        Assert.Contains(report.Context, line => line.StartsWith("Pitch's definition changed (fingerprint pitch-v1 → pitch-v2)", StringComparison.Ordinal));
        Assert.Contains("Chat models: model-a → model-b.", report.Context);
        Assert.Contains("Pitch's model: model-a → model-b.", report.Context);
    }

    [Fact]
    public void AColumnMissingInTheNewRun_Alerts_NamingTheFile()
    {
        var old = new SyntheticRun().Build(1) with { Manifest = null };
        var full = new SyntheticRun().Build(2);
        var @new = new DriftRun(full.Table with { Columns = [.. full.Table.Columns.Where(c => c.Name != "Score")] }, null);

        var score = Field(RunDrift.Compare(old, @new, Fast), "Score");

        Assert.Equal(DriftSeverity.Alert, score.Severity);
        Assert.Equal("no column 'Score' in 'synthetic.jsonl'", Assert.Single(score.Notes));
    }

    [Fact]
    public void WithoutManifests_KindsAreInferredFromTheData()
    {
        var run = new SyntheticRun();
        var report = RunDrift.Compare(run.Build(1) with { Manifest = null }, run.Build(2) with { Manifest = null }, Fast);

        Assert.Equal(
            [("Pitch", DriftFieldKind.Text), ("Moods", DriftFieldKind.Tags), ("Pacing", DriftFieldKind.Categorical), ("Score", DriftFieldKind.Numeric), ("Content", DriftFieldKind.Embedding), ("Sid", DriftFieldKind.SemanticId)],
            report.Fields.Select(f => (f.Name, f.Kind)));
        Assert.Contains("No run manifest", Assert.Single(report.Context), StringComparison.Ordinal);
    }

    [Fact]
    public void ExitCode_IsTheSeverity()
    {
        Assert.Equal(0, Compare(new SyntheticRun(), new SyntheticRun()).ExitCode);
        Assert.Equal(1, Compare(new SyntheticRun(), new SyntheticRun { PitchFailed = 0.2 }).ExitCode);
        Assert.Equal(2, Compare(new SyntheticRun(), new SyntheticRun { Pacing = [0.1, 0.2, 0.3, 0.4] }).ExitCode);
    }

    [Fact]
    public void InvalidOptions_NameTheSetting()
    {
        var run = new SyntheticRun().Build(1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RunDrift.Compare(run, run, new DriftOptions { PsiWarn = 0.3, PsiAlert = 0.2 }));

        Assert.Contains("DriftOptions.PsiWarn", error.Message, StringComparison.Ordinal);
    }

    private static DriftReport Compare(SyntheticRun old, SyntheticRun @new) => RunDrift.Compare(old.Build(1), @new.Build(2), Fast);

    private static FieldDrift Field(DriftReport report, string name) => report.Fields.Single(f => f.Name == name);
}
