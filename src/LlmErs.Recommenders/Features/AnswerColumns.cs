namespace LlmErs.Recommenders;

/// <summary>The feature columns of one LLM field, from its <see cref="AnswerConstraints"/>, and how an item's answer fills them.</summary>
internal sealed class AnswerColumns<T>
{
    private readonly LlmField<T> _field;
    private readonly Dictionary<string, int>? _choices;
    private readonly int _unknown;

    private AnswerColumns(LlmField<T> field, Dictionary<string, int>? choices, List<string> names)
    {
        _field = field;
        _choices = choices;
        _unknown = field.Constraints.AllowsUnknown ? names.Count : -1;
        if (field.Constraints.AllowsUnknown)
        {
            names.Add($"{field.Name}={FieldFeatures.Unknown}");
        }

        Names = names;
    }

    public IReadOnlyList<string> Names { get; }

    /// <exception cref="ArgumentException">The field answers free text, which has no columns.</exception>
    public static AnswerColumns<T> For(LlmField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var constraints = field.Constraints;
        if (constraints.IsClosed)
        {
            // Case-insensitive, as the answer reader matches answers to the vocabulary.
            var choices = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var choice in constraints.Choices)
            {
                choices.TryAdd(choice, choices.Count);
            }

            return new AnswerColumns<T>(field, choices, [.. constraints.Choices.Select(choice => $"{field.Name}={choice}")]);
        }

        if (constraints.Kind is AnswerKind.Integer or AnswerKind.Number)
        {
            return new AnswerColumns<T>(field, null, [field.Name]);
        }

        throw new ArgumentException(
            $"{field} answers free text, which has no feature columns; embed it (an [Embedding] field over it) and use FieldFeatures.Vectors.",
            nameof(field));
    }

    /// <summary>
    /// Writes the item's answer into <paramref name="row"/> (zeros, <see cref="Names"/> long): a 1 for each chosen entry,
    /// or the number; a 1 in the unknown column when there is no answer.
    /// </summary>
    public void Write(T item, Span<float> row)
    {
        if (_choices is null)
        {
            if (_field.GetNumber(item) is { } number)
            {
                row[0] = (float)number;
            }
            else if (_unknown >= 0)
            {
                row[_unknown] = 1;
            }

            return;
        }

        var chosen = _field.GetChoices(item);
        if (chosen.Count == 0 && _unknown >= 0)
        {
            row[_unknown] = 1;
        }

        foreach (var choice in chosen)
        {
            // An entry outside the vocabulary (set by hand, not by the reader) has no column.
            if (_choices.TryGetValue(choice, out var column))
            {
                row[column] = 1;
            }
        }
    }
}
