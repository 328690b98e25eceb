using LlmErs.Recommenders;
using Microsoft.Extensions.Logging;

namespace LlmErs.Quickstart;

/// <summary>Shows the ablation runner's warnings (untrained rows, trivial cut-offs) on the console as they are found.</summary>
internal sealed class ConsoleWarnings : ILogger<AblationRunner>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Console.WriteLine($"  warning: {formatter(state, exception)}");
        }
    }
}
