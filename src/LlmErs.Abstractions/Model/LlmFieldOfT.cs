using System.Diagnostics.CodeAnalysis;

namespace LlmErs;

/// <summary>An <see cref="LlmField{T}"/> whose answer is a <typeparamref name="TValue"/>.</summary>
public abstract class LlmField<T, TValue> : LlmField<T>
{
    /// <summary>Creates the field description.</summary>
    protected LlmField(
        string name, FieldKind kind, string fingerprint, IReadOnlyList<string> dependsOn,
        string jsonSchema, string? instructions, string? description)
        : base(name, kind, fingerprint, dependsOn, jsonSchema, instructions, description)
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
    public sealed override bool TryApply(T item, string answerJson, [NotNullWhen(false)] out string? error)
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

    /// <summary>Whether the value is <see langword="null"/>: a nullable field the model answered it cannot tell.</summary>
    public override bool IsUnknown(T item) => GetValue(item) is null;
}
