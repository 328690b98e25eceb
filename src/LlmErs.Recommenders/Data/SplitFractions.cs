namespace LlmErs.Recommenders;

/// <summary>The shares of the interactions that go to training and validation; the rest is the test part.</summary>
/// <param name="Train">The training share, in (0, 1).</param>
/// <param name="Validation">The validation share, in [0, 1); <paramref name="Train"/> + <paramref name="Validation"/> must stay below 1.</param>
public readonly record struct SplitFractions(double Train, double Validation)
{
    /// <summary>80% training, 10% validation, 10% test.</summary>
    public static SplitFractions Default => new(0.8, 0.1);

    /// <summary>The test share: what training and validation leave.</summary>
    public double Test => 1 - Train - Validation;

    internal void Validate()
    {
        if (!(Train > 0 && Train < 1) || !(Validation >= 0 && Validation < 1) || !(Test > 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(SplitFractions),
                $"Invalid split fractions (train {Train}, validation {Validation}): train must be in (0, 1), validation in [0, 1), and together below 1 so the test part is not empty.");
        }
    }
}
