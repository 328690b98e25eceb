using LlmErs.Recommenders;

namespace LlmErs.Quickstart.MovieLens;

/// <summary>What one protocol's ablation trains on: its split, its options and its feature blocks, which this owns.</summary>
internal sealed class ProtocolInputs(DataSplit split, AblationOptions options, MovieFeatures features, FeatureBlock userProfile, string preparationTimes) : IDisposable
{
    public DataSplit Split => split;

    public AblationOptions Options => options;

    public IReadOnlyList<FeatureBlock> Blocks { get; } = [.. features.Blocks, userProfile];

    /// <summary>How long the teacher, the pairs and the blocks took, for the protocol's line of stage times.</summary>
    public string PreparationTimes => preparationTimes;

    public void Dispose()
    {
        features.Dispose();
        userProfile.Values.Dispose();
    }
}
