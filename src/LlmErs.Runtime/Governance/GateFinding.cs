using System.Text.Json;

namespace LlmErs;

/// <summary>A value a governance gate quarantined, with what it saw; the governance report and the review file list these.</summary>
/// <param name="Item">The item's key.</param>
/// <param name="Field">The derived field.</param>
/// <param name="Gate">The gate's name.</param>
/// <param name="Evidence">Why, in words a reviewer can check (the blocked word, the near-duplicate items, the score).</param>
/// <param name="Value">The withheld value, as the answer's JSON <c>value</c>; it stays in the cache.</param>
public sealed record GateFinding(string Item, string Field, string Gate, string Evidence, JsonElement Value)
{
    /// <summary>The review decision applied to the value in this run; <see langword="null"/> when none was.</summary>
    public ReviewDecision? Decision { get; internal set; }
}
