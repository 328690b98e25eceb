using System.Diagnostics.CodeAnalysis;

namespace LlmErs;

/// <summary>An <see cref="LlmField{T}"/> whose answer is a <typeparamref name="TValue"/>.</summary>
public abstract class LlmField<T, TValue> : LlmField<T>
{
    /// <summary>Creates the field description.</summary>
    protected LlmField(
        string name, FieldKind kind, string fingerprint, IReadOnlyList<string> dependsOn,
        string jsonSchema, AnswerConstraints constraints, string? instructions, string? description, WordRules? wordRules = null)
        : base(name, kind, fingerprint, dependsOn, jsonSchema, constraints, instructions, description, wordRules)
    {
    }

    /// <summary>Parses and validates an answer into the typed value.</summary>
    public abstract AnswerResult<TValue> Parse(string answerJson);

    /// <summary>Reads the field's value from an item.</summary>
    public abstract TValue GetValue(T item);

    /// <summary>Stores the field's value on an item.</summary>
    public abstract void SetValue(T item, TValue value);

    /// <summary>Writes <paramref name="value"/> as an answer (<c>{"value": …}</c>) that <see cref="Parse"/> reads back.</summary>
    public abstract string FormatAnswer(TValue value);

    /// <inheritdoc/>
    /// <remarks>Fields whose answer must agree with the item (a triples correction has one verdict per given triple) check it here.</remarks>
    public override bool TryApply(T item, string answerJson, [NotNullWhen(false)] out string? error)
    {
        var result = Parse(answerJson);
        if (!result.IsValid)
        {
            error = result.Error!;
            return false;
        }

        SetValue(item, result.Value);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public sealed override string FormatAnswer(T item) => FormatAnswer(GetValue(item));

    /// <inheritdoc/>
    /// <remarks>Stores <c>default</c>; generated fields store the property's initial value instead (an empty text or list).</remarks>
    public override void ClearValue(T item) => SetValue(item, default!);

    /// <summary>Whether the value is <see langword="null"/>: a nullable field the model answered it cannot tell.</summary>
    public override bool IsUnknown(T item) => GetValue(item) is null;

    /// <inheritdoc/>
    public sealed override IReadOnlyList<string> GetChoices(T item)
    {
        if (!Constraints.IsClosed)
        {
            throw new InvalidOperationException($"{this} answers {Constraints.Kind}, not from a closed set of choices.");
        }

        // Enum members are answered by name (the enum's choices are its member names), so ToString() is the label.
        return GetValue(item) switch
        {
            null => [],
            IReadOnlyList<string> tags => tags,
            string choice => [choice],
            bool flag => [flag ? "true" : "false"],
            Enum member => [member.ToString()],
            var other => throw new InvalidOperationException($"{this} holds a {other.GetType().Name}, which is not a choice."),
        };
    }

    /// <inheritdoc/>
    public sealed override double? GetNumber(T item)
    {
        if (Constraints.Kind is not (AnswerKind.Integer or AnswerKind.Number))
        {
            throw new InvalidOperationException($"{this} answers {Constraints.Kind}, not a number.");
        }

        return GetValue(item) switch
        {
            null => null,
            int number => number,
            long number => number,
            double number => number,
            var other => throw new InvalidOperationException($"{this} holds a {other.GetType().Name}, which is not a number."),
        };
    }
}
