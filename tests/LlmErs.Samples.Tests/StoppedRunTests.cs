using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LlmErs.Local;
using LlmErs.Quickstart;
using LlmErs.Quickstart.MovieLens;
using LlmErs.Quickstart.Synthetic;
using LlmErs.Recommenders;
using Spectre.Console;

namespace LlmErs.Samples.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class StoppedRunTests
{
    [Fact]
    public async Task AnEndpointWithNothingListening_StopsTheSampleInSeconds_WithExitCode4AndAReport()
    {
        using var output = new TempDirectory();
        var url = new Uri($"http://127.0.0.1:{FreePort()}/v1");
        using var embeddings = new MiniLmEmbeddingGenerator();
        using var chat = ChatSetup.Create(new ChatEndpoint(url, "llama3.2", "sk-test-0123456789abcdef"), embeddings);
        var watch = Stopwatch.StartNew();

        var stopped = await Assert.ThrowsAsync<EnrichmentStoppedException>(
            () => new Pipeline(chat, embeddings).RunAsync(SyntheticData.Generate().Movies, output.Path, CancellationToken.None));
        var console = new StringWriter();
        var exitCode = await StoppedRun.ReportAsync(stopped, output.Path, console);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"Stopping took {watch.Elapsed}.");
        Assert.Equal(4, exitCode);
        Assert.Equal(StopReason.Unreachable, stopped.Stop.Reason);
        Assert.Contains($"model 'llama3.2' at {url}", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("check the URL and port", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("STOPPED (Unreachable)", console.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"stopped\"", await File.ReadAllTextAsync(Path.Combine(output.Path, StoppedRun.ReportFileName)), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output.Path, "movies.parquet")));
    }

    [Fact]
    public async Task WithAnEndpoint_TheTeachersAskIt_NotTheOfflineClient()
    {
        // Nothing listens, so a teacher that asked the endpoint stops; one that asked the offline client would answer.
        using var output = new TempDirectory();
        var url = new Uri($"http://127.0.0.1:{FreePort()}/v1");
        using var embeddings = new MiniLmEmbeddingGenerator();
        using var chat = ChatSetup.Create(new ChatEndpoint(url, "llama3.2", null), embeddings);
        var data = SyntheticData.Generate();
        var split = LeaveOneOutSplitter.Split(data.Interactions);
        var byId = data.Movies.ToDictionary(movie => movie.Id, StringComparer.Ordinal);

        var pairs = await Assert.ThrowsAsync<EnrichmentStoppedException>(() => LlmChosenPairs.ChooseAsync(split, byId, chat, output.Path, AnsiConsole.Console, CancellationToken.None));
        var rankings = await Assert.ThrowsAsync<EnrichmentStoppedException>(() => LlmTeacherRankings.RankAsync(split, byId, chat, output.Path, CancellationToken.None));

        Assert.Equal((StopReason.Unreachable, StopReason.Unreachable), (pairs.Stop.Reason, rankings.Stop.Reason));
    }

    [Fact]
    public void TheEndpointsSettingsReachTheEngine()
    {
        using var embeddings = new MiniLmEmbeddingGenerator();
        var endpoint = new ChatEndpoint(new Uri("http://localhost:11434/v1"), "llama3.2", null)
        {
            AttemptTimeout = TimeSpan.FromSeconds(12),
            StopAfterConsecutiveFailures = 3,
            Preflight = false,
        };

        using var chat = ChatSetup.Create(endpoint, embeddings);

        var resilience = chat.Options.Resilience;
        Assert.Equal((TimeSpan.FromSeconds(12), 3, false), (resilience.AttemptTimeout, resilience.StopAfterConsecutiveFailures, resilience.Preflight));
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
