using System.Security.Cryptography;

namespace LlmErs;

/// <summary>
/// The content address of one LLM answer: a SHA-256 over the field's fingerprint, the model id, the answer-affecting
/// chat options and the exact messages sent. Equal keys mean the same question to the same model, so the answer can be
/// reused.
/// </summary>
public readonly struct CacheKey : IEquatable<CacheKey>
{
    /// <summary>The key's length in bytes.</summary>
    public const int Size = SHA256.HashSizeInBytes;

    private readonly byte[] _bytes;

    internal CacheKey(byte[] bytes) => _bytes = bytes;

    /// <summary>The key's bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Creates a key from bytes previously read from <see cref="Bytes"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not <see cref="Size"/> bytes long.</exception>
    public static CacheKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A cache key is {Size} bytes long; got {bytes.Length}.", nameof(bytes));
        }

        return new CacheKey(bytes.ToArray());
    }

    /// <inheritdoc/>
    public bool Equals(CacheKey other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CacheKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _bytes is null ? 0 : BitConverter.ToInt32(_bytes, 0);

    /// <summary>Equality.</summary>
    public static bool operator ==(CacheKey left, CacheKey right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(CacheKey left, CacheKey right) => !left.Equals(right);

    /// <summary>The key as lowercase hexadecimal.</summary>
    public override string ToString() => Convert.ToHexStringLower(Bytes);
}
