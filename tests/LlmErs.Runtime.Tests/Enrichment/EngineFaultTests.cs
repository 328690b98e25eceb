using LlmErs.Runtime.Tests.Fakes;
using Xunit;

namespace LlmErs.Runtime.Tests.Enrichment;

public sealed class EngineFaultTests
{
    [Fact]
    public async Task EveryFaultEndsInItsOutcome_WithAnInProcessClient()
    {
        using var directory = new TempDirectory();
        var client = new ScriptedChatClient();

        var outcomes = await FaultCatalog.RunAsync(client, directory.File("cache.db"));

        FaultCatalog.AssertExpected(outcomes, overNetwork: false);
    }

    [Fact]
    public async Task EveryFaultEndsInItsOutcome_OverHttpWithTheOpenAIClient()
    {
        using var directory = new TempDirectory();
        await using var server = FakeOpenAIServer.Start(new FaultScript());
        using var client = server.CreateChatClient();

        var outcomes = await FaultCatalog.RunAsync(client, directory.File("cache.db"));

        FaultCatalog.AssertExpected(outcomes, overNetwork: true);
    }
}
