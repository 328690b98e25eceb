using Microsoft.CodeAnalysis;

namespace LlmErs.Docs.Tests;

/// <summary>
/// Every C# block of the README compiles against the current API, so the docs cannot drift from it.
/// The convention:
/// <list type="bullet">
/// <item>Every block fenced <c>```csharp</c> (or <c>cs</c>, <c>c#</c>) is compiled on its own, with the implicit usings of a
/// console project, every LlmErs package and the generator; output, shell and layout blocks use another fence language.</item>
/// <item>A block is written as a <c>Program.cs</c> would be: usings, top-level statements, then types. The statements
/// become the body of an async method, so they may <c>await</c>.</item>
/// <item>A type the block uses but does not declare comes from the nearest block above that declares it (e.g. <c>Movie</c>).</item>
/// <item>A block may use <c>movies</c> (<c>IReadOnlyList&lt;Movie&gt;</c>) and <c>chat</c> (<c>IChatClient</c>) without
/// declaring them.</item>
/// </list>
/// Zero errors are required; a failure names each error's README line.
/// </summary>
public sealed class ReadmeSnippetTests
{
    public static TheoryData<int> SnippetLines => [.. ReadmeSnippet.ReadAll().Select(s => s.Line)];

    [Theory]
    [MemberData(nameof(SnippetLines))]
    public void Snippet_compiles(int line)
    {
        var all = ReadmeSnippet.ReadAll();
        var snippet = all.Single(s => s.Line == line);

        var errors = SnippetCompiler.Errors(SnippetProgram.Sources(snippet, all));

        Assert.True(errors.Count == 0,
            $"The C# block at {ReadmeSnippet.FileName}:{line} does not compile:\n" + string.Join('\n', errors.Select(Describe)));
    }

    [Fact]
    public void The_readme_has_csharp_blocks() => Assert.NotEmpty(ReadmeSnippet.ReadAll());

    private static string Describe(Diagnostic error)
    {
        var span = error.Location.GetMappedLineSpan();
        var where = span.IsValid ? $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}" : "(no location)";
        return $"  {where}: {error.Id}: {error.GetMessage()}";
    }
}
