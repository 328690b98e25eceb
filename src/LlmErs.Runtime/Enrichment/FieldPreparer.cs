using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace LlmErs;

/// <summary>
/// Renders a field's prompt with every input cleaned and delimited, computes its cache key and applies a cached answer
/// when there is a valid one. Shared by the engine and the dry run, so that both see exactly the same prompts and keys.
/// </summary>
internal sealed partial class FieldPreparer(IEnrichmentCache cache, PromptHygiene hygiene, ILogger logger)
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

        var cacheKey = plan.KeyPrefix.Complete(UserRole, prompt.Text);
        var lookup = await cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        string? problem = lookup.Problem;
        if (lookup.Status == CacheLookupStatus.Hit)
        {
            if (plan.Field.TryApply(item, CachedAnswer.Decode(lookup.Value.Span), out var error))
            {
                return new PreparedField(prompt, cacheKey, true, false, null);
            }

            problem = $"the cached answer no longer passes validation ({error})";
        }

        if (problem is not null)
        {
            Log.CacheEntryCorrupt(logger, key, plan.Name, cacheKey.ToString(), problem);
        }

        return new PreparedField(prompt, cacheKey, false, problem is not null, null);
    }

    [LoggerMessage(7, LogLevel.Debug, "Item '{Key}', field '{Field}': input(s) cut to their token budget: {Inputs}; whole prompt cut: {PromptCut}.")]
    private static partial void LogTruncated(ILogger logger, string key, string field, string inputs, bool promptCut);
}
