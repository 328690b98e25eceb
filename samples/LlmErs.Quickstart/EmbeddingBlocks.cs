using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Quickstart;

/// <summary>
/// How a 384-dimensional text embedding enters the ablation's models: as its first <see cref="Components"/> principal
/// components. The two-tower model projects every item and user it trains on from its full input width, and the raw
/// embeddings were 384 of its 447 item columns and all 384 user columns; their leading components keep the directions
/// in which movies (viewers) differ and make each two-tower row several times cheaper to train.
/// </summary>
internal static class EmbeddingBlocks
{
    /// <summary>The principal components kept of an embedding block.</summary>
    public const int Components = 64;

    /// <summary>The leading principal components of <paramref name="embeddings"/>, which this disposes; the caller disposes the result.</summary>
    public static VectorMatrix Reduce(VectorMatrix embeddings)
    {
        using (embeddings)
        {
            return EmbeddingProjection.Pca(embeddings, Math.Min(Components, embeddings.Dimension));
        }
    }
}
