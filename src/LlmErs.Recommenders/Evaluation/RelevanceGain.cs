namespace LlmErs.Recommenders;

/// <summary>How NDCG turns a relevant item's grade into gain. Definitions: docs/metrics.md.</summary>
public enum RelevanceGain
{
    /// <summary>Every relevant item gains 1, whatever its grade (RecBole, Microsoft Recommenders' default).</summary>
    Binary,

    /// <summary>The grade itself (trec_eval's and ranx's <c>ndcg</c>, Järvelin and Kekäläinen).</summary>
    Linear,

    /// <summary>2<sup>grade</sup> − 1 (ranx's <c>ndcg_burges</c>, Burges et al.; Microsoft Recommenders' <c>score_type="exp"</c>).</summary>
    Exponential,
}
