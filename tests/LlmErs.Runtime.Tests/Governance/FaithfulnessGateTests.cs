using Xunit;

namespace LlmErs.Runtime.Tests.Governance;

public sealed class FaithfulnessGateTests
{
    private static readonly Dictionary<string, string> Synopsis = new()
    {
        ["Heist"] = "A retired safecracker plans one last job in a rainy city.",
        ["Bakery"] = "Two sisters keep their bakery open through a hard winter.",
        ["Drifted"] = "A retired safecracker plans one last job in a rainy city.",
        ["Invented"] = "Two sisters keep their bakery open through a hard winter.",
    };

    private static readonly Dictionary<string, string> Planted = new()
    {
        ["Heist"] = "Fans of a last job by a retired safecracker in a rainy city.",
        ["Bakery"] = "Anyone who loves sisters, a bakery and a hard winter.",
        ["Drifted"] = "Gamers who enjoy dragons, lasers and zombie pirates.",
        ["Invented"] = "Soldiers storm orbital fortresses aboard starships.",
    };

    [Fact]
    public async Task AnswersFarFromTheirItemAreQuarantined_AndFaithfulOnesPass()
    {
        using var directory = new TempDirectory();
        var gate = new FaithfulnessGate<Screening>(new BagOfWordsEmbeddings(), new FaithfulnessGateOptions { FieldThresholds = { ["Blurb"] = 0.3 } });

        var result = await GovernanceRun.RunAsync(directory, new PlantedChatClient(Planted), GovernanceRun.Items(Planted.Keys, t => Synopsis[t]), gate);

        Assert.Equal(["ok", "ok", "quarantined: unfaithful", "quarantined: unfaithful"], result.Items.Select(i => i.GetStatus(nameof(Screening.Blurb)).ToString()));
        Assert.StartsWith("cosine 0.000 between the answer and its prompt is below 0.300", result.Items[2].Findings.Single().Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGatesCalibration_HoldsEveryAnswerItJudged_TheQuarantinedOnesToo()
    {
        using var directory = new TempDirectory();
        var unmeasured = await GovernanceRun.RunAsync(directory, new PlantedChatClient(Planted), GovernanceRun.Items(Planted.Keys, t => Synopsis[t]));
        var measured = await FaithfulnessCalibration.MeasureAsync(new BagOfWordsEmbeddings(), nameof(Screening.Blurb), unmeasured.Items.Select(i => i.Item));
        using var gated = new TempDirectory();
        var gate = new FaithfulnessGate<Screening>(new BagOfWordsEmbeddings(), new FaithfulnessGateOptions { FieldThresholds = { ["Blurb"] = 0.3 } });

        var result = await GovernanceRun.RunAsync(gated, new PlantedChatClient(Planted), GovernanceRun.Items(Planted.Keys, t => Synopsis[t]), gate);

        Assert.Equal(2, result.Items.Count(i => i.GetStatus(nameof(Screening.Blurb)).Kind == FeatureStatusKind.Quarantined));
        Assert.Equal(measured.Cosines, gate.Calibrations[nameof(Screening.Blurb)].Cosines);
    }

    [Fact]
    public async Task TheCalibrationPrintsQuantilesAndAHistogram()
    {
        using var directory = new TempDirectory();
        var result = await GovernanceRun.RunAsync(directory, new PlantedChatClient(Planted), GovernanceRun.Items(Planted.Keys, t => Synopsis[t]));

        var calibration = await FaithfulnessCalibration.MeasureAsync(new BagOfWordsEmbeddings(), nameof(Screening.Blurb), result.Items.Select(i => i.Item));

        Assert.Equal(4, calibration.Cosines.Count);
        Assert.Equal((0, 0), (calibration.Cosines[0], calibration.Quantile(0.5)));
        Assert.True(calibration.Quantile(1) > 0.5);
        var text = calibration.ToString();
        Assert.StartsWith("Answer-to-prompt cosine of Blurb over 4 answer(s): min 0.000", text, StringComparison.Ordinal);
        Assert.Contains("[0.0, 0.1)     2 ####################", text, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => FaithfulnessCalibration.MeasureAsync(new BagOfWordsEmbeddings(), "Nope", result.Items.Select(i => i.Item)).GetAwaiter().GetResult());
    }
}
