using System.Text.RegularExpressions;

namespace LlmErs;

/// <summary>
/// Decides how a field is compared: from the manifest's field kind where there is one, refined by the column's type
/// (an LlmValue can be a label, a flag or a number); without a manifest, from the data alone.
/// </summary>
internal static partial class DriftKinds
{
    // Without a manifest, strings averaging more words than this read as free text rather than labels.
    private const double TextWords = 3;

    public static DriftFieldKind Resolve(FieldKind? kind, FeatureTableColumn column) => kind switch
    {
        FieldKind.Text => DriftFieldKind.Text,
        FieldKind.Tags => DriftFieldKind.Tags,
        FieldKind.Embedding => DriftFieldKind.Embedding,
        FieldKind.SemanticId => DriftFieldKind.SemanticId,
        _ => column.Type switch
        {
            FeatureColumnType.Vector => DriftFieldKind.Embedding,
            FeatureColumnType.StringList => DriftFieldKind.Tags,
            FeatureColumnType.Double or FeatureColumnType.Int64 => DriftFieldKind.Numeric,
            FeatureColumnType.String when kind is null => FromStrings([.. column.Values.OfType<string>().Where(s => s.Length > 0)]),
            _ => DriftFieldKind.Categorical,
        },
    };

    private static DriftFieldKind FromStrings(string[] values) =>
        values.Length > 0 && values.All(v => SemanticIdPattern().IsMatch(v)) ? DriftFieldKind.SemanticId
        : values.Length > 0 && values.Average(v => AnswerReader.CountWords(v)) > TextWords ? DriftFieldKind.Text
        : DriftFieldKind.Categorical;

    [GeneratedRegex(@"^\d+(-\d+)+$")]
    private static partial Regex SemanticIdPattern();
}
