namespace LlmErs;

/// <summary>The image formats vision models take, recognized from their first bytes or, for addresses, their extension.</summary>
internal static class ImageMediaTypes
{
    /// <summary>What the messages list as accepted formats.</summary>
    public const string Accepted = "PNG, JPEG, GIF or WebP";

    /// <summary>The media type the content's signature shows, or null when it is none of <see cref="Accepted"/>.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) => content switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "image/gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => null,
    };

    /// <summary>The media type an address's extension names; <c>image/*</c> when it names none, and the provider decides.</summary>
    public static string FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => "image/*",
    };
}
