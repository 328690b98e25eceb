using LlmErs.Generators.Shared;
using LlmErs.Generators.Templates;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Tests.Templates;

/// <summary>Whatever the template text, compiling it yields errors or a spec — never an exception.</summary>
public sealed class TemplateRobustnessTests
{
    private static readonly INamedTypeSymbol Movie = TemplateCompilations.TypeOf<DiffMovie>();

    public static TheoryData<string> Malformed =>
    [
        "", " ", "\n\t \r\n", "{{", "}}", "{{}}", "{{ }}", "{{ end }}", "{{ else }}", "{{ else if title }}", "{{ if }}",
        "{{ for }}", "{{ for x in }}", "{{ for in genres }}", "{{ if title }}", "{{ for g in genres }}", "{{ title", "{{ title }",
        "{ title }", "{{{{ title }}}}", "{%{", "}%}", "{%{ {{ }%}", "{{ 'unterminated", "{{ \"unterminated }}", "{{ title | }}",
        "{{ | title }}", "{{ title | | }}", "{{ ( }}", "{{ ) }}", "{{ () }}", "{{ [1, 2] }}", "{{ {a: 1} }}", "{{ $x }}",
        "{{ $0 }}", "{{ @title }}", "{{ title[0] }}", "{{ 1..3 }}", "{{ title ? 1 : 2 }}", "{{ -title }}", "{{ ! }}", "{{ !!! }}",
        "\0", "\ud800", "{{ \ud800 }}", "{{ title }}\ud83d", "{{# comment }}", "{{ end end end }}",
        "{{ if title }}{{ else }}{{ else }}{{ end }}", "{{ for.index.x }}", "{{ director.name.first }}", "{{ a.b.c.d }}",
        "{{ 99999999999999999999 }}", "{{ 1e999 }}", "{{ 1.0e999 }}", "{{ title | string.truncate 99999999999 }}",
        "{{ title | string.truncate -1 }}", "{{ 'a' == 'a' }}", "{{ null == null }}", "{{ null }}", "{{ true && null }}",
        "{{ for x in genres }}{{ for x in x }}{{ end }}{{ end }}", "{{ string }}", "{{ array.join }}", "{{ string.upcase }}",
        "{{ for }}{{ end }}", "{{ if title }}{{ for g in genres }}{{ end }}", "{{ end }}{{ if title }}", "{{ ~ }}", "{{- -}}",
        "{{~~}}", "{{ title ~}}", "{{ title | array.join ', ' }}", "{{ genres | string.upcase }}", "{{ director | string.size }}",
        "{{ for g in genres offset:-1 }}{{ end }}", "{{ for g in genres limit }}{{ end }}", "{{ for g in genres foo:1 }}{{ end }}",
        "{{ tablerow g in genres }}{{ end }}", "{{ case title }}{{ when 'a' }}x{{ end }}", "{{ break }}", "{{ continue }}",
        "{{ ret }}", "{{ import director }}", "{{ readonly title }}", "{{ wrap title }}x{{ end }}", "{{ this }}", "{{ empty }}",
        "{{ title.empty? }}", "{{ $\"interpolated {title}\" }}", "{{ title++ }}", "{{ @string.upcase }}", "{{ title | @string.upcase }}",
        string.Concat(Enumerable.Repeat("{{ if flag }}", 400)) + string.Concat(Enumerable.Repeat("{{ end }}", 400)),
        string.Concat(Enumerable.Repeat("{{ if flag }}", 200)) + "x" + string.Concat(Enumerable.Repeat("{{ end }}", 200)),
        "{{ " + new string('(', 400) + "title" + new string(')', 400) + " }}",
        "{{ title" + string.Concat(Enumerable.Repeat(" | string.upcase", 400)) + " }}",
        "{{ director" + string.Concat(Enumerable.Repeat("?.mentor", 300)) + " }}",
        new string('x', 100_000),
        string.Concat(Enumerable.Repeat("{{ title }}", 2_000)),
    ];

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_templates_yield_errors_or_a_spec(string template) => AssertCompilesCleanly(template);

    [Fact]
    public void Random_template_soup_yields_errors_or_a_spec()
    {
        string[] pieces =
        [
            "{{", "}}", "{{~", "~}}", "{{-", "-}}", "{%{", "}%}", " ", "\n", "title", "genres", "director", ".", "?.", "name", "|",
            "string.upcase", "array.join", "'x'", "\"", "'", "1", "-", "1.5", "if", "else", "end", "for", "in", "for.index", "(", ")",
            "==", "!=", "<", "&&", "||", "!", "null", "true", ",", ":", "limit:2", "[", "]", "{", "}", "$", "@", "#", "\\", "😀", "\u0301",
        ];
        var random = new Random(42);
        for (var i = 0; i < 3_000; i++)
        {
            AssertCompilesCleanly(string.Concat(Enumerable.Range(0, random.Next(1, 16)).Select(_ => pieces[random.Next(pieces.Length)])));
        }
    }

    public static TheoryData<string> RootKinds => ["Sample.IItem", "Sample.Point", "Sample.Record", "Sample.Empty", "Missing"];

    [Theory]
    [MemberData(nameof(RootKinds))]
    public void Any_kind_of_item_type_yields_errors_or_a_spec(string typeName)
    {
        const string Source = """
            namespace Sample;
            public interface IItem { string Title { get; } }
            public struct Point { public double X; public double? Y { get; set; } }
            public record Record(string Title, Point Location);
            public static class Empty { }
            """;
        var compilation = TemplateCompilations.CompilationOf(Source);
        ITypeSymbol root = compilation.GetTypeByMetadataName(typeName) ?? compilation.CreateErrorTypeSymbol(null, typeName, 0);
        string[] templates = ["{{ title }}", "{{ x }}{{ y }}", "{{ location.x }}", "{{ equality_contract }}", "{{ for c in title }}{{ c }}{{ end }}", "text"];

        Assert.All(templates, template => AssertCompilesCleanly(template, root));
    }

    private static void AssertCompilesCleanly(string template, ITypeSymbol? root = null)
    {
        var compiled = TemplateCompiler.Compile(template, root ?? Movie, "Prompt");

        Assert.Equal(compiled.Spec is null, compiled.Errors.Count > 0);
        Assert.All(compiled.Errors, e => Assert.InRange(e.Start + e.Length, e.Start, template.Length));
        if (compiled.Spec is not null)
        {
            TemplateEmitter.Emit(new SourceWriter(), compiled.Spec, "item", "builder", "encoder");
        }
    }
}
