namespace LlmErs;

/// <summary>One derived field in a <see cref="RunManifest"/>.</summary>
/// <param name="Name">The property name.</param>
/// <param name="Kind">The field kind.</param>
/// <param name="Fingerprint">The field's fingerprint (see <see cref="DerivedField{T}.Fingerprint"/>).</param>
/// <param name="ModelId">The model that derives it; <see langword="null"/> for semantic IDs.</param>
/// <param name="Statuses">Items per status.</param>
public sealed record ManifestField(string Name, FieldKind Kind, string Fingerprint, string? ModelId, StatusCounts Statuses);
