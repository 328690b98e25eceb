using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LlmErs;

/// <summary>
/// The part of a cache key fixed for a field during a run (version, fingerprint, model, options, system message),
/// hashed once; <see cref="Complete"/> then hashes that digest with each item's message. Keys stay content addresses
/// of every part, at the cost of hashing only the item's own text per request.
/// </summary>
internal sealed class CacheKeyPrefix
{
    // Bump when the key's composition changes, so that entries written under the old composition are never matched.
    private const string Version = "llmers-cache-key-v1";

    private readonly byte[] _digest;

    private CacheKeyPrefix(byte[] digest) => _digest = digest;

    public static CacheKeyPrefix Create(string fieldFingerprint, string modelId, string optionsDigest, IEnumerable<(string Role, string Text)> leadingMessages)
    {
        ArgumentNullException.ThrowIfNull(fieldFingerprint);
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(optionsDigest);

        var buffer = new ArrayBufferWriter<byte>();
        Append(buffer, Version);
        Append(buffer, fieldFingerprint);
        Append(buffer, modelId);
        Append(buffer, optionsDigest);
        foreach (var (role, text) in leadingMessages)
        {
            Append(buffer, role);
            Append(buffer, text);
        }

        return new CacheKeyPrefix(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>
    /// The key of one request: this prefix, the item's message and the digests of the images sent with it (none leaves
    /// the key as it was before images existed, so text-only entries stay valid).
    /// </summary>
    public CacheKey Complete(string role, string text, IReadOnlyList<string>? attachments = null)
    {
        var attached = attachments?.Sum(a => sizeof(int) + Encoding.UTF8.GetMaxByteCount(a.Length)) ?? 0;
        var length = _digest.Length + 2 * sizeof(int) + Encoding.UTF8.GetMaxByteCount(role.Length + text.Length) + attached;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var span = rented.AsSpan();
            _digest.CopyTo(span);
            var written = _digest.Length;
            written += Write(span[written..], role);
            written += Write(span[written..], text);
            foreach (var attachment in attachments ?? [])
            {
                written += Write(span[written..], attachment);
            }
            return new CacheKey(SHA256.HashData(span[..written]));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // Length-prefixed, so that no two different part lists hash the same bytes.
    private static void Append(ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(sizeof(int) + Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Write(span, text));
    }

    private static int Write(Span<byte> destination, string text)
    {
        var count = Encoding.UTF8.GetBytes(text, destination[sizeof(int)..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination, count);
        return sizeof(int) + count;
    }
}
