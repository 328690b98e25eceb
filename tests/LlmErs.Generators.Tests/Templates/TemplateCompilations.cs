using System.Collections.Immutable;
using System.Reflection;
using LlmErs.Generators.Shared;
using LlmErs.Generators.Templates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LlmErs.Generators.Tests.Templates;

/// <summary>Type symbols for the template compiler, and emitted renderers compiled and loaded in memory.</summary>
internal static class TemplateCompilations
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(TemplateCompilations).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Scriban.Template).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(LlmErs.IPromptInputEncoder).Assembly.Location),
    ];

    private static readonly CSharpCompilationOptions Options =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999);

    /// <summary>The symbol of <paramref name="typeName"/> declared in <paramref name="source"/> (which may also use this assembly's types).</summary>
    public static INamedTypeSymbol TypeFrom(string source, string typeName) =>
        CompilationOf(source).GetTypeByMetadataName(typeName) ?? throw new InvalidOperationException($"No type {typeName}.");

    /// <summary>A compilation of <paramref name="source"/>, which must compile.</summary>
    public static CSharpCompilation CompilationOf(string source)
    {
        var compilation = Create("Symbols", source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    /// <summary>The symbol of a type of this test assembly, as the generator would see it.</summary>
    public static INamedTypeSymbol TypeOf<T>() =>
        Create("Symbols").GetTypeByMetadataName(typeof(T).FullName!) ?? throw new InvalidOperationException($"No type {typeof(T)}.");

    /// <summary>
    /// Compiles each template against <typeparamref name="T"/>, emits all of them into one assembly (nullable enabled,
    /// every warning an error, as in a consumer's build) and returns their render functions, called with no encoder.
    /// </summary>
    public static IReadOnlyList<Func<T, string>> Renderers<T>(IReadOnlyList<string> templates) =>
        EncodingRenderers<T>(templates).Select(render => (Func<T, string>)(item => render(item, null))).ToList();

    /// <summary>As <see cref="Renderers{T}"/>, with the input encoder as the second argument (null for none).</summary>
    public static IReadOnlyList<Func<T, LlmErs.IPromptInputEncoder?, string>> EncodingRenderers<T>(IReadOnlyList<string> templates)
    {
        var root = TypeOf<T>();
        var writer = new SourceWriter();
        writer.WriteLine("#nullable enable");
        writer.OpenBlock("public static class Renderers");
        for (var i = 0; i < templates.Count; i++)
        {
            var compiled = TemplateCompiler.Compile(templates[i], root, "Prompt");
            if (compiled.Spec is null)
            {
                Assert.Fail($"Template {i} has errors: {string.Join("; ", compiled.Errors.Select(e => string.Join(" | ", e.MessageArgs)))}");
            }

            writer.OpenBlock($"public static string Render{i}(global::{typeof(T).FullName} item, global::LlmErs.IPromptInputEncoder? encoder)");
            writer.WriteLine("var builder = new global::System.Text.StringBuilder();");
            TemplateEmitter.Emit(writer, compiled.Spec, "item", "builder", "encoder");
            writer.WriteLine("return builder.ToString();");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        var source = writer.ToString();
        var compilation = Create("Renderers", source).WithOptions(Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics) + Environment.NewLine + source);
        var renderers = Assembly.Load(stream.ToArray()).GetType("Renderers")!;
        return templates.Select((_, i) => renderers.GetMethod($"Render{i}")!.CreateDelegate<Func<T, LlmErs.IPromptInputEncoder?, string>>()).ToList();
    }

    private static CSharpCompilation Create(string name, params string[] sources) =>
        CSharpCompilation.Create(name, sources.Select(s => CSharpSyntaxTree.ParseText(s)), References, Options);
}
