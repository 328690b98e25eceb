using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace LlmErs;

/// <summary>
/// Renders a field's prompt with every input cleaned and delimited, computes its cache key and applies a cached answer
/// when there is a valid one. Shared by the engine and the dry run, so that both see exactly the same prompts and keys.
/// </summary>
internal sealed partial class FieldPreparer(IEnrichmentCache cache, PromptHygiene hygiene, ImageOptions imageOptions, ILogger logger)
{
    private static readonly string UserRole = ChatRole.User.Value;

    public async ValueTask<PreparedField> PrepareAsync<T>(T item, string key, FieldPlan<T> plan, CancellationToken cancellationToken)
    {
        HygienicPrompt prompt;
        try
        {
            prompt = hygiene.Render(plan.Field, item);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new PreparedField(default, default, false, false, new EnrichmentFailure(
                FailureReason.BadInput, plan.Name,
                $"Item '{key}', field '{plan.Name}': rendering the prompt threw {ex.GetType().Name}: {ex.Message} Fix the item's data or the field's template."));
        }

        if (prompt.Truncated && logger.IsEnabled(LogLevel.Debug))
        {
            LogTruncated(logger, key, plan.Name,
                prompt.TruncatedInputs is { } inputs ? string.Join(", ", inputs) : "none",
                prompt.PromptTruncated);
        }

        var images = await ReadImagesAsync(item, key, plan, cancellationToken).ConfigureAwait(false);
        if (images.Failure is not null)
        {
            return new PreparedField(prompt, default, false, false, images.Failure);
        }

        var cacheKey = plan.KeyPrefix.Complete(UserRole, prompt.Text, images.Digests);
        var lookup = await cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        string? problem = lookup.Problem;
        if (lookup.Status == CacheLookupStatus.Hit)
        {
            if (plan.TryApply(item, key, CachedAnswer.Decode(lookup.Value.Span), out var error))
            {
                return new PreparedField(prompt, cacheKey, true, false, null, images.Contents);
            }

            problem = $"the cached answer no longer passes validation ({error})";
        }

        if (problem is not null)
        {
            Log.CacheEntryCorrupt(logger, key, plan.Name, cacheKey.ToString(), problem);
        }

        return new PreparedField(prompt, cacheKey, false, problem is not null, null, images.Contents);
    }

    /// <summary>The field's images, read and hashed; a failure names the item, the field and the image.</summary>
    private async ValueTask<(IReadOnlyList<AIContent>? Contents, string[]? Digests, EnrichmentFailure? Failure)> ReadImagesAsync<T>(
        T item, string key, FieldPlan<T> plan, CancellationToken cancellationToken)
    {
        IReadOnlyList<ItemImage> declared;
        try
        {
            declared = plan.Field.GetImages(item);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, null, BadImage($"reading its images threw {ex.GetType().Name}: {ex.Message}"));
        }

        if (declared.Count == 0)
        {
            return (null, null, null);
        }

        var contents = new AIContent[declared.Count];
        var digests = new string[declared.Count];
        for (var i = 0; i < declared.Count; i++)
        {
            var read = await ItemImageReader.ReadAsync(declared[i], imageOptions, cancellationToken).ConfigureAwait(false);
            if (read.Problem is { } problem)
            {
                return (null, null, BadImage(problem));
            }

            contents[i] = read.Content!;
            digests[i] = read.Digest!;
        }

        return (contents, digests, null);

        EnrichmentFailure BadImage(string problem) => new(FailureReason.BadInput, plan.Name,
            $"Item '{key}', field '{plan.Name}': {problem}. Fix the item's image, or remove it to ask without it.");
    }

    [LoggerMessage(7, LogLevel.Debug, "Item '{Key}', field '{Field}': input(s) cut to their token budget: {Inputs}; whole prompt cut: {PromptCut}.")]
    private static partial void LogTruncated(ILogger logger, string key, string field, string inputs, bool promptCut);
}
