using LlmErs;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>The parts of a batch-mode test: a folder, the fake Batch API, the live client for what the batches leave, and a cache.</summary>
public sealed class BatchHarness : IAsyncDisposable
{
    public BatchHarness(BatchScenario scenario)
    {
        Server = FakeBatchServer.Start(scenario);
        Cache = new SqliteEnrichmentCache(Directory.File("cache.db"));
    }

    public TempDirectory Directory { get; } = new();

    public FakeBatchServer Server { get; }

    public ScriptedChatClient Live { get; } = new();

    public SqliteEnrichmentCache Cache { get; }

    public void Deconstruct(out TempDirectory directory, out FakeBatchServer server, out ScriptedChatClient live, out SqliteEnrichmentCache cache) =>
        (directory, server, live, cache) = (Directory, Server, Live, Cache);

    public async ValueTask DisposeAsync()
    {
        await Cache.DisposeAsync();
        await Server.DisposeAsync();
        Directory.Dispose();
    }
}
