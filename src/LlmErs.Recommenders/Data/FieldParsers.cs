using System.Globalization;

namespace LlmErs.Recommenders;

/// <summary>Parses the text of id, timestamp and rating fields, the same way for every file format.</summary>
internal static class FieldParsers
{
    public const string TimestampHint = "Write Unix seconds (964982703) or an ISO 8601 date/time (2000-07-30T18:45:03Z), or fix or remove the line.";

    public const string RatingHint = "Write a number (4.5) or a label (1, 0, true, false), or fix or remove the line.";

    /// <summary>Parses Unix seconds or an ISO 8601 date/time (UTC unless it says otherwise) into Unix seconds.</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out long seconds)
    {
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seconds))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            seconds = time.ToUnixTimeSeconds();
            return true;
        }

        return false;
    }

    /// <summary>Parses a rating, or a label written as a number or as true/false.</summary>
    public static bool TryParseRating(ReadOnlySpan<char> text, out float rating)
    {
        text = text.Trim();
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out rating) && float.IsFinite(rating))
        {
            return true;
        }

        if (bool.TryParse(text, out var label))
        {
            rating = label ? 1f : 0f;
            return true;
        }

        return false;
    }
}
