using System.IO.Hashing;

namespace LlmErs;

/// <summary>What tells two images apart in cache keys: the media type and an XxHash128 of the bytes.</summary>
internal static class ImageDigest
{
    public static string Of(string mediaType, ReadOnlySpan<byte> bytes) => $"{mediaType} xxh128:{Convert.ToHexStringLower(XxHash128.Hash(bytes))}";
}
