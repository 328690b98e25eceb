using System;
using System.Collections.Generic;
using Scriban.Runtime;

namespace LlmErs.Generators.Templates;

/// <summary>Picks the closest known name for an unknown one, for "did you mean" hints.</summary>
internal static class NameSuggestion
{
    /// <summary>Returns <c>; did you mean 'x'?</c>, or an empty string when nothing is close enough.</summary>
    public static string Suffix(string unknown, IEnumerable<string> candidates)
    {
        // A C# name written as-is (ReleaseYear) maps straight to its Scriban name.
        var renamed = StandardMemberRenamer.Rename(unknown);
        var limit = Math.Min(3, Math.Max(1, unknown.Length / 4));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = candidate == renamed ? 0 : Distance(unknown.ToLowerInvariant(), candidate);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is null ? string.Empty : $"; did you mean '{best}'?";
    }

    /// <summary>Optimal string alignment distance: edits, with a swap of two neighbours counting as one (titel → title).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
