namespace LlmErs.Generators.Parsing;

/// <summary>Metadata names of the DSL's attributes and types.</summary>
internal static class KnownNames
{
    public const string Enrichable = "LlmErs.EnrichableAttribute";
    public const string ItemKey = "LlmErs.ItemKeyAttribute";
    public const string LlmText = "LlmErs.LlmTextAttribute";
    public const string LlmTags = "LlmErs.LlmTagsAttribute";
    public const string LlmValue = "LlmErs.LlmValueAttribute";
    public const string LlmNormalize = "LlmErs.LlmNormalizeAttribute";
    public const string LlmCorrect = "LlmErs.LlmCorrectAttribute";
    public const string LlmTriples = "LlmErs.LlmTriplesAttribute";
    public const string LlmRelation = "LlmErs.LlmRelationAttribute";
    public const string KgTriple = "LlmErs.KgTriple";
    public const string Embedding = "LlmErs.EmbeddingAttribute";
    public const string SemanticIdAttribute = "LlmErs.SemanticIdAttribute";
    public const string SemanticId = "LlmErs.SemanticId";
    public const string ItemImage = "LlmErs.ItemImage";
    public const string Scorer = "LlmErs.ScorerAttribute";
    public const string Similarity = "LlmErs.SimilarityAttribute";
    public const string FeatureWeight = "LlmErs.FeatureWeightAttribute";

    /// <summary>The attributes that declare a derived field.</summary>
    public static readonly string[] FieldAttributes = [LlmText, LlmTags, LlmValue, LlmNormalize, LlmCorrect, LlmTriples, Embedding, SemanticIdAttribute];

    /// <summary>The attribute's name as a user writes it, e.g. <c>LlmText</c>.</summary>
    public static string ShortName(string metadataName)
    {
        var name = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }
}
