using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Emitting;

/// <summary>
/// The expression that creates a field's <c>LlmErs.AnswerConstraints</c>, from the same <see cref="AnswerContract"/> as its
/// JSON schema. Vocabularies refer to the field class's <c>Vocabulary</c> array, which the constraints copy.
/// </summary>
internal static class AnswerConstraintsEmitter
{
    private const string Type = "global::LlmErs.AnswerConstraints";

    public static string Create(FieldSpec field)
    {
        var answer = AnswerContract.Of(field.Kind, field.Options)!;
        var unknown = CSharpLiteral.Bool(answer.Nullable);
        return answer.Kind switch
        {
            AnswerKindSpec.Text => $"{Type}.Text({CSharpLiteral.Int(answer.MaxWords)})",
            AnswerKindSpec.Tags => $"{Type}.Tags(Vocabulary, {CSharpLiteral.Int(answer.MinCount)}, {CSharpLiteral.Int(answer.MaxCount)})",
            AnswerKindSpec.Choice => $"{Type}.Choice(Vocabulary, {unknown})",
            AnswerKindSpec.Boolean => $"{Type}.Boolean({unknown})",
            AnswerKindSpec.Integer => $"{Type}.Integer({unknown}, {Bound(answer.Minimum)}, {Bound(answer.Maximum)})",
            AnswerKindSpec.Triples => $"{Type}.Triples(Relations, {CSharpLiteral.Int(answer.MaxCount)})",
            AnswerKindSpec.TripleVerdicts => $"{Type}.TripleVerdicts(Relations)",
            AnswerKindSpec.Number => $"{Type}.Number({unknown}, {Bound(answer.Minimum)}, {Bound(answer.Maximum)})",
            _ => $"{Type}.String({unknown})",
        };
    }

    private static string Bound(double bound) => double.IsNaN(bound) ? "null" : CSharpLiteral.Double(bound);
}
