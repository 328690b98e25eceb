using System.Text.Json;
using LlmErs.Runtime.Tests.Fakes;
using LlmErs.Vectors;
using Microsoft.Extensions.Options;
using Xunit;

namespace LlmErs.Runtime.Tests.Governance;

public sealed class WithheldValueTests
{
    [Fact]
    public async Task AQuarantinedValue_IsEmptiedOnTheItems_AndReachesNoEmbeddingVectorStoreOrFeatureFile_ButStaysInTheReviewFile()
    {
        using var directory = new TempDirectory();
        var client = new PlantedChatClient(new Dictionary<string, string> { ["Clean"] = "A heist for patient viewers.", ["Dirty"] = "A bad film for nobody." });
        var embeddings = new FakeEmbeddings(4);
        IndexedScreening[] items = [new() { Id = "clean", Title = "Clean" }, new() { Id = "dirty", Title = "Dirty" }];

        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(client, cache, o => o.ModelId = "planted");
        var options = new OfflinePipelineOptions { OutputDirectory = directory.File("out") };
        options.FeatureOutputs.Add(FeatureOutput.JsonLines(directory.File("out/screenings.jsonl")));
        var result = await new OfflinePipeline<IndexedScreening>(engine, cache, Options.Create(options), embeddings).RunAsync(items);

        var dirty = result.Items.Single(i => i.Key == "dirty");
        Assert.Equal("quarantined: words", dirty.GetStatus(nameof(IndexedScreening.Blurb)).ToString());
        Assert.Equal("failed: Skipped: Blurb quarantined", dirty.GetStatus(nameof(IndexedScreening.Text)).ToString());
        Assert.Null(dirty.Item.Blurb);
        Assert.Null(items[1].Blurb);
        Assert.True(dirty.Item.Text.IsEmpty);
        Assert.Equal("A heist for patient viewers.", items[0].Blurb);
        Assert.DoesNotContain(embeddings.Texts, text => text.Contains("bad", StringComparison.Ordinal));
        using (var store = VectorStore.Open(directory.File("out/Text.vec")))
        {
            Assert.Equal(["clean"], store.Ids);
        }

        var rows = File.ReadAllLines(directory.File("out/screenings.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("Blurb").ValueKind);
        Assert.DoesNotContain("bad", File.ReadAllText(directory.File("out/screenings.jsonl")), StringComparison.Ordinal);
        var review = JsonDocument.Parse(Assert.Single(File.ReadAllLines(directory.File("out/review.jsonl")))).RootElement;
        Assert.Equal("A bad film for nobody.", review.GetProperty("value").GetString());
    }

    [Fact]
    public async Task AReviewerAcceptedValue_StaysOnTheItem()
    {
        using var directory = new TempDirectory();
        var planted = new Dictionary<string, string> { ["Dirty"] = "A bad film for nobody." };
        await GovernanceRun.RunAsync(directory, new PlantedChatClient(planted), GovernanceRun.Items(planted.Keys));
        var review = directory.File("out/review.jsonl");
        File.WriteAllText(review, File.ReadAllText(review).Replace("\"decision\":null", "\"decision\":\"accept\"", StringComparison.Ordinal));

        var items = GovernanceRun.Items(planted.Keys);
        var result = await GovernanceRun.RunAsync(directory, new PlantedChatClient(planted), items);

        Assert.Equal("ok", GovernanceRun.Status(result, "s00"));
        Assert.Equal("A bad film for nobody.", items[0].Blurb);
    }
}
