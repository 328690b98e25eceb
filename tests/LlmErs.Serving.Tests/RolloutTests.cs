using System.Net.Http.Json;
using System.Text.Json;
using LlmErs.Vectors;

namespace LlmErs.Serving.Tests;

public sealed class RolloutTests
{
    [Fact]
    public void The_split_is_deterministic_and_close_to_its_percentage()
    {
        var split = new TrafficSplit("exp", 20);
        var again = new TrafficSplit("exp", 20);
        var users = Enumerable.Range(0, 20_000).Select(u => $"user-{u}").ToArray();

        Assert.All(users.Take(500), u => Assert.Equal(split.ArmOf(u), again.ArmOf(u)));
        var share = users.Count(u => split.ArmOf(u) == TrafficSplit.Treatment) / (double)users.Length;
        Assert.InRange(share, 0.19, 0.21);
        Assert.All(users, u => Assert.Equal(TrafficSplit.Control, new TrafficSplit("exp", 0).ArmOf(u)));
        Assert.All(users, u => Assert.Equal(TrafficSplit.Treatment, new TrafficSplit("exp", 100).ArmOf(u)));
    }

    [Fact]
    public void Raising_the_share_only_moves_users_into_the_treatment()
    {
        var at10 = new TrafficSplit("exp", 10);
        var at30 = new TrafficSplit("exp", 30);

        Assert.All(Enumerable.Range(0, 5_000).Select(u => $"u{u}").Where(u => at10.ArmOf(u) == TrafficSplit.Treatment),
            u => Assert.Equal(TrafficSplit.Treatment, at30.ArmOf(u)));
    }

    [Fact]
    public void The_bucket_is_a_stable_hash_not_a_per_process_one()
    {
        // XxHash64 of "exp\nalice" is fixed; string.GetHashCode would differ from run to run.
        Assert.Equal(new TrafficSplit("exp", 50).BucketOf("alice"), new TrafficSplit("exp", 1).BucketOf("alice"));
        Assert.Equal(Expected("exp\nalice"), new TrafficSplit("exp", 50).BucketOf("alice"));

        static int Expected(string key) => (int)(System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(key)) % TrafficSplit.Buckets);
    }

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
