namespace LlmErs;

/// <summary>
/// A feature file read back without the item's C# type: its columns in file order, the key first. Values are
/// <see cref="string"/>, <see cref="bool"/>, <see cref="double"/> (every number), <see cref="T:string[]"/> (tags) or
/// <see cref="T:float[]"/> (vectors), or null.
/// </summary>
/// <param name="Path">The file it was read from, for messages.</param>
/// <param name="Rows">The number of rows.</param>
/// <param name="Columns">The columns, in file order.</param>
internal sealed record FeatureTable(string Path, int Rows, IReadOnlyList<FeatureTableColumn> Columns)
{
    /// <summary>The column named <paramref name="name"/>; <see langword="null"/> when the file has none.</summary>
    public FeatureTableColumn? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
