using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using LlmErs.Recommenders;

namespace LlmErs.Quickstart.MovieLens;

/// <summary>
/// The <see cref="AblationModel.Fingerprint"/> of the sample's models: every training option the model depends on, and
/// the LLM teacher's rankings by content, so that the ablation cache in the output folder retrains a row whenever any
/// of them changes. Not the thread count: training gives the same bits on any, so a cached row serves whatever it is.
/// </summary>
internal static class ModelFingerprint
{
    public static string Of(BprOptions options, string? teacher = null)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{options.GetType().Name}|d{options.Dimension}|lr{options.LearningRate:R}|l2{options.Regularization:R}|e{options.Epochs}|p{options.Patience}" +
            $"|s{options.Seed}|n{options.NegativeSamples}|b{options.BatchSize}|std{options.InitialStandardDeviation:R}");
        if (options is TwoTowerOptions twoTower)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"|dropout{twoTower.IdDropout:R}");
        }

        if (options.Distillation is { } distillation)
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $"|teacher {Teacher(distillation.Teacher)} w{distillation.Weight:R} pw{distillation.PointwiseWeight:R} T{distillation.Temperature:R} pairs{distillation.PairsPerPositive}");
        }

        return teacher is null ? text : $"{text}|{teacher}";
    }

    private static string Teacher(IItemScorer teacher)
    {
        if (teacher is not ListwiseTeacherScores rankings)
        {
            throw new ArgumentException($"The sample fingerprints LLM teachers' rankings only, not {teacher.GetType().Name}.", nameof(teacher));
        }

        var hash = new XxHash128();
        hash.Append(BitConverter.GetBytes(rankings.ItemCount));
        for (var user = 0; user < rankings.UserCount; user++)
        {
            var candidates = rankings.CandidatesOf(user);
            hash.Append(BitConverter.GetBytes(candidates.Length));
            hash.Append(MemoryMarshal.AsBytes(candidates));
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
