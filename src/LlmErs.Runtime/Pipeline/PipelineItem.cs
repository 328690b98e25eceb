namespace LlmErs;

/// <summary>An item in an <see cref="OfflinePipeline{TItem}"/> run, with the status of each of its derived fields.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class PipelineItem<TItem>
    where TItem : IEnrichable<TItem>
{
    private static readonly Dictionary<string, int> s_fieldIndex =
        TItem.EnrichmentModel.Fields.Select((field, index) => (field.Name, index)).ToDictionary(p => p.Name, p => p.index, StringComparer.Ordinal);

    private readonly FeatureStatus[] _statuses;
    private List<GateFinding>? _findings;

    internal PipelineItem(TItem item, string key, FeatureStatus[] statuses)
    {
        Item = item;
        Key = key;
        _statuses = statuses;
    }

    /// <summary>The item, with its derived fields set as far as the run has come.</summary>
    public TItem Item { get; }

    /// <summary>The item's key.</summary>
    public string Key { get; }

    /// <summary>The status of every derived field, in <see cref="EnrichmentModel{T}.Fields"/> order.</summary>
    public IReadOnlyList<FeatureStatus> Statuses => _statuses;

    /// <summary>The status of the derived field named <paramref name="field"/>.</summary>
    /// <exception cref="KeyNotFoundException">The item type has no derived field of that name.</exception>
    public FeatureStatus GetStatus(string field) => _statuses[IndexOf(field)];

    /// <summary>Sets the status of the derived field named <paramref name="field"/>; gates quarantine values with it.</summary>
    /// <exception cref="KeyNotFoundException">The item type has no derived field of that name.</exception>
    public void SetStatus(string field, FeatureStatus status) => _statuses[IndexOf(field)] = status;

    /// <summary>What the governance gates quarantined in this item, in the order they did.</summary>
    public IReadOnlyList<GateFinding> Findings => _findings ?? (IReadOnlyList<GateFinding>)[];

    /// <summary>
    /// Quarantines the LLM field named <paramref name="field"/>: its status becomes <c>quarantined: &lt;gate&gt;</c>, its value
    /// is withheld from every output (once the gates and the review file are done, the pipeline empties it on the item too,
    /// so features built from the items never see it; the raw answer stays in the cache and the review file), and the
    /// finding goes to the governance report and the review file. A field quarantined already keeps its first gate.
    /// </summary>
    /// <param name="field">The LLM field.</param>
    /// <param name="gate">The gate's name.</param>
    /// <param name="evidence">Why, in words a reviewer can check.</param>
    /// <exception cref="KeyNotFoundException">The item type has no derived field of that name.</exception>
    /// <exception cref="ArgumentException">The field is not an LLM field.</exception>
    public void Quarantine(string field, string gate, string evidence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(evidence);
        var index = IndexOf(field);
        if (TItem.EnrichmentModel.Fields[index] is not LlmField<TItem> llmField)
        {
            throw new ArgumentException($"{TItem.EnrichmentModel.TypeName}.{field} is not an LLM field; gates quarantine only LLM answers.", nameof(field));
        }

        if (_statuses[index].Kind == FeatureStatusKind.Quarantined)
        {
            return;
        }

        _statuses[index] = FeatureStatus.Quarantined(gate);
        (_findings ??= []).Add(new GateFinding(Key, field, gate, evidence, AnswerText.ValueOf(llmField, Item)));
    }

    /// <summary>
    /// Empties every derived field whose status carries no value (failed or quarantined), so the item holds exactly what
    /// its feature row shows and nothing downstream (features, models, exports) reads a withheld value.
    /// </summary>
    internal void WithholdValues()
    {
        var fields = TItem.EnrichmentModel.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (_statuses[i].Kind is not (FeatureStatusKind.Failed or FeatureStatusKind.Quarantined))
            {
                continue;
            }

            switch (fields[i])
            {
                case LlmField<TItem> llm:
                    llm.ClearValue(Item);
                    break;
                case EmbeddingField<TItem> embedding:
                    embedding.SetVector(Item, default);
                    break;
                case SemanticIdField<TItem> semanticId:
                    semanticId.SetId(Item, default);
                    break;
            }
        }
    }

    /// <summary>Sets the status of the field at <paramref name="field"/> unless a stage or gate has already set it.</summary>
    internal void SetIfPending(int field, FeatureStatus status)
    {
        if (_statuses[field].Kind == FeatureStatusKind.Pending)
        {
            _statuses[field] = status;
        }
    }

    internal static int IndexOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return s_fieldIndex.TryGetValue(field, out var index)
            ? index
            : throw new KeyNotFoundException(
                $"{TItem.EnrichmentModel.TypeName} has no derived field '{field}'. Derived fields: {string.Join(", ", s_fieldIndex.Keys)}.");
    }
}
