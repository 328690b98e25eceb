using System.Collections;
using System.Reflection;
using LlmErs.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LlmErs.Generators.Tests.Incremental;

public sealed class IncrementalTests
{
    private const string Movie = """
        using System.Collections.Generic;
        using LlmErs;

        namespace Shop;

        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            public string Title { get; set; } = "";
            public IReadOnlyList<string> Genres { get; set; } = [];

            [LlmText("Who would enjoy {{ title }} ({{ genres | array.join ', ' }})?", MaxWords = 30)]
            public partial string? Pitch { get; set; }

            [LlmTags("Moods of {{ title }}", Vocabulary = ["dark", "funny"])]
            public partial IReadOnlyList<string> Moods { get; set; }
        }
        """;

    [Fact]
    public void Unrelated_edit_leaves_every_output_cached()
    {
        var compilation = GeneratorHarness.Compile(Movie, "namespace Shop; public class Unrelated { }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace Shop; public class Unrelated { public int Added; }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "Source1.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(Outputs(result, LlmErsGenerator.Steps.Specs), reason => Assert.Contains(reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.NotEmpty(result.TrackedOutputSteps);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_the_annotated_type_modifies_its_output()
    {
        var compilation = GeneratorHarness.Compile(Movie);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(Movie.Replace("MaxWords = 30", "MaxWords = 20"), (CSharpParseOptions)compilation.SyntaxTrees.Single().Options, path: "Source0.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Outputs(result, LlmErsGenerator.Steps.Specs));
        Assert.Contains("ReadText(answerJson, 20)", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_or_syntax()
    {
        var result = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(Movie)).GetRunResult().Results.Single();

        var models = result.TrackedSteps[LlmErsGenerator.Steps.Types].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(models);
        foreach (var model in models)
        {
            AssertNoRoslynObjects(model, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");
        }
    }

    private static IEnumerable<IncrementalStepRunReason> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    /// <summary>A symbol, syntax node or compilation inside a model would root a whole compilation and defeat caching.</summary>
    private static void AssertNoRoslynObjects(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel, $"{path} holds a {value.GetType().Name}.");
        if (value is DiagnosticDescriptor or Microsoft.CodeAnalysis.Text.TextSpan or Microsoft.CodeAnalysis.Text.LinePositionSpan)
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                AssertNoRoslynObjects(item, seen, $"{path}[{i++}]");
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), seen, $"{path}.{field.Name}");
        }
    }
}
