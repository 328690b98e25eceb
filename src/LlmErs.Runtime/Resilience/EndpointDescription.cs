using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>How stop messages name the endpoint: the models, and the provider's address or the client's name.</summary>
internal static class EndpointDescription
{
    public static string Of(IChatClient chatClient, IEnumerable<string> models)
    {
        var metadata = chatClient.GetService<ChatClientMetadata>();
        var where = metadata?.ProviderUri is { } address ? $"at {address}" : $"of the chat client {metadata?.ProviderName ?? chatClient.GetType().Name}";
        return $"model {string.Join(", ", models.Select(m => $"'{m}'"))} {where}";
    }
}
