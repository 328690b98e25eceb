namespace LlmErs;

/// <summary>A member whose duplicate rows hold different non-null values.</summary>
/// <param name="Member">The JSON property name.</param>
/// <param name="Values">Each row's non-null value, in file order.</param>
public sealed record CatalogConflict(string Member, IReadOnlyList<CatalogValue> Values);
