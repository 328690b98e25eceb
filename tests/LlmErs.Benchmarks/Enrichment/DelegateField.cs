using LlmErs;

namespace LlmErs.Benchmarks.Enrichment;

/// <summary>An LLM field assembled from delegates, standing in for a generated field class.</summary>
internal sealed class DelegateField<T, TValue>(
    string name, FieldKind kind, string jsonSchema, AnswerConstraints constraints,
    Func<T, string> render, Func<string, AnswerResult<TValue>> parse, Func<TValue, string> format,
    Func<T, TValue> get, Action<T, TValue> set)
    : LlmField<T, TValue>(name, kind, name + "-benchmark-v1", [], jsonSchema, constraints, null, null)
{
    public override string RenderPrompt(T item) => render(item);

    public override AnswerResult<TValue> Parse(string answerJson) => parse(answerJson);

    public override string FormatAnswer(TValue value) => format(value);

    public override TValue GetValue(T item) => get(item);

    public override void SetValue(T item, TValue value) => set(item, value);
}
