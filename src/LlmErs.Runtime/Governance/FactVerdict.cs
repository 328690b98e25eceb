namespace LlmErs;

/// <summary>A judge's verdict on a generated text against its item's source text.</summary>
/// <param name="Kind">Whether the text is supported, unsupported or contradicted.</param>
/// <param name="Claim">The offending claim, for an unsupported or contradicted text.</param>
public sealed record FactVerdict(FactVerdictKind Kind, string? Claim);
