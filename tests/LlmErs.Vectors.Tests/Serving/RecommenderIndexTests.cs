using LlmErs.Vectors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LlmErs.Vectors.Tests.Serving;

public sealed class RecommenderIndexTests : IDisposable
{
    private const int Dimension = 16;
    private readonly TempDirectory _directory = new();
    private readonly VectorStore _store;

    public RecommenderIndexTests()
    {
        // Items come in pairs of near-duplicates (i and i + 100), so each item's most similar other item is known.
        var values = RandomVectors.Uniform(100, Dimension, seed: 51);
        var noise = RandomVectors.Uniform(100, Dimension, seed: 52);
        using var builder = new VectorStoreBuilder("test-model", Dimension) { NormalizeRows = true };
        for (var i = 0; i < 100; i++)
        {
            builder.Add($"m{i}", values.AsSpan(i * Dimension, Dimension));
        }

        for (var i = 0; i < 100; i++)
        {
            var twin = values.AsSpan(i * Dimension, Dimension).ToArray();
            for (var d = 0; d < Dimension; d++)
            {
                twin[d] += 0.01f * noise[(i * Dimension) + d];
            }

            builder.Add($"m{i + 100}", twin);
        }

        _store = builder.Build();
    }

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void RecommendForProfile_LeavesOutSeenItems()
    {
        using var index = new RecommenderIndex(_store);
        var profile = _store.GetVector("m7").ToArray();

        var unfiltered = index.RecommendForProfile(profile, 5);
        var filtered = index.RecommendForProfile(profile, 5, seenItemIds: ["m7", "m107", "not-in-index"]);

        Assert.Equal(["m7", "m107"], unfiltered.Take(2).Select(r => r.ItemId).ToHashSet());
        Assert.Equal(unfiltered.Skip(2).Select(r => r.ItemId), filtered.Take(3).Select(r => r.ItemId));
        Assert.DoesNotContain(filtered, r => r.ItemId is "m7" or "m107");
        Assert.Equal(5, filtered.Count);
    }

    [Fact]
    public void SimilarItems_LeavesOutTheItemItself_AndFindsItsTwin()
    {
        using var index = new RecommenderIndex(_store);

        var similar = index.SimilarItems("m42", 3);

        Assert.Equal("m142", similar[0].ItemId);
        Assert.DoesNotContain(similar, r => r.ItemId == "m42");
        Assert.InRange(similar[0].Score, 0.99f, 1.0001f);
    }

    [Fact]
    public void RecommendForHistory_ScoresAgainstTheMeanVector_AndLeavesOutTheHistory()
    {
        using var index = new RecommenderIndex(_store);

        var recommendations = index.RecommendForHistory(["m3", "m4"], 4);

        Assert.Equal(["m103", "m104"], recommendations.Take(2).Select(r => r.ItemId).ToHashSet());
        Assert.DoesNotContain(recommendations, r => r.ItemId is "m3" or "m4");
    }

    [Fact]
    public void UnknownItems_AreNamedInTheError()
    {
        using var index = new RecommenderIndex(_store);

        Assert.Contains("'ghost'", Assert.Throws<KeyNotFoundException>(() => index.SimilarItems("ghost", 3)).Message);
        Assert.Contains("'ghost'", Assert.Throws<KeyNotFoundException>(() => index.RecommendForHistory(["m1", "ghost"], 3)).Message);
        Assert.Throws<ArgumentException>(() => index.RecommendForHistory([], 3));
    }

    [Fact]
    public void QuantizedScan_GivesTheExactResultsHere()
    {
        using var exact = new RecommenderIndex(_store);
        using var quantized = new RecommenderIndex(_store, new RecommenderIndexOptions { UseQuantizedScan = true });

        foreach (var id in new[] { "m0", "m50", "m199" })
        {
            Assert.Equal(exact.SimilarItems(id, 10), quantized.SimilarItems(id, 10));
        }
    }

    [Fact]
    public void ServingFromAFile_WithAThrowingChatClientRegistered_NeverCallsIt()
    {
        var path = _directory.File("items.vec");
        _store.Save(path);
        var services = new ServiceCollection();
        services.AddSingleton<IChatClient, ThrowingChatClient>();
        services.AddRecommenderIndex(path, options => options.Store.ExpectedModelId = "test-model");
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.NotNull(provider.GetService<IChatClient>());

        var index = provider.GetRequiredService<RecommenderIndex>();
        var forProfile = index.RecommendForProfile(_store.GetVector("m9"), 3, ["m9"]);
        var forHistory = index.RecommendForHistory(["m10", "m11"], 3);
        var similar = index.SimilarItems("m12", 3);

        Assert.Equal("m109", forProfile[0].ItemId);
        Assert.Equal(3, forHistory.Count);
        Assert.Equal("m112", similar[0].ItemId);
    }
}
