using System.Globalization;

namespace LlmErs.Recommenders;

/// <summary>
/// Evaluates a model (<see cref="IItemScorer"/>) on a <see cref="DataSplit"/>: full ranking with each user's history
/// masked, sampled ranking against fixed negatives, or the cold-item protocol. Every result has the metrics overall
/// and per slice (item popularity, user history length), each with a bootstrap confidence interval.
/// </summary>
/// <remarks>
/// <para>Users are scored in parallel; per-user results are written to fixed slots and pairwise counts are integers,
/// so results are identical for any thread count. A user is evaluated when they have at least one relevant item.</para>
/// <para>The ranking orders candidates by score, higher first, and equal scores by a seeded random order of the items
/// (<see cref="EvaluationOptions.TieBreakSeed"/>). Each relevant item's exact rank is counted rather than sorted for.</para>
/// <para>AUC pools the (user, item) pairs of all users, as RecBole's and Microsoft Recommenders' AUC do; this needs
/// every user scored a second time, which is skipped when AUC is not among the metrics.</para>
/// </remarks>
public sealed class RankingEvaluator
{
    /// <summary>Creates an evaluator.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public RankingEvaluator(EvaluationOptions? options = null)
    {
        Options = options ?? new EvaluationOptions();
        Options.Validate();
    }

    /// <summary>The options in use.</summary>
    public EvaluationOptions Options { get; }

    /// <summary>
    /// Full ranking: each user's relevant items in <paramref name="target"/> are ranked among all items except those
    /// the user has in training (and, for <see cref="EvaluationTarget.Test"/>, in validation).
    /// </summary>
    /// <exception cref="ArgumentException">The scorer's item count differs from the split's.</exception>
    /// <exception cref="InvalidOperationException">The target part is empty, or the scorer returned NaN for a relevant item or is not deterministic.</exception>
    public EvaluationResult EvaluateFullRanking(IItemScorer scorer, DataSplit split, EvaluationTarget target = EvaluationTarget.Test, CancellationToken cancellationToken = default)
    {
        CheckInputs(scorer, split);
        return Run(scorer, split, target, FullRanking(split, target), cancellationToken);
    }

    /// <summary>
    /// Sampled ranking: each user's relevant items ranked among themselves and the user's fixed sampled negatives
    /// (drawn with <see cref="SampledNegatives.Draw"/> for the part to evaluate).
    /// </summary>
    /// <exception cref="ArgumentException">The negatives were drawn for another split, or the scorer's item count differs from the split's.</exception>
    /// <exception cref="InvalidOperationException">The target part is empty, or the scorer returned NaN for a relevant item or is not deterministic.</exception>
    public EvaluationResult EvaluateSampled(IItemScorer scorer, DataSplit split, SampledNegatives negatives, CancellationToken cancellationToken = default)
    {
        CheckInputs(scorer, split);
        ArgumentNullException.ThrowIfNull(negatives);
        if (!ReferenceEquals(negatives.ItemIds, split.ItemIds))
        {
            throw new ArgumentException("The negatives were drawn for another split; draw them with SampledNegatives.Draw(split) on this one.", nameof(negatives));
        }

        var candidates = new SampledCandidates(
            TieKeys(split),
            negatives,
            Invariant($"Sampled ranking: each user's {Names.Of(negatives.Target)} items ranked among themselves and {negatives.CountPerUser:N0} fixed negatives per user (seed {negatives.Seed}) the user never interacted with ({Names.Of(split.Protocol)} split)."));
        return Run(scorer, split, negatives.Target, candidates, cancellationToken);
    }

    /// <summary>
    /// The cold-item protocol on a <see cref="ColdItemSplitter"/> split: users' interactions with the withheld items
    /// ranked among the withheld items only, and among all items (history masked).
    /// </summary>
    /// <exception cref="ArgumentException">The split is not a cold-item split, or the scorer's item count differs from the split's.</exception>
    /// <exception cref="InvalidOperationException">The target part is empty, or the scorer returned NaN for a relevant item or is not deterministic.</exception>
    public ColdItemEvaluationResult EvaluateColdItems(IItemScorer scorer, DataSplit split, EvaluationTarget target = EvaluationTarget.Test, CancellationToken cancellationToken = default)
    {
        CheckInputs(scorer, split);
        if (split.Protocol != SplitProtocol.ColdItem)
        {
            throw new ArgumentException($"The cold-item protocol needs a split from ColdItemSplitter; this one is {Names.Of(split.Protocol)}.", nameof(split));
        }

        return new ColdItemEvaluationResult(
            Run(scorer, split, target, AmongWithheldItems(split, target), cancellationToken),
            EvaluateFullRanking(scorer, split, target, cancellationToken));
    }

    /// <summary>
    /// The ranking that chooses between models on <paramref name="split"/>'s <paramref name="target"/> part, with its
    /// candidates built once for every model it is asked about (early stopping asks after each epoch): among the
    /// withheld items on a cold-item split, full ranking otherwise.
    /// </summary>
    internal Func<IItemScorer, EvaluationResult> ModelSelection(DataSplit split, EvaluationTarget target, CancellationToken cancellationToken)
    {
        var candidates = split.Protocol == SplitProtocol.ColdItem ? AmongWithheldItems(split, target) : FullRanking(split, target);
        return scorer =>
        {
            CheckInputs(scorer, split);
            return Run(scorer, split, target, candidates, cancellationToken);
        };
    }

    private FullRankingCandidates FullRanking(DataSplit split, EvaluationTarget target) => new(
        TieKeys(split),
        Masked(split, target),
        allowed: null,
        Invariant($"Full ranking: each user's {Names.Of(target)} items ranked among all {split.ItemCount:N0} items except the user's {Names.MaskedBy(target)} items ({Names.Of(split.Protocol)} split)."));

    private FullRankingCandidates AmongWithheldItems(DataSplit split, EvaluationTarget target)
    {
        var withheld = target == EvaluationTarget.Test ? split.WithheldTestItems : split.WithheldValidationItems;
        var allowed = withheld.Distinct().Order().ToArray();
        return new FullRankingCandidates(
            TieKeys(split),
            Masked(split, target),
            allowed,
            Invariant($"Cold items among cold items: each user's {Names.Of(target)} items, all withheld from training, ranked among the {withheld.Count:N0} withheld {Names.Of(target)} items only."));
    }

    private static void CheckInputs(IItemScorer scorer, DataSplit split)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(split);
        if (scorer.ItemCount != split.ItemCount)
        {
            throw new ArgumentException(
                $"The scorer scores {scorer.ItemCount:N0} items but the split has {split.ItemCount:N0}; fit the model on this split's training log, whose item ids cover every item of the split.",
                nameof(scorer));
        }
    }

    private int[] TieKeys(DataSplit split) => SeededShuffle.Permutation(split.ItemCount, Options.TieBreakSeed);

    private static UserItemMatrix Masked(DataSplit split, EvaluationTarget target) =>
        target == EvaluationTarget.Test ? UserItemMatrix.Create(split.Train, split.Validation) : UserItemMatrix.Create(split.Train);

    private EvaluationResult Run(IItemScorer scorer, DataSplit split, EvaluationTarget target, ICandidateSource candidates, CancellationToken cancellationToken) =>
        EvaluationRun.Execute(scorer, split, target, candidates, Options, cancellationToken);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
