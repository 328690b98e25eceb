using System.Diagnostics.CodeAnalysis;

namespace LlmErs;

/// <summary>
/// A field an LLM writes: a prompt in, a JSON answer out, validated against <see cref="Constraints"/> (which
/// <see cref="JsonSchema"/> states for providers).
/// </summary>
public abstract class LlmField<T> : DerivedField<T>
{
    /// <summary>Creates the field description.</summary>
    protected LlmField(
        string name, FieldKind kind, string fingerprint, IReadOnlyList<string> dependsOn,
        string jsonSchema, AnswerConstraints constraints, string? instructions, string? description, WordRules? wordRules = null)
        : base(name, kind, fingerprint, dependsOn)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        JsonSchema = jsonSchema;
        Constraints = constraints;
        Instructions = instructions;
        Description = description;
        WordRules = wordRules ?? WordRules.None;
    }

    /// <summary>
    /// The JSON schema of the answer: an object with one required property <c>value</c>.
    /// </summary>
    public string JsonSchema { get; }

    /// <summary>
    /// What a valid answer is, as typed values: the contract <see cref="JsonSchema"/> states, for code that sizes, answers
    /// or encodes the field without reading the schema.
    /// </summary>
    public AnswerConstraints Constraints { get; }

    /// <summary>The words the answer must not contain (and their allowed exceptions); <see cref="WordRules.None"/> when none are declared.</summary>
    public WordRules WordRules { get; }

    /// <summary>Optional system instructions for this field.</summary>
    public string? Instructions { get; }

    /// <summary>Optional description of the answer (also inside <see cref="JsonSchema"/>).</summary>
    public string? Description { get; }

    /// <summary>
    /// Renders the prompt for <paramref name="item"/>; compiled from the Scriban template at build time, it renders exactly
    /// what Scriban's <c>Template.Render(item)</c> would.
    /// </summary>
    public abstract string RenderPrompt(T item);

    /// <summary>
    /// Renders the prompt for <paramref name="item"/> with each interpolated value passed through
    /// <paramref name="encoder"/> (the template's literal text is written as is). With a <see langword="null"/> encoder
    /// the result is <see cref="RenderPrompt(T)"/>'s. Generated fields encode every <c>{{ }}</c> output separately; this
    /// base implementation, for fields written by hand, encodes the whole rendered prompt as one input named after the field.
    /// </summary>
    public virtual string RenderPrompt(T item, IPromptInputEncoder? encoder)
    {
        var prompt = RenderPrompt(item);
        return encoder is null ? prompt : encoder.Encode(Name, prompt);
    }

    /// <summary>
    /// The images sent beside <paramref name="item"/>'s prompt (<see cref="LlmFieldAttribute.Images"/>); none unless the
    /// field declares an image member.
    /// </summary>
    public virtual IReadOnlyList<ItemImage> GetImages(T item) => ItemImages.None;

    /// <summary>
    /// The triples a correction field checks on <paramref name="item"/> (<see cref="LlmTriplesAttribute.Given"/>), in order;
    /// <see langword="null"/> for every other field.
    /// </summary>
    public virtual IReadOnlyList<KgTriple>? GetGivenTriples(T item) => null;

    /// <summary>
    /// Parses and validates <paramref name="answerJson"/> and, when valid, stores the value on <paramref name="item"/>.
    /// Otherwise <paramref name="error"/> says precisely what is wrong, in words fit to send back to the model.
    /// </summary>
    public abstract bool TryApply(T item, string answerJson, [NotNullWhen(false)] out string? error);

    /// <summary>Writes the field's current value of <paramref name="item"/> as an answer (<c>{"value": …}</c>).</summary>
    public abstract string FormatAnswer(T item);

    /// <summary>
    /// Sets the field of <paramref name="item"/> back to "no value": <see langword="null"/>, or an empty text or list for a
    /// property that cannot hold null. The offline pipeline does this to a value a gate quarantined or a stage failed, so
    /// the item never carries a value its feature row withholds.
    /// </summary>
    public abstract void ClearValue(T item);

    /// <summary>
    /// Whether <paramref name="item"/>'s value is the model's "unknown": a valid answer that holds no value. Fields written
    /// by hand on this base class never report unknown.
    /// </summary>
    public virtual bool IsUnknown(T item) => false;

    /// <summary>
    /// The field's current value of <paramref name="item"/> among <see cref="AnswerConstraints.Choices"/>: the tags, or the
    /// one chosen entry (<c>true</c> or <c>false</c> for a boolean); empty when unknown.
    /// </summary>
    /// <exception cref="InvalidOperationException">The field is not closed (<see cref="AnswerConstraints.IsClosed"/>).</exception>
    public abstract IReadOnlyList<string> GetChoices(T item);

    /// <summary>The field's current value of <paramref name="item"/> as a number; <see langword="null"/> when unknown.</summary>
    /// <exception cref="InvalidOperationException">The field is not an <see cref="AnswerKind.Integer"/> or <see cref="AnswerKind.Number"/>.</exception>
    public abstract double? GetNumber(T item);
}
