using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>Item features with a name for each column: one row per item, in the order the items were given. Owns the matrix.</summary>
public sealed class FeatureMatrix : IDisposable
{
    internal FeatureMatrix(VectorMatrix values, IReadOnlyList<string> columnNames, int missingRows = 0)
    {
        Values = values;
        ColumnNames = columnNames;
        MissingRows = missingRows;
    }

    /// <summary>The features, one row per item; hand it to a <see cref="FeatureBlock"/>. Disposing this object disposes it.</summary>
    public VectorMatrix Values { get; }

    /// <summary>The name of each column of <see cref="Values"/>, in order: e.g. <c>Moods=dark</c>, <c>Pacing=unknown</c>, <c>Minutes</c>, <c>Content[0]</c>.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>
    /// Items that had no value to encode and got a row of zeros with a missing indicator (an item without a vector in
    /// <see cref="FieldFeatures.Vectors"/>); 0 when every item had one.
    /// </summary>
    public int MissingRows { get; }

    /// <summary>Releases <see cref="Values"/>.</summary>
    public void Dispose() => Values.Dispose();
}
