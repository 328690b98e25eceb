using Xunit;

namespace LlmErs.Runtime.Tests.Governance;

public sealed class FactCheckGateTests
{
    private static readonly Dictionary<string, string> Planted = new()
    {
        ["Heist"] = "Fans of slow heists.",
        ["Invented"] = "Soldiers fight aboard starships.",
        ["Bakery"] = "Anyone who loves small bakeries.",
        ["Drifted"] = "Gamers who enjoy dragons.",
        ["Court"] = "Viewers of courtroom drama.",
    };

    [Fact]
    public async Task EveryPlantedViolationTheJudgeReportsIsQuarantined_AndTheRateHasAWilsonInterval()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("judge.db"));
        var judge = new FakeJudge();
        using var gate = new FactCheckGate<Screening>(judge, cache, Judged(1.0, maxViolationRate: null));

        var result = await GovernanceRun.RunAsync(directory, new PlantedChatClient(Planted), GovernanceRun.Items(Planted.Keys), gate);

        Assert.Equal(["ok", "quarantined: fact-check", "ok", "quarantined: fact-check", "ok"], result.Items.Select(i => i.GetStatus(nameof(Screening.Blurb)).ToString()));
        Assert.Equal("contradicted: \"aboard starships\"", result.Items[1].Findings.Single().Evidence);
        Assert.Equal("unsupported: \"dragons\"", result.Items[3].Findings.Single().Evidence);
        var check = Assert.Single(result.Report.Governance.FactChecks);
        Assert.Equal(("Blurb", 5, 5, 2, 0.4), (check.Field, check.Sampled, check.Judged, check.Violations, check.Rate));
        Assert.Equal(0.118, check.Low, 3);
        Assert.Equal(0.769, check.High, 3);
        Assert.True(check.Passed);
        Assert.Contains("| Blurb | 5 | 5 | 2 | 0.400 | [0.118, 0.769] | — | yes |", File.ReadAllText(directory.File("out/governance.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUpperBoundAboveTheThresholdFailsTheRun_AfterTheOutputsAreWritten()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("judge.db"));
        using var gate = new FactCheckGate<Screening>(new FakeJudge(), cache, Judged(1.0, maxViolationRate: 0.5));

        var error = await Assert.ThrowsAsync<GovernanceException>(() =>
            GovernanceRun.RunAsync(directory, new PlantedChatClient(Planted), GovernanceRun.Items(Planted.Keys), gate));

        Assert.Contains("The fact check of Screening.Blurb failed: 2 of 5 sampled values", error.Message, StringComparison.Ordinal);
        Assert.Contains("[0.118, 0.769], above the allowed 0.500", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(directory.File("out/manifest.json")));
        Assert.Contains("**no**", File.ReadAllText(directory.File("out/governance.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSampleIsSeeded_AndARerunReadsTheVerdictsFromTheCache()
    {
        using var directory = new TempDirectory();
        var judge = new FakeJudge();
        var runs = new List<(int Sampled, int Calls)>();
        for (var run = 0; run < 2; run++)
        {
            await using var cache = new SqliteEnrichmentCache(directory.File("judge.db"));
            using var gate = new FactCheckGate<Screening>(judge, cache, Judged(0.4, maxViolationRate: null));
            await GovernanceRun.RunAsync(directory, new PlantedChatClient(Planted), GovernanceRun.Items(Planted.Keys), gate);
            runs.Add((gate.Results.Single().Sampled, judge.Calls));
        }

        Assert.Equal([(2, 2), (2, 2)], runs);
    }

    private static FactCheckOptions Judged(double rate, double? maxViolationRate) => new()
    {
        SampleRate = rate,
        MaxViolationRate = maxViolationRate,
        Judge = { ModelId = "judge", ProgressInterval = TimeSpan.Zero },
    };
}
