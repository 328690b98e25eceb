using System.Text;

namespace LlmErs.Vectors;

/// <summary>
/// Reads delimited text record by record (RFC 4180 quoting: a quoted field may hold delimiters, doubled quotes and
/// line breaks), tracking line numbers for error messages. Blank lines are skipped. Unquoted fields are served as
/// slices of the line, so reading allocates only for quoted fields. Errors are made by the caller's factory, so each
/// loader (catalogs, interaction logs) reports them as its own exception type, with the line and column.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly Func<int, string?, string, Exception> _error;
    private readonly List<(int Start, int Length)> _fields = [];
    private readonly StringBuilder _quoted = new();
    private string _text = string.Empty;
    private int _nextLine = 1;

    /// <summary>Reads records from <paramref name="reader"/>, e.g. the lines of <see cref="DataFile.OpenLines"/>.</summary>
    /// <param name="reader">The text, owned by this reader.</param>
    /// <param name="source">The file path or source name, for error messages.</param>
    /// <param name="delimiter">The field delimiter; not a quote or a line break, which the format reserves.</param>
    /// <param name="error">Makes the exception for a problem: the line (0 when on none), the column when known, the problem.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/>, <paramref name="source"/> or <paramref name="error"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="delimiter"/> is a quote or a line break (the reader is disposed).</exception>
    public CsvReader(TextReader reader, string source, char delimiter, Func<int, string?, string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(error);
        if (delimiter is '"' or '\r' or '\n')
        {
            // Owned from here on: a reader that will never be read is not left open.
            reader.Dispose();
            var shown = delimiter switch { '\r' => "\\r", '\n' => "\\n", _ => "\"" };
            throw new ArgumentException(
                $"'{shown}' cannot delimit the fields of {source}: CSV reserves the quote and line breaks. Use a comma, a semicolon or a tab ('\\t').",
                nameof(delimiter));
        }

        _error = error;
        _reader = reader;
        Source = source;
        _delimiter = delimiter;
    }

    /// <summary>The file path or source name, for error messages.</summary>
    public string Source { get; }

    /// <summary>The line on which the current record starts.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount => _fields.Count;

    /// <summary>The field at <paramref name="index"/> of the current record, unquoted.</summary>
    /// <param name="index">The field's position, from 0 to <see cref="FieldCount"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the current record.</exception>
    public ReadOnlySpan<char> this[int index] => _text.AsSpan(_fields[index].Start, _fields[index].Length);

    /// <summary>Reads the next non-blank record; false at the end of the input.</summary>
    public bool Read()
    {
        string? line;
        do
        {
            // Numbered before reading, so a line the reader rejects (not UTF-8) still counts and the next keeps its number.
            LineNumber = _nextLine++;
            line = _reader.ReadLine();
            if (line is null)
            {
                return false;
            }
        }
        while (line.Length == 0 || line.AsSpan().IsWhiteSpace());

        _fields.Clear();
        if (!line.Contains('"'))
        {
            _text = line;
            SplitUnquoted(line);
        }
        else
        {
            ParseQuoted(line);
        }

        return true;
    }

    /// <summary>Reads the header record and returns the field index of each name.</summary>
    /// <param name="columns">The column names the header must hold (compared after trimming, case-sensitively).</param>
    /// <exception cref="Exception">The input is empty, or a column is missing (the exception the factory makes).</exception>
    public int[] ReadHeader(params ReadOnlySpan<string> columns)
    {
        if (!Read())
        {
            throw _error(0, null, $"The file is empty; expected a header line naming the columns {string.Join(", ", columns.ToArray())}.");
        }

        var names = new string[FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = this[i].Trim().ToString();
        }

        var indices = new int[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            indices[c] = Array.IndexOf(names, columns[c]);
            if (indices[c] < 0)
            {
                throw _error(
                    LineNumber,
                    columns[c],
                    DataFile.CompressedTextHint(names[0]) ?? $"The header has no column '{columns[c]}' (it has: {string.Join(", ", names)}). Name the right column in the loader options, or fix the header.");
            }
        }

        return indices;
    }

    /// <summary>Throws if the current record lacks one of the header's columns (<paramref name="indices"/> as <see cref="ReadHeader"/> returned them).</summary>
    /// <param name="indices">The field index of each column.</param>
    /// <param name="columns">The column names, in the order of <paramref name="indices"/>, for the error message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="indices"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="columns"/> does not name every index.</exception>
    /// <exception cref="Exception">A field is missing (the exception the factory makes).</exception>
    public void RequireFields(int[] indices, ReadOnlySpan<string> columns)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (columns.Length < indices.Length)
        {
            throw new ArgumentException($"{indices.Length} indices but {columns.Length} column names; pass the names the indices were read for.", nameof(columns));
        }

        for (var c = 0; c < indices.Length; c++)
        {
            if (indices[c] >= FieldCount)
            {
                throw Error(columns[c], $"The line has {FieldCount} field(s) but column '{columns[c]}' is field {indices[c] + 1}. Check the delimiter ('{_delimiter}') and quoting, or remove the line.");
            }
        }
    }

    /// <summary>An error located at the current record, made by the factory this reader was given; the caller throws it.</summary>
    /// <param name="column">The column the problem is in, when known.</param>
    /// <param name="problem">What is wrong and what to do about it.</param>
    public Exception Error(string? column, string problem) => _error(LineNumber, column, problem);

    /// <summary>Disposes the text reader this reader owns.</summary>
    public void Dispose() => _reader.Dispose();

    private void SplitUnquoted(string line)
    {
        var start = 0;
        while (true)
        {
            var end = line.IndexOf(_delimiter, start);
            if (end < 0)
            {
                _fields.Add((start, line.Length - start));
                return;
            }

            _fields.Add((start, end - start));
            start = end + 1;
        }
    }

    private void ParseQuoted(string line)
    {
        _quoted.Clear();
        var fieldStart = 0;
        var i = 0;
        var atFieldStart = true;
        while (true)
        {
            if (i == line.Length)
            {
                _fields.Add((fieldStart, _quoted.Length - fieldStart));
                break;
            }

            var c = line[i];
            if (atFieldStart && c == '"')
            {
                (line, i) = ReadQuotedField(line, i + 1);
                atFieldStart = false;
                if (i < line.Length && line[i] != _delimiter)
                {
                    throw Error(null, $"Unexpected '{line[i]}' after the closing quote of field {_fields.Count + 1}. Inside a quoted field, write a quote as two quotes (\"\").");
                }

                continue;
            }

            if (c == _delimiter)
            {
                _fields.Add((fieldStart, _quoted.Length - fieldStart));
                fieldStart = _quoted.Length;
                atFieldStart = true;
            }
            else
            {
                _quoted.Append(c);
                atFieldStart = false;
            }

            i++;
        }

        _text = _quoted.ToString();
    }

    /// <summary>Appends a quoted field's content, reading further lines while the quote is open; returns the position after the closing quote.</summary>
    private (string Line, int Position) ReadQuotedField(string line, int i)
    {
        while (true)
        {
            if (i == line.Length)
            {
                var next = _reader.ReadLine() ?? throw Error(null, $"A quoted field (field {_fields.Count + 1}) is not closed before the end of the file. Close the quote, or write a quote inside it as two quotes (\"\").");
                _nextLine++;
                _quoted.Append('\n');
                line = next;
                i = 0;
                continue;
            }

            if (line[i] == '"')
            {
                if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    _quoted.Append('"');
                    i += 2;
                    continue;
                }

                return (line, i + 1);
            }

            _quoted.Append(line[i++]);
        }
    }
}
