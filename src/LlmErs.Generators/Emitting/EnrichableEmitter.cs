using System.Linq;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Emitting;

/// <summary>The emit step: writes one [Enrichable] type's partial implementation from its spec.</summary>
internal static class EnrichableEmitter
{
    public const string GeneratorName = "LlmErs.Generators";
    public const string GeneratorVersion = "1.0.0";
    public const string FieldsClass = "__LlmErsFields";

    public static string Emit(EnrichableTypeSpec spec)
    {
        var writer = new SourceWriter();
        var self = spec.FullyQualifiedName;
        TypeScaffold.Open(writer, spec.Namespace, spec.ContainingTypes.Concat([spec.Type]),
            spec.Key is null ? null : $": global::LlmErs.IEnrichable<{self}>");

        foreach (var property in spec.Properties)
        {
            WriteProperty(writer, property);
        }

        if (spec.Key is { } key)
        {
            writer.WriteLine($"static global::LlmErs.EnrichmentModel<{self}> global::LlmErs.IEnrichable<{self}>.EnrichmentModel => {FieldsClass}.Model;");
            writer.WriteLine();
            WriteFieldsClass(writer, spec, key);
        }

        TypeScaffold.Close(writer, spec.Namespace, spec.ContainingTypes.Count + 1);
        return writer.ToString();
    }

    public static string BackingField(string property) => "__llmers_" + property;

    private static void WriteProperty(SourceWriter writer, PropertySpec property)
    {
        var field = BackingField(property.Name);
        // A static derived property is an error (LLMERS0024), but implementing it keeps the compiler's errors away.
        var fieldModifiers = property.Modifiers.Split(' ').Contains("static") ? "private static" : "private";
        writer.WriteLine(property.BackingFieldInitializer is null
            ? $"{fieldModifiers} {property.Type} {field};"
            : $"{fieldModifiers} {property.Type} {field} = {property.BackingFieldInitializer};");
        var accessors = property.Accessors.Select(a =>
        {
            var modifiers = a.Modifiers.Length == 0 ? "" : a.Modifiers + " ";
            return a.Keyword == "get" ? $"{modifiers}get => {field};" : $"{modifiers}{a.Keyword} => {field} = value;";
        });
        writer.WriteLine($"{property.Modifiers} {property.Type} {property.Identifier} {{ {string.Join(" ", accessors)} }}");
        writer.WriteLine();
    }

    private static void WriteFieldsClass(SourceWriter writer, EnrichableTypeSpec spec, KeySpec key)
    {
        var self = spec.FullyQualifiedName;
        writer.WriteLine($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorName}\", \"{GeneratorVersion}\")]");
        writer.OpenBlock($"private static class {FieldsClass}");
        // Columns must be initialized before Model, which reads it: static initializers run in textual order.
        FeatureRowEmitter.Emit(writer, spec, key);
        writer.WriteLine();
        writer.WriteLine($"public static readonly global::LlmErs.EnrichmentModel<{self}> Model = new global::LlmErs.EnrichmentModel<{self}>(");
        writer.Indent();
        writer.WriteLine($"{CSharpLiteral.String(spec.Type.Name)},");
        writer.WriteLine($"{CSharpLiteral.String(key.MemberName)},");
        writer.WriteLine($"static item => {KeyExpression(key)},");
        writer.WriteLine($"new global::LlmErs.DerivedField<{self}>[] {{ {string.Join(", ", spec.Fields.Select(f => $"new {FieldEmitter.ClassName(f)}()"))} }},");
        writer.WriteLine("Columns,");
        writer.WriteLine("WriteRow);");
        writer.Outdent();

        foreach (var field in spec.Fields)
        {
            writer.WriteLine();
            FieldEmitter.Emit(writer, field, self);
        }

        writer.CloseBlock();
    }

    public static string KeyExpression(KeySpec key)
    {
        var member = "item." + CSharpIdentifier.Escape(key.MemberName);
        return key.Kind switch
        {
            KeyKind.String => key.Nullable ? $"{member} ?? \"\"" : member,
            KeyKind.Guid => $"{member}.ToString(\"D\")",
            _ => $"{member}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        };
    }
}
