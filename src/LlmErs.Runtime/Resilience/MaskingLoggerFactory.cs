using Microsoft.Extensions.Logging;

namespace LlmErs;

/// <summary>
/// Hands the engine's and its resilience pipeline's log entries on with <see cref="SecretMask"/> applied to the message,
/// to every string value of the structured state and to the exception, so that a provider's error text that echoes a
/// request header reaches no log unmasked. Polly's telemetry logs the exception of every failed attempt, which the
/// engine does not word itself.
/// </summary>
internal sealed class MaskingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new MaskingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The inner factory belongs to the caller.</summary>
    public void Dispose()
    {
    }

    private sealed class MaskingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = SecretMask.Apply(formatter(state, exception));
            var masked = new MaskedState(message, state as IReadOnlyList<KeyValuePair<string, object?>>);
            inner.Log(logLevel, eventId, masked, exception is null ? null : new MaskedException(exception), static (s, _) => s.Message);
        }
    }

    /// <summary>The entry's formatted message and its structured values, each string masked.</summary>
    private sealed class MaskedState(string message, IReadOnlyList<KeyValuePair<string, object?>>? values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values?.Count ?? 0;

        public KeyValuePair<string, object?> this[int index] => values![index] is { Value: string text } pair && pair.Key != "{OriginalFormat}"
            ? new(pair.Key, SecretMask.Apply(text))
            : values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }

    /// <summary>An exception's type, message and stack as text, masked; logged in place of the exception.</summary>
    private sealed class MaskedException(Exception original) : Exception(SecretMask.Apply($"{original.GetType().FullName}: {original.Message}"))
    {
        public override string? StackTrace => original.StackTrace;

        public override string ToString() => SecretMask.Apply(original.ToString());
    }
}
