using System.Linq;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Emitting;

/// <summary>
/// The expressions that read a field's answer through <c>LlmErs.AnswerReader</c> and convert it to the property's
/// type, and back. Bounds and vocabularies become constants in the generated code.
/// </summary>
internal static class AnswerCodec
{
    private const string Reader = "global::LlmErs.AnswerReader";
    private const string Triples = "global::LlmErs.TripleAnswers";

    public static string Read(FieldSpec field)
    {
        var o = field.Options;
        var nullable = CSharpLiteral.Bool(o.Nullable);
        return field.Kind switch
        {
            FieldKindSpec.Text => $"{Reader}.ReadText(answerJson, {CSharpLiteral.Int(o.MaxWords)})",
            FieldKindSpec.Tags => $"{Reader}.ReadTags(answerJson, Vocabulary, {CSharpLiteral.Int(o.MinCount)}, {CSharpLiteral.Int(o.MaxCount)})",
            FieldKindSpec.Normalized => $"{Reader}.ReadChoice(answerJson, Vocabulary, {nullable})",
            FieldKindSpec.Triples => o.Source is null
                ? $"{Triples}.ReadTriples(answerJson, Relations, {CSharpLiteral.Int(o.MaxCount)})"
                : $"{Triples}.ReadVerdicts(answerJson, Relations)",
            _ => o.ValueKind switch
            {
                ValueKind.Boolean => $"{Reader}.ReadBoolean(answerJson, {nullable})",
                ValueKind.Int32 => $"{Reader}.ReadInteger(answerJson, {nullable}, {IntegerBound(o.Minimum, int.MinValue, int.MaxValue, ceiling: true)}, {IntegerBound(o.Maximum, int.MinValue, int.MaxValue, ceiling: false)})",
                ValueKind.Int64 => $"{Reader}.ReadInteger(answerJson, {nullable}, {IntegerBound(o.Minimum, long.MinValue, long.MaxValue, ceiling: true)}, {IntegerBound(o.Maximum, long.MinValue, long.MaxValue, ceiling: false)})",
                ValueKind.Double => $"{Reader}.ReadNumber(answerJson, {nullable}, {NumberBound(o.Minimum, "double.NegativeInfinity")}, {NumberBound(o.Maximum, "double.PositiveInfinity")})",
                ValueKind.String => $"{Reader}.ReadString(answerJson, {nullable})",
                _ => $"{Reader}.ReadChoice(answerJson, Vocabulary, {nullable})",
            },
        };
    }

    /// <summary>Converts the reader's value (<paramref name="value"/>) to the property type.</summary>
    public static string Convert(FieldSpec field, string value)
    {
        var o = field.Options;
        if (field.Kind is FieldKindSpec.Text or FieldKindSpec.Tags or FieldKindSpec.Triples)
        {
            return value;
        }

        return o.ValueKind switch
        {
            ValueKind.Boolean or ValueKind.Double or ValueKind.Int64 => o.Nullable ? value : $"{value}.GetValueOrDefault()",
            ValueKind.Int32 => o.Nullable ? $"(int?){value}" : $"(int){value}.GetValueOrDefault()",
            ValueKind.Enum => EnumFromName(o, value),
            _ => o.Nullable ? value : $"{value}!",
        };
    }

    /// <summary>The expression that writes a property value (<paramref name="value"/>) as an answer the field's parser reads back.</summary>
    public static string FormatAnswer(FieldSpec field, string value) => field.Kind == FieldKindSpec.Triples
        ? $"{Triples}.{(field.Options.Source is null ? "FormatTriples" : "FormatVerdicts")}({value})"
        : $"{Reader}.Format({Format(field, value)})";

    /// <summary>Converts a property value (<paramref name="value"/>) to an argument of an <c>AnswerReader.Format</c> overload.</summary>
    private static string Format(FieldSpec field, string value)
    {
        var o = field.Options;
        if (field.Kind is FieldKindSpec.Text or FieldKindSpec.Tags or FieldKindSpec.Normalized)
        {
            return value;
        }

        return o.ValueKind switch
        {
            ValueKind.Boolean => $"(bool?){value}",
            ValueKind.Int32 or ValueKind.Int64 => $"(long?){value}",
            ValueKind.Double => $"(double?){value}",
            ValueKind.Enum => EnumToName(o, value),
            _ => value,
        };
    }

    private static string EnumFromName(FieldOptions o, string value)
    {
        // The reader only returns vocabulary entries (or null where allowed), so the fallback arm is never taken.
        var cast = o.Nullable ? $"({o.EnumType}?)" : "";
        var arms = o.Vocabulary.Select(n => $"{CSharpLiteral.String(n)} => {cast}{o.EnumType}.{CSharpIdentifier.Escape(n)}");
        var fallback = o.Nullable ? "_ => null" : $"_ => default({o.EnumType})";
        return $"{value} switch {{ {string.Join(", ", arms)}, {fallback} }}";
    }

    public static string EnumToName(FieldOptions o, string value)
    {
        var arms = o.Vocabulary.Select(n => $"{o.EnumType}.{CSharpIdentifier.Escape(n)} => {CSharpLiteral.String(n)}");
        var fallback = o.Nullable ? $"null => (string?)null, _ => {value}.ToString()" : $"_ => {value}.ToString()";
        return $"{value} switch {{ {string.Join(", ", arms)}, {fallback} }}";
    }

    private static string IntegerBound(double bound, long min, long max, bool ceiling)
    {
        if (double.IsNaN(bound))
        {
            return CSharpLiteral.Long(ceiling ? min : max);
        }

        var rounded = ceiling ? System.Math.Ceiling(bound) : System.Math.Floor(bound);
        var clamped = rounded <= min ? min : rounded >= max ? max : (long)rounded;
        return CSharpLiteral.Long(clamped);
    }

    private static string NumberBound(double bound, string unbounded) =>
        double.IsNaN(bound) ? unbounded : CSharpLiteral.Double(bound);
}
