namespace LlmErs;

/// <summary>One column of a <see cref="FeatureTable"/>, its type inferred from the values it holds.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">
/// <see cref="FeatureColumnType.String"/>, <see cref="FeatureColumnType.StringList"/>, <see cref="FeatureColumnType.Boolean"/>,
/// <see cref="FeatureColumnType.Double"/> or <see cref="FeatureColumnType.Vector"/>; a column of nulls and empty lists
/// only reads as <see cref="FeatureColumnType.String"/>.
/// </param>
/// <param name="Values">One value per row.</param>
internal sealed record FeatureTableColumn(string Name, FeatureColumnType Type, object?[] Values)
{
    /// <summary>Infers the type of a column from its first non-null, non-empty value.</summary>
    public static FeatureColumnType InferType(IEnumerable<object?> values) =>
        values.FirstOrDefault(v => v is not null && v is not Array { Length: 0 }) switch
        {
            bool => FeatureColumnType.Boolean,
            double => FeatureColumnType.Double,
            string[] => FeatureColumnType.StringList,
            float[] => FeatureColumnType.Vector,
            _ => FeatureColumnType.String,
        };
}
