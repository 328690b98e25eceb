namespace LlmErs.Recommenders;

/// <summary>
/// A data file could not be read: the message names the file, the line, the column when known, what is wrong, and
/// what to do about it.
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception; the message is composed from the location and the problem.</summary>
    /// <param name="source">The file path or source name.</param>
    /// <param name="lineNumber">The 1-based line number, or 0 when the problem is not on one line.</param>
    /// <param name="column">The column or field name, when the problem is in one.</param>
    /// <param name="problem">What is wrong and what to do, as whole sentences.</param>
    public DataFormatException(string source, int lineNumber, string? column, string problem)
        : base(Compose(source, lineNumber, column, problem))
    {
        SourceName = source;
        LineNumber = lineNumber;
        Column = column;
    }

    /// <summary>The file path or source name.</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line number, or 0 when the problem is not on one line.</summary>
    public int LineNumber { get; }

    /// <summary>The column or field name, when the problem is in one.</summary>
    public string? Column { get; }

    private static string Compose(string source, int lineNumber, string? column, string problem)
    {
        var location = lineNumber > 0 ? $"{source}, line {lineNumber}" : source;
        return column is null ? $"{location}: {problem}" : $"{location}, column '{column}': {problem}";
    }
}
