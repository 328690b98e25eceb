namespace LlmErs;

/// <summary>
/// Quarantines values that contain a field's blocked words (<see cref="LlmFieldAttribute.BlockedWords"/>, and the
/// entries of the registered lists <see cref="LlmFieldAttribute.BlockedWordLists"/> names) as <c>quarantined: words</c>. The engine has already re-asked such an answer once with the reason; what reaches this gate
/// is an answer the model would not fix, or a cached answer checked against rules declared since.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class WordGate<TItem> : IPipelineGate<TItem>
    where TItem : IEnrichable<TItem>
{
    private readonly (LlmField<TItem> Field, WordMatcher Matcher)[] _fields;

    /// <summary>Creates the gate.</summary>
    /// <param name="options">The word lists the fields name (<see cref="LlmFieldAttribute.BlockedWordLists"/>); optional when they name none.</param>
    /// <exception cref="InvalidOperationException">A field names a word list <paramref name="options"/> does not register.</exception>
    public WordGate(GovernanceOptions? options = null)
    {
        options ??= new GovernanceOptions();
        _fields =
        [
            .. TItem.EnrichmentModel.LlmFields
                .Select(field => (Field: field, Matcher: FieldWordRules.MatcherOf(field, options)))
                .Where(rules => rules.Matcher is not null)
                .Select(rules => (rules.Field, rules.Matcher!)),
        ];
    }

    /// <inheritdoc/>
    public string Name => "words";

    /// <inheritdoc/>
    public Task RunAsync(IReadOnlyList<PipelineItem<TItem>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var (field, matcher) in _fields)
        {
            foreach (var row in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (row.GetStatus(field.Name).Kind == FeatureStatusKind.Ok
                    && matcher.FindBlocked(AnswerText.Of(field, row.Item)) is { } blocked)
                {
                    row.Quarantine(field.Name, Name, $"contains the blocked word '{blocked}'");
                }
            }
        }

        return Task.CompletedTask;
    }
}
