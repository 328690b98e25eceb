using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmErs.Recommenders;

/// <summary>
/// Attributes the gain of LLM-derived features: on one split, trains and evaluates every baseline, every enhanced
/// variant with all feature blocks, and every variant once more per block with that block removed, then reports them
/// side by side (<see cref="AblationResult"/>).
/// </summary>
/// <remarks>
/// <para>Every row trains on the split's training part and stops early on its validation part (never the test part),
/// with the same budget (<see cref="AblationOptions.EpochBudget"/>, <see cref="AblationOptions.Patience"/>); rows are
/// evaluated with the same evaluator, so their confidence intervals come from the same bootstrap resamples. Seeds are
/// the models' own options: give them all the same seed.</para>
/// <para>What makes a row's numbers misleading — a best epoch ≤ 2, a loss that did not move, a cut-off K at least the
/// candidates of a ranking — is logged as a warning and kept in <see cref="AblationResult.Warnings"/>, which the tables
/// mark.</para>
/// <para>A cold-item split (<see cref="ColdItemSplitter"/>) is evaluated with the cold-item protocol; any other with
/// full ranking. Removing an item block needs at least two: with a single block, the ID-only baseline is the comparison.</para>
/// <para>User blocks (<see cref="FeatureBlock.ForUsers"/>, e.g. an embedded LLM-written profile) go to the models that read
/// them (<see cref="AblationModel.UsesUserFeatures"/>: the two-tower models), each of which gets a row without each user
/// block. Without user blocks every row is what it would be without this feature.</para>
/// <para>Extra training pairs (<see cref="AblationOptions.AugmentedPairs"/>, e.g. LLM-chosen ones) are a block of training
/// data: the models that take them train with them, and each enhanced one also without them; a baseline that takes them
/// is compared with its plain counterpart (e.g. ID-only BPR).</para>
/// </remarks>
/// <example>
/// <code>
/// using var text = VectorMatrix.Create(embeddings, 384);      // one row per split item, in split.ItemIds order
/// using var genres = VectorMatrix.Create(multiHot, genreCount);
/// var result = new AblationRunner().Run(split, [new FeatureBlock("text embedding", text), new FeatureBlock("genres", genres)]);
/// Console.WriteLine(result.ToMarkdown());
/// </code>
/// </example>
public sealed class AblationRunner
{
    private readonly RankingEvaluator _evaluator;
    private readonly RankingEvaluator _validator;

    // Each row's share of the cores: rows side by side, each on all cores, would keep more threads than cores busy.
    private readonly int _rowThreads;
    private readonly ILogger _logger;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="logger">Receives the warnings (<see cref="AblationResult.Warnings"/>); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public AblationRunner(AblationOptions? options = null, ILogger<AblationRunner>? logger = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Options = options ?? new AblationOptions();
        Options.Validate();
        _rowThreads = RowThreads.Share(Options.ConcurrentRows);
        var evaluation = Options.Evaluation.WithAtMost(_rowThreads);
        _evaluator = new RankingEvaluator(evaluation);

        // Early stopping needs the point value alone: no intervals, one metric.
        _validator = new RankingEvaluator(new EvaluationOptions
        {
            Metrics = [Options.ValidationMetric],
            Bootstrap = new BootstrapOptions { Resamples = 0 },
            Slices = Options.Evaluation.Slices,
            TieBreakSeed = Options.Evaluation.TieBreakSeed,
            MaxDegreeOfParallelism = evaluation.MaxDegreeOfParallelism,
        });
    }

    /// <summary>The options in use.</summary>
    public AblationOptions Options { get; }

    /// <summary>Trains and evaluates every row.</summary>
    /// <param name="split">The split; every row trains on its training part.</param>
    /// <param name="blocks">
    /// The LLM-derived feature blocks, one row per item of <paramref name="split"/> each (per user for a user block); may
    /// be empty when no model uses features.
    /// </param>
    /// <param name="progress">Receives a report when a row starts training, after each epoch, and when it is evaluated and finished.</param>
    /// <param name="cancellationToken">Cancels between epochs and rows.</param>
    /// <exception cref="ArgumentException">The blocks do not fit the split (see <see cref="FeatureBlock"/>), or a model needs features and there are none.</exception>
    /// <exception cref="InvalidOperationException">The split has no training or test interactions, or a model failed to train.</exception>
    public AblationResult Run(DataSplit split, IReadOnlyList<FeatureBlock> blocks, IProgress<AblationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        var features = FeatureConcatenation.Create(blocks, split.ItemCount, split.UserCount);
        if (!blocks.Any(block => block.Side == FeatureSide.Item) && Options.Models.FirstOrDefault(model => model.UsesFeatures) is { } needy)
        {
            throw new ArgumentException($"'{needy.Name}' uses item features but no item feature block was given.", nameof(blocks));
        }

        if (split.Train.Count == 0 || split.Test.Count == 0)
        {
            throw new InvalidOperationException($"The split has {split.Train.Count:N0} training and {split.Test.Count:N0} test interactions; the ablation needs both.");
        }

        var pairs = Options.AugmentedPairs;
        var plan = Plan(blocks, pairs is not null);
        var feedback = UserItemMatrix.Create(split.Train.Users, split.Train.Items, split.UserCount, split.ItemCount);
        var validate = Validation(split, cancellationToken);
        var patience = Options.Patience ?? TrainingSchedule.For(new BprOptions(), feedback.PairCount).Patience;
        var cache = Options.CacheDirectory is null ? null : new AblationRowCache(Options.CacheDirectory, split, blocks, Options, patience);
        var warnings = new List<AblationWarning>();
        Warn(warnings, AblationWarnings.ForProtocol(split, AblationTable.For(split.Protocol), Options.Evaluation.Metrics));
        var rows = new AblationRow[plan.Count];
        var rowWarnings = new List<AblationWarning>[plan.Count];

        // Reports of rows in flight together reach the caller one at a time, so an IProgress need not be thread-safe.
        var reports = new object();
        var rowContext = new RowContext(split, blocks, features, feedback, validate, patience, cache, pairs, plan.Count);
        try
        {
            // Rows are few and long: each free worker takes the next row, one at a time. Parallel.For would split the
            // plan into ranges and hand out growing chunks of them, so rows queued behind a busy row while a slot sat idle.
            var oneRowAtATime = Partitioner.Create(Enumerable.Range(0, plan.Count), EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(oneRowAtATime, new ParallelOptions { MaxDegreeOfParallelism = Options.ConcurrentRows, CancellationToken = cancellationToken }, r =>
            {
                using var slot = Options.RowSlots?.Take(cancellationToken);
                void Report(AblationProgress report)
                {
                    lock (reports)
                    {
                        progress?.Report(report);
                    }
                }

                rows[r] = RunRow(rowContext, r, plan[r], Report, cancellationToken);
                Warn(rowWarnings[r] = [], AblationWarnings.ForRow(rows[r].Name, rows[r].History, Options.EpochBudget, patience));

                Report(new AblationProgress(r + 1, plan.Count, rows[r].Name, AblationStage.Finished, null, rows[r]));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // One row failed (or saw the cancellation): its exception, as a run one row at a time throws it.
            ExceptionDispatchInfo.Capture(e.InnerException!).Throw();
        }

        warnings.AddRange(rowWarnings.SelectMany(found => found));
        string[] blockNames = [.. blocks.Select(block => block.Name), .. pairs is null ? Array.Empty<string>() : [pairs.Name]];
        return new AblationResult(split.Protocol, blockNames, rows, Options.Evaluation.Metrics, Options.Reference, warnings);
    }

    /// <summary>Trains (or loads from the cache) and evaluates the row <paramref name="r"/> of the plan.</summary>
    private AblationRow RunRow(RowContext context, int r, (AblationModel Model, AblationRowKind Kind, int Removed) planned, Action<AblationProgress> report, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (model, kind, removed) = planned;
        var (split, blocks, pairs) = (context.Split, context.Blocks, context.Pairs);

        // Index blocks.Count stands for the augmented pairs, a block of training data rather than of features.
        var removedName = removed < 0 ? null : removed < blocks.Count ? blocks[removed].Name : pairs!.Name;
        var name = removedName is null ? model.Name : $"{model.Name} without {removedName}";
        var kept = Kept(blocks, FeatureSide.Item, removed, model.UsesFeatures);
        var keptUser = Kept(blocks, FeatureSide.User, removed, model.UsesUserFeatures);
        var pairsBlock = pairs is not null && model.UsesAugmentedPairs;
        var withPairs = pairsBlock && removed != blocks.Count;
        void Report(AblationStage stage, EpochReport? epoch = null) => report(new AblationProgress(r + 1, context.RowCount, name, stage, epoch, null));

        Report(AblationStage.Training);
        var monitor = new TrainingMonitor
        {
            Validate = context.Validate,
            MaxEpochs = Options.EpochBudget,
            Patience = context.Patience,
            Progress = new InlineProgress<EpochReport>(epoch => Report(AblationStage.Training, epoch)),
        };
        var cache = context.Cache;
        var key = cache?.KeyOf(model, name, removed, withPairs ? pairs : null);
        if (key is null || cache!.TryLoad(key) is not var (fit, trainingTime))
        {
            var stopwatch = Stopwatch.StartNew();
            using (var itemFeatures = model.UsesFeatures ? context.Features.Concatenate(FeatureSide.Item, removed) : null)
            using (var userFeatures = model.UsesUserFeatures ? context.Features.Concatenate(FeatureSide.User, removed) : null)
            {
                fit = model.Fit(new AblationFitContext(split, context.Feedback, itemFeatures, kept, userFeatures, keptUser, monitor, pairsBlock, withPairs ? pairs : null, _rowThreads), cancellationToken);
            }

            trainingTime = stopwatch.Elapsed;
            if (key is not null)
            {
                cache!.Save(key, fit, trainingTime);
            }
        }

        Report(AblationStage.Evaluating);
        var (ranking, amongWithheld) = Evaluate(fit.Scorer, split, cancellationToken);
        return new AblationRow(name, model, kind, removedName, [.. kept, .. keptUser, .. withPairs ? [pairs!.Name] : Array.Empty<string>()], fit, ranking, amongWithheld, trainingTime);
    }

    private void Warn(List<AblationWarning> warnings, IEnumerable<AblationWarning> found)
    {
        foreach (var warning in found)
        {
            warnings.Add(warning);
            AblationLog.Warning(_logger, warning.Kind, warning.Message);
        }
    }

    /// <summary>The names of the blocks of <paramref name="side"/> a row keeps: none when the model does not read that side.</summary>
    private static string[] Kept(IReadOnlyList<FeatureBlock> blocks, FeatureSide side, int removed, bool reads) =>
        reads ? [.. blocks.Where((block, b) => b != removed && block.Side == side).Select(block => block.Name)] : [];

    /// <summary>
    /// The rows in order: each model, and after an enhanced one (of <see cref="AblationOptions.BlockRemovalModels"/>),
    /// the same model without each block it reads in turn: an
    /// item block when there are at least two (the model needs one), a user block always (the item blocks remain); then
    /// (index <c>blocks.Count</c>) without the augmented pairs when it takes them.
    /// </summary>
    private List<(AblationModel Model, AblationRowKind Kind, int Removed)> Plan(IReadOnlyList<FeatureBlock> blocks, bool hasPairs)
    {
        var plan = new List<(AblationModel, AblationRowKind, int)>();
        var itemBlocks = blocks.Count(block => block.Side == FeatureSide.Item);
        foreach (var model in Options.Models)
        {
            if (model.Kind == AblationModelKind.Baseline)
            {
                plan.Add((model, AblationRowKind.Baseline, -1));
                continue;
            }

            plan.Add((model, AblationRowKind.Enhanced, -1));
            var removesBlocks = Options.BlockRemovalModels is null || Options.BlockRemovalModels.Contains(model.Name);
            for (var b = 0; removesBlocks && b < blocks.Count; b++)
            {
                if (blocks[b].Side == FeatureSide.Item ? itemBlocks >= 2 : model.UsesUserFeatures)
                {
                    plan.Add((model, AblationRowKind.BlockRemoved, b));
                }
            }

            if (hasPairs && model.UsesAugmentedPairs)
            {
                plan.Add((model, AblationRowKind.BlockRemoved, blocks.Count));
            }
        }

        return plan;
    }

    /// <summary>The early-stopping score on the validation part, or null when the split has none.</summary>
    private Func<IItemScorer, double>? Validation(DataSplit split, CancellationToken cancellationToken)
    {
        if (split.Validation.Count == 0)
        {
            return null;
        }

        var metric = Options.ValidationMetric;
        var evaluate = _validator.ModelSelection(split, EvaluationTarget.Validation, cancellationToken);
        return scorer => evaluate(scorer).Overall[metric].Value;
    }

    /// <summary>What every row of one run reads.</summary>
    private sealed record RowContext(
        DataSplit Split,
        IReadOnlyList<FeatureBlock> Blocks,
        FeatureConcatenation Features,
        UserItemMatrix Feedback,
        Func<IItemScorer, double>? Validate,
        int Patience,
        AblationRowCache? Cache,
        AugmentedPairs? Pairs,
        int RowCount);

    private (EvaluationResult Ranking, EvaluationResult? AmongWithheld) Evaluate(IItemScorer scorer, DataSplit split, CancellationToken cancellationToken)
    {
        if (split.Protocol != SplitProtocol.ColdItem)
        {
            return (_evaluator.EvaluateFullRanking(scorer, split, EvaluationTarget.Test, cancellationToken), null);
        }

        var cold = _evaluator.EvaluateColdItems(scorer, split, EvaluationTarget.Test, cancellationToken);
        return (cold.AmongAllItems, cold.AmongWithheldItems);
    }
}
