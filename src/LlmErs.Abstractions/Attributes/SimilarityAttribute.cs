namespace LlmErs;

/// <summary>
/// A scorer term: <see cref="Weight"/> × the dot product of the query's and the item's <see cref="EmbeddingAttribute"/>
/// vectors (a cosine similarity, since LlmErs stores embeddings L2-normalized). Both vectors must declare the same dimensions.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = true)]
public sealed class SimilarityAttribute(string queryVector, string itemVector) : Attribute
{
    /// <summary>The query type's embedding property.</summary>
    public string QueryVector { get; } = queryVector;

    /// <summary>The item type's embedding property.</summary>
    public string ItemVector { get; } = itemVector;

    /// <summary>The term's weight. Default 1.</summary>
    public double Weight { get; set; } = 1;
}
