using LlmErs.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace LlmErs.Generators.Tests.Corpus;

/// <summary>What a consumer project is expected to get from the generator.</summary>
public enum Expectation
{
    /// <summary>No LlmErs diagnostic, and the project builds with zero errors and zero warnings.</summary>
    Valid,

    /// <summary>Exactly the marked LlmErs diagnostics, and nothing else from the compiler: no cascade.</summary>
    Invalid,

    /// <summary>The source has C# errors of its own; exactly the marked LlmErs diagnostics (often none).</summary>
    Broken,
}

/// <summary>
/// One consumer project: sources whose <c>[|…|]</c> spans mark where the diagnostics of <see cref="Ids"/> (in the same
/// order, across the sources in order) must point.
/// </summary>
public sealed record CorpusCase(string Name, Expectation Expectation, string[] Markups, string[] Ids)
{
    private const string Usings = "using System; using System.Collections.Generic; using LlmErs;\n";

    public static CorpusCase Valid(string name, params string[] sources) => new(name, Expectation.Valid, sources, []);

    public static CorpusCase Invalid(string name, string markup, params string[] ids) => new(name, Expectation.Invalid, [markup], ids);

    public static CorpusCase Broken(string name, string markup, params string[] ids) => new(name, Expectation.Broken, [markup], ids);

    /// <summary>The sources without markup, and each expected diagnostic as (id, source index, span).</summary>
    public (string[] Sources, List<(string Id, int Source, TextSpan Span)> Expected) Parse()
    {
        var sources = new string[Markups.Length];
        var expected = new List<(string, int, TextSpan)>();
        for (var i = 0; i < Markups.Length; i++)
        {
            // Spans come out in order: removing a later marker never moves an earlier span.
            var source = Usings + Markups[i];
            while (source.Contains("[|", StringComparison.Ordinal))
            {
                var markup = Markup.Parse(source);
                expected.Add((Ids.ElementAtOrDefault(expected.Count) ?? "?", i, markup.Span));
                source = markup.Source;
            }

            sources[i] = source;
        }

        Assert.True(expected.Count == Ids.Length, $"Case '{Name}' marks {expected.Count} spans for {Ids.Length} ids.");
        return (sources, expected);
    }

    public override string ToString() => Name;
}
