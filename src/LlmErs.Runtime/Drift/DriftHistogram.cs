namespace LlmErs;

/// <summary>A field's distribution in both runs, over the same buckets, for charts.</summary>
/// <param name="Title">What is counted, e.g. <c>word count</c>.</param>
/// <param name="Buckets">The bucket labels.</param>
/// <param name="Old">The old run's share of each bucket.</param>
/// <param name="New">The new run's share of each bucket.</param>
public sealed record DriftHistogram(string Title, IReadOnlyList<string> Buckets, IReadOnlyList<double> Old, IReadOnlyList<double> New);
