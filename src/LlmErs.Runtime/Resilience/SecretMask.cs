using System.Text.RegularExpressions;

namespace LlmErs;

/// <summary>
/// Masks key-like strings in text that comes from a provider (error messages and bodies, which may echo the request's
/// headers) before it reaches a log, the console or a report: bearer and basic credentials, <c>sk-…</c> keys, and the
/// values of authorization and key headers or fields. Every failure message the engine writes passes through it.
/// </summary>
public static partial class SecretMask
{
    /// <summary>What a masked secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Returns <paramref name="text"/> with every key-like string replaced by <see cref="Mask"/>.</summary>
    public static string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        text = Credential().Replace(text, $"$1 {Mask}");
        text = SecretKey().Replace(text, $"sk-{Mask}");
        return SecretField().Replace(text, $"${{name}}{Mask}");
    }

    [GeneratedRegex(@"\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credential();

    [GeneratedRegex(@"\bsk-[A-Za-z0-9_-]{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex SecretKey();

    // A header or JSON/query field that carries a secret, and its value; a bearer or basic value is masked above.
    [GeneratedRegex(
        @"(?<name>[""']?\b(?:proxy-)?(?:authorization|x-api-key|api[-_]?key|ocp-apim-subscription-key|access[-_]?token|client[-_]?secret|password|secret)[""']?\s*[:=]\s*[""']?)(?!(?:Bearer|Basic)\s|\*\*\*)[^\s""',;&}]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretField();
}
