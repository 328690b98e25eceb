using System.Text.Json;
using DuckDB.NET.Data;
using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Xunit;

namespace LlmErs.Runtime.Tests.Output;

public sealed class FeatureFileTests
{
    [Fact]
    public async Task ParquetColumnsAndValuesReadBackInDuckDB()
    {
        using var directory = new TempDirectory();
        var path = directory.File("gadgets.parquet");

        await FeatureFile.WriteAsync(Gadget.Samples(), FeatureOutput.Parquet(path));

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Assert.Equal(
            [
                ("Id", "VARCHAR"), ("Description", "VARCHAR"), ("Tags", "VARCHAR[]"), ("Portable", "BOOLEAN"), ("Price", "BIGINT"),
                ("Rating", "DOUBLE"), ("Size", "VARCHAR"), ("Vector", "FLOAT[]"), ("Sid", "VARCHAR"),
            ],
            Query(connection, $"DESCRIBE SELECT * FROM '{path}'", r => (r.GetString(0), r.GetString(1))));
        var rows = Query(connection, $"SELECT * FROM '{path}' ORDER BY Id", r => Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetValue(i)).ToArray());

        Assert.Equal(2, rows.Count);
        Assert.Equal("1", rows[0][0]);
        Assert.Equal("A lamp, \"bright\" ☀", rows[0][1]);
        Assert.Equal(["small", "red"], Assert.IsAssignableFrom<IEnumerable<string>>(rows[0][2]));
        Assert.Equal((true, 25L, 4.5, "Small"), ((bool)rows[0][3]!, (long)rows[0][4]!, (double)rows[0][5]!, (string)rows[0][6]!));
        Assert.Equal([0.25f, -1f, 3.5f], Assert.IsAssignableFrom<IEnumerable<float>>(rows[0][7]));
        Assert.Equal("3-7", rows[0][8]);
        Assert.Equal(["2", null], rows[1][..2]);
        Assert.Empty(Assert.IsAssignableFrom<IEnumerable<string>>(rows[1][2]));
        Assert.Equal((false, null, -0.125, null), ((bool)rows[1][3]!, rows[1][4], (double)rows[1][5]!, rows[1][6]));
        Assert.Empty(Assert.IsAssignableFrom<IEnumerable<float>>(rows[1][7]));
        Assert.Equal("", rows[1][8]);
    }

    [Fact]
    public async Task JsonLinesHoldOneObjectPerItemInColumnOrder()
    {
        using var directory = new TempDirectory();
        var path = directory.File("gadgets.jsonl");

        await FeatureFile.WriteAsync(Gadget.Samples(), FeatureOutput.JsonLines(path));

        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.Equal(
            "{\"Id\":\"1\",\"Description\":\"A lamp, \\\"bright\\\" ☀\",\"Tags\":[\"small\",\"red\"],\"Portable\":true,\"Price\":25,\"Rating\":4.5,\"Size\":\"Small\",\"Vector\":[0.25,-1,3.5],\"Sid\":\"3-7\"}",
            lines[0]);
        Assert.Equal(
            "{\"Id\":\"2\",\"Description\":null,\"Tags\":[],\"Portable\":false,\"Price\":null,\"Rating\":-0.125,\"Size\":null,\"Vector\":[],\"Sid\":\"\"}",
            lines[1]);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
    }

    [Theory]
    [InlineData(FeatureFileFormat.Parquet)]
    [InlineData(FeatureFileFormat.JsonLines)]
    public async Task TheSameItemsGiveTheSameBytes(FeatureFileFormat format)
    {
        using var directory = new TempDirectory();

        await FeatureFile.WriteAsync(Gadget.Samples(), new FeatureOutput(directory.File("a"), format));
        await FeatureFile.WriteAsync(Gadget.Samples(), new FeatureOutput(directory.File("b"), format));

        Assert.Equal(File.ReadAllBytes(directory.File("a")), File.ReadAllBytes(directory.File("b")));
    }

    [Fact]
    public async Task AnUncommittedFileNeverReplacesThePreviousOne()
    {
        using var directory = new TempDirectory();
        var path = directory.File("gadgets.parquet");
        await File.WriteAllTextAsync(path, "previous");

        await using (var writer = FeatureFileWriter<Gadget>.Create(FeatureOutput.Parquet(path)))
        {
            await writer.WriteAsync(Gadget.Samples()[0]);
        }

        Assert.Equal("previous", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(directory.Path));
    }

    [Fact]
    public async Task AnEmptyParquetFileStillHasTheColumns()
    {
        using var directory = new TempDirectory();
        var path = directory.File("empty.parquet");

        await FeatureFile.WriteAsync(Array.Empty<Gadget>(), FeatureOutput.Parquet(path));

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Assert.Equal(0L, Query(connection, $"SELECT count(*) FROM '{path}'", r => r.GetInt64(0)).Single());
        Assert.Equal(9, Query(connection, $"DESCRIBE SELECT * FROM '{path}'", r => r.GetString(0)).Count);
    }

    [Fact]
    public async Task ValuesOutOfColumnOrderFailWithTheColumnsName()
    {
        await using var stream = new MemoryStream();
        var sink = new JsonLinesFeatureSink(stream, [new FeatureColumn("Id", FeatureColumnType.Key, false), new FeatureColumn("Score", FeatureColumnType.Double, true)]);
        sink.WriteKey("a");

        var wrongType = Assert.Throws<InvalidOperationException>(() => sink.WriteBoolean(true));
        Assert.Contains("Column 1 'Score' is Double, but the row writer wrote a Boolean value", wrongType.Message, StringComparison.Ordinal);
        var early = await Assert.ThrowsAsync<InvalidOperationException>(() => sink.EndRowAsync(default).AsTask());
        Assert.Contains("after 1 of 2 columns", early.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVectorOfTheWrongDimensionIsRejected()
    {
        var gadget = Gadget.Samples()[0];
        gadget.Vector = new[] { 1f, 2f };
        using var directory = new TempDirectory();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => FeatureFile.WriteAsync([gadget], FeatureOutput.JsonLines(directory.File("x.jsonl"))));

        Assert.Contains("'Vector' holds 3-dimensional vectors, but a row has 2 values", error.Message, StringComparison.Ordinal);
    }

    private static List<TRow> Query<TRow>(DuckDBConnection connection, string sql, Func<System.Data.Common.DbDataReader, TRow> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<TRow>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
