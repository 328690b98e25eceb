using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmErs.Recommenders;

namespace LlmErs.Serving.Tests;

/// <summary>
/// The host serves a trained model as the main sample exports it (a <c>serving/</c> folder beside the content store):
/// the model's own user vectors, the user's seen items left out, and the version the export gave it.
/// </summary>
public sealed class ExportedModelTests
{
    [Fact]
    public async Task Serves_the_exported_trained_model_and_masks_what_the_user_has_seen()
    {
        using var directory = new TempDirectory();
        var (split, model) = TrainSmallBpr();
        ModelExport.Export(model, split, Path.Combine(directory.Path, "serving"), new ModelExportOptions { ModelName = "bpr", Version = "t1" });
        var app = ServingApp.Build(["--urls", "http://127.0.0.1:0", "--from", directory.Path, "--exposure-log", "none"]);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            var body = await client.GetFromJsonAsync<JsonElement>("/recommendations/u1?count=10");
            using var unknown = await client.GetAsync("/recommendations/nobody?count=3");

            Assert.Equal("bpr@t1", body.GetProperty("modelVersion").GetString());
            var served = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()!).ToList();
            Assert.Equal(10, served.Count);
            var user = split.UserIds.GetIndex("u1");
            var seen = UserItemMatrix.Create(split.Train, split.Validation, split.Test).ItemsOf(user).ToArray().Select(i => split.ItemIds[i]);
            Assert.Empty(served.Intersect(seen));
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static (DataSplit Split, FactorModel Model) TrainSmallBpr()
    {
        var random = new Random(7);
        var log = new InteractionLogBuilder();
        for (var u = 0; u < 30; u++)
        {
            for (var n = 0; n < 12; n++)
            {
                log.Add($"u{u}", $"m{random.Next(80)}", timestamp: n);
            }
        }

        var split = LeaveOneOutSplitter.Split(log.Build().Deduplicate());
        var feedback = UserItemMatrix.Create(split.Train.Users, split.Train.Items, split.UserCount, split.ItemCount);
        return (split, MatrixFactorization.Train(feedback, new BprOptions { Dimension = 8, Epochs = 3 }).Model);
    }
}
