using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Data;

public sealed class InteractionFileLoaderTests
{
    private static readonly InteractionFileOptions WithRating = new() { RatingColumn = "rating" };

    [Fact]
    public void Csv_ReadsQuotedFieldsWithDelimitersQuotesAndLineBreaks()
    {
        const string Text = "user_id,item_id,timestamp,rating\n" +
            "\"Smith, J.\",\"The \"\"Item\"\"\",10,4.5\n" +
            "\n" +
            "u2,\"two\nlines\",2000-07-30T18:45:03Z,true\n";

        var log = InteractionFileLoader.LoadCsv(new StringReader(Text), "inline.csv", WithRating);

        Assert.Equal(["Smith, J.", "u2"], log.UserIds.Keys);
        Assert.Equal(["The \"Item\"", "two\nlines"], log.ItemIds.Keys);
        Assert.Equal([10L, 964982703L], log.Timestamps.ToArray());
        Assert.Equal([4.5f, 1f], log.Ratings.ToArray());
    }

    [Fact]
    public void Csv_UsesConfiguredColumnsInAnyOrder_AndRowNumbersWithoutTimestamps()
    {
        const string Text = "extra\titem\tuser\nx\tb\tu\ny\ta\tu\n";
        var options = new InteractionFileOptions { UserColumn = "user", ItemColumn = "item", TimestampColumn = null, Delimiter = '\t' };

        var log = InteractionFileLoader.LoadCsv(new StringReader(Text), "inline.tsv", options);

        Assert.Equal(["u b", "u a"], Logs.Pairs(log));
        Assert.Equal([0L, 1L], log.Timestamps.ToArray());
        Assert.False(log.HasRatings);
    }

    [Fact]
    public void Csv_MissingColumn_NamesTheColumnAndTheHeader()
    {
        var error = Assert.Throws<DataFormatException>(() =>
            InteractionFileLoader.LoadCsv(new StringReader("user_id,item,timestamp\nu,i,1\n"), "ratings.csv"));

        Assert.Equal("item_id", error.Column);
        Assert.Equal(1, error.LineNumber);
        Assert.Contains("ratings.csv, line 1, column 'item_id'", error.Message);
        Assert.Contains("user_id, item, timestamp", error.Message);
    }

    [Fact]
    public void Csv_BadRating_NamesFileLineAndColumn()
    {
        const string Text = "user_id,item_id,timestamp,rating\nu,a,1,4\n\nu,b,2,great\n";

        var error = Assert.Throws<DataFormatException>(() => InteractionFileLoader.LoadCsv(new StringReader(Text), "ratings.csv", WithRating));

        Assert.Equal("ratings.csv", error.SourceName);
        Assert.Equal(4, error.LineNumber);
        Assert.Equal("rating", error.Column);
        Assert.Contains("'great' is not a rating", error.Message);
    }

    [Fact]
    public void Csv_BadTimestampAndShortLine_AreReportedWithTheirLine()
    {
        var timestamp = Assert.Throws<DataFormatException>(() =>
            InteractionFileLoader.LoadCsv(new StringReader("user_id,item_id,timestamp\nu,a,yesterday\n"), "t.csv"));
        var shortLine = Assert.Throws<DataFormatException>(() =>
            InteractionFileLoader.LoadCsv(new StringReader("user_id,item_id,timestamp\nu,a,1\nu;b;2\n"), "t.csv"));

        Assert.Equal((2, "timestamp"), (timestamp.LineNumber, timestamp.Column));
        Assert.Contains("Unix seconds", timestamp.Message);
        Assert.Equal(3, shortLine.LineNumber);
        Assert.Contains("1 field(s)", shortLine.Message);
    }

    [Fact]
    public void Csv_UnterminatedQuoteAndEmptyId_AreClearErrors()
    {
        var quote = Assert.Throws<DataFormatException>(() =>
            InteractionFileLoader.LoadCsv(new StringReader("user_id,item_id,timestamp\nu,\"open,1\n"), "q.csv"));
        var empty = Assert.Throws<DataFormatException>(() =>
            InteractionFileLoader.LoadCsv(new StringReader("user_id,item_id,timestamp\n ,a,1\n"), "q.csv"));

        Assert.Contains("not closed before the end of the file", quote.Message);
        Assert.Equal(2, quote.LineNumber);
        Assert.Equal(("user_id", 2), (empty.Column, empty.LineNumber));
    }

    [Fact]
    public void Csv_MissingFile_SaysWhereItLooked()
    {
        var error = Assert.Throws<FileNotFoundException>(() => InteractionFileLoader.LoadCsv("no/such/ratings.csv"));
        Assert.Contains("no/such/ratings.csv", error.Message);
    }

    [Fact]
    public void JsonLines_ReadsStringAndNumberIdsLabelsAndDates()
    {
        using var folder = new TempDirectory();
        var path = folder.File("events.jsonl");
        File.WriteAllText(path, """
            {"uid": 7, "item": "a", "time": 100, "clicked": true}

            {"uid": "8", "item": 12, "time": "1970-01-01T00:02:00Z", "clicked": 0}
            """);
        var options = new InteractionFileOptions { UserColumn = "uid", ItemColumn = "item", TimestampColumn = "time", RatingColumn = "clicked" };

        var log = InteractionFileLoader.LoadJsonLines(path, options);

        Assert.Equal(["7", "8"], log.UserIds.Keys);
        Assert.Equal(["a", "12"], log.ItemIds.Keys);
        Assert.Equal([100L, 120L], log.Timestamps.ToArray());
        Assert.Equal([1f, 0f], log.Ratings.ToArray());
    }

    [Fact]
    public void JsonLines_BadLines_NameTheLineAndField()
    {
        var notJson = Assert.Throws<DataFormatException>(() =>
            InteractionFileLoader.LoadJsonLines(new StringReader("{\"user_id\":1,\"item_id\":2,\"timestamp\":3}\n{oops\n"), "e.jsonl"));
        var missing = Assert.Throws<DataFormatException>(() =>
            InteractionFileLoader.LoadJsonLines(new StringReader("{\"user_id\":1,\"timestamp\":3}\n"), "e.jsonl"));
        var array = Assert.Throws<DataFormatException>(() =>
            InteractionFileLoader.LoadJsonLines(new StringReader("[1,2]\n"), "e.jsonl"));
        var fraction = Assert.Throws<DataFormatException>(() =>
            InteractionFileLoader.LoadJsonLines(new StringReader("{\"user_id\":1,\"item_id\":2,\"timestamp\":3.5}\n"), "e.jsonl"));

        Assert.Equal(2, notJson.LineNumber);
        Assert.Contains("not valid JSON", notJson.Message);
        Assert.Equal(("item_id", 1), (missing.Column, missing.LineNumber));
        Assert.Contains("Array", array.Message);
        Assert.Equal("timestamp", fraction.Column);
    }
}
