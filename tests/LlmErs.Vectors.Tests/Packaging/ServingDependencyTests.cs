using System.Reflection;
using System.Text.Json;
using LlmErs.Vectors;

namespace LlmErs.Vectors.Tests.Packaging;

/// <summary>
/// A serving-only app references LlmErs.Vectors alone, so its package closure must not carry what only the offline side
/// needs: a database, resilience, Parquet, the LLM abstractions, a tokenizer or an ONNX runtime.
/// </summary>
public sealed class ServingDependencyTests
{
    private static readonly string[] Forbidden =
    [
        "Microsoft.Data.Sqlite",
        "SQLitePCLRaw",
        "Polly",
        "Microsoft.Extensions.Resilience",
        "Parquet.Net",
        "Microsoft.Extensions.AI",
        "Microsoft.ML.Tokenizers",
        "Microsoft.ML.OnnxRuntime",
    ];

    [Fact]
    public void PackageClosure_OfLlmErsVectors_HoldsNoOfflineDependency()
    {
        var closure = PackageClosure("LlmErs.Vectors");

        Assert.Contains("System.Numerics.Tensors", closure);
        Assert.Contains("System.IO.Hashing", closure);
        var offending = closure.Where(package => Forbidden.Any(f => package.Equals(f, StringComparison.OrdinalIgnoreCase) || package.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(offending.Count == 0, $"LlmErs.Vectors transitively depends on {string.Join(", ", offending)}; move that code to LlmErs.Runtime or LlmErs.Recommenders.");
    }

    [Fact]
    public void Assembly_OfLlmErsVectors_ReferencesOnlyAbstractionsAndTheFramework()
    {
        var references = typeof(VectorStore).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        var unexpected = references.Where(name => !name.StartsWith("System", StringComparison.Ordinal) &&
                                                  name is not ("LlmErs.Abstractions" or "Microsoft.Extensions.DependencyInjection.Abstractions" or "netstandard"))
            .ToList();
        Assert.True(unexpected.Count == 0, $"LlmErs.Vectors references {string.Join(", ", unexpected)}.");
    }

    /// <summary>Every package in the restore graph of the project, as NuGet resolved it (project.assets.json).</summary>
    private static HashSet<string> PackageClosure(string project)
    {
        var assets = Path.Combine(RepositoryRoot(), "src", project, "obj", "project.assets.json");
        Assert.True(File.Exists(assets), $"{assets} is missing; run 'dotnet restore LlmErs.sln' first.");
        using var document = JsonDocument.Parse(File.ReadAllBytes(assets));
        var packages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in document.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                if (library.Value.GetProperty("type").GetString() == "package")
                {
                    packages.Add(library.Name[..library.Name.IndexOf('/')]);
                }
            }
        }

        return packages;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LlmErs.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No LlmErs.sln above {AppContext.BaseDirectory}.");
    }
}
