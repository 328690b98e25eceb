using System.Security.Cryptography;
using System.Text.Json;
using DuckDB.NET.Data;
using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using LlmErs.Vectors;
using Xunit;

namespace LlmErs.Runtime.Tests.Pipeline;

public sealed class OfflinePipelineTests
{
    [Fact]
    public async Task StagesRunInOrder_AndTheFilesAreWrittenOnce_WithFilledVectorsAndSemanticIds()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ScriptedChatClient(), cache);
        var gate = new RecordingGate(directory.File("albums.jsonl"));
        var stages = new List<PipelineStage>();

        await Create(engine, cache, directory, new FakeEmbeddings(4), gate).RunAsync(Album.Catalog(8), new Relay(p => stages.Add(p.Stage)));

        Assert.Equal(
            [PipelineStage.Enrichment, PipelineStage.Gates, PipelineStage.Embedding, PipelineStage.SemanticIds, PipelineStage.FeatureFiles, PipelineStage.VectorStores, PipelineStage.Manifest],
            stages.Distinct());
        Assert.Equal(stages.Distinct(), stages.Where((s, i) => i == 0 || stages[i - 1] != s));
        Assert.Equal((false, false, true), (gate.SawFile, gate.SawVector, gate.SawSummary));
        var rows = JsonRows(directory.File("albums.jsonl"));
        Assert.Equal(8, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(4, row.GetProperty("Sound").GetArrayLength());
            Assert.NotEqual("", row.GetProperty("Sid").GetString());
            Assert.All(["Summary", "Acoustic", "Sound", "Sid"], field => Assert.Equal("ok", row.GetProperty(field + "_status").GetString()));
        });
        Assert.Equal(
            ["Id", "Summary", "Acoustic", "Sound", "Sid", "Summary_status", "Acoustic_status", "Sound_status", "Sid_status"],
            rows[0].EnumerateObject().Select(p => p.Name));
        using var store = VectorStore.Open(directory.File("Sound.vec"), new VectorStoreOpenOptions { ExpectedModelId = "fake-embeddings" });
        Assert.Equal(8, store.Count);
    }

    [Fact]
    public async Task TheEnrichmentStageIsReportedWhenItStarts_NotWhenItsFirstItemIsDone()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        var client = new ScriptedChatClient(latency: TimeSpan.FromMilliseconds(20));
        using var engine = TestEngines.Create(client, cache);
        var reports = new List<(PipelineProgress Progress, int Calls)>();

        await Create(engine, cache, directory, new FakeEmbeddings(4)).RunAsync(Album.Catalog(8), new Relay(p => reports.Add((p, client.Calls))));

        // A console that times stages from their first report would otherwise leave the wait for the first answers out.
        Assert.Equal((new PipelineProgress(PipelineStage.Enrichment, 0, 8), 0), reports[0]);
        Assert.Contains(reports, r => r.Progress is { Stage: PipelineStage.Enrichment, Done: 8, Total: 8 });
    }

    [Fact]
    public async Task StatusesTellOkUnknownAndFailedApart_InParquetAndJsonLines()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ScriptedChatClient(), cache);
        var albums = Album.Catalog(6);
        albums[1] = new Album { Id = "unknown", Title = "Quiet #unknown@Acoustic" };
        albums[2] = new Album { Id = "refused", Title = "Loud #refuse@Summary" };

        var result = await Create(engine, cache, directory, new FakeEmbeddings(4)).RunAsync(albums);

        var rows = JsonRows(directory.File("albums.jsonl"));
        Assert.Equal(albums.Select(a => a.Id), rows.Select(r => r.GetProperty("Id").GetString()));
        Assert.Equal((JsonValueKind.Null, "unknown", "ok"), (rows[1].GetProperty("Acoustic").ValueKind, rows[1].GetProperty("Acoustic_status").GetString(), rows[1].GetProperty("Summary_status").GetString()));
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("Summary").ValueKind);
        Assert.StartsWith("failed: Refusal: ", rows[2].GetProperty("Summary_status").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed: Skipped: Summary failed", rows[2].GetProperty("Sound_status").GetString());
        Assert.Equal("failed: Skipped: Sound failed", rows[2].GetProperty("Sid_status").GetString());
        Assert.Equal(0, rows[2].GetProperty("Sound").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("Sid").ValueKind);
        Assert.Equal(new StatusCounts(5, 0, 1, 0), result.Report.Statuses["Summary"]);
        Assert.Equal(new StatusCounts(5, 1, 0, 0), result.Report.Statuses["Acoustic"]);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id, Acoustic, Acoustic_status, Summary, Summary_status, Sid, Sid_status FROM '{directory.File("albums.parquet")}' WHERE Id IN ('a00', 'unknown', 'refused') ORDER BY Id";
        using var reader = command.ExecuteReader();
        var parquet = new List<object?[]>();
        while (reader.Read())
        {
            parquet.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        Assert.Equal(["a00", "refused", "unknown"], parquet.Select(r => r[0]));
        Assert.Equal(["ok", "ok"], new[] { parquet[0][2], parquet[0][4] });
        Assert.NotNull(parquet[0][5]);
        Assert.Equal((null, "unknown"), (parquet[2][1], parquet[2][2]));
        Assert.Null(parquet[1][3]);
        Assert.StartsWith("failed: Refusal: ", (string)parquet[1][4]!, StringComparison.Ordinal);
        Assert.Equal((null, "failed: Skipped: Sound failed"), (parquet[1][5], parquet[1][6]));
    }

    [Fact]
    public async Task AGateRunsBetweenEnrichmentAndEmbedding_AndItsQuarantineReachesTheFilesAndTheManifest()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ScriptedChatClient(), cache);
        var embeddings = new FakeEmbeddings(4);

        var result = await Create(engine, cache, directory, embeddings, new QuarantineFirstSummary()).RunAsync(Album.Catalog(5));

        var first = JsonRows(directory.File("albums.jsonl"))[0];
        Assert.Equal(JsonValueKind.Null, first.GetProperty("Summary").ValueKind);
        Assert.Equal("quarantined: wordlist", first.GetProperty("Summary_status").GetString());
        Assert.Equal("failed: Skipped: Summary quarantined", first.GetProperty("Sound_status").GetString());
        Assert.Equal(4, embeddings.Texts.Count);
        Assert.Equal(new StatusCounts(4, 0, 0, 1), result.Manifest.Fields.Single(f => f.Name == "Summary").Statuses);
        Assert.Equal(new StatusCounts(4, 0, 1, 0), result.Manifest.Fields.Single(f => f.Name == "Sound").Statuses);
    }

    [Fact]
    public async Task TheManifestNamesTheModels_TheFingerprints_TheCounts_AndEveryFileWithItsSizeAndChecksum()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ScriptedChatClient(), cache);
        var before = DateTime.UtcNow;

        var result = await Create(engine, cache, directory, new FakeEmbeddings(4)).RunAsync(Album.Catalog(6));

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(directory.File("manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(result.Manifest.RunId, root.GetProperty("runId").GetString());
        Assert.InRange(root.GetProperty("startedAt").GetDateTime(), before.AddSeconds(-1), root.GetProperty("completedAt").GetDateTime());
        Assert.EndsWith("Z", root.GetProperty("startedAt").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("libraryVersion").GetString()));
        Assert.Equal(["fake-model"], root.GetProperty("chatModels").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("fake-embeddings", root.GetProperty("embeddingModel").GetString());
        Assert.Equal((6, 0), (root.GetProperty("items").GetInt32(), root.GetProperty("rejectedItems").GetInt32()));
        var fields = root.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(ModelOf<Album>().Fields.Select(f => (f.Name, f.Fingerprint)), fields.Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("fingerprint").GetString()!)));
        Assert.All(fields, f => Assert.Equal(6, f.GetProperty("statuses").GetProperty("ok").GetInt32()));
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["albums.parquet", "albums.jsonl", "Sound.vec", "Sid.codebook", "Sid.ids.json", "governance.json", "governance.md", "report.json"], files.Select(f => f.GetProperty("path").GetString()));
        Assert.All(files, file =>
        {
            var bytes = File.ReadAllBytes(directory.File(file.GetProperty("path").GetString()!));
            Assert.Equal(bytes.LongLength, file.GetProperty("bytes").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
        });
    }

    [Fact]
    public async Task ARerunMakesNoModelCall_AndWritesTheSameFeatureFiles()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using (var engine = TestEngines.Create(new ScriptedChatClient(), cache))
        {
            await Create(engine, cache, directory, new FakeEmbeddings(4)).RunAsync(Album.Catalog(6));
        }

        var parquet = File.ReadAllBytes(directory.File("albums.parquet"));
        var jsonLines = File.ReadAllBytes(directory.File("albums.jsonl"));
        var chat = new ScriptedChatClient();
        var embeddings = new FakeEmbeddings(4);
        using (var engine = TestEngines.Create(chat, cache))
        {
            var result = await Create(engine, cache, directory, embeddings).RunAsync(Album.Catalog(6));
            Assert.Equal(6 * 2, result.Report.Enrichment.CacheHits);
        }

        Assert.Equal((0, 0), (chat.Calls, embeddings.Calls));
        Assert.Equal(parquet, File.ReadAllBytes(directory.File("albums.parquet")));
        Assert.Equal(jsonLines, File.ReadAllBytes(directory.File("albums.jsonl")));
    }

    [Fact]
    public async Task WithoutAnEmbeddingGenerator_TheErrorNamesTheEmbeddingFields()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ScriptedChatClient(), cache);

        var error = Assert.Throws<ArgumentException>(() => Create(engine, cache, directory, embeddings: null));

        Assert.Contains("Album has embedding field(s) Sound", error.Message, StringComparison.Ordinal);
        Assert.Contains("IEmbeddingGenerator", error.Message, StringComparison.Ordinal);
    }

    private static OfflinePipeline<Album> Create(
        EnrichmentEngine engine, IEnrichmentCache cache, TempDirectory directory, FakeEmbeddings? embeddings, params IPipelineGate<Album>[] gates) =>
        Pipelines.Create(engine, cache, directory.Path,
            [FeatureOutput.Parquet(directory.File("albums.parquet")), FeatureOutput.JsonLines(directory.File("albums.jsonl"))], embeddings, gates);

    private static EnrichmentModel<T> ModelOf<T>() where T : IEnrichable<T> => T.EnrichmentModel;

    private static List<JsonElement> JsonRows(string path) => [.. File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement)];

    private sealed class Relay(Action<PipelineProgress> report) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => report(value);
    }

    /// <summary>Records what exists when the gates run: enriched fields, but no vectors and no files yet.</summary>
    private sealed class RecordingGate(string featureFile) : IPipelineGate<Album>
    {
        public string Name => "recorder";

        public bool SawFile { get; private set; }

        public bool SawVector { get; private set; }

        public bool SawSummary { get; private set; }

        public Task RunAsync(IReadOnlyList<PipelineItem<Album>> items, CancellationToken cancellationToken)
        {
            SawFile = File.Exists(featureFile);
            SawVector = items.Any(i => !i.Item.Sound.IsEmpty);
            SawSummary = items.All(i => i.Item.Summary is not null && i.GetStatus("Summary") == FeatureStatus.Ok);
            return Task.CompletedTask;
        }
    }

    private sealed class QuarantineFirstSummary : IPipelineGate<Album>
    {
        public string Name => "wordlist";

        public Task RunAsync(IReadOnlyList<PipelineItem<Album>> items, CancellationToken cancellationToken)
        {
            items[0].SetStatus("Summary", FeatureStatus.Quarantined(Name));
            return Task.CompletedTask;
        }
    }
}
