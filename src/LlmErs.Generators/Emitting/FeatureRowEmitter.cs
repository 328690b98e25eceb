using System.Linq;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Emitting;

/// <summary>Writes the feature columns of a type and the reflection-free row writer that fills them.</summary>
internal static class FeatureRowEmitter
{
    public static void Emit(SourceWriter writer, EnrichableTypeSpec spec, KeySpec key)
    {
        var columns = new[] { $"new global::LlmErs.FeatureColumn({CSharpLiteral.String(key.MemberName)}, global::LlmErs.FeatureColumnType.Key, false)" }
            .Concat(spec.Fields.Select(Column));
        writer.WriteLine("public static readonly global::LlmErs.FeatureColumn[] Columns = new global::LlmErs.FeatureColumn[]");
        writer.WriteLine("{");
        writer.Indent();
        foreach (var column in columns)
        {
            writer.WriteLine(column + ",");
        }

        writer.Outdent();
        writer.WriteLine("};");
        writer.WriteLine();

        writer.OpenBlock($"public static void WriteRow({spec.FullyQualifiedName} item, global::LlmErs.IFeatureRowWriter writer)");
        writer.WriteLine($"writer.WriteKey({EnrichableEmitter.KeyExpression(key)});");
        foreach (var field in spec.Fields)
        {
            writer.WriteLine($"writer.{Write(field)};");
        }

        writer.CloseBlock();
    }

    private static string Column(FieldSpec field)
    {
        var (type, nullable) = field.Kind switch
        {
            FieldKindSpec.Text => ("String", true),
            FieldKindSpec.Tags or FieldKindSpec.Triples => ("StringList", false),
            FieldKindSpec.Normalized => ("String", field.Options.Nullable),
            FieldKindSpec.Embedding => ("Vector", false),
            FieldKindSpec.SemanticId => ("SemanticId", false),
            _ => (field.Options.ValueKind switch
            {
                ValueKind.Boolean => "Boolean",
                ValueKind.Int32 or ValueKind.Int64 => "Int64",
                ValueKind.Double => "Double",
                _ => "String",
            }, field.Options.Nullable),
        };
        var dimensions = field.Kind == FieldKindSpec.Embedding ? $", {CSharpLiteral.Int(field.Options.Dimensions)}" : "";
        return $"new global::LlmErs.FeatureColumn({CSharpLiteral.String(field.Property.Name)}, global::LlmErs.FeatureColumnType.{type}, {CSharpLiteral.Bool(nullable)}{dimensions})";
    }

    private static string Write(FieldSpec field)
    {
        var value = "item." + field.Property.Identifier;
        return field.Kind switch
        {
            FieldKindSpec.Text or FieldKindSpec.Normalized => $"WriteString({value})",
            FieldKindSpec.Tags => $"WriteStringList({value})",
            FieldKindSpec.Triples => $"WriteStringList(global::LlmErs.KgTriple.LabelsOf({value}))",
            FieldKindSpec.Embedding => $"WriteVector({value})",
            FieldKindSpec.SemanticId => $"WriteSemanticId({value})",
            _ => field.Options.ValueKind switch
            {
                ValueKind.Boolean => $"WriteBoolean({value})",
                ValueKind.Int32 or ValueKind.Int64 => $"WriteInt64({value})",
                ValueKind.Double => $"WriteDouble({value})",
                ValueKind.Enum => $"WriteString({AnswerCodec.EnumToName(field.Options, value)})",
                _ => $"WriteString({value})",
            },
        };
    }
}
