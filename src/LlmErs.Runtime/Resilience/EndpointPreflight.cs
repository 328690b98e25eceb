using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// One small request per model before a run, so that a wrong URL, port, key or model name stops the run in seconds with
/// a message that says which, instead of failing every item through its retries. Only failures that say the endpoint
/// cannot serve the run stop it (see <see cref="EndpointFailures"/>); any other answer, even an error such as a 429 or a
/// 500, shows the endpoint is there, and the run's own retries deal with it.
/// </summary>
internal static class EndpointPreflight
{
    private const int AnswerTokens = 16;

    private static readonly ChatMessage[] s_messages =
    [
        new(ChatRole.System, "This request checks that the endpoint answers. Reply with the word OK."),
        new(ChatRole.User, "OK?"),
    ];

    /// <returns>Null when the endpoint answered; otherwise the error it answered with, which does not stop the run.</returns>
    /// <exception cref="EnrichmentStoppedException">The endpoint cannot be reached, does not answer in time, refuses the key, or does not know the model or path.</exception>
    public static async Task<Exception?> CheckAsync(
        IChatClient client, Uri address, string model, ChatOptions? chatOptions, EnrichmentResilienceOptions options, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var request = chatOptions?.Clone() ?? new ChatOptions();
        request.ModelId = model;
        request.ResponseFormat = null;
        request.MaxOutputTokens = AnswerTokens;
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await client.GetResponseAsync(s_messages, request, linked.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = timeout.IsCancellationRequested && ex is OperationCanceledException
                ? new TimeoutException($"The preflight request was abandoned after {options.AttemptTimeout}.", ex)
                : ex;
            return EndpointFailures.Classify(failure) is { } reason
                ? throw new EnrichmentStoppedException(EndpointFailures.Stop(reason, $"The preflight request to model '{model}' at {address}", failure, options))
                : failure;
        }
    }
}
