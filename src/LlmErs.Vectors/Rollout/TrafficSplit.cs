using System.IO.Hashing;
using System.Text;

namespace LlmErs.Vectors;

/// <summary>
/// A deterministic split of users between a control and a treatment arm: a user always lands in the same arm for the
/// same experiment and percentage, on every machine and process, so an A/B test needs no assignment table.
/// </summary>
/// <remarks>
/// The bucket is XxHash64 of the experiment name and the user id (UTF-8), modulo 10,000; the treatment takes the buckets
/// below its share. Raising the share only moves users from control to treatment, never back, which is what a gradual
/// rollout needs. <see cref="string.GetHashCode()"/> is randomized per process and would reshuffle users on restart.
/// </remarks>
public sealed class TrafficSplit
{
    /// <summary>The number of buckets users are hashed into; shares are set in hundredths of a percent.</summary>
    public const int Buckets = 10_000;

    /// <summary>The arm name of the model users get unless the split sends them to the treatment.</summary>
    public const string Control = "control";

    /// <summary>The arm name of the model being rolled out.</summary>
    public const string Treatment = "treatment";

    private readonly int _treatmentBuckets;

    /// <summary>Splits users of <paramref name="experiment"/>, sending <paramref name="treatmentPercent"/> percent of them to the treatment.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="treatmentPercent"/> is not within 0..100.</exception>
    public TrafficSplit(string experiment, double treatmentPercent)
    {
        ArgumentException.ThrowIfNullOrEmpty(experiment);
        if (!(treatmentPercent is >= 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(treatmentPercent), treatmentPercent, "The treatment's share is a percentage from 0 to 100.");
        }

        Experiment = experiment;
        TreatmentPercent = treatmentPercent;
        _treatmentBuckets = (int)Math.Round(treatmentPercent * (Buckets / 100.0));
    }

    /// <summary>The experiment's name; it salts the hash so that two experiments split users independently.</summary>
    public string Experiment { get; }

    /// <summary>The percentage of users sent to the treatment.</summary>
    public double TreatmentPercent { get; }

    /// <summary>The user's bucket, 0..<see cref="Buckets"/> − 1, stable for this experiment.</summary>
    public int BucketOf(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var key = $"{Experiment}\n{userId}";
        var bytes = Encoding.UTF8.GetBytes(key);
        return (int)(XxHash64.HashToUInt64(bytes) % Buckets);
    }

    /// <summary>The arm of <paramref name="userId"/>: <see cref="Treatment"/> or <see cref="Control"/>.</summary>
    public string ArmOf(string userId) => BucketOf(userId) < _treatmentBuckets ? Treatment : Control;
}
