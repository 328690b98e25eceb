using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>A logger factory that keeps every message, for asserting what was logged.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Messages { get; } = new();

    /// <summary>Everything a log provider could write: each message, and the exception logged with it as text.</summary>
    public ConcurrentQueue<string> Written { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            owner.Messages.Enqueue((logLevel, category, message));
            owner.Written.Enqueue($"{message}\n{exception}\n{string.Join("\n", state as IEnumerable<KeyValuePair<string, object?>> ?? [])}");
        }
    }
}
