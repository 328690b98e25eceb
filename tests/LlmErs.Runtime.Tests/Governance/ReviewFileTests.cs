using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace LlmErs.Runtime.Tests.Governance;

public sealed class ReviewFileTests
{
    private static readonly Dictionary<string, string> Planted = new()
    {
        ["Accept"] = "Bad in the best way: a cult horror night.",
        ["Replace"] = "BAD acting, great fun.",
        ["Reject"] = "Very poor, skip it.",
        ["Invalid"] = "Truly bad.",
        ["Clean"] = "Heist fans will enjoy the planning.",
    };

    [Fact]
    public async Task DecisionsApplyOnTheNextRun_WithoutAModelCall_AndAreKeptInTheRewrittenFile()
    {
        using var directory = new TempDirectory();
        var items = GovernanceRun.Items(Planted.Keys);
        await GovernanceRun.RunAsync(directory, new PlantedChatClient(Planted), items);
        var review = directory.File("out/review.jsonl");
        var lines = File.ReadAllLines(review).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["s00", "s01", "s02", "s03"], lines.Select(l => (string)l["item"]!));
        Assert.All(lines, l => Assert.Equal(("Blurb", "words", null), ((string)l["field"]!, (string)l["gate"]!, l["decision"])));
        Assert.Equal(Planted["Accept"], (string)lines[0]["value"]!);

        lines[0]["decision"] = "accept";
        lines[1]["decision"] = "replace";
        lines[1]["replacement"] = "Great fun, if not great acting.";
        lines[2]["decision"] = "reject";
        lines[3]["decision"] = "replace";
        lines[3]["replacement"] = string.Join(' ', Enumerable.Repeat("word", 31));
        File.WriteAllLines(review, lines.Select(l => l.ToJsonString()));

        var again = new PlantedChatClient(Planted);
        var result = await GovernanceRun.RunAsync(directory, again, GovernanceRun.Items(Planted.Keys));

        Assert.Equal(0, again.Calls);
        var rows = GovernanceRun.Rows(directory);
        Assert.Equal(("ok", Planted["Accept"]), (rows["s00"].GetProperty("Blurb_status").GetString(), rows["s00"].GetProperty("Blurb").GetString()));
        Assert.Equal(("ok", "Great fun, if not great acting."), (rows["s01"].GetProperty("Blurb_status").GetString(), rows["s01"].GetProperty("Blurb").GetString()));
        Assert.Equal(("quarantined: words", JsonValueKind.Null), (rows["s02"].GetProperty("Blurb_status").GetString(), rows["s02"].GetProperty("Blurb").ValueKind));
        Assert.Equal(("quarantined: words", JsonValueKind.Null), (rows["s03"].GetProperty("Blurb_status").GetString(), rows["s03"].GetProperty("Blurb").ValueKind));
        var error = Assert.Single(result.Report.Governance.ReviewErrors);
        Assert.Contains("line 4: item 's03', field 'Blurb': the replacement is invalid", error, StringComparison.Ordinal);
        var summary = Assert.Single(result.Report.Governance.Summaries);
        Assert.Equal((4, 1, 1, 1), (summary.Quarantined, summary.Accepted, summary.Replaced, summary.Rejected));
        Assert.Equal(new StatusCounts(3, 0, 0, 2), result.Report.Statuses["Blurb"]);

        // The rewritten file keeps the decisions, so a third run applies them again and the raw answers stay cached.
        var kept = File.ReadAllLines(review).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["accept", "replace", "reject", "replace"], kept.Select(l => (string?)l["decision"]));
        Assert.Equal(Planted["Replace"], (string)kept[1]["value"]!);
        var third = await GovernanceRun.RunAsync(directory, new PlantedChatClient(Planted), GovernanceRun.Items(Planted.Keys));
        Assert.Equal(new StatusCounts(3, 0, 0, 2), third.Report.Statuses["Blurb"]);
    }

    [Fact]
    public async Task MalformedLinesAreReportedWithTheirNumber_SkippedWhole_AndTheFileIsLeftForTheReviewer()
    {
        using var directory = new TempDirectory();
        await GovernanceRun.RunAsync(directory, new PlantedChatClient(Planted), GovernanceRun.Items(Planted.Keys));
        var review = directory.File("out/review.jsonl");
        var lines = File.ReadAllLines(review).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        lines[0]["decision"] = "accept";
        lines[1]["decision"] = "maybe";
        lines[2]["decision"] = "replace";
        string[] written = [lines[0].ToJsonString(), lines[1].ToJsonString(), lines[2].ToJsonString(), "{\"item\": \"s03\", \"decision\": \"accept\"", "[1, 2]"];
        File.WriteAllLines(review, written);

        var result = await GovernanceRun.RunAsync(directory, new PlantedChatClient(Planted), GovernanceRun.Items(Planted.Keys));

        var errors = result.Report.Governance.ReviewErrors;
        Assert.Equal(4, errors.Count);
        Assert.Contains("line 2: 'decision' is \"maybe\"", errors[0], StringComparison.Ordinal);
        Assert.Contains("line 3: 'decision' is \"replace\" but there is no 'replacement'", errors[1], StringComparison.Ordinal);
        Assert.Contains("line 4: not a JSON object", errors[2], StringComparison.Ordinal);
        Assert.Contains("line 5: not a JSON object", errors[3], StringComparison.Ordinal);
        Assert.Equal(["ok", "quarantined: words", "quarantined: words", "quarantined: words", "ok"],
            result.Items.Select(i => i.GetStatus(nameof(Screening.Blurb)).ToString()));
        Assert.Equal(written, File.ReadAllLines(review));
        Assert.Contains("## Review file errors", File.ReadAllText(directory.File("out/governance.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAcceptDecisionDoesNotApplyToADifferentAnswer()
    {
        using var directory = new TempDirectory();
        var review = directory.File("out/review.jsonl");
        Directory.CreateDirectory(directory.File("out"));
        File.WriteAllText(review, "{\"item\":\"s00\",\"field\":\"Blurb\",\"value\":\"Some other bad text.\",\"decision\":\"accept\"}\n");

        var result = await GovernanceRun.RunAsync(directory, new PlantedChatClient(Planted), GovernanceRun.Items(Planted.Keys));

        Assert.Equal("quarantined: words", GovernanceRun.Status(result, "s00"));
        Assert.Empty(result.Report.Governance.ReviewErrors);
    }
}
