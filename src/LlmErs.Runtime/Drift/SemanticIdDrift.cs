namespace LlmErs;

/// <summary>
/// Semantic IDs (<c>12-3-0</c>): the distinct codes each level uses, graded by relative change, and the collision rate
/// (the share of items whose whole ID another item also has), graded like the status rates.
/// </summary>
internal static class SemanticIdDrift
{
    public static IReadOnlyList<DriftMetric> Compare(object?[] old, object?[] @new, DriftOptions options)
    {
        var before = Ids(old);
        var after = Ids(@new);
        var metrics = new List<DriftMetric>();
        var levels = Math.Max(before.Select(id => id.Length).DefaultIfEmpty().Max(), after.Select(id => id.Length).DefaultIfEmpty().Max());
        for (var level = 0; level < levels; level++)
        {
            double used = CodesUsed(before, level), nowUsed = CodesUsed(after, level);
            var change = used == 0 ? (nowUsed == 0 ? 0 : 1) : Math.Abs(nowUsed - used) / used;
            metrics.Add(new DriftMetric($"level {level + 1} codes used", nowUsed - used, used, nowUsed,
                DriftMetrics.Grade(change, options.CodeUsageWarn, options.CodeUsageAlert),
                $"relative change; warn ≥ {DriftMetrics.Format(options.CodeUsageWarn)}, alert ≥ {DriftMetrics.Format(options.CodeUsageAlert)}"));
        }

        metrics.Add(DriftMetrics.Change("collision rate", CollisionRate(before), CollisionRate(after), options.RateWarn, options.RateAlert, unit: ""));
        return metrics;
    }

    private static List<string[]> Ids(object?[] values) => [.. values.OfType<string>().Where(s => s.Length > 0).Select(s => s.Split('-'))];

    private static int CodesUsed(List<string[]> ids, int level) => ids.Where(id => id.Length > level).Select(id => id[level]).Distinct(StringComparer.Ordinal).Count();

    private static double CollisionRate(List<string[]> ids) =>
        ids.Count == 0 ? 0 : (double)ids.GroupBy(id => string.Join('-', id), StringComparer.Ordinal).Where(g => g.Count() > 1).Sum(g => g.Count()) / ids.Count;
}
