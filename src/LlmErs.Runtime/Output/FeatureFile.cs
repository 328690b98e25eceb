namespace LlmErs;

/// <summary>Writes whole feature files from items already enriched.</summary>
public static class FeatureFile
{
    /// <summary>Writes every item's feature row to <paramref name="output"/>, atomically.</summary>
    public static async Task WriteAsync<T>(IEnumerable<T> items, FeatureOutput output, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var writer = FeatureFileWriter<T>.Create(output);
        foreach (var item in items)
        {
            await writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }

        await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
