using LlmErs;

namespace LlmErs.Runtime.Tests.Drift;

/// <summary>
/// A seeded synthetic run with one field of every kind, so that a test can plant a shift of known size in one of them
/// and check that it is found, and that a resample from the same distribution is not.
/// </summary>
internal sealed record SyntheticRun
{
    public int Rows { get; init; } = 1000;

    /// <summary>Label probabilities of the categorical field <c>Pacing</c>.</summary>
    public double[] Pacing { get; init; } = [0.4, 0.3, 0.2, 0.1];

    /// <summary>Mean of the standard-normal numeric field <c>Score</c>, in standard deviations.</summary>
    public double ScoreMean { get; init; }

    /// <summary>Extra words of every <c>Pitch</c> text (normally 8 to 16 words).</summary>
    public int ExtraWords { get; init; }

    /// <summary>Probability of each mood tag.</summary>
    public double[] Moods { get; init; } = [0.5, 0.3, 0.2, 0.1];

    /// <summary>Shift of the mean of every dimension of the standard-normal vectors <c>Content</c>.</summary>
    public float ContentShift { get; init; }

    /// <summary>Share of items whose <c>Pitch</c> failed.</summary>
    public double PitchFailed { get; init; } = 0.05;

    public static readonly string[] PacingLabels = ["Slow", "Steady", "Fast", "Frantic"];
    public static readonly string[] MoodTags = ["dark", "uplifting", "tense", "romantic"];
    private const int Dimensions = 8, Codes = 32, Levels = 3;

    public DriftRun Build(int seed)
    {
        var random = new Random(seed);
        var columns = new (string Name, FeatureColumnType Type, object?[] Values)[]
        {
            ("Id", FeatureColumnType.String, new object?[Rows]),
            ("Pitch", FeatureColumnType.String, new object?[Rows]),
            ("Moods", FeatureColumnType.StringList, new object?[Rows]),
            ("Pacing", FeatureColumnType.String, new object?[Rows]),
            ("Score", FeatureColumnType.Double, new object?[Rows]),
            ("Content", FeatureColumnType.Vector, new object?[Rows]),
            ("Sid", FeatureColumnType.String, new object?[Rows]),
            ("Pitch_status", FeatureColumnType.String, new object?[Rows]),
        };
        for (var row = 0; row < Rows; row++)
        {
            var failed = random.NextDouble() < PitchFailed;
            columns[0].Values[row] = $"i{row}";
            columns[1].Values[row] = failed ? null : string.Join(' ', Enumerable.Repeat("word", random.Next(8, 17) + ExtraWords));
            columns[2].Values[row] = MoodTags.Where((_, i) => random.NextDouble() < Moods[i]).ToArray();
            columns[3].Values[row] = PacingLabels[Pick(random, Pacing)];
            columns[4].Values[row] = ScoreMean + Normal(random);
            columns[5].Values[row] = Enumerable.Range(0, Dimensions).Select(_ => (float)Normal(random) + ContentShift).ToArray();
            columns[6].Values[row] = string.Join('-', Enumerable.Range(0, Levels).Select(_ => random.Next(Codes)));
            columns[7].Values[row] = failed ? "failed: Timeout: no answer" : "ok";
        }

        var table = new FeatureTable("synthetic.jsonl", Rows, [.. columns.Select(c => new FeatureTableColumn(c.Name, c.Type, c.Values))]);
        return new DriftRun(table, Manifest());
    }

    public static RunManifest Manifest(string pitchFingerprint = "pitch-v1", string chatModel = "model-a") => new()
    {
        RunId = "run",
        StartedAt = DateTime.UnixEpoch,
        CompletedAt = DateTime.UnixEpoch,
        LibraryVersion = "1.0",
        ItemType = "Movie",
        ChatModels = [chatModel],
        EmbeddingModel = "embedder",
        Items = 0,
        RejectedItems = 0,
        Fields =
        [
            Field("Pitch", FieldKind.Text, pitchFingerprint, chatModel),
            Field("Moods", FieldKind.Tags, "moods-v1", chatModel),
            Field("Pacing", FieldKind.Value, "pacing-v1", chatModel),
            Field("Score", FieldKind.Value, "score-v1", chatModel),
            Field("Content", FieldKind.Embedding, "content-v1", "embedder"),
            Field("Sid", FieldKind.SemanticId, "sid-v1", null),
        ],
        Files = [],
    };

    private static ManifestField Field(string name, FieldKind kind, string fingerprint, string? model) =>
        new(name, kind, fingerprint, model, new StatusCounts(0, 0, 0, 0));

    private static int Pick(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length - 1; i++)
        {
            if ((x -= weights[i]) < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
