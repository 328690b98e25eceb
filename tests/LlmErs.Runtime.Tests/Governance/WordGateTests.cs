using System.Text.Json;
using Xunit;

namespace LlmErs.Runtime.Tests.Governance;

public sealed class WordGateTests
{
    private static readonly WordMatcher Matcher = new(new WordRules(["bad", "very poor", "坏"], ["bad boys"]));

    [Theory]
    [InlineData("A Ｂad film.", "bad")]
    [InlineData("BAD to the bone", "bad")]
    [InlineData("It is bad.", "bad")]
    [InlineData("bad", "bad")]
    [InlineData("Very   POOR acting", "very poor")]
    [InlineData("Ｖｅｒｙ poor, sadly", "very poor")]
    [InlineData("这部电影很坏", "坏")]
    [InlineData("Bad boys are back, and bad again", "bad")]
    public void PlantedWordsInDisguiseAreFound(string text, string expected) => Assert.Equal(expected, Matcher.FindBlocked(text));

    [Theory]
    [InlineData("A badge of honour")]
    [InlineData("Badly lit, but fun")]
    [InlineData("Bad Boys returns")]
    [InlineData("A poorly made, very nice film")]
    [InlineData("Very good; poor in parts")]
    [InlineData("Sinbad sails")]
    public void CleanTextsPass(string text) => Assert.Null(Matcher.FindBlocked(text));

    [Fact]
    public void TheGeneratedFieldCarriesItsDeclaredRules()
    {
        var field = Model<Screening>().LlmFields.Single();
        Assert.Equal(["bad", "very poor", "坏"], field.WordRules.BlockedWords);
        Assert.Equal(["bad boys"], field.WordRules.AllowedWords);
    }

    [Fact]
    public async Task AViolationIsReaskedOnce_ThenQuarantinedWithTheValueWithheld_AndCleanAnswersPass()
    {
        using var directory = new TempDirectory();
        var planted = new Dictionary<string, string>
        {
            ["Fullwidth"] = "A Ｂad film for nobody.",
            ["Upper"] = "BAD to the bone.",
            ["Trailing"] = "Honestly it is bad.",
            ["Phrase"] = "Very POOR acting throughout.",
            ["Fixed"] = "A bad idea, well told.",
            ["Badge"] = "A badge of honour for fans of heists.",
            ["Allowed"] = "Bad Boys fans will love it.",
            ["Poorly"] = "A poorly lit but very nice film.",
        };
        var client = new PlantedChatClient(planted, new Dictionary<string, string> { ["Fixed"] = "A daring idea, well told." });

        var result = await GovernanceRun.RunAsync(directory, client, GovernanceRun.Items(planted.Keys));

        var rows = GovernanceRun.Rows(directory);
        foreach (var (key, title) in new[] { ("s00", "Fullwidth"), ("s01", "Upper"), ("s02", "Trailing"), ("s03", "Phrase") })
        {
            Assert.Equal("quarantined: words", rows[key].GetProperty("Blurb_status").GetString());
            Assert.Equal(JsonValueKind.Null, rows[key].GetProperty("Blurb").ValueKind);
            Assert.Equal(2, client.Requests[title]);
        }

        Assert.Equal(("ok", "A daring idea, well told.", 2), (rows["s04"].GetProperty("Blurb_status").GetString(), rows["s04"].GetProperty("Blurb").GetString(), client.Requests["Fixed"]));
        Assert.All(["s05", "s06", "s07"], key => Assert.Equal("ok", rows[key].GetProperty("Blurb_status").GetString()));
        Assert.All(["Badge", "Allowed", "Poorly"], title => Assert.Equal(1, client.Requests[title]));
        var summary = Assert.Single(result.Report.Governance.Summaries);
        Assert.Equal(("words", "Blurb", 4), (summary.Gate, summary.Field, summary.Quarantined));
        Assert.Equal(["words"], result.Report.Governance.Gates);
        Assert.Equal(new StatusCounts(4, 0, 0, 4), result.Report.Statuses["Blurb"]);
        Assert.Contains("`s00` Blurb (words): contains the blocked word 'bad'", File.ReadAllText(directory.File("out/governance.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CachedAnswersAreCheckedAgain_WithoutAModelCall()
    {
        using var directory = new TempDirectory();
        var planted = new Dictionary<string, string> { ["Upper"] = "BAD to the bone.", ["Clean"] = "A heist for patient viewers." };
        await GovernanceRun.RunAsync(directory, new PlantedChatClient(planted), GovernanceRun.Items(planted.Keys));

        var again = new PlantedChatClient(planted);
        var result = await GovernanceRun.RunAsync(directory, again, GovernanceRun.Items(planted.Keys));

        Assert.Equal(0, again.Calls);
        Assert.Equal(("quarantined: words", "ok"), (GovernanceRun.Status(result, "s00"), GovernanceRun.Status(result, "s01")));
    }

    private static EnrichmentModel<T> Model<T>() where T : IEnrichable<T> => T.EnrichmentModel;
}
