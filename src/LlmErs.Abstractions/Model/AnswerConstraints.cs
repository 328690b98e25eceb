namespace LlmErs;

/// <summary>
/// What a valid answer to an LLM field is, as typed values: the same contract as the field's
/// <see cref="LlmField{T}.JsonSchema"/>, which the generator computes from the same attribute options. Read these members
/// rather than the schema text to size, answer or encode a field.
/// </summary>
public sealed class AnswerConstraints
{
    /// <summary>
    /// The key under which the enrichment engine puts a field's constraints in each request's
    /// <c>ChatOptions.AdditionalProperties</c>, for chat clients that answer LlmErs fields themselves (the offline one).
    /// It is added after the cache key is computed, so it never changes a key; provider clients send only the additional
    /// properties they know, so it never reaches a provider.
    /// </summary>
    public const string ChatOptionsKey = "llmers.answer";

    private static readonly IReadOnlyList<string> NoChoices = Array.AsReadOnly(Array.Empty<string>());
    private static readonly IReadOnlyList<TripleRelation> NoRelations = Array.AsReadOnly(Array.Empty<TripleRelation>());
    private static readonly IReadOnlyList<string> BooleanChoices = Array.AsReadOnly(new[] { "true", "false" });

    private AnswerConstraints(
        AnswerKind kind, bool allowsUnknown, IReadOnlyList<string> choices, int minCount, int maxCount,
        double? minimum, double? maximum, int maxWords, IReadOnlyList<string>? choiceDescriptions = null,
        IReadOnlyList<TripleRelation>? relations = null)
    {
        Relations = relations ?? NoRelations;
        ChoiceDescriptions = choiceDescriptions ?? NoChoices;
        Kind = kind;
        AllowsUnknown = allowsUnknown;
        Choices = choices;
        MinCount = minCount;
        MaxCount = maxCount;
        Minimum = minimum;
        Maximum = maximum;
        MaxWords = maxWords;
    }

    /// <summary>What the answer is.</summary>
    public AnswerKind Kind { get; }

    /// <summary>Whether the model may answer "unknown" (JSON <c>null</c>); the property is then nullable.</summary>
    public bool AllowsUnknown { get; }

    /// <summary>
    /// The allowed answers, in declared order: the tag vocabulary (<see cref="AnswerKind.Tags"/>), the normalized
    /// vocabulary or the enum member names (<see cref="AnswerKind.Choice"/>), <c>true</c> and <c>false</c>
    /// (<see cref="AnswerKind.Boolean"/>); empty for the other kinds. "Unknown" is not among them (see <see cref="AllowsUnknown"/>).
    /// </summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>What each of <see cref="Choices"/> stands for, in the same order (<see cref="AnswerKind.Ranking"/> and <see cref="AnswerKind.Preference"/>: the candidates' texts); empty for the other kinds.</summary>
    public IReadOnlyList<string> ChoiceDescriptions { get; }

    /// <summary>
    /// The relations a triple may have and the entities each allows (<see cref="AnswerKind.Triples"/>,
    /// <see cref="AnswerKind.TripleVerdicts"/>); empty for the other kinds.
    /// </summary>
    public IReadOnlyList<TripleRelation> Relations { get; private set; }

    /// <summary>Whether a relation's tails are the catalog's items (<see cref="TripleRelation.IsCatalog"/>).</summary>
    public bool HasCatalogRelations => Relations.Any(r => r.IsCatalog);

    /// <summary>
    /// The key of the item one request is about, for a triples field whose tails are catalog items (a tail must be another
    /// item) or a correction; <see langword="null"/> in a field's own constraints (see <see cref="ForItem"/>).
    /// </summary>
    public string? Head { get; private set; }

    /// <summary>
    /// The triples one correction request checks, in order (<see cref="AnswerKind.TripleVerdicts"/>); empty in a field's own
    /// constraints (see <see cref="ForItem"/>).
    /// </summary>
    public IReadOnlyList<KgTriple> Given { get; private set; } = [];

    /// <summary>Whether every answer is one or several of <see cref="Choices"/> (tags, choices and booleans), or unknown.</summary>
    public bool IsClosed => Kind is AnswerKind.Tags or AnswerKind.Choice or AnswerKind.Boolean;

    /// <summary>The fewest tags an answer lists (<see cref="AnswerKind.Tags"/>); 0 for the other kinds.</summary>
    public int MinCount { get; }

    /// <summary>The most tags (<see cref="AnswerKind.Tags"/>) or triples (<see cref="AnswerKind.Triples"/>) an answer lists; 0 for the other kinds.</summary>
    public int MaxCount { get; }

    /// <summary>The smallest allowed number (<see cref="AnswerKind.Integer"/>, <see cref="AnswerKind.Number"/>); <see langword="null"/> when unbounded.</summary>
    public double? Minimum { get; }

    /// <summary>The largest allowed number (<see cref="AnswerKind.Integer"/>, <see cref="AnswerKind.Number"/>); <see langword="null"/> when unbounded.</summary>
    public double? Maximum { get; }

    /// <summary>The most words a free-text answer has (<see cref="AnswerKind.Text"/>); 0 for the other kinds.</summary>
    public int MaxWords { get; }

    /// <summary>Free text of one to <paramref name="maxWords"/> words.</summary>
    public static AnswerConstraints Text(int maxWords)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWords);
        return new(AnswerKind.Text, false, NoChoices, 0, 0, null, null, maxWords);
    }

    /// <summary>Between <paramref name="minCount"/> and <paramref name="maxCount"/> distinct tags from <paramref name="vocabulary"/>.</summary>
    public static AnswerConstraints Tags(IReadOnlyList<string> vocabulary, int minCount, int maxCount)
    {
        var choices = Copy(vocabulary);
        ArgumentOutOfRangeException.ThrowIfNegative(minCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, minCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, choices.Count);
        return new(AnswerKind.Tags, false, choices, minCount, maxCount, null, null, 0);
    }

    /// <summary>
    /// A ranking: distinct <paramref name="keys"/>, best first, at least <paramref name="minCount"/> of them; each key
    /// stands for the candidate <paramref name="descriptions"/> describes at the same position.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, are empty, or a key repeats.</exception>
    public static AnswerConstraints Ranking(IReadOnlyList<string> keys, IReadOnlyList<string> descriptions, int minCount)
    {
        var (choices, texts) = Candidates(keys, descriptions, 1, "A ranking");
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minCount, choices.Count);
        return new(AnswerKind.Ranking, false, choices, minCount, choices.Count, null, null, 0, texts);
    }

    /// <summary>
    /// A preference between candidates: the key of the one a user would most likely enjoy and a different key of the
    /// one least; each key stands for the candidate <paramref name="descriptions"/> describes at the same position.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, hold fewer than two candidates, or a key repeats.</exception>
    public static AnswerConstraints Preference(IReadOnlyList<string> keys, IReadOnlyList<string> descriptions)
    {
        var (choices, texts) = Candidates(keys, descriptions, 2, "A preference");
        return new(AnswerKind.Preference, false, choices, 2, 2, null, null, 0, texts);
    }

    /// <summary>Up to <paramref name="maxCount"/> distinct triples over <paramref name="relations"/> (a completion).</summary>
    /// <exception cref="ArgumentException">There are no relations, or two share a name.</exception>
    public static AnswerConstraints Triples(IReadOnlyList<TripleRelation> relations, int maxCount)
    {
        var copy = CopyRelations(relations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return new(AnswerKind.Triples, false, NoChoices, 0, maxCount, null, null, 0, relations: copy);
    }

    /// <summary>One verdict per given triple, fixes drawn from <paramref name="relations"/> (a correction).</summary>
    /// <exception cref="ArgumentException">There are no relations, or two share a name.</exception>
    public static AnswerConstraints TripleVerdicts(IReadOnlyList<TripleRelation> relations) =>
        new(AnswerKind.TripleVerdicts, false, NoChoices, 0, 0, null, null, 0, relations: CopyRelations(relations));

    /// <summary>These constraints with every catalog relation bound to <paramref name="items"/> (<see cref="TripleRelation.WithCatalog"/>).</summary>
    public AnswerConstraints WithCatalog(CatalogEntities items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var copy = (AnswerConstraints)MemberwiseClone();
        copy.Relations = Array.AsReadOnly([.. Relations.Select(r => r.WithCatalog(items))]);
        return copy;
    }

    /// <summary>
    /// These constraints for one item's request: its key (<see cref="Head"/>) and the triples a correction checks
    /// (<see cref="Given"/>), for chat clients that answer fields themselves.
    /// </summary>
    public AnswerConstraints ForItem(string head, IReadOnlyList<KgTriple>? given)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(head);
        var copy = (AnswerConstraints)MemberwiseClone();
        copy.Head = head;
        copy.Given = Array.AsReadOnly([.. given ?? []]);
        return copy;
    }

    /// <summary>One of <paramref name="choices"/> (a normalized vocabulary or enum member names), or unknown where <paramref name="allowsUnknown"/>.</summary>
    public static AnswerConstraints Choice(IReadOnlyList<string> choices, bool allowsUnknown) =>
        new(AnswerKind.Choice, allowsUnknown, Copy(choices), 0, 0, null, null, 0);

    /// <summary>A boolean, or unknown where <paramref name="allowsUnknown"/>.</summary>
    public static AnswerConstraints Boolean(bool allowsUnknown) =>
        new(AnswerKind.Boolean, allowsUnknown, BooleanChoices, 0, 0, null, null, 0);

    /// <summary>A whole number within the bounds (<see langword="null"/>: unbounded), or unknown where <paramref name="allowsUnknown"/>.</summary>
    public static AnswerConstraints Integer(bool allowsUnknown, double? minimum, double? maximum) =>
        Numeric(AnswerKind.Integer, allowsUnknown, minimum, maximum);

    /// <summary>A number within the bounds (<see langword="null"/>: unbounded), or unknown where <paramref name="allowsUnknown"/>.</summary>
    public static AnswerConstraints Number(bool allowsUnknown, double? minimum, double? maximum) =>
        Numeric(AnswerKind.Number, allowsUnknown, minimum, maximum);

    /// <summary>Any string, or unknown where <paramref name="allowsUnknown"/>.</summary>
    public static AnswerConstraints String(bool allowsUnknown) =>
        new(AnswerKind.String, allowsUnknown, NoChoices, 0, 0, null, null, 0);

    private static AnswerConstraints Numeric(AnswerKind kind, bool allowsUnknown, double? minimum, double? maximum)
    {
        if (minimum > maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(minimum), minimum, $"The minimum is above the maximum ({maximum}).");
        }

        return new(kind, allowsUnknown, NoChoices, 0, 0, minimum, maximum, 0);
    }

    /// <summary>Copies of per-request candidates' keys and descriptions, checked: one description per key, distinct keys, at least <paramref name="least"/>.</summary>
    private static (IReadOnlyList<string> Keys, IReadOnlyList<string> Descriptions) Candidates(IReadOnlyList<string> keys, IReadOnlyList<string> descriptions, int least, string what)
    {
        var choices = Copy(keys);
        var texts = Copy(descriptions);
        if (choices.Count < least || texts.Count != choices.Count)
        {
            throw new ArgumentException($"{what} needs one description per key and at least {least} key(s); there are {choices.Count} keys and {texts.Count} descriptions.", nameof(descriptions));
        }

        if (choices.Distinct(StringComparer.Ordinal).Count() != choices.Count)
        {
            throw new ArgumentException("The candidate keys must be distinct.", nameof(keys));
        }

        return (choices, texts);
    }

    private static IReadOnlyList<TripleRelation> CopyRelations(IReadOnlyList<TripleRelation> relations)
    {
        ArgumentNullException.ThrowIfNull(relations);
        if (relations.Count == 0)
        {
            throw new ArgumentException("A triples field needs at least one relation.", nameof(relations));
        }

        if (relations.Select(r => r.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != relations.Count)
        {
            throw new ArgumentException("The relations' names must be distinct.", nameof(relations));
        }

        return Array.AsReadOnly([.. relations]);
    }

    // A copy, so the caller's array (the generated field's vocabulary) cannot change the contract afterwards.
    private static IReadOnlyList<string> Copy(IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return Array.AsReadOnly([.. choices]);
    }
}
