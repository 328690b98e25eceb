using System.Text.Json;

namespace LlmErs;

/// <summary>One well-formed line of a review file: the value it decides on and the decision, if the reviewer made one.</summary>
internal sealed record ReviewEntry(int Line, string Item, string Field, JsonElement Value, ReviewDecision? Decision, JsonElement? Replacement);
