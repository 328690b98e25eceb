using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// A model the ablation trains and evaluates: a name, whether it is a baseline or an enhanced variant, and how to
/// train it from an <see cref="AblationFitContext"/>. The static members give the standard ones; the constructor
/// adds any other.
/// </summary>
/// <example>
/// <code>
/// var shallow = new AblationModel("Two-tower, 16-d", AblationModelKind.Enhanced, usesFeatures: true, (context, cancellationToken) =>
/// {
///     var trained = LlmErs.Recommenders.TwoTower.Train(
///         context.Feedback, context.ItemFeatures!, options: new TwoTowerOptions { Dimension = 16 }, monitor: context.Monitor, cancellationToken: cancellationToken);
///     return new AblationFit(trained.Model, trained.History);
/// });
/// </code>
/// </example>
public sealed class AblationModel
{
    /// <summary>What the names of the rows distilled from an LLM teacher end with.</summary>
    public const string LlmTeacherSuffix = " distilled from the LLM teacher";

    /// <summary>The name of <see cref="IdOnlyBpr"/>, the default reference of the relative changes.</summary>
    public const string IdOnlyBprName = "BPR (ID only)";

    /// <summary>
    /// The <see cref="Fingerprint"/> of a standard model made with its default options (a factory method given no
    /// options, and every model of <see cref="Defaults"/>): what it learns is then fixed by the library's version, which
    /// a cached row's digest holds, and by the split and blocks. A factory method given options leaves the fingerprint
    /// to the caller (<see cref="WithFingerprint"/>).
    /// </summary>
    public const string DefaultOptionsFingerprint = "default options";

    private readonly Func<AblationFitContext, CancellationToken, AblationFit> _fit;

    /// <summary>Describes a model.</summary>
    /// <param name="name">The name shown in the tables, unique within a run.</param>
    /// <param name="kind">A baseline is trained once; an enhanced variant also once per removed feature block.</param>
    /// <param name="usesFeatures">Whether the model reads <see cref="AblationFitContext.ItemFeatures"/>; an enhanced variant must.</param>
    /// <param name="fit">Trains the model; it must train on <see cref="AblationFitContext.Split"/>'s training part only, and should pass <see cref="AblationFitContext.Monitor"/> to training.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or an enhanced variant does not use features.</exception>
    public AblationModel(string name, AblationModelKind kind, bool usesFeatures, Func<AblationFitContext, CancellationToken, AblationFit> fit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(fit);
        if (kind == AblationModelKind.Enhanced && !usesFeatures)
        {
            throw new ArgumentException($"'{name}' is an enhanced variant, so it must use the feature blocks the ablation removes one at a time.", nameof(usesFeatures));
        }

        Name = name;
        Kind = kind;
        UsesFeatures = usesFeatures;
        _fit = fit;
    }

    /// <summary>The name shown in the tables.</summary>
    public string Name { get; }

    /// <summary>Whether it is a baseline or an enhanced variant.</summary>
    public AblationModelKind Kind { get; }

    /// <summary>Whether the model reads the item features.</summary>
    public bool UsesFeatures { get; }

    /// <summary>
    /// Whether the model trains with the run's <see cref="AblationOptions.AugmentedPairs"/>, read from
    /// <see cref="AblationFitContext.AugmentedPairs"/>: an enhanced one is then also trained without them.
    /// </summary>
    public bool UsesAugmentedPairs { get; init; }

    /// <summary>
    /// This model trained with the run's <see cref="AblationOptions.AugmentedPairs"/>, under another name where given
    /// (e.g. <c>AblationModel.IdOnlyBpr().WithAugmentedPairs("BPR + LLM-chosen pairs")</c> beside the plain ID-only
    /// BPR). The standard models built here (<see cref="IdOnlyBpr"/>, <see cref="TwoTower"/>) add the pairs to their
    /// training options; a model built with the constructor reads <see cref="AblationFitContext.AugmentedPairs"/> itself.
    /// </summary>
    /// <param name="name">The new name; <see langword="null"/> to keep this one.</param>
    public AblationModel WithAugmentedPairs(string? name = null) =>
        new(name ?? Name, Kind, UsesFeatures, _fit) { UsesAugmentedPairs = true, UsesUserFeatures = UsesUserFeatures, Fingerprint = Fingerprint };

    /// <summary>
    /// Whether the model reads <see cref="AblationFitContext.UserFeatures"/> (the user blocks, <see cref="FeatureBlock.ForUsers"/>);
    /// such a model also gets a row without each user block. The two-tower models do.
    /// </summary>
    public bool UsesUserFeatures { get; init; }

    /// <summary>
    /// Everything that decides what the model learns besides the split and the blocks: its options, seed and teacher
    /// data, written so that it changes whenever they do. Lets <see cref="AblationOptions.CacheDirectory"/> reuse the
    /// model a row trained before; <see langword="null"/> (the default, but <see cref="DefaultOptionsFingerprint"/> for
    /// a standard model with its default options): the row always trains.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>The same model with <paramref name="fingerprint"/> as its <see cref="Fingerprint"/>, e.g. for a model a factory method made.</summary>
    /// <param name="fingerprint">Everything that decides what the model learns besides the split and the blocks.</param>
    public AblationModel WithFingerprint(string fingerprint)
    {
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        return new AblationModel(Name, Kind, UsesFeatures, _fit) { Fingerprint = fingerprint, UsesAugmentedPairs = UsesAugmentedPairs, UsesUserFeatures = UsesUserFeatures };
    }

    /// <summary>The popularity baseline (<see cref="PopularityRecommender"/>): every user gets the most interacted items.</summary>
    public static AblationModel Popularity() =>
        new("Popularity", AblationModelKind.Baseline, usesFeatures: false, (context, _) => new AblationFit(PopularityRecommender.Fit(context.Split.Train), null));

    /// <summary>BPR matrix factorization with ID vectors only (<see cref="MatrixFactorization"/>): what the features must beat.</summary>
    /// <param name="options">The training options; defaults when <see langword="null"/>.</param>
    public static AblationModel IdOnlyBpr(BprOptions? options = null) =>
        new(IdOnlyBprName, AblationModelKind.Baseline, usesFeatures: false, (context, cancellationToken) =>
            Fitted(MatrixFactorization.Train(context.Feedback, context.ForRow(options ?? new BprOptions()), context.Monitor, cancellationToken)))
        {
            Fingerprint = DefaultsOrNone(options),
        };

    /// <summary>
    /// The content-only baseline (<see cref="ContentBaseline"/>), on all feature blocks: items ranked by cosine similarity
    /// to the mean features of the user's history, with no training.
    /// </summary>
    public static AblationModel ContentOnly() =>
        new("Content only", AblationModelKind.Baseline, usesFeatures: true, (context, _) =>
            new AblationFit(ContentBaseline.Create(context.Feedback, context.RequireFeatures("Content only")), null));

    /// <summary>
    /// BPR matrix factorization whose item vectors start from the principal components of the features
    /// (<see cref="EmbeddingProjection.Pca"/>). When the features have fewer columns than the model dimension, the
    /// remaining columns start at zero.
    /// </summary>
    /// <param name="options">The training options; defaults when <see langword="null"/>.</param>
    public static AblationModel EmbeddingInitializedBpr(BprOptions? options = null)
    {
        const string Name = "BPR + embedding init";
        return new(Name, AblationModelKind.Enhanced, usesFeatures: true, (context, cancellationToken) =>
        {
            var bpr = context.ForRow(options ?? new BprOptions());
            using var initial = PrincipalComponents(context.RequireFeatures(Name), bpr.Dimension, bpr.MaxDegreeOfParallelism, cancellationToken);
            return Fitted(MatrixFactorization.Train(context.Feedback, initial, bpr, context.Monitor, cancellationToken));
        })
        {
            Fingerprint = DefaultsOrNone(options),
        };
    }

    /// <summary>
    /// The two-tower model (<see cref="Recommenders.TwoTower"/>): ID vectors plus a learned projection of the item features
    /// in both towers, and of the user blocks' features in the user tower when the run has any.
    /// </summary>
    /// <param name="options">The training options; defaults when <see langword="null"/>.</param>
    public static AblationModel TwoTower(TwoTowerOptions? options = null)
    {
        const string Name = "Two-tower";
        return new(Name, AblationModelKind.Enhanced, usesFeatures: true, (context, cancellationToken) =>
            Fitted(Recommenders.TwoTower.Train(
                context.Feedback, context.RequireFeatures(Name), context.UserFeatures, context.ForRow(options ?? new TwoTowerOptions()), context.Monitor, cancellationToken)))
        {
            UsesUserFeatures = true,
            Fingerprint = DefaultsOrNone(options),
        };
    }

    /// <summary>
    /// The two-tower model distilled from the content-only baseline on the same features: the teacher loses a block
    /// whenever the student does, so a removed block is gone from both.
    /// </summary>
    /// <param name="options">Builds the training options around the teacher, e.g. <c>teacher => new TwoTowerOptions { Distillation = new() { Teacher = teacher, Weight = 0.5f } }</c>.</param>
    public static AblationModel DistilledTwoTower(Func<IItemScorer, TwoTowerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Name = "Two-tower + distillation";
        return new(Name, AblationModelKind.Enhanced, usesFeatures: true, (context, cancellationToken) =>
        {
            var features = context.RequireFeatures(Name);
            var twoTower = options(ContentBaseline.Create(context.Feedback, features));
            if (twoTower?.Distillation is null)
            {
                throw new InvalidOperationException($"The options of '{Name}' have no distillation; set TwoTowerOptions.Distillation with the teacher the callback receives.");
            }

            return Fitted(Recommenders.TwoTower.Train(context.Feedback, features, context.UserFeatures, context.ForRow(twoTower), context.Monitor, cancellationToken));
        })
        {
            UsesUserFeatures = true,
        };
    }

    /// <summary>
    /// ID-only BPR distilled from an LLM teacher's rankings (<see cref="ListwiseTeacherScores"/>, pointwise and/or
    /// pairwise as <paramref name="options"/>' <see cref="BprOptions.Distillation"/> sets); the teacher is data computed
    /// before the run on this split's indices (the LLM's knowledge, not the feature blocks).
    /// </summary>
    /// <param name="options">The training options, with <see cref="BprOptions.Distillation"/> set to the LLM teacher.</param>
    /// <exception cref="ArgumentException">The options have no distillation.</exception>
    public static AblationModel BprFromLlmTeacher(BprOptions options)
    {
        RequireTeacher(options, nameof(options));
        return new("BPR" + LlmTeacherSuffix, AblationModelKind.Baseline, usesFeatures: false, (context, cancellationToken) =>
            Fitted(MatrixFactorization.Train(context.Feedback, context.ForRow(options), context.Monitor, cancellationToken)));
    }

    /// <summary>
    /// The two-tower model distilled from an LLM teacher's rankings (<see cref="ListwiseTeacherScores"/>): the teacher
    /// stays the same when a feature block is removed, since it is the LLM's ranking, not a feature.
    /// </summary>
    /// <param name="options">The training options, with <see cref="BprOptions.Distillation"/> set to the LLM teacher.</param>
    /// <exception cref="ArgumentException">The options have no distillation.</exception>
    public static AblationModel TwoTowerFromLlmTeacher(TwoTowerOptions options)
    {
        RequireTeacher(options, nameof(options));
        const string Name = "Two-tower" + LlmTeacherSuffix;
        return new(Name, AblationModelKind.Enhanced, usesFeatures: true, (context, cancellationToken) =>
            Fitted(Recommenders.TwoTower.Train(context.Feedback, context.RequireFeatures(Name), context.UserFeatures, context.ForRow(options), context.Monitor, cancellationToken)))
        {
            UsesUserFeatures = true,
        };
    }

    /// <summary>The name of <see cref="IdOnlySequential"/>.</summary>
    public const string IdOnlySequentialName = "SASRec (ID only)";

    /// <summary>The name of <see cref="Sequential"/>.</summary>
    public const string SequentialName = "SASRec + LLM features";

    /// <summary>
    /// The sequential recommender (<see cref="SequentialRecommender"/>) with ID embeddings only: the sequential
    /// baseline the LLM features must beat.
    /// </summary>
    /// <param name="options">The training options; defaults when <see langword="null"/>.</param>
    /// <remarks><inheritdoc cref="Sequential" path="/remarks"/></remarks>
    public static AblationModel IdOnlySequential(SequentialOptions? options = null) =>
        new(IdOnlySequentialName, AblationModelKind.Baseline, usesFeatures: false, (context, cancellationToken) =>
            FittedSequential(context, features: null, options, cancellationToken))
        {
            Fingerprint = DefaultsOrNone(options),
        };

    /// <summary>
    /// The sequential recommender whose item vectors add a learned projection of the feature blocks to the ID
    /// embeddings (LLM-ESR's dual view); a one-hot block of semantic-ID codes (<see cref="FieldFeatures.SemanticIdCodes{T}"/>)
    /// becomes per-level code embeddings.
    /// </summary>
    /// <param name="options">The training options; defaults when <see langword="null"/>.</param>
    /// <remarks>
    /// It trains on the training part and stops early with each user's training items as the history. On a
    /// leave-one-out split the test is then scored with the validation interaction as the user's latest item: the
    /// evaluator treats it as known history (it masks it), and reading it needs no retraining, only a forward pass.
    /// </remarks>
    public static AblationModel Sequential(SequentialOptions? options = null) =>
        new(SequentialName, AblationModelKind.Enhanced, usesFeatures: true, (context, cancellationToken) =>
            FittedSequential(context, context.RequireFeatures(SequentialName), options, cancellationToken))
        {
            Fingerprint = DefaultsOrNone(options),
        };

    /// <summary>
    /// The standard set: popularity, ID-only BPR, content only, and the three enhanced variants, all with default
    /// options, so each trained row is reused from <see cref="AblationOptions.CacheDirectory"/> (<see cref="DefaultOptionsFingerprint"/>).
    /// </summary>
    public static IReadOnlyList<AblationModel> Defaults() =>
    [
        Popularity(),
        IdOnlyBpr(),
        ContentOnly(),
        EmbeddingInitializedBpr(),
        TwoTower(),
        DistilledTwoTower(teacher => new TwoTowerOptions { Distillation = new DistillationOptions { Teacher = teacher } }).WithFingerprint(DefaultOptionsFingerprint),
    ];

    /// <summary>Trains the model for one row.</summary>
    internal AblationFit Fit(AblationFitContext context, CancellationToken cancellationToken) =>
        _fit(context, cancellationToken) ?? throw new InvalidOperationException($"The fit of '{Name}' returned no model.");

    private static string? DefaultsOrNone(object? options) => options is null ? DefaultOptionsFingerprint : null;

    private static void RequireTeacher(BprOptions options, string parameter)
    {
        ArgumentNullException.ThrowIfNull(options, parameter);
        if (options.Distillation is null)
        {
            throw new ArgumentException("Set Distillation to the LLM teacher's scores (ListwiseTeacherScores), with Weight and/or PointwiseWeight above 0.", parameter);
        }
    }

    private static AblationFit Fitted<TModel>(TrainingResult<TModel> result)
        where TModel : IItemScorer => new(result.Model, result.History);

    private static AblationFit FittedSequential(AblationFitContext context, VectorMatrix? features, SequentialOptions? options, CancellationToken cancellationToken)
    {
        var split = context.Split;
        var trained = SequentialRecommender.Train(split.Train, features, context.ForRow(options ?? new SequentialOptions()), context.Monitor, cancellationToken);
        var model = split.Protocol == SplitProtocol.LeaveOneOut ? trained.Model.WithHistories(split.Train, split.Validation) : trained.Model;
        return new AblationFit(model, trained.History);
    }

    /// <summary>The features' principal components, zero-padded to <paramref name="dimension"/> columns when they have fewer.</summary>
    private static VectorMatrix PrincipalComponents(VectorMatrix features, int dimension, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        if (features.Dimension >= dimension)
        {
            return EmbeddingProjection.Pca(features, dimension, maxDegreeOfParallelism, cancellationToken);
        }

        using var components = EmbeddingProjection.Pca(features, features.Dimension, maxDegreeOfParallelism, cancellationToken);
        var padded = VectorMatrix.Allocate(features.Count, dimension);
        for (var row = 0; row < features.Count; row++)
        {
            components.GetRow(row).CopyTo(padded.GetWritableRow(row));
        }

        return padded;
    }
}
