namespace LlmErs;

/// <summary>
/// A catalog file could not be read: the message names the file, the line (the row, for Parquet), the member when
/// known, what is wrong and what to do.
/// </summary>
public sealed class CatalogFormatException : FormatException
{
    /// <summary>Creates the exception; the message is composed from the location and the problem.</summary>
    /// <param name="path">The file.</param>
    /// <param name="lineNumber">The 1-based line (row for Parquet), or 0 when the problem is not on one.</param>
    /// <param name="member">The member (JSON property or column) when the problem is in one.</param>
    /// <param name="problem">What is wrong and what to do, as whole sentences.</param>
    /// <param name="innerException">The error that revealed the problem, if any.</param>
    public CatalogFormatException(string path, int lineNumber, string? member, string problem, Exception? innerException = null)
        : base(Compose(path, lineNumber, member, problem), innerException)
    {
        Path = path;
        LineNumber = lineNumber;
        Member = member;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The 1-based line (row for Parquet), or 0 when the problem is not on one.</summary>
    public int LineNumber { get; }

    /// <summary>The member (JSON property or column) when the problem is in one.</summary>
    public string? Member { get; }

    /// <summary>What is wrong and what to do, without the location.</summary>
    public string Problem { get; }

    private static string Compose(string path, int lineNumber, string? member, string problem)
    {
        var location = lineNumber > 0 ? $"{path}, line {lineNumber}" : path;
        return member is null ? $"{location}: {problem}" : $"{location}, member '{member}': {problem}";
    }
}
