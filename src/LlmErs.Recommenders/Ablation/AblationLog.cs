using Microsoft.Extensions.Logging;

namespace LlmErs.Recommenders;

/// <summary>The ablation runner's log messages.</summary>
internal static partial class AblationLog
{
    [LoggerMessage(300, LogLevel.Warning, "Ablation warning ({Kind}): {Message}")]
    public static partial void Warning(ILogger logger, AblationWarningKind kind, string message);
}
