using System.Text.Json;

namespace LlmErs;

/// <summary>
/// Reads, checks and writes the answers of triples fields (<see cref="LlmTriplesAttribute"/>). A completion answers
/// <c>{"value": [{"relation": …, "tail": …}, …]}</c>; a correction answers one verdict per given triple, in order:
/// <c>{"value": [{"verdict": "keep"|"fix"|"drop", "relation": …, "tail": …, "reason": …}, …]}</c>, where a kept or dropped
/// verdict restates the given triple and a fix states its replacement. Relations and tails are normalized as
/// <see cref="AnswerReader.ReadChoice"/> normalizes a choice — a catalog relation's tail to an item's key, once the relation
/// is bound to a catalog (<see cref="ResolveCatalogTails"/>); every error says what to send instead.
/// </summary>
public static class TripleAnswers
{
    private const string Keep = "keep";
    private const string Fix = "fix";
    private const string Drop = "drop";

    /// <summary>Reads a completion: distinct triples over <paramref name="relations"/>, at most <paramref name="max"/>, all <see cref="TripleStatus.Added"/>.</summary>
    public static AnswerResult<IReadOnlyList<KgTriple>> ReadTriples(string? answerJson, IReadOnlyList<TripleRelation> relations, int max)
    {
        var entries = ReadEntries(answerJson, "triples");
        if (!entries.IsValid)
        {
            return entries.Cast<IReadOnlyList<KgTriple>>();
        }

        var triples = new List<KgTriple>();
        foreach (var entry in entries.Value)
        {
            var triple = Normalize(entry, relations, "");
            if (!triple.IsValid)
            {
                return triple.Cast<IReadOnlyList<KgTriple>>();
            }

            // A repeated triple adds nothing (strict schemas cannot say uniqueItems); only distinct ones count toward Max.
            if (!triples.Contains(triple.Value))
            {
                triples.Add(triple.Value);
            }
        }

        return triples.Count > max
            ? AnswerResult<IReadOnlyList<KgTriple>>.Failure($"Give at most {max} triple(s); the answer has {triples.Count}.")
            : AnswerResult<IReadOnlyList<KgTriple>>.Success(triples);
    }

    /// <summary>
    /// Reads a correction's verdicts on their own: a kept or fixed triple must be in <paramref name="relations"/>' vocabularies,
    /// a dropped one is recorded as stated, and a fix or a drop needs a reason. <see cref="CheckVerdicts"/> then holds them
    /// against the given triples.
    /// </summary>
    public static AnswerResult<IReadOnlyList<KgTriple>> ReadVerdicts(string? answerJson, IReadOnlyList<TripleRelation> relations)
    {
        var entries = ReadEntries(answerJson, "verdicts");
        if (!entries.IsValid)
        {
            return entries.Cast<IReadOnlyList<KgTriple>>();
        }

        var verdicts = new List<KgTriple>();
        for (var i = 0; i < entries.Value.Count; i++)
        {
            var entry = entries.Value[i];
            var where = $"Verdict {i + 1}: ";
            var verdict = Member(entry, "verdict");
            var reason = Member(entry, "reason")?.Trim();
            var status = verdict?.Trim().ToLowerInvariant() switch
            {
                Keep => TripleStatus.Kept,
                Fix => TripleStatus.Fixed,
                Drop => TripleStatus.Dropped,
                _ => (TripleStatus?)null,
            };
            if (status is null)
            {
                return Failure($"{where}\"verdict\" is {Quote(verdict)}; use \"keep\", \"fix\" or \"drop\".");
            }

            if (status != TripleStatus.Kept && string.IsNullOrEmpty(reason))
            {
                return Failure($"{where}a \"{verdict!.Trim().ToLowerInvariant()}\" needs a \"reason\" saying what is wrong with the given triple.");
            }

            KgTriple triple;
            if (status == TripleStatus.Dropped)
            {
                var relation = Member(entry, "relation")?.Trim();
                var tail = Member(entry, "tail")?.Trim();
                if (string.IsNullOrEmpty(relation) || string.IsNullOrEmpty(tail))
                {
                    return Failure($"{where}a dropped verdict restates the given triple: give its \"relation\" and \"tail\".");
                }

                triple = new KgTriple(relation, tail);
            }
            else
            {
                var normalized = Normalize(entry, relations, where);
                if (!normalized.IsValid)
                {
                    return normalized.Cast<IReadOnlyList<KgTriple>>();
                }

                triple = normalized.Value;
            }

            verdicts.Add(triple with { Status = status.Value, Reason = string.IsNullOrEmpty(reason) ? null : reason });
        }

        return AnswerResult<IReadOnlyList<KgTriple>>.Success(verdicts);
    }

    /// <summary>
    /// Holds verdicts against the triples they judge: one per given triple, in order; a kept or dropped verdict restates its
    /// given triple, a fix differs from it. <see langword="null"/> when they agree, else the error to send back.
    /// </summary>
    public static string? CheckVerdicts(IReadOnlyList<KgTriple> verdicts, IReadOnlyList<KgTriple>? given)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        given ??= [];
        if (verdicts.Count != given.Count)
        {
            return $"Give exactly one verdict per given triple, in order: there are {given.Count} given triple(s) and {verdicts.Count} verdict(s).";
        }

        for (var i = 0; i < given.Count; i++)
        {
            var same = Same(verdicts[i], given[i]);
            switch (verdicts[i].Status)
            {
                case TripleStatus.Kept or TripleStatus.Dropped when !same:
                    return $"Verdict {i + 1} {(verdicts[i].Status == TripleStatus.Kept ? "keeps" : "drops")} ({verdicts[i].Relation}, {verdicts[i].Tail}), but given triple {i + 1} is ({given[i].Relation}, {given[i].Tail}); restate the given triple, or \"fix\" it.";
                case TripleStatus.Fixed when same:
                    return $"Verdict {i + 1} \"fixes\" given triple {i + 1} ({given[i].Relation}, {given[i].Tail}) into itself; \"keep\" it, or give a different relation or tail.";
            }
        }

        return null;
    }

    /// <summary>Writes a completion answer that <see cref="ReadTriples"/> reads back.</summary>
    public static string FormatTriples(IReadOnlyList<KgTriple>? triples) => AnswerReader.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var triple in triples ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("relation", triple.Relation);
            writer.WriteString("tail", triple.Tail);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>Writes a correction answer that <see cref="ReadVerdicts"/> reads back.</summary>
    public static string FormatVerdicts(IReadOnlyList<KgTriple>? verdicts) => AnswerReader.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var verdict in verdicts ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("verdict", verdict.Status switch { TripleStatus.Fixed => Fix, TripleStatus.Dropped => Drop, _ => Keep });
            writer.WriteString("relation", verdict.Relation);
            writer.WriteString("tail", verdict.Tail);
            writer.WriteString("reason", verdict.Reason ?? "");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static AnswerResult<IReadOnlyList<JsonElement>> ReadEntries(string? answerJson, string what)
    {
        var value = AnswerReader.ReadValue(answerJson);
        if (!value.IsValid)
        {
            return value.Cast<IReadOnlyList<JsonElement>>();
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            return AnswerResult<IReadOnlyList<JsonElement>>.Failure($"\"value\" must be an array of {what}, not a {AnswerReader.Describe(value.Value.ValueKind)}.");
        }

        var entries = new List<JsonElement>();
        foreach (var element in value.Value.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return AnswerResult<IReadOnlyList<JsonElement>>.Failure($"Every entry of \"value\" must be an object; found a {AnswerReader.Describe(element.ValueKind)}.");
            }

            entries.Add(element);
        }

        return AnswerResult<IReadOnlyList<JsonElement>>.Success(entries);
    }

    /// <summary>The entry's relation and tail in their declared spelling, or the error naming the allowed ones.</summary>
    private static AnswerResult<KgTriple> Normalize(JsonElement entry, IReadOnlyList<TripleRelation> relations, string where)
    {
        var relationText = Member(entry, "relation");
        var relation = relationText is null ? null : relations.FirstOrDefault(r => AnswerReader.Match(relationText, [r.Name]) is not null);
        if (relation is null)
        {
            return AnswerResult<KgTriple>.Failure(
                $"{where}relation {Quote(relationText)} is not allowed. {AnswerReader.Allowed(relations.Select(r => r.Name).ToList())}");
        }

        var tailText = Member(entry, "tail");
        if (relation.IsCatalog)
        {
            // Unbound (the generated reader's relations), the tail waits for the run's catalog: see ResolveCatalogTails.
            var named = tailText?.Trim();
            return string.IsNullOrEmpty(named)
                ? AnswerResult<KgTriple>.Failure($"{where}tail {Quote(tailText)} names no item; give the key or the name of an item of the catalog for relation \"{relation.Name}\".")
                : relation.Items is null
                    ? AnswerResult<KgTriple>.Success(new KgTriple(relation.Name, named))
                    : Resolve(relation, named, null, where);
        }

        var tail = tailText is null ? null : AnswerReader.Match(tailText, relation.Entities);
        return tail is null
            ? AnswerResult<KgTriple>.Failure($"{where}tail {Quote(tailText)} is not allowed for relation \"{relation.Name}\". {AnswerReader.Allowed(relation.Entities)}")
            : AnswerResult<KgTriple>.Success(new KgTriple(relation.Name, tail));
    }

    /// <summary>
    /// Normalizes the tails of catalog relations (<see cref="LlmRelationAttribute.CatalogItems"/>) in triples a field read
    /// to the keys of <paramref name="relations"/>' bound catalog: a key, else a unique name, never <paramref name="head"/>
    /// (the item itself). Dropped verdicts stay as stated; completions that name one item twice keep it once. Every error
    /// says what to send instead.
    /// </summary>
    /// <param name="triples">What the field read (its generated reader leaves catalog tails as the model wrote them).</param>
    /// <param name="relations">The field's relations with their catalog bound (<see cref="AnswerConstraints.WithCatalog"/>).</param>
    /// <param name="head">The key of the item the triples are about.</param>
    /// <exception cref="InvalidOperationException">A catalog relation of <paramref name="relations"/> is not bound.</exception>
    public static AnswerResult<IReadOnlyList<KgTriple>> ResolveCatalogTails(IReadOnlyList<KgTriple> triples, IReadOnlyList<TripleRelation> relations, string head)
    {
        ArgumentNullException.ThrowIfNull(triples);
        ArgumentNullException.ThrowIfNull(relations);
        var resolved = new List<KgTriple>(triples.Count);
        for (var i = 0; i < triples.Count; i++)
        {
            var triple = triples[i];
            var relation = relations.FirstOrDefault(r => r.IsCatalog && string.Equals(r.Name, triple.Relation, StringComparison.OrdinalIgnoreCase));
            if (relation is null || triple.Status == TripleStatus.Dropped)
            {
                resolved.Add(triple);
                continue;
            }

            var tail = Resolve(relation, triple.Tail, head, triple.Status == TripleStatus.Added ? "" : $"Verdict {i + 1}: ");
            if (!tail.IsValid)
            {
                return tail.Cast<IReadOnlyList<KgTriple>>();
            }

            var normalized = triple with { Tail = tail.Value.Tail };
            if (triple.Status != TripleStatus.Added || !resolved.Contains(normalized))
            {
                resolved.Add(normalized);
            }
        }

        return AnswerResult<IReadOnlyList<KgTriple>>.Success(resolved);
    }

    /// <summary>The triple whose tail is the key of the one catalog item <paramref name="text"/> names, other than <paramref name="head"/>.</summary>
    private static AnswerResult<KgTriple> Resolve(TripleRelation relation, string text, string? head, string where)
    {
        var items = relation.Items
            ?? throw new InvalidOperationException($"Relation '{relation.Name}' takes the catalog's items as tails but has no catalog; bind it with {nameof(AnswerConstraints)}.{nameof(AnswerConstraints.WithCatalog)}.");
        var found = items.Find(text);
        if (found.Count == 0)
        {
            return AnswerResult<KgTriple>.Failure(
                $"{where}tail \"{text}\" names no item of the catalog for relation \"{relation.Name}\"; give an item's key or its name exactly as the catalog writes it. {items.Suggest(text)}");
        }

        if (found.Count > 1)
        {
            return AnswerResult<KgTriple>.Failure(
                $"{where}tail \"{text}\" names {found.Count} items of the catalog ({string.Join(", ", found.Take(5).Select(items.Describe))}); give the key of the one you mean.");
        }

        var key = items.Keys[found[0]];
        return head is not null && string.Equals(key, head.Trim(), StringComparison.OrdinalIgnoreCase)
            ? AnswerResult<KgTriple>.Failure($"{where}tail \"{text}\" is the item itself; relation \"{relation.Name}\" links it to another item of the catalog.")
            : AnswerResult<KgTriple>.Success(new KgTriple(relation.Name, key));
    }

    private static bool Same(KgTriple a, KgTriple b) =>
        string.Equals(a.Relation.Trim(), b.Relation.Trim(), StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Tail.Trim(), b.Tail.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Member(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString() : null;

    private static string Quote(string? text) => text is null ? "missing" : $"\"{text}\"";

    private static AnswerResult<IReadOnlyList<KgTriple>> Failure(string error) => AnswerResult<IReadOnlyList<KgTriple>>.Failure(error);
}
