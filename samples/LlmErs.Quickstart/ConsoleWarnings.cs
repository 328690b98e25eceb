using LlmErs.Recommenders;
using Microsoft.Extensions.Logging;

namespace LlmErs.Quickstart;

/// <summary>Shows the ablation runner's warnings (untrained rows, trivial cut-offs) on the console as they are found.</summary>
/// <param name="output">Where the warnings go; null for the console.</param>
internal sealed class ConsoleWarnings(TextWriter? output = null) : ILogger<AblationRunner>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            (output ?? Console.Out).WriteLine($"  warning: {formatter(state, exception)}");
        }
    }
}
