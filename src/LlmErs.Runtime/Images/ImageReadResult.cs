using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// An <see cref="ItemImage"/> ready to send: its content (<see cref="DataContent"/> with the bytes and media type, or
/// <see cref="UriContent"/> for an address the model fetches) and a digest of it for cache keys; or, when it could not
/// be read, the reason.
/// </summary>
public sealed class ImageReadResult
{
    private ImageReadResult(AIContent? content, string? digest, string? problem)
    {
        Content = content;
        Digest = digest;
        Problem = problem;
    }

    /// <summary>The content to send; <see langword="null"/> when <see cref="Problem"/> is set.</summary>
    public AIContent? Content { get; }

    /// <summary>
    /// The media type and an XxHash128 of the bytes (or the address, for an image the model fetches itself): equal for
    /// equal images, different when a byte changes.
    /// </summary>
    public string? Digest { get; }

    /// <summary>Why the image could not be read, naming it ("the image 'posters/m1.png' does not exist"); null when read.</summary>
    public string? Problem { get; }

    internal static ImageReadResult Read(AIContent content, string digest) => new(content, digest, null);

    internal static ImageReadResult Failed(string problem) => new(null, null, problem);
}
