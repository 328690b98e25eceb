namespace LlmErs;

/// <summary>
/// How the catalog loader and <see cref="CatalogCleaner{T}"/> clean source members: every string value of a row (also
/// inside arrays and nested objects) gets <see cref="Default"/>, unless <see cref="Members"/> names its member.
/// </summary>
public sealed class CatalogCleaningOptions
{
    /// <summary>The steps applied to every string member; <see cref="CleanText.All"/> by default.</summary>
    public CleanText Default { get; set; } = CleanText.All;

    /// <summary>
    /// Steps that replace <see cref="Default"/> for single members, keyed by their JSON property name as the file and
    /// the <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> spell it (e.g. <c>["sku"] = CleanText.None</c>
    /// keeps codes as they are; <c>["description"] = CleanText.Html | CleanText.Whitespace</c>).
    /// </summary>
    public IDictionary<string, CleanText> Members { get; } = new Dictionary<string, CleanText>(StringComparer.Ordinal);

    internal CleanText For(string member) => Members.TryGetValue(member, out var steps) ? steps : Default;
}
