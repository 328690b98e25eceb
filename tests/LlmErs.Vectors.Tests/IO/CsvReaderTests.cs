using Xunit;

namespace LlmErs.Vectors.Tests.IO;

/// <summary>RFC 4180 records with their line numbers, and errors made by the caller's factory.</summary>
public sealed class CsvReaderTests
{
    [Fact]
    public void Read_OfQuotedFields_UnquotesThemAndNumbersLinesByWhereEachRecordStarts()
    {
        using var csv = Reader("id,title\n\n1,\"Alien, \"\"the\"\" film\"\n2,\"two\nlines\"\n3,plain\n");

        var header = csv.ReadHeader("title", "id");
        var records = new List<(int Line, string Id, string Title)>();
        while (csv.Read())
        {
            records.Add((csv.LineNumber, csv[header[1]].ToString(), csv[header[0]].ToString()));
        }

        Assert.Equal([1, 0], header);
        Assert.Equal([(3, "1", "Alien, \"the\" film"), (4, "2", "two\nlines"), (6, "3", "plain")], records);
    }

    [Fact]
    public void ReadHeader_WithoutAColumn_ThrowsTheFactorysErrorNamingIt()
    {
        using var csv = Reader("id,name\n");

        var exception = Assert.Throws<InvalidDataException>(() => csv.ReadHeader("id", "title"));

        Assert.Equal("1|title|The header has no column 'title' (it has: id, name). Name the right column in the loader options, or fix the header.", exception.Message);
    }

    [Fact]
    public void RequireFields_OfAShortRecord_ThrowsTheFactorysError()
    {
        using var csv = Reader("id,title\n1\n");
        var header = csv.ReadHeader("id", "title");
        Assert.True(csv.Read());

        var exception = Assert.Throws<InvalidDataException>(() => csv.RequireFields(header, ["id", "title"]));

        Assert.StartsWith("2|title|The line has 1 field(s)", exception.Message);
    }

    [Fact]
    public void Constructor_WithoutAnErrorFactory_Throws()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => new CsvReader(new StringReader(""), "test", ',', null!));

        Assert.Equal("error", exception.ParamName);
    }

    [Theory]
    [InlineData('"', "'\"'")]
    [InlineData('\n', "'\\n'")]
    [InlineData('\r', "'\\r'")]
    public void A_quote_or_a_line_break_as_the_delimiter_is_refused_and_the_text_closed(char delimiter, string shown)
    {
        var text = new StringReader("id,title\n1,Alien\n");

        var exception = Assert.Throws<ArgumentException>(() => new CsvReader(text, "movies.csv", delimiter, (line, column, problem) => new InvalidDataException(problem)));

        Assert.Equal("delimiter", exception.ParamName);
        Assert.StartsWith($"{shown} cannot delimit the fields of movies.csv", exception.Message);
        Assert.Contains("tab", exception.Message);
        Assert.Throws<ObjectDisposedException>(() => text.ReadLine());
    }

    private static CsvReader Reader(string text) =>
        new(new StringReader(text), "test.csv", ',', (line, column, problem) => new InvalidDataException($"{line}|{column}|{problem}"));
}
