using System.Text;
using LlmErs.Recommenders;
using Xunit;

namespace LlmErs.Recommenders.Tests.Features;

/// <summary>A log that mentions items the catalog lacks: counted, handled by the declared policy, never a crash.</summary>
public sealed class CatalogAlignmentTests
{
    private const int Users = 40;
    private const int Items = 20;
    private static readonly string[] s_missing = ["i3", "i7", "i11", "i15"];

    /// <summary>Each user interacts with 8 items in a deterministic pattern, so every item is seen.</summary>
    private static InteractionLog Log()
    {
        var csv = new StringBuilder("user_id,item_id,timestamp\n");
        for (var u = 0; u < Users; u++)
        {
            for (var k = 0; k < 8; k++)
            {
                csv.Append($"u{u},i{(u * 3 + k * 7) % Items},{u * 100 + k}\n");
            }
        }

        return InteractionFileLoader.LoadCsv(new StringReader(csv.ToString()), "log.csv").Deduplicate();
    }

    /// <summary>Every item but the missing ones, with answers that differ between items.</summary>
    private static List<Listing> Catalog() =>
    [
        .. Enumerable.Range(0, Items).Select(i => $"i{i}").Except(s_missing).Select(id => new Listing
        {
            Id = id,
            Rooms = int.Parse(id[1..]) % 2 == 0 ? ["kitchen"] : ["garden", "office"],
            PetsAllowed = int.Parse(id[1..]) % 3 == 0,
        }),
    ];

    [Fact]
    public void Drop_removes_the_interactions_of_missing_items_and_counts_them()
    {
        var log = Log();

        var aligned = CatalogAlignment.Align(log, Catalog(), MissingItemPolicy.Drop);

        Assert.Equal(s_missing.Order(), aligned.MissingItemIds.Order());
        Assert.Equal(Items - s_missing.Length, aligned.Log.ItemCount);
        Assert.Equal(log.Count - aligned.MissingInteractions, aligned.Log.Count);
        Assert.True(aligned.MissingInteractions > 0);
        Assert.All(aligned.Items, item => Assert.NotNull(item));
        Assert.Equal(aligned.Log.ItemIds.Keys, aligned.Items.Select(item => item!.Id));
        Assert.Contains("their interactions were dropped", aligned.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_runs_the_ablation_with_empty_feature_rows_for_missing_items()
    {
        var aligned = CatalogAlignment.Align(Log(), Catalog(), MissingItemPolicy.KeepWithEmptyFeatures);
        var split = LeaveOneOutSplitter.Split(aligned.Log);
        var model = global::LlmErs.EnrichmentModel.Of<Listing>();
        using var slots = FieldFeatures.Answers(aligned.Items, (LlmField<Listing>)model.Field(nameof(Listing.Rooms)), (LlmField<Listing>)model.Field(nameof(Listing.PetsAllowed)));

        var result = new AblationRunner(new AblationOptions
        {
            Models = [AblationModel.Popularity(), AblationModel.ContentOnly()],
            Reference = null,
            Evaluation = new EvaluationOptions { Metrics = [Metric.Ndcg(10)], Bootstrap = new BootstrapOptions { Resamples = 0 }, MaxDegreeOfParallelism = 1 },
        }).Run(split, [new FeatureBlock("LLM slots", slots.Values)]);

        Assert.Equal(Items, split.ItemCount);
        Assert.Equal(s_missing.Length, aligned.Items.Count(item => item is null));
        foreach (var id in s_missing)
        {
            Assert.All(slots.Values.GetRow(split.ItemIds.GetIndex(id)).ToArray(), value => Assert.Equal(0f, value));
        }

        Assert.Equal(2, result.Rows.Count);
        Assert.Contains("kept, with empty feature rows", aligned.ToString(), StringComparison.Ordinal);
    }
}
