using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>The argument checks every training entry point makes, with messages that say what to fix.</summary>
internal static class TrainingGuards
{
    public static void ThrowIfCannotTrain(UserItemMatrix feedback, BprOptions options)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(options);
        if (feedback.PairCount == 0)
        {
            throw new ArgumentException("There are no interactions to train on.", nameof(feedback));
        }

        options.Validate(feedback.ItemCount);
        options.AugmentedPairs?.Validate(feedback.UserCount, feedback.ItemCount);
    }

    /// <summary>Throws when <paramref name="vectors"/> holds NaN or an infinity, which would spread to every score.</summary>
    public static void ThrowIfNotFinite(VectorMatrix vectors, string parameterName)
    {
        var values = vectors.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"Row {i / vectors.Dimension}, column {i % vectors.Dimension} is {values[i]}; every value must be a finite number.", parameterName);
            }
        }
    }

    /// <summary>Throws unless <paramref name="vectors"/> has <paramref name="rows"/> rows of finite values.</summary>
    public static void ThrowIfNotOnePerRow(VectorMatrix vectors, int rows, string what, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(vectors, parameterName);
        if (vectors.Count != rows)
        {
            throw new ArgumentException($"The {what} have {vectors.Count} rows; give one per index ({rows}), in the same order.", parameterName);
        }

        ThrowIfNotFinite(vectors, parameterName);
    }
}
