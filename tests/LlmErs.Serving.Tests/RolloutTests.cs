using System.Net.Http.Json;
using System.Text.Json;
using LlmErs.Vectors;

namespace LlmErs.Serving.Tests;

public sealed class RolloutTests
{
    [Fact]
    public async Task Users_get_the_arm_of_the_split_and_the_split_changes_without_restart()
    {
        await using var host = await ServingHost.StartAsync("--candidate", "{V2}");
        using var put = await host.Client.PutAsJsonAsync("/admin/split", new { treatmentPercent = 50, experiment = "e1" });
        put.EnsureSuccessStatusCode();

        var split = new TrafficSplit("e1", 50);
        var arms = new List<string>();
        for (var u = 0; u < 50; u++)
        {
            using var response = await host.Client.GetAsync($"/recommendations/u{u}?count=3");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var arm = body.GetProperty("arm").GetString()!;
            Assert.Equal(split.ArmOf($"u{u}"), arm);
            Assert.Equal(arm, response.Headers.GetValues("X-Arm").Single());
            Assert.Equal(arm == TrafficSplit.Treatment ? "v2" : "v1", body.GetProperty("modelVersion").GetString());
            arms.Add(arm);
        }

        Assert.Contains(TrafficSplit.Treatment, arms);
        Assert.Contains(TrafficSplit.Control, arms);

        using var off = await host.Client.PutAsJsonAsync("/admin/split", new { treatmentPercent = 0 });
        off.EnsureSuccessStatusCode();
        using var after = await host.Client.GetAsync("/recommendations/u1?count=3");
        Assert.Equal(TrafficSplit.Control, after.Headers.GetValues("X-Arm").Single());

        using var invalid = await host.Client.PutAsJsonAsync("/admin/split", new { treatmentPercent = 120 });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task Feedback_turns_into_per_arm_ctr_in_the_report()
    {
        await using var host = await ServingHost.StartAsync("--candidate", "{V2}", "--treatment-percent", "50");
        var clicksByArm = new Dictionary<string, int> { ["control"] = 0, ["treatment"] = 0 };
        var servedByArm = new Dictionary<string, int> { ["control"] = 0, ["treatment"] = 0 };
        for (var u = 0; u < 50; u++)
        {
            var body = await host.Client.GetFromJsonAsync<JsonElement>($"/recommendations/u{u}?count=3");
            var arm = body.GetProperty("arm").GetString()!;
            servedByArm[arm]++;

            // Every treatment response is clicked, every third control response too; one of each converts.
            if (arm == "treatment" || u % 3 == 0)
            {
                var item = body.GetProperty("items")[0].GetProperty("itemId").GetString();
                var kind = clicksByArm[arm] == 0 ? "conversion" : "click";
                using var feedback = await host.Client.PostAsJsonAsync("/feedback", new { requestId = body.GetProperty("requestId").GetString(), itemId = item, kind });
                Assert.Equal(System.Net.HttpStatusCode.Accepted, feedback.StatusCode);
                clicksByArm[arm]++;
            }
        }

        using var orphan = await host.Client.PostAsJsonAsync("/feedback", new { requestId = "nope", itemId = "m1", kind = "click" });
        var report = RolloutStatistics.Compute(ExposureLogReader.Read(host.ExposureLog));

        Assert.Equal(1, report.UnmatchedFeedback);
        foreach (var arm in new[] { "control", "treatment" })
        {
            Assert.Equal(servedByArm[arm], report[arm].Exposures);
            Assert.Equal(clicksByArm[arm], report[arm].ClickThroughRate.Successes);
            Assert.Equal(1, report[arm].ConversionRate.Successes);
        }

        var comparison = report.Compare("treatment", "control");
        Assert.Equal(1.0, comparison.Treatment.ClickThroughRate.Rate);
        Assert.True(comparison.ClickThroughRate.Lower > 0, "every treatment response was clicked against a third of control's");

        var served = await host.Client.GetFromJsonAsync<JsonElement>("/admin/ab-report");
        Assert.Equal(comparison.ClickThroughRate.Difference, served.GetProperty("clickThroughRate").GetProperty("difference").GetDouble(), 12);
    }
}
