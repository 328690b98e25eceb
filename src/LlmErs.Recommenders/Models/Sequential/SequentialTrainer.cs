using System.Diagnostics;
using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// The training loop of <see cref="SequentialRecommender"/>: per epoch a seeded shuffle of the users, mini-batches of
/// their training sequences (each position's target is the next item), Adam on every parameter, then a snapshot for
/// validation and early stopping.
/// </summary>
internal sealed class SequentialTrainer
{
    private const ulong ShuffleStream = 0x3C6EF372FE94F82B;

    private readonly SequentialOptions _options;
    private readonly SequentialLayout _layout;
    private readonly int[][] _sequences;
    private readonly int[] _trainable;
    private readonly AdamParameters _parameters;
    private readonly float[] _gradient;
    private readonly SequentialNetwork _network;
    private SplitMix64 _random;
    private long _step;

    public SequentialTrainer(InteractionLog train, VectorMatrix? itemFeatures, SequentialOptions options)
    {
        _options = options;
        _sequences = UserSequences.From(train);
        _trainable = [.. Enumerable.Range(0, _sequences.Length).Where(user => _sequences[user].Length >= 2)];
        if (_trainable.Length == 0)
        {
            throw new ArgumentException("No user has two training interactions, so there is no next item to learn from.", nameof(train));
        }

        var features = itemFeatures?.Values.ToArray();
        var idWeights = IdWeights(train.CountPerItem(), itemFeatures is null ? 0f : options.IdShrinkage);
        _layout = new SequentialLayout(new SequentialShape(train.ItemCount, itemFeatures?.Dimension ?? 0, options.Dimension, options.Blocks, options.Heads, options.MaxLength));
        _parameters = new AdamParameters(_layout.Length / options.Dimension, options.Dimension);
        Initialize(_parameters.Values, _layout, itemFeatures, idWeights, options);
        _gradient = new float[_layout.Length];
        _network = new SequentialNetwork(_layout, features, idWeights, options.BatchSize, options.MaxDegreeOfParallelism, itemFeatures is null ? 0f : options.IdDropout);
        _random = new SplitMix64(options.Seed ^ ShuffleStream);
    }

    /// <summary>Each item's ID weight c / (c + shrinkage) from its training count c: 0 for an item never seen in training.</summary>
    internal static float[] IdWeights(int[] counts, float shrinkage) =>
        Array.ConvertAll(counts, count => count == 0 ? 0f : count / (count + shrinkage));

    /// <summary>
    /// N(0, σ²) weights, gains 1, biases and shifts 0; items without training interactions get no ID vector, and the
    /// feature projection is scaled so projected features start at the scale of the ID vectors.
    /// </summary>
    internal static void Initialize(float[] parameters, SequentialLayout layout, VectorMatrix? features, float[] idWeights, SequentialOptions options)
    {
        var random = new SplitMix64(options.Seed);
        foreach (var (offset, length, isGain) in layout.InitializedTensors())
        {
            var tensor = parameters.AsSpan(offset, length);
            if (isGain)
            {
                tensor.Fill(1f);
                continue;
            }

            var deviation = options.InitialStandardDeviation;
            if (offset == layout.FeatureProjection && features is not null)
            {
                deviation /= VectorOps.RootMeanSquareNorm(features);
            }

            SeededNormal.Fill(tensor, deviation, ref random);
        }

        var width = layout.Shape.Dimension;
        for (var item = 0; item < idWeights.Length; item++)
        {
            if (idWeights[item] == 0)
            {
                parameters.AsSpan(layout.ItemIds + (item * width), width).Clear();
            }
        }
    }

    public TrainingResult<SequentialModel> Run(TrainingMonitor? monitor, CancellationToken cancellationToken)
    {
        // A caller's budget (an ablation gives every row the same) overrides the options, as for the BPR loops.
        var epochs = monitor?.MaxEpochs ?? _options.Epochs;
        var stopping = new EarlyStopping<SequentialModel>(monitor, monitor?.Patience ?? _options.Patience, epochs, Snapshot);
        var order = (int[])_trainable.Clone();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var loss = RunEpoch(order, cancellationToken);
            if (!double.IsFinite(loss))
            {
                throw new InvalidOperationException(
                    $"Training diverged in epoch {epoch} (the loss is {loss}); lower {nameof(SequentialOptions.LearningRate)} or {nameof(SequentialOptions.InitialStandardDeviation)}.");
            }

            if (stopping.AfterEpoch(epoch, loss, distillationLoss: null, clock.Elapsed))
            {
                break;
            }
        }

        return stopping.Result();
    }

    /// <summary>One pass over the users; returns the mean cross-entropy per predicted position.</summary>
    private double RunEpoch(int[] order, CancellationToken cancellationToken)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = _random.NextInt32(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var (lossSum, rows) = (0.0, 0L);
        var batch = _network.Batch;
        for (var start = 0; start < order.Length; start += _options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Clear();
            foreach (var user in order.AsSpan(start, Math.Min(_options.BatchSize, order.Length - start)))
            {
                batch.Add(_sequences[user], _options.Heads, withTargets: true);
            }

            lossSum += _network.Train(_parameters.Values, _gradient, _options.Dropout, ref _random);
            rows += batch.Rows;
            _parameters.UpdateAll(_gradient, AdamParameters.StepSize(_options.LearningRate, ++_step));
        }

        return lossSum / rows;
    }

    /// <summary>A model with a copy of the current parameters, each user encoded from their training sequence.</summary>
    private SequentialModel Snapshot()
    {
        var parameters = (float[])_parameters.Values.Clone();
        _network.ComputeItemRepresentations(parameters);
        var items = (float[])_network.ItemRepresentations.Clone();
        var users = SequenceEncoder.EncodeAll(_layout, parameters, items, _sequences, _options.MaxDegreeOfParallelism);
        return new SequentialModel(_layout, parameters, items, users);
    }
}
