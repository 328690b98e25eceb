using System.Collections.Immutable;
using System.Reflection;
using LlmErs.Generators;
using LlmErs.Local;
using LlmErs.Recommenders;
using LlmErs.Redis;
using LlmErs.Vectors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LlmErs.Docs.Tests;

/// <summary>Compiles sources the way a project referencing every LlmErs package, and the generator as an analyzer, does.</summary>
internal static class SnippetCompiler
{
    private static readonly Assembly[] Packages =
    [
        typeof(EnrichableAttribute).Assembly,
        typeof(EnrichmentEngine).Assembly,
        typeof(VectorStore).Assembly,
        typeof(InteractionLog).Assembly,
        typeof(OfflineChatClient).Assembly,
        typeof(RedisWorkQueue).Assembly,
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        .. PackagesAndDependencies().Select(a => MetadataReference.CreateFromFile(a.Location)),
    ]);

    /// <summary>
    /// System.Text.Json's source generator, which a console project runs too: the README's catalog snippet declares a
    /// <c>JsonSerializerContext</c>. It ships in the SDK's reference pack beside the framework this test runs on.
    /// </summary>
    private static readonly Lazy<ISourceGenerator> JsonGenerator = new(() =>
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var path = Directory.GetFiles(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref"), "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories)
            .Where(file => file.Contains($"{Path.DirectorySeparatorChar}cs{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(file => Version.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(file))))!)))
            .LastOrDefault() ?? throw new InvalidOperationException($"System.Text.Json's source generator is not under '{root}/packs/Microsoft.NETCore.App.Ref'.");
        var type = Assembly.LoadFrom(path).GetTypes().Single(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t));
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    });

    /// <summary>Errors of the compilation, the generator's included; the generated code is part of it.</summary>
    public static IReadOnlyList<Diagnostic> Errors(IReadOnlyList<SyntaxTree> sources)
    {
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            sources,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new LlmErsGenerator().AsSourceGenerator(), JsonGenerator.Value], parseOptions: SnippetProgram.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return [.. generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error)];
    }

    /// <summary>The packages and what they load, short of the framework, which the reference assemblies stand for.</summary>
    private static IEnumerable<Assembly> PackagesAndDependencies()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var found = new Dictionary<string, Assembly>();
        var pending = new Stack<Assembly>(Packages);
        while (pending.TryPop(out var assembly))
        {
            if (assembly.IsDynamic || assembly.Location.Length == 0 || assembly.Location.StartsWith(framework, StringComparison.Ordinal)
                || !found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var name in assembly.GetReferencedAssemblies().Where(n => !found.ContainsKey(n.Name!)))
            {
                // Optional dependencies of third-party packages may be absent; a snippet using them fails to compile, as it should.
                try
                {
                    pending.Push(Assembly.Load(name));
                }
                catch (FileNotFoundException)
                {
                }
            }
        }

        return found.Values;
    }
}
