using System.Text;
using System.Text.Json;
using LlmErs.Vectors;

namespace LlmErs;

/// <summary>
/// The review file: JSON Lines, one quarantined value a line — <c>item</c>, <c>field</c>, <c>gate</c>, <c>evidence</c>,
/// <c>value</c>, and the reviewer's <c>decision</c> (<c>accept</c>, <c>replace</c> with a <c>replacement</c>, or
/// <c>reject</c>; <c>null</c> until decided). A decision applies only while the quarantined value is the one reviewed, so a
/// new answer is never accepted unseen. A malformed line is reported with its number and skipped as a whole.
/// </summary>
internal static class ReviewFile
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static List<ReviewEntry> Read(string path, List<string> errors)
    {
        var entries = new List<ReviewEntry>();
        if (!File.Exists(path))
        {
            return entries;
        }

        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (Parse(line, number, out var entry) is { } problem)
            {
                errors.Add($"{path}, line {number}: {problem}; the line was skipped — fix it and run again.");
            }
            else
            {
                entries.Add(entry!);
            }
        }

        return entries;
    }

    /// <summary>
    /// Applies the decisions in <paramref name="entries"/> to the quarantined values of <paramref name="rows"/>; a
    /// replacement goes through <paramref name="plan"/> as the model's answer would, so the tails of catalog relations
    /// become the catalog's keys.
    /// </summary>
    public static void Apply<TItem>(IReadOnlyList<PipelineItem<TItem>> rows, EnrichmentPlan<TItem> plan, List<ReviewEntry> entries, string path, List<string> errors)
        where TItem : IEnrichable<TItem>
    {
        var fields = plan.Fields.ToDictionary(f => f.Field.Name, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var finding in row.Findings)
            {
                if (Find(entries, finding) is not { Decision: { } decision } entry)
                {
                    continue;
                }

                var field = fields[finding.Field];
                if (decision == ReviewDecision.Replace
                    && !field.TryApply(row.Item, row.Key, $"{{\"value\":{entry.Replacement!.Value.GetRawText()}}}", out var error))
                {
                    errors.Add($"{path}, line {entry.Line}: item '{finding.Item}', field '{finding.Field}': the replacement is invalid ({error}); the value stays quarantined — fix the replacement.");
                    continue;
                }

                finding.Decision = decision;
                if (decision != ReviewDecision.Reject)
                {
                    row.SetStatus(finding.Field, field.Field.IsUnknown(row.Item) ? FeatureStatus.Unknown : FeatureStatus.Ok);
                }
            }
        }
    }

    /// <summary>Writes every finding of this run, each with the decision the reviewer made on that value, if any.</summary>
    public static async Task WriteAsync<TItem>(string path, IReadOnlyList<PipelineItem<TItem>> rows, List<ReviewEntry> entries, CancellationToken cancellationToken)
        where TItem : IEnrichable<TItem>
    {
        using var buffer = new MemoryStream();
        foreach (var finding in rows.SelectMany(r => r.Findings))
        {
            var entry = Find(entries, finding);
            using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("item", finding.Item);
                writer.WriteString("field", finding.Field);
                writer.WriteString("gate", finding.Gate);
                writer.WriteString("evidence", finding.Evidence);
                writer.WritePropertyName("value");
                finding.Value.WriteTo(writer);
                if (entry?.Decision is { } decision)
                {
                    writer.WriteString("decision", Name(decision));
                }
                else
                {
                    writer.WriteNull("decision");
                }

                writer.WritePropertyName("replacement");
                if (entry?.Replacement is { } replacement)
                {
                    replacement.WriteTo(writer);
                }
                else
                {
                    writer.WriteNullValue();
                }

                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        await AtomicFile.WriteAllBytesAsync(path, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private static ReviewEntry? Find(List<ReviewEntry> entries, GateFinding finding) =>
        entries.LastOrDefault(e => e.Item == finding.Item && e.Field == finding.Field && JsonElement.DeepEquals(e.Value, finding.Value));

    private static string Name(ReviewDecision decision) => decision.ToString().ToLowerInvariant();

    private static string? Parse(string line, int number, out ReviewEntry? entry)
    {
        entry = null;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return $"not a JSON object ({ex.Message})";
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return "not a JSON object";
        }

        if (Text(root, "item") is not { } item || Text(root, "field") is not { } field)
        {
            return "'item' and 'field' must be strings";
        }

        if (!root.TryGetProperty("value", out var value))
        {
            return "'value' is missing: keep the value the run wrote, so the decision applies to that value only";
        }

        ReviewDecision? decision = null;
        if (root.TryGetProperty("decision", out var written) && written.ValueKind != JsonValueKind.Null)
        {
            if (written.ValueKind != JsonValueKind.String || !Enum.TryParse<ReviewDecision>(written.GetString(), ignoreCase: true, out var parsed)
                || !Enum.IsDefined(parsed))
            {
                return $"'decision' is {written.GetRawText()}; write \"accept\", \"replace\", \"reject\" or null";
            }

            decision = parsed;
        }

        JsonElement? replacement = root.TryGetProperty("replacement", out var given) && given.ValueKind != JsonValueKind.Null ? given : null;
        if (decision == ReviewDecision.Replace && replacement is null)
        {
            return "'decision' is \"replace\" but there is no 'replacement'; add the value to use";
        }

        entry = new ReviewEntry(number, item, field, value, decision, replacement);
        return null;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
