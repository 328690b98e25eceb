using Xunit;

namespace LlmErs.Runtime.Tests.Governance;

public sealed class DuplicateGateTests
{
    private const string Boilerplate = "A gripping story that everyone will love, full of heart, humour and surprises from start to finish.";

    [Fact]
    public async Task BoilerplateAcrossManyItemsIsQuarantined_AllOfIt_WhileAPairAndDistinctTextsPass()
    {
        using var directory = new TempDirectory();
        var planted = new Dictionary<string, string>
        {
            ["B1"] = Boilerplate,
            ["Clean1"] = "Patient viewers who like slow heists will enjoy the careful planning and the quiet ending.",
            ["B2"] = Boilerplate.ToUpperInvariant(),
            ["B3"] = Boilerplate.Replace("finish.", "end!", StringComparison.Ordinal),
            ["B4"] = "A gripping story that everyone will love, full of heart, humour and surprises from start to finish!!",
            ["Clean2"] = "Families with young children will enjoy the talking animals and the gentle songs.",
            ["Pair1"] = "Fans of space operas will enjoy the sequel's battles and the return of the old crew.",
            ["Pair2"] = "Fans of space operas will enjoy the sequel's battles and the return of the old crew!",
            ["Clean3"] = "Viewers who like courtroom drama will value the sharp dialogue and the moral doubt.",
        };

        var result = await GovernanceRun.RunAsync(directory, new PlantedChatClient(planted), GovernanceRun.Items(planted.Keys), new DuplicateGate<Screening>());

        var keys = result.Items.Where(i => i.GetStatus(nameof(Screening.Blurb)).Kind == FeatureStatusKind.Quarantined).Select(i => i.Item.Title);
        Assert.Equal(["B1", "B2", "B3", "B4"], keys);
        Assert.All(result.Items.Where(i => i.Item.Title.StartsWith('B')), i => Assert.Equal("quarantined: duplicates", i.GetStatus(nameof(Screening.Blurb)).ToString()));
        var finding = result.Items[0].Findings.Single();
        Assert.StartsWith("one of 4 near-duplicate answers (first 's00'", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithMaxClusterSizeOne_APairIsQuarantinedToo()
    {
        using var directory = new TempDirectory();
        var planted = new Dictionary<string, string>
        {
            ["Pair1"] = "Fans of space operas will enjoy the sequel's battles and the return of the old crew.",
            ["Pair2"] = "fans of space operas will enjoy the sequel's battles and the return of the old crew",
            ["Clean"] = "Viewers who like courtroom drama will value the sharp dialogue and the moral doubt.",
        };

        var result = await GovernanceRun.RunAsync(directory, new PlantedChatClient(planted), GovernanceRun.Items(planted.Keys),
            new DuplicateGate<Screening>(new DuplicateGateOptions { MaxClusterSize = 1 }));

        Assert.Equal(["quarantined: duplicates", "quarantined: duplicates", "ok"], result.Items.Select(i => i.GetStatus(nameof(Screening.Blurb)).ToString()));
    }

    [Fact]
    public async Task AnAnswerThatCopiesItsInputIsQuarantined_AndOneThatQuotesATitlePasses()
    {
        using var directory = new TempDirectory();
        var synopsis = new Dictionary<string, string>
        {
            ["Copy"] = "A retired safecracker plans one last job in a city that never sleeps.",
            ["Honest"] = "A retired safecracker plans one last job in a city that never sleeps.",
            ["Quote"] = "Two sisters run a bakery through a hard winter.",
        };
        var planted = new Dictionary<string, string>
        {
            ["Copy"] = "A retired safecracker plans one last job in a city that never sleeps.",
            ["Honest"] = "Heist fans who like older heroes and tense planning will enjoy it.",
            ["Quote"] = "Viewers who enjoy Quote and warm family stories about two sisters will like it.",
        };

        var result = await GovernanceRun.RunAsync(directory, new PlantedChatClient(planted), GovernanceRun.Items(planted.Keys, t => synopsis[t]),
            new CopiedInputGate<Screening>());

        Assert.Equal(["quarantined: copied-input", "ok", "ok"], result.Items.Select(i => i.GetStatus(nameof(Screening.Blurb)).ToString()));
        Assert.StartsWith("100% of the answer's word 3-shingles are copied", result.Items[0].Findings.Single().Evidence, StringComparison.Ordinal);
    }
}
