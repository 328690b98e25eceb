using Microsoft.Extensions.Logging;

namespace LlmErs;

internal static partial class CatalogLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Items} items from {Rows} rows of {Path}: {DuplicateKeys} duplicate keys ({Policy}), {Skipped} rows skipped, {Cleaned} values cleaned")]
    public static partial void Loaded(ILogger logger, int items, int rows, string path, int duplicateKeys, DuplicateKeyPolicy policy, int skipped, int cleaned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}, line {Line}: row skipped: {Problem}")]
    public static partial void Skipped(ILogger logger, string path, int line, string problem);
}
