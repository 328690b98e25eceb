using System.Text.Json;

namespace LlmErs.Recommenders;

/// <summary>Reads the fields of one JSON Lines object, failing with the line and field of a bad value.</summary>
internal readonly struct JsonLineRow(JsonElement element, string sourceName, int lineNumber)
{
    /// <summary>An id: a string, or a number kept as written.</summary>
    public string Id(string field)
    {
        var value = Require(field);
        var id = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Error(field, $"The id is a JSON {value.ValueKind}; write it as a string or a number."),
        };
        return id.Length > 0 ? id : throw Error(field, "The id is empty. Fill it in or remove the line.");
    }

    /// <summary>A timestamp: an integer number of Unix seconds, or a string in a format <see cref="FieldParsers.TryParseTimestamp"/> reads.</summary>
    public long Timestamp(string field)
    {
        var value = Require(field);
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var seconds) => seconds,
            JsonValueKind.String when FieldParsers.TryParseTimestamp(value.GetString(), out var seconds) => seconds,
            _ => throw Error(field, $"{value.GetRawText()} is not a timestamp. {FieldParsers.TimestampHint}"),
        };
    }

    /// <summary>A rating or label: a number, true/false, or a string holding either.</summary>
    public float Rating(string field)
    {
        var value = Require(field);
        return value.ValueKind switch
        {
            JsonValueKind.Number when float.IsFinite(value.GetSingle()) => value.GetSingle(),
            JsonValueKind.True => 1f,
            JsonValueKind.False => 0f,
            JsonValueKind.String when FieldParsers.TryParseRating(value.GetString(), out var rating) => rating,
            _ => throw Error(field, $"{value.GetRawText()} is not a rating. {FieldParsers.RatingHint}"),
        };
    }

    private JsonElement Require(string field) =>
        element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Error(field, $"The object has no '{field}' value. Add it, name the right field in the loader options, or remove the line.");

    private DataFormatException Error(string field, string problem) => new(sourceName, lineNumber, field, problem);
}
