namespace LlmErs.Recommenders;

/// <summary>
/// A trained sequential recommender (<see cref="SequentialRecommender"/>): the network's weights, every item's vector
/// (its ID embedding plus its projected LLM features), and a user vector for each user — the final hidden state after
/// reading the user's most recent items. Scores are dot products of the two, so the model serves like a factor model
/// (<see cref="Factors"/>).
/// </summary>
/// <remarks>Immutable and safe for concurrent scoring and encoding.</remarks>
public sealed class SequentialModel : IItemScorer
{
    private readonly SequentialLayout _layout;
    private readonly float[] _parameters;

    internal SequentialModel(SequentialLayout layout, float[] parameters, float[] items, float[] users)
    {
        _layout = layout;
        _parameters = parameters;
        Factors = new FactorModel(users, items, layout.Shape.Dimension);
    }

    /// <summary>
    /// The user vectors (each user's final hidden state over the histories the model was built with) and the item
    /// vectors: what serving needs for known users (<see cref="ModelExport"/>).
    /// </summary>
    public FactorModel Factors { get; }

    /// <summary>How many of a user's most recent items the model reads.</summary>
    public int MaxLength => _layout.Shape.MaxLength;

    /// <summary>The number of item feature columns the model was trained with; 0 for an ID-only model.</summary>
    public int FeatureDimension => _layout.Shape.FeatureDimension;

    /// <inheritdoc/>
    public int ItemCount => Factors.ItemCount;

    /// <summary>The number of parameters.</summary>
    public int ParameterCount => _parameters.Length;

    internal SequentialLayout Layout => _layout;

    internal float[] Parameters => _parameters;

    /// <inheritdoc/>
    public void ScoreItems(int user, Span<float> scores) => Factors.ScoreItems(user, scores);

    /// <inheritdoc/>
    public void ScoreItems(int user, ReadOnlySpan<int> items, Span<float> scores) => Factors.ScoreItems(user, items, scores);

    /// <summary>
    /// Writes the user vector of a history (item indices, oldest first; only the last <see cref="MaxLength"/> are
    /// read): score items against it with a dot product. An empty history gives the zero vector (every item ties).
    /// This is what a user unknown at export time needs.
    /// </summary>
    /// <exception cref="ArgumentException">The destination is not <see cref="FactorModel.Dimension"/> long, or an item is out of range.</exception>
    public void EncodeHistory(ReadOnlySpan<int> history, Span<float> destination)
    {
        if (destination.Length != Factors.Dimension)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; the model dimension is {Factors.Dimension}.", nameof(destination));
        }

        foreach (var item in history)
        {
            if ((uint)item >= (uint)ItemCount)
            {
                throw new ArgumentException($"Item {item} is not an item index of the model (0 to {ItemCount - 1}).", nameof(history));
            }
        }

        destination.Clear();
        if (!history.IsEmpty)
        {
            var encoder = new SequenceEncoder(_layout, _parameters, Factors.ItemVectors, capacity: 1, maxDegreeOfParallelism: 1);
            encoder.Encode([history.ToArray()], destination);
        }
    }

    /// <summary>
    /// The same network and items with each user's vector computed from the given logs instead: e.g. the training and
    /// validation parts of a split, to score the test part with the validation interaction as the latest history.
    /// </summary>
    /// <param name="logs">Logs with the model's user and item index spaces (the parts of the split it was trained on).</param>
    /// <exception cref="ArgumentException">The logs index users or items differently from each other or from the model.</exception>
    public SequentialModel WithHistories(params IReadOnlyList<InteractionLog> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        if (logs.Count == 0 || logs[0].ItemCount != ItemCount || logs[0].UserCount != Factors.UserCount)
        {
            throw new ArgumentException($"Give at least one log over the model's {Factors.UserCount:N0} users and {ItemCount:N0} items.", nameof(logs));
        }

        var (_, items) = Factors.Arrays;
        return new SequentialModel(_layout, _parameters, items, SequenceEncoder.EncodeAll(_layout, _parameters, items, UserSequences.From(logs), -1));
    }

    /// <summary>Writes the model to <paramref name="path"/>, replacing any file there only once the new one is complete.</summary>
    /// <remarks>The format is versioned and checksummed; <see cref="Load"/> gives back bit-identical scores and encodings.</remarks>
    public void Save(string path)
    {
        var (users, items) = Factors.Arrays;
        var shape = _layout.Shape;
        ModelFile.Save(path, ModelKind.Sequential, shape.Dimension, [shape.Blocks, shape.Heads, shape.MaxLength, shape.FeatureDimension], users, items, _parameters);
    }

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is damaged or truncated, holds another kind of model, or was written by another format version; the message names the file.</exception>
    public static SequentialModel Load(string path)
    {
        var (dimension, sections, shape) = ModelFile.LoadWithShape(path, ModelKind.Sequential);
        var (blocks, heads, maxLength, features) = (shape[0], shape[1], shape[2], shape[3]);
        if (blocks < 1 || heads < 1 || dimension % heads != 0 || maxLength < 1 || features < 0)
        {
            throw new InvalidDataException($"The model file '{Path.GetFullPath(path)}' gives an impossible shape ({blocks} blocks, {heads} heads, length {maxLength}, {features} features). Save the model again.");
        }

        var layout = new SequentialLayout(new SequentialShape(sections[1].Length / dimension, features, dimension, blocks, heads, maxLength));
        if (sections[2].Length != layout.Length)
        {
            throw new InvalidDataException(
                $"The model file '{Path.GetFullPath(path)}' holds {sections[2].Length:N0} parameters; its shape needs {layout.Length:N0}. Save the model again.");
        }

        return new SequentialModel(layout, sections[2], sections[1], sections[0]);
    }
}
