using Microsoft.Extensions.AI;
namespace LlmErs;

/// <summary>
/// One field of one item after rendering and the cache lookup: either already applied from the cache, or a request to
/// make (its cleaned prompt, the images sent beside it and its cache key), or a failure to render or read an image.
/// </summary>
internal readonly record struct PreparedField(
    HygienicPrompt Prompt, CacheKey Key, bool FromCache, bool RecomputesCorruptEntry, EnrichmentFailure? Failure,
    IReadOnlyList<AIContent>? Images = null)
{
    /// <summary>The user message: the prompt, then the images, if any.</summary>
    public ChatMessage UserMessage() =>
        Images is not { Count: > 0 } images ? new(ChatRole.User, Prompt.Text) : new(ChatRole.User, [new TextContent(Prompt.Text), .. images]);
}
