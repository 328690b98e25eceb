using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmErs;

/// <summary>
/// Loads a catalog once, for prompts, embeddings, feature files and serving alike: reads
/// JSON Lines, CSV or Parquet (gzip detected by its first bytes), turns each row into a JSON object of its members,
/// cleans their string values (<see cref="CatalogLoadOptions.Cleaning"/>), builds the item through the caller's
/// source-generated <see cref="JsonTypeInfo{T}"/> (no reflection, AOT-clean), and keeps one item per
/// <see cref="ItemKeyAttribute"/> key by the declared <see cref="DuplicateKeyPolicy"/>, reporting every duplicate and
/// its conflicting values with their lines.
/// </summary>
/// <example>
/// <code>
/// var catalog = await CatalogLoader.LoadAsync("products.jsonl.gz", ShopJson.Default.Product,
///     new CatalogLoadOptions { Duplicates = DuplicateKeyPolicy.MergeNonNull });
/// Console.WriteLine(catalog.Report);
/// </code>
/// </example>
public static class CatalogLoader
{
    /// <summary>Loads <paramref name="path"/>.</summary>
    /// <param name="path">The catalog file.</param>
    /// <param name="typeInfo">The item type's metadata from the caller's <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>.</param>
    /// <param name="options">Layout, duplicates, invalid rows and cleaning; defaults when null.</param>
    /// <param name="logger">Receives a summary and each skipped row.</param>
    /// <param name="cancellationToken">Cancels between rows.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CatalogFormatException">A row cannot be read under <see cref="InvalidRowPolicy.Fail"/>, or the file itself cannot.</exception>
    public static async Task<CatalogLoadResult<T>> LoadAsync<T>(
        string path, JsonTypeInfo<T> typeInfo, CatalogLoadOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(typeInfo);
        options ??= new CatalogLoadOptions();
        ArgumentNullException.ThrowIfNull(options.Cleaning, nameof(options.Cleaning));
        logger ??= NullLogger.Instance;
        var model = T.EnrichmentModel;
        var reader = new CatalogRowReader(path, options, typeInfo);
        var deduplicator = new CatalogDeduplicator<T>(typeInfo, options.Duplicates);
        var skipped = new List<CatalogRowError>();
        int rows = 0, cleaned = 0;
        await foreach (var row in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows++;
            var problem = row.Problem;
            var member = row.Member;
            if (row.Values is { } values)
            {
                cleaned += CatalogValueCleaner.Clean(values, options.Cleaning);
                if (Build(values, typeInfo, model, out problem, out member) is { } built)
                {
                    deduplicator.Add(built.Key, row.LineNumber, values, built.Item);
                    continue;
                }
            }

            if (options.InvalidRows == InvalidRowPolicy.Fail)
            {
                throw new CatalogFormatException(path, row.LineNumber, member, problem + " Fix or remove the row, or set CatalogLoadOptions.InvalidRows = InvalidRowPolicy.Skip to skip and report such rows.");
            }

            CatalogLog.Skipped(logger, path, row.LineNumber, problem!);
            skipped.Add(new CatalogRowError(row.LineNumber, problem!));
        }

        List<T> items;
        List<CatalogDuplicate> duplicates;
        try
        {
            (items, duplicates) = deduplicator.Resolve();
        }
        catch (JsonException exception)
        {
            throw new CatalogFormatException(path, 0, MemberOf(exception), $"Merging duplicate rows built no item: {exception.Message} Use DuplicateKeyPolicy.KeepFirst or KeepLast, or fix the rows.", exception);
        }

        var report = new CatalogLoadReport(path, reader.Format, reader.Compressed, rows, items.Count, cleaned, options.Duplicates, duplicates, skipped);
        CatalogLog.Loaded(logger, items.Count, rows, path, duplicates.Count, options.Duplicates, skipped.Count, cleaned);
        return new CatalogLoadResult<T>(items, report);
    }

    private static (string Key, T Item)? Build<T>(JsonObject values, JsonTypeInfo<T> typeInfo, EnrichmentModel<T> model, out string? problem, out string? member)
    {
        problem = member = null;
        T? item;
        try
        {
            item = values.Deserialize(typeInfo);
        }
        catch (JsonException exception)
        {
            member = MemberOf(exception);
            problem = $"The row does not build a {model.TypeName}: {exception.Message}";
            return null;
        }

        var key = item is null ? null : model.KeyOf(item);
        if (string.IsNullOrEmpty(key))
        {
            member = model.KeyMember;
            problem = $"The row has no key: its [ItemKey] member '{model.KeyMember}' is missing or empty.";
            return null;
        }

        return (key, item!);
    }

    private static string? MemberOf(JsonException exception) =>
        exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
}
