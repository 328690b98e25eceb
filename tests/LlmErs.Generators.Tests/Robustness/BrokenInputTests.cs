using LlmErs.Generators.Tests.Infrastructure;

namespace LlmErs.Generators.Tests.Robustness;

/// <summary>Half-typed and malformed code must never make the generator throw (CS8785 / AD0001).</summary>
public sealed class BrokenInputTests
{
    private const string Usings = "using System; using System.Collections.Generic; using LlmErs;\n";

    public static TheoryData<string> Corpus => new()
    {
        // wrong argument types and missing arguments
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(42)] public partial string? P { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText] public partial string? P { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(null)] public partial string? P { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(\"x\", MaxWords = \"ten\")] public partial string? P { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmTags(\"x\", Vocabulary = null)] public partial IReadOnlyList<string> T { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmTags(\"x\", Vocabulary = new string[] { null, \"a\" })] public partial IReadOnlyList<string> T { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmTags(\"x\", Vocabulary = [1, 2])] public partial IReadOnlyList<string> T { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmValue(\"x\", Minimum = \"low\")] public partial int? N { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [SemanticId(null)] public partial SemanticId S { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [SemanticId(nameof(Missing))] public partial SemanticId S { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [Embedding(\"{{ id }}\", Dimensions = -5)] public partial ReadOnlyMemory<float> V { get; set; } }",
        // attributes on the wrong targets
        "public class A { [Enrichable] public void M() { } }",
        "[ItemKey] public class A { }",
        "public class A { [LlmText(\"x\")] public void M() { } [LlmText(\"x\")] public string? F; }",
        "[Enrichable] public partial struct S { [ItemKey] public string Id { get; set; } }",
        "[Enrichable] public partial interface I { }",
        "[Enrichable] public enum E { A }",
        "[Enrichable] public static partial class A { }",
        "[Enrichable] public abstract partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(\"{{ id }}\")] public abstract partial string? P { get; set; } }",
        "[Enrichable] public partial record R([property: ItemKey] string Id) { [LlmText(\"{{ id }}\")] public partial string? P { get; set; } }",
        // missing and mistyped members
        "[Enrichable] public partial class A { [ItemKey] public Missing Id { get; set; } [LlmText(\"{{ id }}\")] public partial Missing2 P { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(\"{{ nothing.deeper.still }}\")] public partial string? P { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmValue(\"{{ id }}\")] public partial object? O { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmValue(\"{{ id }}\")] public partial Empty? E { get; set; } } public enum Empty { }",
        // half-typed syntax
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(\"{{ id }}\")] public partial string? P { get; ",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(\"{{ id }}\")] public partial string? P",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(\"{{ id }}\"",
        "[Enrichable] public partial class { }",
        "[Enrichable] partial class A : { [ItemKey] string Id; }",
        "[Enrichable(] public partial class A { }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(\"{{ id }}\")] public partial string? P => \"x\"; }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(\"{{ id }}\")] public partial string? P { get; set; } public partial string? P { get => null; set { } } }",
        // hostile templates
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(\"{{\")] public partial string? P { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(\"}}{{ end }}{{ for }}{{ if }}\")] public partial string? P { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(\"\\u0000{{ id | }}\\uD800\")] public partial string? P { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(@\"{{ func f }}{{ ret 1 }}{{ end }}\")] public partial string? P { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText(\"\"\"{{ x = 1 }}{{ capture c }}{{ end }}{{ include 'f' }}\"\"\")] public partial string? P { get; set; } }",
        "[Enrichable] public partial class A { const string T = \"{{ id \" + \"}}\"; [ItemKey] public string Id { get; set; } = \"\"; [LlmText(T + \"{{ bad\")] public partial string? P { get; set; } }",
        "[Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; [LlmText($\"{{{{ id }}}}\")] public partial string? P { get; set; } }",
        // broken scorers
        "public static partial class S { [Scorer] public static partial float Score(); }",
        "public static partial class S { [Scorer] public partial float Score(int a, int b); }",
        "public static partial class S { [Scorer] [Similarity(null, null)] public static partial float Score(Missing a, Missing b); }",
        "public static partial class S { [Scorer] [FeatureWeight(\"X\", \"heavy\")] public static partial float Score(string a, string b); }",
        "public static partial class S { [Scorer] [Similarity(\"Length\", \"Length\")] public static partial float Score(string a, string b) => 0; }",
        "public static class S { [Scorer] static float Score(int a, int b) => 0; }",
        "public static partial class S<T> { [Scorer] [FeatureWeight(\"Length\", 1)] public static partial float Score(T a, string b); }",
        "public static partial class S { [Scorer] [FeatureWeight(\"Length\", 1)] public static partial float Score<T>(T a, string b); }",
        // nesting and generics
        "public partial class O<T> { [Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; } }",
        "public class O { public partial class M { [Enrichable] public partial class A { [ItemKey] public string Id { get; set; } = \"\"; } } }",
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Generator_never_throws(string source)
    {
        var outcome = GeneratorHarness.Run(Usings + source);

        Assert.Null(outcome.Result.Exception);
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Id is "CS8785" or "AD0001");
        Assert.All(outcome.Result.GeneratedSources, generated =>
            Assert.DoesNotContain(generated.SyntaxTree.GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }
}
