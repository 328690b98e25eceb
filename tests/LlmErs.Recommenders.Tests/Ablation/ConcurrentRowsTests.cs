using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Ablation;

/// <summary>Rows trained side by side (<see cref="AblationOptions.MaxConcurrentRows"/>) against rows trained one at a time.</summary>
public sealed class ConcurrentRowsTests(AblationRuns runs) : IClassFixture<AblationRuns>
{
    [Fact]
    public void RowsInFlightTogether_GiveTheRowsWarningsAndNumbersOfOneAtATime()
    {
        var together = new AblationRunner(AblationRuns.Options(maxConcurrentRows: 3)).Run(runs.ColdItemSplit, runs.Catalog.Blocks);

        Assert.Equal(runs.ColdItem.Rows.Select(row => row.Name), together.Rows.Select(row => row.Name));
        Assert.Equal(runs.ColdItem.Rows.Select(row => row.History?.BestEpoch), together.Rows.Select(row => row.History?.BestEpoch));
        Assert.Equal(AblationRuns.Numbers(runs.ColdItem), AblationRuns.Numbers(together));
        Assert.Equal(runs.ColdItem.Warnings, together.Warnings);
    }

    [Fact]
    public void Progress_ReachesTheCallerOneReportAtATime_EveryRowFromTrainingToFinished()
    {
        var progress = new SingleEntryCollector();
        var result = new AblationRunner(AblationRuns.Options(maxConcurrentRows: 3)).Run(runs.LeaveOneOutSplit, runs.Catalog.Blocks, progress);

        Assert.Equal(0, progress.Overlaps);
        foreach (var (row, number) in result.Rows.Select((row, index) => (row, index + 1)))
        {
            var reports = progress.Reports.Where(report => report.Row == number).ToList();
            Assert.Equal(AblationStage.Training, reports[0].Stage);
            Assert.Equal(AblationStage.Finished, reports[^1].Stage);
            Assert.Same(row, reports[^1].Result);
            Assert.Single(reports, report => report.Stage == AblationStage.Finished);
        }
    }

    [Fact]
    public void ARowThatFails_FailsTheRunWithItsOwnException()
    {
        var failing = new AblationModel("Failing", AblationModelKind.Baseline, usesFeatures: false, (_, _) => throw new InvalidOperationException("the failing row's message"));
        var runner = new AblationRunner(AblationRuns.Options([.. AblationRuns.Models().Take(2), failing], maxConcurrentRows: 2));

        var error = Assert.Throws<InvalidOperationException>(() => runner.Run(runs.LeaveOneOutSplit, runs.Catalog.Blocks));
        Assert.Equal("the failing row's message", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EachRow_TrainsOnItsShareOfTheCores(int maxConcurrentRows)
    {
        var seen = new List<int>();
        var recorder = new AblationModel("Recorder", AblationModelKind.Baseline, usesFeatures: false, (context, _) =>
        {
            lock (seen)
            {
                seen.Add(context.MaxDegreeOfParallelism);
            }

            return new AblationFit(PopularityRecommender.Fit(context.Split.Train), null);
        });

        new AblationRunner(AblationRuns.Options([.. AblationRuns.Models().Take(2), recorder], maxConcurrentRows: maxConcurrentRows)).Run(runs.LeaveOneOutSplit, runs.Catalog.Blocks);

        // Rows one at a time keep what their options allow; rows side by side would otherwise keep more threads than cores busy.
        Assert.Equal(maxConcurrentRows == 1 ? -1 : Math.Max(1, Environment.ProcessorCount / maxConcurrentRows), Assert.Single(seen));
    }

    [Fact]
    public void ARowsShare_CapsTheThreadsOfTheModelsOptions_AndKeepsTheRest()
    {
        var options = new TwoTowerOptions { Dimension = 8, IdDropout = 0.25f, MaxDegreeOfParallelism = 4 };

        var capped = Assert.IsType<TwoTowerOptions>(options.For(null, maxDegreeOfParallelism: 1));
        Assert.Equal((1, 8, 0.25f), (capped.MaxDegreeOfParallelism, capped.Dimension, capped.IdDropout));
        Assert.Equal(4, options.For(null, maxDegreeOfParallelism: 6).MaxDegreeOfParallelism);
        Assert.Equal(4, options.For(null, maxDegreeOfParallelism: -1).MaxDegreeOfParallelism);
        Assert.Equal(3, new BprOptions().For(null, maxDegreeOfParallelism: 3).MaxDegreeOfParallelism);
        Assert.Equal(2, new SequentialOptions().WithAtMost(2).MaxDegreeOfParallelism);
        Assert.Equal(2, new EvaluationOptions().WithAtMost(2).MaxDegreeOfParallelism);
        Assert.Equal(4, options.MaxDegreeOfParallelism);
    }

    [Fact]
    public void AFreeSlot_TakesTheNextRow_NoRowWaitsBehindABusyOne()
    {
        // Row k trains until row k + 1 has started. Slots that take the rows one at a time, in order, let every row
        // start while the row before it trains; a slot that claimed a run of rows would keep row k + 1 behind row k,
        // the other slot idle, until the wait gave up.
        const int count = 12;
        var started = Enumerable.Range(0, count).Select(_ => new ManualResetEventSlim()).ToArray();
        var waitedInVain = new List<int>();
        var models = Enumerable.Range(0, count).Select(k => new AblationModel($"Row {k}", AblationModelKind.Baseline, usesFeatures: false, (context, _) =>
        {
            started[k].Set();
            if (k + 1 < count && !started[k + 1].Wait(TimeSpan.FromSeconds(5)))
            {
                lock (waitedInVain)
                {
                    waitedInVain.Add(k);
                }
            }

            return new AblationFit(PopularityRecommender.Fit(context.Split.Train), null);
        }));

        var result = new AblationRunner(AblationRuns.Options([.. models], reference: null, maxConcurrentRows: 2)).Run(runs.LeaveOneOutSplit, runs.Catalog.Blocks);

        Assert.Equal(count, result.Rows.Count);
        Assert.Empty(waitedInVain);
    }

    [Fact]
    public void FewerThanOneRowAtATime_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AblationRunner(AblationRuns.Options(maxConcurrentRows: 0)));

    /// <summary>Records reports in a plain list, counting any report that arrives while another is being handled.</summary>
    private sealed class SingleEntryCollector : IProgress<AblationProgress>
    {
        private int _inside;

        public List<AblationProgress> Reports { get; } = [];

        public int Overlaps { get; private set; }

        public void Report(AblationProgress value)
        {
            if (Interlocked.Increment(ref _inside) > 1)
            {
                Overlaps++;
            }

            Thread.Sleep(1);
            Reports.Add(value);
            Interlocked.Decrement(ref _inside);
        }
    }
}
