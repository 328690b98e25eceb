using LlmErs.Recommenders;
using Microsoft.Extensions.Logging;

namespace LlmErs.Recommenders.Tests.Ablation;

public sealed class AblationWarningTests
{
    [Fact]
    public void AnUntrainedRow_IsWarnedAbout_InTheLogTheTablesAndTheJson()
    {
        using var catalog = ClusteredCatalog.Create(users: 80, perUser: 10);
        var split = LeaveOneOutSplitter.Split(catalog.Log);
        var frozen = new BprOptions { Dimension = 8, LearningRate = 1e-7f, Seed = 1, MaxDegreeOfParallelism = 1 };
        var logger = new ListLogger();

        var result = new AblationRunner(Options([AblationModel.Popularity(), AblationModel.IdOnlyBpr(frozen)], epochBudget: 4, patience: 2), logger).Run(split, []);

        var warned = result.Warnings.Where(warning => warning.Row == AblationModel.IdOnlyBprName).Select(warning => warning.Kind).ToArray();
        Assert.Contains(AblationWarningKind.EarlyBestEpoch, warned);
        Assert.Contains(AblationWarningKind.FlatLoss, warned);
        Assert.Contains(logger.Messages, message => message.Contains("did not move", StringComparison.Ordinal));
        Assert.Contains(logger.Messages, message => message.Contains("barely trained", StringComparison.Ordinal));
        Assert.Contains($"| {AblationModel.IdOnlyBprName} ⚠ |", result.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("**Warnings**", result.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"FlatLoss\"", result.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Warnings, warning => warning.Row == "Popularity");
    }

    [Fact]
    public void ARowStoppedByTheEpochBudgetWhileImproving_IsWarnedAbout_InTheLogTheTablesAndTheJson()
    {
        using var catalog = ClusteredCatalog.Create(users: 80, perUser: 10);
        var split = LeaveOneOutSplitter.Split(catalog.Log);
        var learning = new BprOptions { Dimension = 8, LearningRate = 0.02f, Seed = 1, MaxDegreeOfParallelism = 1 };
        var logger = new ListLogger();

        var result = new AblationRunner(Options([AblationModel.IdOnlyBpr(learning)], epochBudget: 4, patience: 10), logger).Run(split, []);

        var row = Assert.Single(result.Rows);
        Assert.Equal(4, row.History!.Epochs.Count);
        var warning = Assert.Single(result.Warnings, warning => warning.Kind == AblationWarningKind.EpochBudgetReached);
        Assert.Equal(AblationModel.IdOnlyBprName, warning.Row);
        Assert.Contains("epoch budget (4)", warning.Message, StringComparison.Ordinal);
        Assert.Contains(logger.Messages, message => message.Contains("EpochBudget", StringComparison.Ordinal));
        Assert.Contains($"| {AblationModel.IdOnlyBprName} ⚠ |", result.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"EpochBudgetReached\"", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void ATrainedRow_IsNotWarnedAbout()
    {
        using var catalog = ClusteredCatalog.Create(users: 80, perUser: 10);
        var split = LeaveOneOutSplitter.Split(catalog.Log);
        var learning = new BprOptions { Dimension = 8, LearningRate = 0.02f, Seed = 1, MaxDegreeOfParallelism = 1 };

        var result = new AblationRunner(Options([AblationModel.IdOnlyBpr(learning)], epochBudget: 30, patience: 10)).Run(split, []);

        Assert.Empty(result.Warnings);
        Assert.DoesNotContain("⚠", result.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void ACutOffCoveringTheWithheldItems_IsWarnedAbout_ForThatTableOnly()
    {
        using var catalog = ClusteredCatalog.Create();
        var split = ColdItemSplitter.Split(catalog.Log, new ColdItemSplitOptions { TestItemFraction = 0.08, ValidationItemFraction = 0.05, Seed = 3 });
        Assert.Equal(16, split.WithheldTestItems.Count);
        var logger = new ListLogger();

        var result = new AblationRunner(Options([AblationModel.Popularity()]), logger).Run(split, []);

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(AblationWarningKind.CutoffCoversCandidates, warning.Kind);
        Assert.Equal(Metric.Recall(20), warning.Metric);
        Assert.Equal("amongWithheldItems", warning.Table);
        Assert.Contains("16 candidates", warning.Message, StringComparison.Ordinal);
        Assert.Single(logger.Messages);
        var markdown = result.ToMarkdown();
        var amongAll = markdown[markdown.IndexOf("### Withheld items ranked among all items", StringComparison.Ordinal)..];
        Assert.Contains("Recall@20 ⚠", markdown[..markdown.IndexOf("### Withheld items ranked among all items", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain("Recall@20 ⚠", amongAll, StringComparison.Ordinal);
    }

    private static AblationOptions Options(IReadOnlyList<AblationModel> models, int epochBudget = 50, int? patience = null) => new()
    {
        Models = models,
        Reference = null,
        EpochBudget = epochBudget,
        Patience = patience,
        Evaluation = new EvaluationOptions
        {
            Metrics = [Metric.Ndcg(10), Metric.Recall(20)],
            Bootstrap = new BootstrapOptions { Resamples = 0 },
            MaxDegreeOfParallelism = 1,
        },
    };

    private sealed class ListLogger : ILogger<AblationRunner>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Messages.Add(formatter(state, exception));
            }
        }
    }
}
