using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using LlmErs.Runtime.Tests.Pipeline;
using Xunit;

namespace LlmErs.Runtime.Tests.Drift;

public sealed class DriftInputTests
{
    [Fact]
    public async Task TwoPipelineRuns_OfTheSameCatalog_ShowNoDrift_AndTheManifestsGiveTheKinds()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        await RunPipelineAsync(first);
        await RunPipelineAsync(second);

        var report = await RunDrift.CompareAsync(first.Path, second.Path);

        Assert.Equal(DriftSeverity.None, report.Severity);
        Assert.Equal(
            [("Summary", DriftFieldKind.Text), ("Acoustic", DriftFieldKind.Categorical), ("Sound", DriftFieldKind.Embedding), ("Sid", DriftFieldKind.SemanticId)],
            report.Fields.Select(f => (f.Name, f.Kind)));
        Assert.Equal((first.File("albums.jsonl"), 8), (report.Old.FeatureFile, report.Old.Rows));
        Assert.NotNull(report.New.RunId);
        Assert.Empty(report.Context);
    }

    [Fact]
    public async Task AMissingRun_NamesThePath()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.jsonl"), """{"Id":"a","Label":"x"}""" + "\n");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => RunDrift.CompareAsync(directory.File("a.jsonl"), directory.File("missing.jsonl")));

        Assert.Contains($"'{directory.File("missing.jsonl")}' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderWithoutManifest_NamesTheManifest()
    {
        using var directory = new TempDirectory();

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => RunDrift.CompareAsync(directory.Path, directory.Path));

        Assert.Contains($"'{directory.File("manifest.json")}' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedManifest_NamesIt()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("manifest.json"), "{ \"runId\": ");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RunDrift.CompareAsync(directory.Path, directory.Path));

        Assert.StartsWith($"'{directory.File("manifest.json")}' is not a run manifest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedLine_NamesTheFileAndLine()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.jsonl"), "{\"Id\":\"a\",\"Label\":\"x\"}\n{\"Id\":\"b\",\"Label\":\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RunDrift.CompareAsync(directory.File("a.jsonl"), directory.File("a.jsonl")));

        Assert.StartsWith($"'{directory.File("a.jsonl")}' line 2 is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AColumnWithTwoTypes_NamesTheColumn()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.jsonl"), "{\"Id\":\"a\",\"Label\":\"x\"}\n{\"Id\":\"b\",\"Label\":true}\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RunDrift.CompareAsync(directory.File("a.jsonl"), directory.File("a.jsonl")));

        Assert.Equal($"'{directory.File("a.jsonl")}' line 2, column 'Label': a Boolean value in a String column. Is the file from one pipeline run?", error.Message);
    }

    [Fact]
    public async Task RowsWithDifferentColumns_NameTheLine()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.jsonl"), "{\"Id\":\"a\",\"Label\":\"x\"}\n{\"Id\":\"b\"}\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RunDrift.CompareAsync(directory.File("a.jsonl"), directory.File("a.jsonl")));

        Assert.StartsWith($"'{directory.File("a.jsonl")}' line 2 has the columns [Id]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheParquetFile_ReadsAsTheJsonLinesFile()
    {
        using var directory = new TempDirectory();
        await RunPipelineAsync(directory);

        var parquet = await ParquetFeatureReader.ReadAsync(directory.File("albums.parquet"), CancellationToken.None);
        var jsonLines = await JsonLinesFeatureReader.ReadAsync(directory.File("albums.jsonl"), CancellationToken.None);

        Assert.Equal(jsonLines.Rows, parquet.Rows);
        Assert.Equal(jsonLines.Columns.Select(c => (c.Name, c.Type)), parquet.Columns.Select(c => (c.Name, c.Type)));
        Assert.All(jsonLines.Columns.Zip(parquet.Columns), pair =>
            Assert.Equal(pair.First.Values.Select(Comparable), pair.Second.Values.Select(Comparable)));
        var report = await RunDrift.CompareAsync(directory.File("albums.jsonl"), directory.File("albums.parquet"));
        Assert.Equal(DriftSeverity.None, report.Severity);
    }

    [Fact]
    public async Task AMalformedParquetFile_NamesIt()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("a.parquet"), [1, 2, 3]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RunDrift.CompareAsync(directory.File("a.parquet"), directory.File("a.parquet")));

        Assert.StartsWith($"'{directory.File("a.parquet")}' is not a readable Parquet feature file", error.Message, StringComparison.Ordinal);
    }

    // Lists compare by their elements; an empty list reads as string[] from JSON Lines and as the column's element type from Parquet.
    private static string? Comparable(object? value) => value switch
    {
        float[] v => string.Join(',', v),
        string[] v => string.Join(',', v),
        _ => value?.ToString(),
    };

    private static async Task RunPipelineAsync(TempDirectory directory)
    {
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ScriptedChatClient(), cache);
        await Pipelines.Create<Album>(engine, cache, directory.Path,
            [FeatureOutput.Parquet(directory.File("albums.parquet")), FeatureOutput.JsonLines(directory.File("albums.jsonl"))], new FakeEmbeddings(4), [])
            .RunAsync(Album.Catalog(8));
    }
}
