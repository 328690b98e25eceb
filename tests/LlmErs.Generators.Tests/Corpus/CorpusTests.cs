using LlmErs.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Tests.Corpus;

/// <summary>
/// Consumer projects, valid and broken, built in memory with the generator: it never throws, and each project gets
/// exactly the expected LlmErs diagnostics at the expected places.
/// </summary>
public sealed class CorpusTests
{
    private static readonly Dictionary<string, CorpusCase> Cases =
        ValidCases.All.Concat(InvalidCases.All).Concat(BrokenCases.All).ToDictionary(c => c.Name);

    public static TheoryData<string> Names => new(Cases.Keys);

    [Fact]
    public void Corpus_is_large_and_covers_every_expectation()
    {
        Assert.True(Cases.Count >= 60, $"The corpus has {Cases.Count} cases.");
        Assert.All(Enum.GetValues<Expectation>(), e => Assert.Contains(Cases.Values, c => c.Expectation == e));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Consumer_project(string name)
    {
        var @case = Cases[name];
        var (sources, expected) = @case.Parse();
        var outcome = GeneratorHarness.Run(sources);
        var all = outcome.Output.GetDiagnostics();

        Assert.Null(outcome.Result.Exception);
        Assert.DoesNotContain(outcome.GeneratorDiagnostics.Concat(all), d => d.Id is "CS8785" or "AD0001" or "LLMERS0023");

        var expectedText = expected.Select(e => $"{e.Id} at Source{e.Source}.cs {Text(sources[e.Source], e.Span)}").Order();
        var actualText = outcome.Reported.Select(d => $"{d.Id} at {Describe(d, sources)}").Order();
        Assert.Equal(expectedText, actualText);

        var generatedTrees = outcome.Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        Assert.Empty(all.Where(d => d.Severity >= DiagnosticSeverity.Warning && generatedTrees.Contains(d.Location.SourceTree!)).Select(d => d.ToString()));

        if (@case.Expectation != Expectation.Broken)
        {
            // Nullable is on; "no warning" is what warnings-as-errors needs.
            Assert.Empty(all.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        }

        if (@case.Expectation == Expectation.Valid)
        {
            Assert.NotEmpty(outcome.Result.GeneratedSources);
        }
    }

    private static string Describe(Diagnostic diagnostic, string[] sources)
    {
        var path = diagnostic.Location.SourceTree?.FilePath ?? "(none)";
        var index = Enumerable.Range(0, sources.Length).FirstOrDefault(i => path == $"Source{i}.cs", -1);
        return index < 0 ? $"{path} {diagnostic.Location.SourceSpan}" : $"{path} {Text(sources[index], diagnostic.Location.SourceSpan)}";
    }

    private static string Text(string source, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        span.End <= source.Length ? $"'{source.Substring(span.Start, span.Length)}'@{span.Start}" : $"<{span}>";
}
