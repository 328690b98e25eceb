namespace LlmErs;

/// <summary>
/// The change of a field's null, unknown, failed and quarantined rates. Statuses come from the feature file's
/// <c>Field_status</c> column, or from the manifest's counts when the file has none.
/// </summary>
internal static class StatusRates
{
    public static IEnumerable<DriftMetric> Compare(string field, DriftRun old, DriftRun @new, DriftOptions options)
    {
        yield return Rate("null rate", NullRate(field, old), NullRate(field, @new), options);
        if (Counts(field, old) is { } before && Counts(field, @new) is { } after)
        {
            yield return Rate("unknown rate", Share(before.Unknown, before), Share(after.Unknown, after), options);
            yield return Rate("failed rate", Share(before.Failed, before), Share(after.Failed, after), options);
            yield return Rate("quarantined rate", Share(before.Quarantined, before), Share(after.Quarantined, after), options);
        }
    }

    private static DriftMetric Rate(string name, double old, double @new, DriftOptions options) =>
        DriftMetrics.Change(name, old, @new, options.RateWarn, options.RateAlert, unit: "");

    // An empty tag list is a valid answer (no tag applies); an empty vector or semantic ID is a withheld value.
    private static double NullRate(string field, DriftRun run)
    {
        var column = run.Table.Find(field)!;
        bool IsNull(object? value) => value is null or "" || (column.Type == FeatureColumnType.Vector && value is Array { Length: 0 });
        return column.Values.Length == 0 ? 0 : (double)column.Values.Count(IsNull) / column.Values.Length;
    }

    private static double Share(int count, StatusCounts counts)
    {
        var total = counts.Ok + counts.Unknown + counts.Failed + counts.Quarantined;
        return total == 0 ? 0 : (double)count / total;
    }

    private static StatusCounts? Counts(string field, DriftRun run)
    {
        if (run.Table.Find(field + FeatureRowSink.StatusSuffix) is { } column)
        {
            var statuses = column.Values.OfType<string>().ToList();
            return new StatusCounts(
                statuses.Count(s => s == "ok"),
                statuses.Count(s => s == "unknown"),
                statuses.Count(s => s.StartsWith("failed", StringComparison.Ordinal)),
                statuses.Count(s => s.StartsWith("quarantined", StringComparison.Ordinal)));
        }

        return run.Manifest?.Fields.FirstOrDefault(f => f.Name == field)?.Statuses;
    }
}
