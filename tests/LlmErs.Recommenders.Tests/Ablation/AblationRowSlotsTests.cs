using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Ablation;

/// <summary>Ablations that run at the same time and share <see cref="AblationRowSlots"/>.</summary>
public sealed class AblationRowSlotsTests(AblationRuns runs) : IClassFixture<AblationRuns>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task TwoRunnersSharingSlots_NeverTrainMoreRowsAtOnceThanTheSlots(int count)
    {
        using var slots = new AblationRowSlots(count);
        var rows = new InFlight(count);
        AblationOptions Options() => AblationRuns.Options([.. Enumerable.Range(1, 4).Select(i => rows.Model($"Recorder {i}"))], reference: null, rowSlots: slots);

        await Task.WhenAll(
            Task.Run(() => new AblationRunner(Options()).Run(runs.LeaveOneOutSplit, runs.Catalog.Blocks)),
            Task.Run(() => new AblationRunner(Options()).Run(runs.ColdItemSplit, runs.Catalog.Blocks)));

        // Each runner alone would train `count` rows at once; together they still train no more.
        Assert.Equal(8, rows.Trained);
        Assert.Equal(count, rows.Most);
        Assert.All(rows.Threads, threads => Assert.Equal(count == 1 ? -1 : Math.Max(1, Environment.ProcessorCount / count), threads));
    }

    [Fact]
    public async Task RowsTrainedOnSharedSlots_GiveTheNumbersOfRunsAlone()
    {
        using var slots = new AblationRowSlots(2);
        AblationOptions Options() => AblationRuns.Options(rowSlots: slots);

        var results = await Task.WhenAll(
            Task.Run(() => new AblationRunner(Options()).Run(runs.LeaveOneOutSplit, runs.Catalog.Blocks)),
            Task.Run(() => new AblationRunner(Options()).Run(runs.ColdItemSplit, runs.Catalog.Blocks)));

        Assert.Equal(AblationRuns.Numbers(runs.LeaveOneOut), AblationRuns.Numbers(results[0]));
        Assert.Equal(AblationRuns.Numbers(runs.ColdItem), AblationRuns.Numbers(results[1]));
    }

    [Fact]
    public void MoreConcurrentRowsThanSlots_IsRejectedWithWhatToDo()
    {
        using var slots = new AblationRowSlots(2);

        var error = Assert.Throws<ArgumentException>(() => new AblationRunner(new AblationOptions { RowSlots = slots, MaxConcurrentRows = 3 }));
        Assert.Contains("leave MaxConcurrentRows at 1", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AblationRowSlots(0));
    }

    /// <summary>Models that count the rows training at the same moment, and the most ever seen.</summary>
    private sealed class InFlight(int slots)
    {
        private readonly Lock _gate = new();
        private int _now;

        public int Most { get; private set; }

        public int Trained { get; private set; }

        public List<int> Threads { get; } = [];

        public AblationModel Model(string name) => new(name, AblationModelKind.Baseline, usesFeatures: false, (context, _) =>
        {
            lock (_gate)
            {
                Most = Math.Max(Most, ++_now);
                Threads.Add(context.MaxDegreeOfParallelism);
            }

            // A row stays until as many rows as there are slots train (or 5 s pass), and a little longer, so rows that
            // could overlap do: a third row let in beside two would be counted.
            SpinWait.SpinUntil(() => Volatile.Read(ref _now) >= slots, TimeSpan.FromSeconds(5));
            Thread.Sleep(20);
            lock (_gate)
            {
                _now--;
                Trained++;
            }

            return new AblationFit(PopularityRecommender.Fit(context.Split.Train), null);
        });
    }
}
