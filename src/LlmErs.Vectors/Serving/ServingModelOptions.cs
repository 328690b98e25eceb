namespace LlmErs.Vectors;

/// <summary>Options for <see cref="ServingModel.Open"/>.</summary>
public sealed class ServingModelOptions
{
    /// <summary>How many threads one request may use. Default 1, best when many requests run at once; results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; set; } = 1;

    /// <summary>
    /// Whether opening reads every file once to check its contents against its checksum. Default <see langword="true"/>;
    /// the manifest's check that each file is the one exported is always made.
    /// </summary>
    public bool VerifyChecksums { get; set; } = true;
}
