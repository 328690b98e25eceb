using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmErs.Docs.Tests;

/// <summary>
/// Turns a README snippet into sources a compiler accepts; the convention is described on <see cref="ReadmeSnippetTests"/>.
/// Every piece keeps its README line through <c>#line</c>, so a diagnostic points at the README itself.
/// </summary>
internal static class SnippetProgram
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The free variables a snippet may use without declaring them, and their types.</summary>
    private static readonly Dictionary<string, (string Type, string[] UsesTypes)> Prelude = new()
    {
        ["movies"] = ("global::System.Collections.Generic.IReadOnlyList<Movie>", ["Movie"]),
        ["chat"] = ("global::Microsoft.Extensions.AI.IChatClient", []),
    };

    // What a new console project's ImplicitUsings imports, so snippets omit it as users' files do.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static IReadOnlyList<SyntaxTree> Sources(ReadmeSnippet snippet, IReadOnlyList<ReadmeSnippet> all)
    {
        var root = Parse(snippet);
        var declared = DeclaredTypes(root).Select(t => t.Identifier.Text).ToHashSet();
        var freeVariables = Prelude.Keys.Where(name => Uses(root, name) && !DeclaresLocal(root, name)).ToList();

        var needed = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.Text)
            .Concat(freeVariables.SelectMany(name => Prelude[name].UsesTypes))
            .Where(name => !declared.Contains(name))
            .ToHashSet();

        var sources = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: "ImplicitUsings.cs"),
            CSharpSyntaxTree.ParseText(Program(snippet, root, freeVariables), ParseOptions, path: $"Snippet{snippet.Line}.cs"),
        };
        sources.AddRange(BorrowedTypes(snippet, all, needed));
        return sources;
    }

    private static CompilationUnitSyntax Parse(ReadmeSnippet snippet) =>
        (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(snippet.Code, ParseOptions).GetRoot();

    /// <summary>The snippet's usings and types as written; its statements become the body of one async method.</summary>
    private static string Program(ReadmeSnippet snippet, CompilationUnitSyntax root, IReadOnlyList<string> freeVariables)
    {
        var text = new StringBuilder();
        foreach (var node in root.Usings.Concat<SyntaxNode>(root.Members.Where(m => m is not GlobalStatementSyntax)))
        {
            AppendAtReadmeLine(text, snippet, node);
        }

        var statements = root.Members.OfType<GlobalStatementSyntax>().ToList();
        if (statements.Count > 0)
        {
            var parameters = string.Join(", ", freeVariables.Select(name => $"{Prelude[name].Type} {name}"));
            text.AppendLine("#line hidden").AppendLine("internal static class ReadmeSnippet").AppendLine("{")
                .AppendLine($"    internal static async global::System.Threading.Tasks.Task Snippet({parameters})").AppendLine("    {");
            foreach (var statement in statements)
            {
                AppendAtReadmeLine(text, snippet, statement.Statement);
            }

            text.AppendLine("#line hidden").AppendLine("    }").AppendLine("}");
        }

        return text.ToString();
    }

    /// <summary>
    /// Types the snippet uses but does not declare, each from the nearest snippet above that declares it (with that
    /// snippet's usings), and what those types use in turn.
    /// </summary>
    private static IEnumerable<SyntaxTree> BorrowedTypes(ReadmeSnippet snippet, IReadOnlyList<ReadmeSnippet> all, HashSet<string> needed)
    {
        var above = all.Where(s => s.Line < snippet.Line).Reverse().Select(s => (Snippet: s, Root: Parse(s))).ToList();
        var borrowed = new Dictionary<ReadmeSnippet, List<BaseTypeDeclarationSyntax>>();
        var pending = new Queue<string>(needed);
        var seen = new HashSet<string>(needed);
        while (pending.TryDequeue(out var name))
        {
            var source = above.Select(s => (s.Snippet, Type: DeclaredTypes(s.Root).FirstOrDefault(t => t.Identifier.Text == name)))
                .FirstOrDefault(s => s.Type is not null);
            if (source.Type is null)
            {
                continue;
            }

            if (!borrowed.TryGetValue(source.Snippet, out var types))
            {
                borrowed[source.Snippet] = types = [];
            }

            types.Add(source.Type);
            foreach (var used in source.Type.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.Text))
            {
                if (seen.Add(used))
                {
                    pending.Enqueue(used);
                }
            }
        }

        foreach (var (source, types) in borrowed)
        {
            var text = new StringBuilder();
            foreach (var node in ((CompilationUnitSyntax)types[0].SyntaxTree.GetRoot()).Usings.Concat<SyntaxNode>(types))
            {
                AppendAtReadmeLine(text, source, node);
            }

            yield return CSharpSyntaxTree.ParseText(text.ToString(), ParseOptions, path: $"Borrowed{source.Line}.cs");
        }
    }

    private static IEnumerable<BaseTypeDeclarationSyntax> DeclaredTypes(CompilationUnitSyntax root) =>
        root.Members.OfType<BaseTypeDeclarationSyntax>();

    private static bool Uses(SyntaxNode root, string name) =>
        root.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.Text == name);

    private static bool DeclaresLocal(SyntaxNode root, string name) =>
        root.DescendantNodes().Any(n => n switch
        {
            VariableDeclaratorSyntax v => v.Identifier.Text == name,
            ForEachStatementSyntax f => f.Identifier.Text == name,
            SingleVariableDesignationSyntax d => d.Identifier.Text == name,
            ParameterSyntax p => p.Identifier.Text == name,
            _ => false,
        });

    private static void AppendAtReadmeLine(StringBuilder text, ReadmeSnippet snippet, SyntaxNode node)
    {
        var line = snippet.Line + node.GetLocation().GetLineSpan().StartLinePosition.Line;
        text.AppendLine($"#line {line} \"{ReadmeSnippet.FileName}\"").AppendLine(node.ToString());
    }
}
