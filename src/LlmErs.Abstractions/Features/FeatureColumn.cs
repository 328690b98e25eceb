namespace LlmErs;

/// <summary>One column of an item type's feature rows: the key or one derived field.</summary>
/// <param name="Name">The column name: the property name.</param>
/// <param name="Type">The storage type.</param>
/// <param name="Nullable">Whether the column may hold nulls (an "unknown" answer, or a field not yet derived).</param>
/// <param name="Dimensions">The vector dimension of a <see cref="FeatureColumnType.Vector"/> column, else 0.</param>
public sealed record FeatureColumn(string Name, FeatureColumnType Type, bool Nullable, int Dimensions = 0);
