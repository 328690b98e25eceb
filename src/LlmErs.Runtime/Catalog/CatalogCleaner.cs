using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace LlmErs;

/// <summary>
/// Cleans items built in code exactly as <see cref="CatalogLoader"/> cleans loaded ones: each item is written to a JSON
/// object through the caller's source-generated <see cref="JsonTypeInfo{T}"/>, its string values are cleaned by
/// <see cref="CatalogCleaningOptions"/>, and a new item is built from it — so <c>init</c>-only members are cleaned too,
/// with no reflection. Run it first, before enrichment: it returns new instances, and carries only what the
/// <see cref="JsonTypeInfo{T}"/> serializes.
/// </summary>
public sealed class CatalogCleaner<T>
{
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly CatalogCleaningOptions _options;

    /// <summary>Creates the cleaner.</summary>
    /// <param name="typeInfo">The item type's metadata from the caller's <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>.</param>
    /// <param name="options">The cleaning; <see cref="CleanText.All"/> on every string member when null.</param>
    public CatalogCleaner(JsonTypeInfo<T> typeInfo, CatalogCleaningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        _typeInfo = typeInfo;
        _options = options ?? new CatalogCleaningOptions();
    }

    /// <summary>A clean copy of <paramref name="item"/>.</summary>
    /// <exception cref="JsonException">The item does not round-trip through its <see cref="JsonTypeInfo{T}"/>.</exception>
    public T Clean(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (JsonSerializer.SerializeToNode(item, _typeInfo) is not JsonObject values)
        {
            throw new JsonException($"{typeof(T).Name} is not written as a JSON object by its JsonTypeInfo, so its members cannot be cleaned.");
        }

        CatalogValueCleaner.Clean(values, _options);
        return values.Deserialize(_typeInfo)!;
    }

    /// <summary>Clean copies of <paramref name="items"/>, in their order.</summary>
    /// <exception cref="JsonException">An item does not round-trip through its <see cref="JsonTypeInfo{T}"/>.</exception>
    public IReadOnlyList<T> Clean(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items.Select(Clean)];
    }
}
