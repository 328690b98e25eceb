using System.Text.Json;
using LlmErs;
using Xunit;

namespace LlmErs.Runtime.Tests.Drift;

public sealed class DriftReportWriterTests
{
    private static readonly DriftReport Shifted = RunDrift.Compare(
        new SyntheticRun().Build(1), new SyntheticRun { Pacing = [0.1, 0.2, 0.3, 0.4] }.Build(2), new DriftOptions { MaxEmbeddingSample = 50, Permutations = 20 });

    [Fact]
    public void Markdown_LeadsWithTheVerdict_AndListsEveryField()
    {
        var markdown = DriftReportWriter.ToMarkdown(Shifted);

        Assert.Contains("**Alert: Pacing** (exit code 2)", markdown, StringComparison.Ordinal);
        Assert.All(Shifted.Fields, f => Assert.Contains($"| {f.Name} | {f.Kind} |", markdown, StringComparison.Ordinal));
    }

    [Fact]
    public void Json_CarriesSeveritiesAsStrings_AndTheThresholds()
    {
        using var json = JsonDocument.Parse(DriftReportWriter.ToJson(Shifted));

        Assert.Equal("Alert", json.RootElement.GetProperty("severity").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(0.25, json.RootElement.GetProperty("options").GetProperty("psiAlert").GetDouble());
    }

    [Fact]
    public void Html_IsSelfContained_WithPsiBarsAndHistograms()
    {
        var html = DriftReportWriter.ToHtml(Shifted);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(1 + Shifted.Fields.Count(f => f.Histogram is not null), html.Split("<svg").Length - 1);
    }

    [Fact]
    public async Task WriteAsync_WritesTheThreeFiles()
    {
        using var directory = new TempDirectory();

        await DriftReportWriter.WriteAsync(Shifted, directory.File("report"));

        Assert.Equal(["drift.html", "drift.json", "drift.md"], Directory.GetFiles(directory.File("report")).Select(Path.GetFileName).Order());
    }
}
