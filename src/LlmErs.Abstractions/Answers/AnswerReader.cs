using System.Globalization;
using System.Text.Json;

namespace LlmErs;

/// <summary>
/// Reads and validates the answers to generated JSON schemas (<c>{"value": …}</c>). Generated parsers compose these;
/// every error names what was expected and what arrived, so it can be sent back to the model as is.
/// </summary>
public static class AnswerReader
{
    private const string Shape = "Reply with one JSON object of the form {\"value\": …}.";

    /// <summary>Extracts the <c>value</c> member of an answer; tolerates a Markdown code fence around the JSON.</summary>
    public static AnswerResult<JsonElement> ReadValue(string? answerJson)
    {
        var text = StripCodeFence(answerJson);
        if (text.Length == 0)
        {
            return AnswerResult<JsonElement>.Failure($"The answer is empty. {Shape}");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return AnswerResult<JsonElement>.Failure($"The answer is not valid JSON ({ex.Message}). {Shape}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return AnswerResult<JsonElement>.Failure($"The answer is a JSON {Describe(root.ValueKind)}, not an object. {Shape}");
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("value"))
            {
                return AnswerResult<JsonElement>.Success(property.Value);
            }
        }

        return AnswerResult<JsonElement>.Failure($"The answer has no \"value\" member. {Shape}");
    }

    /// <summary>Reads non-empty free text of at most <paramref name="maxWords"/> words.</summary>
    public static AnswerResult<string> ReadText(string? answerJson, int maxWords)
    {
        var value = ReadValue(answerJson);
        if (!value.IsValid)
        {
            return value.Cast<string>();
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            return AnswerResult<string>.Failure($"\"value\" must be a string, not a {Describe(value.Value.ValueKind)}.");
        }

        var text = value.Value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return AnswerResult<string>.Failure("\"value\" is an empty string; write the requested text.");
        }

        var words = CountWords(text);
        return words > maxWords
            ? AnswerResult<string>.Failure($"\"value\" has {words} words; write at most {maxWords}.")
            : AnswerResult<string>.Success(text);
    }

    /// <summary>
    /// Reads a list of tags from <paramref name="vocabulary"/>, returned in the vocabulary's spelling with repeats removed
    /// (case-insensitively, first occurrence kept); the de-duplicated list must hold between <paramref name="min"/> and
    /// <paramref name="max"/> tags.
    /// </summary>
    public static AnswerResult<IReadOnlyList<string>> ReadTags(string? answerJson, string[] vocabulary, int min, int max)
    {
        var value = ReadValue(answerJson);
        if (!value.IsValid)
        {
            return value.Cast<IReadOnlyList<string>>();
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            return AnswerResult<IReadOnlyList<string>>.Failure($"\"value\" must be an array of tags, not a {Describe(value.Value.ValueKind)}.");
        }

        var tags = new List<string>();
        foreach (var element in value.Value.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                return AnswerResult<IReadOnlyList<string>>.Failure($"Every tag must be a string; found a {Describe(element.ValueKind)}.");
            }

            var tag = element.GetString()!;
            var canonical = Match(tag, vocabulary);
            if (canonical is null)
            {
                return AnswerResult<IReadOnlyList<string>>.Failure($"Tag \"{tag}\" is not allowed. {Allowed(vocabulary)}");
            }

            // Strict schemas cannot carry uniqueItems (Microsoft.Extensions.AI moves it into the description), so models
            // repeat tags now and then; a repeat adds nothing, and only the de-duplicated list is held to Min and Max.
            if (!tags.Contains(canonical))
            {
                tags.Add(canonical);
            }
        }

        if (tags.Count < min)
        {
            return AnswerResult<IReadOnlyList<string>>.Failure($"Give at least {min} tag(s); the answer has {tags.Count}.");
        }

        return tags.Count > max
            ? AnswerResult<IReadOnlyList<string>>.Failure($"Give at most {max} tag(s); the answer has {tags.Count}.")
            : AnswerResult<IReadOnlyList<string>>.Success(tags);
    }

    /// <summary>
    /// Reads a preference between candidates, <c>{"value": {"liked": key, "disliked": key}}</c>: both must name one of
    /// <paramref name="keys"/> (returned in its spelling), and not the same one.
    /// </summary>
    public static AnswerResult<PreferenceAnswer> ReadPreference(string? answerJson, string[] keys)
    {
        var value = ReadValue(answerJson);
        if (!value.IsValid)
        {
            return value.Cast<PreferenceAnswer>();
        }

        if (value.Value.ValueKind != JsonValueKind.Object)
        {
            return AnswerResult<PreferenceAnswer>.Failure($"\"value\" must be an object {{\"liked\": key, \"disliked\": key}}, not a {Describe(value.Value.ValueKind)}.");
        }

        var liked = PreferenceMember(value.Value, "liked", keys);
        if (!liked.IsValid)
        {
            return liked.Cast<PreferenceAnswer>();
        }

        var disliked = PreferenceMember(value.Value, "disliked", keys);
        if (!disliked.IsValid)
        {
            return disliked.Cast<PreferenceAnswer>();
        }

        return liked.Value == disliked.Value
            ? AnswerResult<PreferenceAnswer>.Failure($"\"liked\" and \"disliked\" both name \"{liked.Value}\"; name two different candidates.")
            : AnswerResult<PreferenceAnswer>.Success(new PreferenceAnswer(liked.Value!, disliked.Value!));
    }

    /// <summary>Reads one entry of <paramref name="vocabulary"/> (in its spelling), or null where allowed.</summary>
    public static AnswerResult<string?> ReadChoice(string? answerJson, string[] vocabulary, bool nullable)
    {
        var value = ReadValue(answerJson);
        if (!value.IsValid)
        {
            return value.Cast<string?>();
        }

        if (value.Value.ValueKind == JsonValueKind.Null)
        {
            return Null<string?>(nullable, "one of the allowed values");
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            return AnswerResult<string?>.Failure($"\"value\" must be a string, not a {Describe(value.Value.ValueKind)}. {Allowed(vocabulary)}");
        }

        var answer = value.Value.GetString()!;
        var canonical = Match(answer, vocabulary);
        return canonical is null
            ? AnswerResult<string?>.Failure($"\"{answer}\" is not allowed. {Allowed(vocabulary)}{(nullable ? " Use null if unknown." : "")}")
            : AnswerResult<string?>.Success(canonical);
    }

    /// <summary>Reads a boolean, or null where allowed.</summary>
    public static AnswerResult<bool?> ReadBoolean(string? answerJson, bool nullable)
    {
        var value = ReadValue(answerJson);
        if (!value.IsValid)
        {
            return value.Cast<bool?>();
        }

        return value.Value.ValueKind switch
        {
            JsonValueKind.True => AnswerResult<bool?>.Success(true),
            JsonValueKind.False => AnswerResult<bool?>.Success(false),
            JsonValueKind.Null => Null<bool?>(nullable, "true or false"),
            var kind => AnswerResult<bool?>.Failure($"\"value\" must be true or false{(nullable ? " (or null if unknown)" : "")}, not a {Describe(kind)}."),
        };
    }

    /// <summary>Reads an integer within [<paramref name="minimum"/>, <paramref name="maximum"/>], or null where allowed.</summary>
    public static AnswerResult<long?> ReadInteger(string? answerJson, bool nullable, long minimum, long maximum)
    {
        var value = ReadValue(answerJson);
        if (!value.IsValid)
        {
            return value.Cast<long?>();
        }

        var element = value.Value;
        if (element.ValueKind == JsonValueKind.Null)
        {
            return Null<long?>(nullable, "an integer");
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var number))
        {
            return AnswerResult<long?>.Failure($"\"value\" must be a whole number{(nullable ? " (or null if unknown)" : "")}, not {Show(element)}.");
        }

        return number < minimum || number > maximum
            ? AnswerResult<long?>.Failure($"\"value\" must be between {minimum} and {maximum}; got {number}.")
            : AnswerResult<long?>.Success(number);
    }

    /// <summary>Reads a finite number within [<paramref name="minimum"/>, <paramref name="maximum"/>], or null where allowed.</summary>
    public static AnswerResult<double?> ReadNumber(string? answerJson, bool nullable, double minimum, double maximum)
    {
        var value = ReadValue(answerJson);
        if (!value.IsValid)
        {
            return value.Cast<double?>();
        }

        var element = value.Value;
        if (element.ValueKind == JsonValueKind.Null)
        {
            return Null<double?>(nullable, "a number");
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return AnswerResult<double?>.Failure($"\"value\" must be a number{(nullable ? " (or null if unknown)" : "")}, not {Show(element)}.");
        }

        return number < minimum || number > maximum
            ? AnswerResult<double?>.Failure(string.Create(CultureInfo.InvariantCulture, $"\"value\" must be between {minimum} and {maximum}; got {number}."))
            : AnswerResult<double?>.Success(number);
    }

    /// <summary>Reads a string, or null where allowed.</summary>
    public static AnswerResult<string?> ReadString(string? answerJson, bool nullable)
    {
        var value = ReadValue(answerJson);
        if (!value.IsValid)
        {
            return value.Cast<string?>();
        }

        return value.Value.ValueKind switch
        {
            JsonValueKind.String => AnswerResult<string?>.Success(value.Value.GetString()),
            JsonValueKind.Null => Null<string?>(nullable, "a string"),
            var kind => AnswerResult<string?>.Failure($"\"value\" must be a string{(nullable ? " (or null if unknown)" : "")}, not a {Describe(kind)}."),
        };
    }

    /// <summary>Writes <c>{"value": …}</c> for a string (or null).</summary>
    public static string Format(string? value) => Write(w => WriteString(w, value));

    /// <summary>Writes <c>{"value": …}</c> for a boolean (or null).</summary>
    public static string Format(bool? value) => Write(w =>
    {
        if (value is { } b) w.WriteBooleanValue(b); else w.WriteNullValue();
    });

    /// <summary>Writes <c>{"value": …}</c> for an integer (or null).</summary>
    public static string Format(long? value) => Write(w =>
    {
        if (value is { } n) w.WriteNumberValue(n); else w.WriteNullValue();
    });

    /// <summary>Writes <c>{"value": …}</c> for a number (or null).</summary>
    public static string Format(double? value) => Write(w =>
    {
        if (value is { } n) w.WriteNumberValue(n); else w.WriteNullValue();
    });

    /// <summary>Writes <c>{"value": […]}</c> for a list of tags.</summary>
    public static string Format(IReadOnlyList<string>? tags) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var tag in tags ?? [])
        {
            w.WriteStringValue(tag);
        }

        w.WriteEndArray();
    });

    /// <summary>Writes <c>{"value": {"liked": …, "disliked": …}}</c> for a preference.</summary>
    public static string Format(PreferenceAnswer preference) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("liked", preference.Liked);
        w.WriteString("disliked", preference.Disliked);
        w.WriteEndObject();
    });

    /// <summary>Counts whitespace-separated words.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
    }

    private static void WriteString(Utf8JsonWriter writer, string? value)
    {
        if (value is null) writer.WriteNullValue(); else writer.WriteStringValue(value);
    }

    internal static string Write(Action<Utf8JsonWriter> writeValue)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("value");
            writeValue(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The candidate key <paramref name="name"/> holds, validated as a tag is: present, a string, one of <paramref name="keys"/>.</summary>
    private static AnswerResult<string> PreferenceMember(JsonElement value, string name, string[] keys)
    {
        if (!value.TryGetProperty(name, out var member))
        {
            return AnswerResult<string>.Failure($"\"value\" has no \"{name}\" member; give {{\"liked\": key, \"disliked\": key}}.");
        }

        if (member.ValueKind != JsonValueKind.String)
        {
            return AnswerResult<string>.Failure($"\"{name}\" must be a candidate key, not a {Describe(member.ValueKind)}. {Allowed(keys)}");
        }

        var key = member.GetString()!;
        var canonical = Match(key, keys);
        return canonical is null
            ? AnswerResult<string>.Failure($"\"{name}\": \"{key}\" is not one of the candidates. {Allowed(keys)}")
            : AnswerResult<string>.Success(canonical);
    }

    /// <summary>The vocabulary entry <paramref name="answer"/> names (trimmed, case-insensitively), or null: the normalization rule every closed answer follows.</summary>
    internal static string? Match(string answer, IReadOnlyList<string> vocabulary)
    {
        var trimmed = answer.AsSpan().Trim();
        foreach (var entry in vocabulary)
        {
            if (trimmed.Equals(entry, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }

    private static AnswerResult<T> Null<T>(bool nullable, string expected) =>
        nullable ? AnswerResult<T>.Success(default!) : AnswerResult<T>.Failure($"\"value\" must not be null; give {expected}.");

    internal static string Allowed(IReadOnlyList<string> vocabulary) => $"Allowed: {string.Join(", ", vocabulary.Select(v => $"\"{v}\""))}.";

    private static string Show(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number ? element.GetRawText() : $"a {Describe(element.ValueKind)}";

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string StripCodeFence(string? text)
    {
        var span = (text ?? "").AsSpan().Trim();
        if (!span.StartsWith("```", StringComparison.Ordinal))
        {
            return span.ToString();
        }

        var firstLineEnd = span.IndexOf('\n');
        if (firstLineEnd < 0)
        {
            return span.Trim('`').ToString();
        }

        span = span[(firstLineEnd + 1)..].TrimEnd();
        if (span.EndsWith("```", StringComparison.Ordinal))
        {
            span = span[..^3];
        }

        return span.Trim().ToString();
    }
}
