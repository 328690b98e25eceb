using System.Text.Json.Nodes;

namespace LlmErs;

/// <summary>
/// Cleans the string values of a row's JSON object, member by member, before the item is built: this is what lets the
/// loader clean <c>init</c>-only members without reflection, and <see cref="CatalogCleaner{T}"/> reuse it for items
/// built in code.
/// </summary>
internal static class CatalogValueCleaner
{
    /// <summary>Cleans <paramref name="row"/> in place; returns how many values changed.</summary>
    public static int Clean(JsonObject row, CatalogCleaningOptions options)
    {
        var changed = 0;
        foreach (var name in row.Select(property => property.Key).ToArray())
        {
            var steps = options.For(name);
            if (steps != CleanText.None && row[name] is { } value && Clean(value, steps, ref changed) is var cleaned && !ReferenceEquals(cleaned, value))
            {
                row[name] = cleaned;
            }
        }

        return changed;
    }

    private static JsonNode Clean(JsonNode node, CleanText steps, ref int changed)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                var clean = TextCleaner.Clean(text, steps);
                if (ReferenceEquals(clean, text))
                {
                    return node;
                }

                changed++;
                return JsonValue.Create(clean);
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } element)
                    {
                        var cleaned = Clean(element, steps, ref changed);
                        if (!ReferenceEquals(cleaned, element))
                        {
                            array[i] = cleaned;
                        }
                    }
                }

                return node;
            case JsonObject nested:
                foreach (var name in nested.Select(property => property.Key).ToArray())
                {
                    if (nested[name] is { } member)
                    {
                        var cleaned = Clean(member, steps, ref changed);
                        if (!ReferenceEquals(cleaned, member))
                        {
                            nested[name] = cleaned;
                        }
                    }
                }

                return node;
            default:
                return node;
        }
    }
}
