namespace LlmErs;

/// <summary>
/// How each stage's results become statuses: an LLM field is ok, unknown or failed by its outcome; a field not derived
/// because a field it reads has no value is failed and names that field.
/// </summary>
internal static class DerivedStatuses<TItem>
    where TItem : IEnrichable<TItem>
{
    private static readonly EnrichmentModel<TItem> s_model = TItem.EnrichmentModel;

    /// <summary>The statuses after enrichment; <see langword="null"/> for an item rejected before any field (it gets no row).</summary>
    public static FeatureStatus[]? AfterEnrichment(ItemOutcome<TItem> outcome)
    {
        if (outcome.Fields.Count == 0)
        {
            return null;
        }

        var statuses = new FeatureStatus[s_model.Fields.Count];
        foreach (var field in outcome.Fields)
        {
            var index = PipelineItem<TItem>.IndexOf(field.Field);
            var llmField = (LlmField<TItem>)s_model.Fields[index];
            statuses[index] = field.Status switch
            {
                FieldStatus.Cached or FieldStatus.Generated =>
                    llmField.IsUnknown(outcome.Item) ? FeatureStatus.Unknown : FeatureStatus.Ok,
                FieldStatus.Failed when field.Failure is { } failure => FeatureStatus.Failed($"{failure.Reason}: {failure.Message}"),
                _ => Unavailable(statuses, llmField) ?? FeatureStatus.Failed("Skipped"),
            };
        }

        return statuses;
    }

    /// <summary>Why an item's <paramref name="fields"/> cannot be computed: the first input of one of them without a value; <see langword="null"/> when they can.</summary>
    public static FeatureStatus? Blocked(PipelineItem<TItem> item, IEnumerable<DerivedField<TItem>> fields)
    {
        foreach (var field in fields)
        {
            if (Unavailable(item.Statuses, field) is { } blocked)
            {
                return blocked;
            }
        }

        return null;
    }

    /// <summary>A failed status naming the first input of <paramref name="field"/> that has no value; <see langword="null"/> when all have one.</summary>
    public static FeatureStatus? Unavailable(IReadOnlyList<FeatureStatus> statuses, DerivedField<TItem> field)
    {
        foreach (var input in field.DependsOn)
        {
            var status = statuses[PipelineItem<TItem>.IndexOf(input)];
            if (!status.HasValue)
            {
                return FeatureStatus.Failed($"Skipped: {input} {status.Kind.ToString().ToLowerInvariant()}");
            }
        }

        return null;
    }

    /// <summary>Items per status, by field, in <see cref="EnrichmentModel{T}.Fields"/> order.</summary>
    public static Dictionary<string, StatusCounts> Count(IReadOnlyList<PipelineItem<TItem>> items)
    {
        var counts = new Dictionary<string, StatusCounts>(StringComparer.Ordinal);
        for (var f = 0; f < s_model.Fields.Count; f++)
        {
            int ok = 0, unknown = 0, failed = 0, quarantined = 0;
            foreach (var item in items)
            {
                switch (item.Statuses[f].Kind)
                {
                    case FeatureStatusKind.Ok: ok++; break;
                    case FeatureStatusKind.Unknown: unknown++; break;
                    case FeatureStatusKind.Quarantined: quarantined++; break;
                    default: failed++; break;
                }
            }

            counts.Add(s_model.Fields[f].Name, new StatusCounts(ok, unknown, failed, quarantined));
        }

        return counts;
    }
}
