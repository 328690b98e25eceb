namespace LlmErs.Tests;

/// <summary>Seeded English-like text of a given length, standing in for a long catalog description.</summary>
/// <remarks>Also compiled into the benchmark project, so tests and benchmarks embed the same kind of text.</remarks>
internal static class SyntheticText
{
    private static readonly string[] Words =
    [
        "the", "detective", "returns", "to", "a", "rainy", "harbour", "city", "where", "an", "old", "friend", "hides",
        "secrets", "about", "the", "murder", "of", "her", "brother", "while", "storms", "close", "roads", "and", "ferries",
        "unexpectedly", "reconsidered", "circumstances", "neighbourhood", "investigation", "1987", "Ölfjord", "café",
    ];

    public static string Description(int length, int seed)
    {
        var random = new Random(seed);
        var builder = new System.Text.StringBuilder(length + 20);
        while (builder.Length < length)
        {
            builder.Append(Words[random.Next(Words.Length)]).Append(random.Next(9) == 0 ? ". " : random.Next(12) == 0 ? ", " : " ");
        }

        return builder.ToString(0, length);
    }
}
