using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Model;

/// <summary>
/// What a valid answer to an LLM field is, reduced from the field's options. The JSON schema and the generated
/// <c>AnswerConstraints</c> are both written from it, so the two cannot disagree.
/// </summary>
/// <param name="Minimum">NaN when unbounded.</param>
/// <param name="Maximum">NaN when unbounded.</param>
internal sealed record AnswerContract(
    AnswerKindSpec Kind,
    bool Nullable,
    EquatableArray<string> Choices,
    int MinCount = 0,
    int MaxCount = 0,
    double Minimum = double.NaN,
    double Maximum = double.NaN,
    int MaxWords = 0,
    EquatableArray<RelationSpec> Relations = default)
{
    /// <summary>The contract of an LLM field; <see langword="null"/> for embeddings and semantic IDs, which no model answers, and for a slot whose type was rejected.</summary>
    public static AnswerContract? Of(FieldKindSpec kind, FieldOptions options) => kind switch
    {
        FieldKindSpec.Text => new(AnswerKindSpec.Text, false, default, MaxWords: options.MaxWords),
        FieldKindSpec.Tags => new(AnswerKindSpec.Tags, false, options.Vocabulary, options.MinCount, options.MaxCount),
        FieldKindSpec.Normalized => new(AnswerKindSpec.Choice, options.Nullable, options.Vocabulary),
        // A correction is free text where null says "nothing to correct", so the original stays the value to use.
        FieldKindSpec.Correction => new(AnswerKindSpec.String, true, default),
        // Source names the given triples: with it the field checks them (one verdict each), without it completes the graph.
        FieldKindSpec.Triples => options.Source is null
            ? new(AnswerKindSpec.Triples, false, default, MaxCount: options.MaxCount, Relations: options.Relations)
            : new(AnswerKindSpec.TripleVerdicts, false, default, Relations: options.Relations),
        FieldKindSpec.Value => options.ValueKind switch
        {
            ValueKind.Boolean => new(AnswerKindSpec.Boolean, options.Nullable, default),
            ValueKind.Int32 or ValueKind.Int64 => new(AnswerKindSpec.Integer, options.Nullable, default, Minimum: options.Minimum, Maximum: options.Maximum),
            ValueKind.Double => new(AnswerKindSpec.Number, options.Nullable, default, Minimum: options.Minimum, Maximum: options.Maximum),
            ValueKind.Enum => new(AnswerKindSpec.Choice, options.Nullable, options.Vocabulary),
            ValueKind.String => new(AnswerKindSpec.String, options.Nullable, default),
            _ => null,
        },
        _ => null,
    };
}
