namespace LlmErs.Docs.Tests;

/// <summary>One fenced C# block of the README: its code and the README line its first code line is on.</summary>
internal sealed record ReadmeSnippet(int Line, string Code)
{
    public const string FileName = "README.md";

    private static readonly string[] CSharpFences = ["```csharp", "```cs", "```c#"];

    /// <summary>The repository's README, found above the test's output folder so an edited README needs no rebuild.</summary>
    public static string ReadmePath
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "LlmErs.sln")))
                {
                    return Path.Combine(folder.FullName, FileName);
                }
            }

            throw new InvalidOperationException($"No LlmErs.sln above {AppContext.BaseDirectory}.");
        }
    }

    public static IReadOnlyList<ReadmeSnippet> ReadAll() => Parse(File.ReadAllLines(ReadmePath));

    private static IReadOnlyList<ReadmeSnippet> Parse(IReadOnlyList<string> lines)
    {
        var snippets = new List<ReadmeSnippet>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!CSharpFences.Contains(lines[i].Trim(), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Count && lines[end].Trim() != "```")
            {
                end++;
            }

            if (end == lines.Count)
            {
                throw new InvalidOperationException($"{FileName}:{i + 1}: the C# block is never closed.");
            }

            // Line numbers are 1-based, as editors and #line show them.
            snippets.Add(new ReadmeSnippet(start + 1, string.Join('\n', lines.Skip(start).Take(end - start))));
            i = end;
        }

        return snippets;
    }
}
