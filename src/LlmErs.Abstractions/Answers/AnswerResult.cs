namespace LlmErs;

/// <summary>The outcome of parsing an LLM answer: a typed value, or a precise error to send back to the model.</summary>
public readonly struct AnswerResult<T>
{
    private AnswerResult(T value, string? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The parsed value; <c>default</c> when invalid.</summary>
    public T Value { get; }

    /// <summary>What is wrong with the answer; <c>null</c> when valid.</summary>
    public string? Error { get; }

    /// <summary>Whether the answer was valid.</summary>
    public bool IsValid => Error is null;

    /// <summary>A valid answer.</summary>
    public static AnswerResult<T> Success(T value) => new(value, null);

    /// <summary>An invalid answer.</summary>
    public static AnswerResult<T> Failure(string error) => new(default!, error);

    /// <summary>The same failure, typed for another value.</summary>
    public AnswerResult<TOther> Cast<TOther>() =>
        IsValid ? throw new InvalidOperationException("Only a failure can be cast.") : AnswerResult<TOther>.Failure(Error!);
}
