using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LlmErs;

/// <summary>
/// A semantic ID: one code per quantization level, coarse to fine, optionally followed by a de-duplication code.
/// Formats as <c>12-24-52-0</c>. The default value is empty (not yet assigned).
/// </summary>
public readonly struct SemanticId : IEquatable<SemanticId>, ISpanFormattable, ISpanParsable<SemanticId>
{
    private readonly int[]? _codes;

    /// <summary>Creates an ID from its codes (each ≥ 0).</summary>
    public SemanticId(ReadOnlySpan<int> codes)
    {
        foreach (var code in codes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(code, nameof(codes));
        }

        _codes = codes.IsEmpty ? null : codes.ToArray();
    }

    /// <summary>The codes, coarse to fine.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>Number of codes.</summary>
    public int Length => _codes?.Length ?? 0;

    /// <summary>Whether no codes are assigned.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>The code at <paramref name="level"/>.</summary>
    public int this[int level] => Codes[level];

    /// <inheritdoc/>
    public bool Equals(SemanticId other) => Codes.SequenceEqual(other.Codes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SemanticId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var code in Codes)
        {
            hash.Add(code);
        }

        return hash.ToHashCode();
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(SemanticId left, SemanticId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SemanticId left, SemanticId right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => string.Join('-', _codes ?? []);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        for (var i = 0; i < Length; i++)
        {
            if (i > 0)
            {
                if (charsWritten >= destination.Length) return false;
                destination[charsWritten++] = '-';
            }

            if (!_codes![i].TryFormat(destination[charsWritten..], out var written, default, CultureInfo.InvariantCulture)) return false;
            charsWritten += written;
        }

        return true;
    }

    /// <summary>Parses <c>12-24-52-0</c>; the empty string is the empty ID.</summary>
    public static SemanticId Parse(string s) => Parse(s.AsSpan(), null);

    /// <inheritdoc/>
    public static SemanticId Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <inheritdoc/>
    public static SemanticId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var id)
            ? id
            : throw new FormatException($"'{s}' is not a semantic ID; expected non-negative integers joined by '-', e.g. 12-24-52-0.");

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SemanticId result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out SemanticId result)
    {
        result = default;
        if (s.IsEmpty)
        {
            return true;
        }

        var codes = new List<int>();
        foreach (var range in s.Split('-'))
        {
            if (!int.TryParse(s[range], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                return false;
            }

            codes.Add(code);
        }

        result = new SemanticId(codes.ToArray());
        return true;
    }
}
