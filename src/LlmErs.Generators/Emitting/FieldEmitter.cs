using System.Linq;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;
using LlmErs.Generators.Templates;

namespace LlmErs.Generators.Emitting;

/// <summary>Writes the nested class that implements one derived field.</summary>
internal static class FieldEmitter
{
    public static string ClassName(FieldSpec field) => field.Property.Name + "Field";

    public static void Emit(SourceWriter writer, FieldSpec field, string self)
    {
        var name = field.Property.Name;
        var type = field.Property.Type;
        var dependsOn = field.DependsOn.Count == 0
            ? "global::System.Array.Empty<string>()"
            : $"new string[] {{ {string.Join(", ", field.DependsOn.Select(d => CSharpLiteral.String(d)))} }}";
        var fingerprint = CSharpLiteral.String(field.Fingerprint);
        var backing = EnrichableEmitter.BackingField(name);

        switch (field.Kind)
        {
            case FieldKindSpec.Embedding:
                writer.OpenBlock($"private sealed class {ClassName(field)} : global::LlmErs.EmbeddingField<{self}>");
                writer.WriteLine($"public {ClassName(field)}() : base({CSharpLiteral.String(name)}, {fingerprint}, {dependsOn}, {CSharpLiteral.Int(field.Options.Dimensions)}) {{ }}");
                writer.WriteLine();
                if (field.Options.Images is { } embedded)
                {
                    writer.WriteLine("public override bool EmbedsImages => true;");
                    writer.WriteLine($"public override string RenderText({self} item) => string.Empty;");
                    WriteImages(writer, embedded, self);
                }
                else
                {
                    WriteRender(writer, "RenderText", field.Template!, self);
                }

                writer.WriteLine($"public override global::System.ReadOnlyMemory<float> GetVector({self} item) => item.{field.Property.Identifier};");
                writer.WriteLine($"public override void SetVector({self} item, global::System.ReadOnlyMemory<float> vector) => item.{backing} = vector;");
                writer.CloseBlock();
                return;

            case FieldKindSpec.SemanticId:
                writer.OpenBlock($"private sealed class {ClassName(field)} : global::LlmErs.SemanticIdField<{self}>");
                writer.WriteLine($"public {ClassName(field)}() : base({CSharpLiteral.String(name)}, {fingerprint}, {CSharpLiteral.String(field.Options.Source)}, {CSharpLiteral.Int(field.Options.Levels)}, {CSharpLiteral.Int(field.Options.Codes)}) {{ }}");
                writer.WriteLine();
                writer.WriteLine($"public override global::LlmErs.SemanticId GetId({self} item) => item.{field.Property.Identifier};");
                writer.WriteLine($"public override void SetId({self} item, global::LlmErs.SemanticId id) => item.{backing} = id;");
                writer.CloseBlock();
                return;
        }

        writer.OpenBlock($"private sealed class {ClassName(field)} : global::LlmErs.LlmField<{self}, {type}>");
        if (field.Options.Vocabulary.Count > 0)
        {
            writer.WriteLine($"private static readonly string[] Vocabulary = new string[] {{ {string.Join(", ", field.Options.Vocabulary.Select(v => CSharpLiteral.String(v)))} }};");
            writer.WriteLine();
        }

        if (field.Options.Relations.Count > 0)
        {
            writer.WriteLine("private static readonly global::LlmErs.TripleRelation[] Relations = new global::LlmErs.TripleRelation[]");
            writer.WriteLine("{");
            writer.Indent();
            foreach (var relation in field.Options.Relations)
            {
                writer.WriteLine(relation.Catalog
                    ? $"global::LlmErs.TripleRelation.Catalog({CSharpLiteral.String(relation.Name)}),"
                    : $"new global::LlmErs.TripleRelation({CSharpLiteral.String(relation.Name)}, {Strings(relation.Entities)}),");
            }

            writer.Outdent();
            writer.WriteLine("};");
            writer.WriteLine();
        }

        var wordRules = field.Options.BlockedWords.Count > 0 || field.Options.BlockedWordLists.Count > 0;
        var wordLists = field.Options.BlockedWordLists.Count > 0;
        if (wordRules)
        {
            writer.WriteLine($"private static readonly string[] BlockedWords = {Strings(field.Options.BlockedWords)};");
            writer.WriteLine($"private static readonly string[] AllowedWords = {Strings(field.Options.AllowedWords)};");
            if (wordLists)
            {
                writer.WriteLine($"private static readonly string[] BlockedWordLists = {Strings(field.Options.BlockedWordLists)};");
                writer.WriteLine($"private static readonly string[] AllowedWordLists = {Strings(field.Options.AllowedWordLists)};");
            }

            writer.WriteLine();
        }

        writer.WriteLine($"public {ClassName(field)}() : base(");
        writer.Indent();
        writer.WriteLine($"{CSharpLiteral.String(name)}, global::LlmErs.FieldKind.{field.Kind}, {fingerprint}, {dependsOn},");
        writer.WriteLine($"{CSharpLiteral.String(field.JsonSchema)},");
        writer.WriteLine($"{AnswerConstraintsEmitter.Create(field)},");
        writer.WriteLine($"{CSharpLiteral.String(field.Instructions)}, {CSharpLiteral.String(field.Description)}" +
            (wordLists ? ", new global::LlmErs.WordRules(BlockedWords, AllowedWords, BlockedWordLists, AllowedWordLists))"
                : wordRules ? ", new global::LlmErs.WordRules(BlockedWords, AllowedWords))" : ")"));
        writer.Outdent();
        writer.WriteLine("{");
        writer.WriteLine("}");
        writer.WriteLine();
        WriteRender(writer, "RenderPrompt", field.Template!, self);

        writer.OpenBlock($"public override global::LlmErs.AnswerResult<{type}> Parse(string answerJson)");
        writer.WriteLine($"var result = {AnswerCodec.Read(field)};");
        writer.WriteLine($"return result.IsValid ? global::LlmErs.AnswerResult<{type}>.Success({AnswerCodec.Convert(field, "result.Value")}) : result.Cast<{type}>();");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"public override string FormatAnswer({type} value) => {AnswerCodec.FormatAnswer(field, "value")};");
        if (field.Kind == FieldKindSpec.Triples && field.Options.Source is { } given)
        {
            WriteVerdictCheck(writer, self, given);
        }

        writer.WriteLine($"public override {type} GetValue({self} item) => item.{field.Property.Identifier};");
        writer.WriteLine($"public override void SetValue({self} item, {type} value) => item.{backing} = value;");
        writer.WriteLine($"public override void ClearValue({self} item) => item.{backing} = {field.Property.BackingFieldInitializer ?? "default"};");
        if (field.Options.Images is { } images)
        {
            WriteImages(writer, images, self);
        }

        writer.CloseBlock();
    }

    // The compiler picks the ItemImages.Of overload of the member's type, which the parser checked.
    private static void WriteImages(SourceWriter writer, string member, string self) =>
        writer.WriteLine($"public override global::System.Collections.Generic.IReadOnlyList<global::LlmErs.ItemImage> GetImages({self} item) => global::LlmErs.ItemImages.Of(item.{CSharpIdentifier.Escape(member)});");

    /// <summary>A correction's verdicts are valid only against the item's given triples: one each, in order.</summary>
    private static void WriteVerdictCheck(SourceWriter writer, string self, string given)
    {
        writer.WriteLine();
        writer.OpenBlock($"public override bool TryApply({self} item, string answerJson, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)");
        writer.WriteLine("var result = Parse(answerJson);");
        writer.WriteLine($"error = result.IsValid ? global::LlmErs.TripleAnswers.CheckVerdicts(result.Value, item.{CSharpIdentifier.Escape(given)}) : result.Error;");
        writer.OpenBlock("if (error is not null)");
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("SetValue(item, result.Value);");
        writer.WriteLine("return true;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"public override global::System.Collections.Generic.IReadOnlyList<global::LlmErs.KgTriple>? GetGivenTriples({self} item) => item.{CSharpIdentifier.Escape(given)};");
        writer.WriteLine();
    }

    private static string Strings(EquatableArray<string> values) => values.Count == 0
        ? "global::System.Array.Empty<string>()"
        : $"new string[] {{ {string.Join(", ", values.Select(v => CSharpLiteral.String(v)))} }}";

    /// <summary>
    /// The render method pair: the plain overload renders exactly as Scriban would (no encoder), the other passes each
    /// interpolated value through the caller's <c>IPromptInputEncoder</c>. One body serves both.
    /// </summary>
    private static void WriteRender(SourceWriter writer, string method, TemplateSpec template, string self)
    {
        writer.WriteLine($"public override string {method}({self} item) => {method}(item, null);");
        writer.WriteLine();
        writer.OpenBlock($"public override string {method}({self} item, global::LlmErs.IPromptInputEncoder? encoder)");
        writer.WriteLine("var builder = new global::System.Text.StringBuilder();");
        TemplateEmitter.Emit(writer, template, "item", "builder", "encoder");
        writer.WriteLine("return builder.ToString();");
        writer.CloseBlock();
        writer.WriteLine();
    }
}
