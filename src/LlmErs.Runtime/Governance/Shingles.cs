using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace LlmErs;

/// <summary>
/// The word shingles of a text, as 64-bit hashes: every run of <see cref="Size"/> consecutive words of
/// <see cref="WordMatcher.Words"/>, so case, width and punctuation do not make two texts differ. A text shorter than a
/// shingle is one shingle of all its words.
/// </summary>
internal static class Shingles
{
    public const int Size = 3;

    public static HashSet<ulong> Of(string text)
    {
        var words = WordMatcher.Words(text);
        var shingles = new HashSet<ulong>();
        for (var i = 0; i + Size <= words.Length || (i == 0 && words.Length > 0); i++)
        {
            shingles.Add(Hash(words.AsSpan(i, Math.Min(Size, words.Length - i))));
        }

        return shingles;
    }

    private static ulong Hash(ReadOnlySpan<string> words)
    {
        var hash = new XxHash3();
        foreach (var word in words)
        {
            hash.Append(MemoryMarshal.AsBytes(word.AsSpan()));
            hash.Append([0]);
        }

        return hash.GetCurrentHashAsUInt64();
    }
}
