namespace LlmErs;

/// <summary>
/// Tag lists: PSI over the tag shares — each tag's share of all tags given, plus a <c>(no tags)</c> bucket for items with
/// an empty list — so a tag that becomes more common, rarer, new or gone moves the PSI. This is the multi-hot
/// marginal normalized to a distribution; how many tags an item gets is the mean shown beside it.
/// </summary>
internal static class TagDrift
{
    private const string NoTags = "(no tags)";

    public static (IReadOnlyList<DriftMetric>, DriftHistogram?) Compare(object?[] old, object?[] @new, DriftOptions options)
    {
        var (before, after, labels, psi) = CategoricalDrift.Psi(CategoricalDrift.Shares(Tags(old)), CategoricalDrift.Shares(Tags(@new)));
        double oldMean = MeanCount(old), newMean = MeanCount(@new);
        return (
            [DriftMetrics.AtLeast(DriftMetrics.Psi, psi, options.PsiWarn, options.PsiAlert), DriftMetrics.Shown("tags per item", newMean - oldMean, oldMean, newMean)],
            CategoricalDrift.Histogram("tag share", labels, before, after));
    }

    private static IEnumerable<object?> Tags(object?[] values) =>
        values.OfType<string[]>().SelectMany(tags => tags.Length == 0 ? [NoTags] : tags);

    private static double MeanCount(object?[] values)
    {
        var lists = values.OfType<string[]>().ToList();
        return lists.Count == 0 ? 0 : lists.Average(l => l.Length);
    }
}
