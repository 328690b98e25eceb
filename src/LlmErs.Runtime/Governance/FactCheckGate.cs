using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LlmErs.Vectors;

namespace LlmErs;

/// <summary>
/// Sampled factual-consistency checks: a seeded sample of each free-text field's values is judged by a second chat
/// client against the item's source text (its prompt), through an <see cref="EnrichmentEngine"/> of its own — cached,
/// retried, rate-limited, validated. Unsupported and contradicted values are quarantined as <c>fact-check</c> with the
/// offending claim; <see cref="Results"/> (also in the governance report) gives each field's violation rate with a
/// Wilson 95% interval, and an upper bound above <see cref="FactCheckOptions.MaxViolationRate"/> fails the run.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class FactCheckGate<TItem> : IPipelineGate<TItem>, IDisposable
    where TItem : IEnrichable<TItem>
{
    private readonly EnrichmentEngine _engine;
    private readonly FactCheckOptions _options;
    private readonly List<FactCheckResult> _results = [];

    /// <summary>Creates the gate.</summary>
    /// <param name="judge">The judge model's chat client.</param>
    /// <param name="cache">Caches the verdicts (the pipeline's cache, usually).</param>
    /// <param name="options">Sample, threshold and the judge's engine options; defaults when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Logging; optional.</param>
    public FactCheckGate(IChatClient judge, IEnrichmentCache cache, FactCheckOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? new FactCheckOptions();
        _options.Validate();
        _engine = new EnrichmentEngine(judge, cache, Options.Create(_options.Judge), loggerFactory: loggerFactory);
    }

    /// <inheritdoc/>
    public string Name => "fact-check";

    /// <summary>Each checked field's result, after <see cref="RunAsync"/>.</summary>
    public IReadOnlyList<FactCheckResult> Results => _results;

    /// <inheritdoc/>
    public async Task RunAsync(IReadOnlyList<PipelineItem<TItem>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        _results.Clear();
        foreach (var field in TItem.EnrichmentModel.LlmFields.Where(f => f.Constraints.Kind == AnswerKind.Text))
        {
            var rows = items.Where(r => r.GetStatus(field.Name).Kind == FeatureStatusKind.Ok).ToList();
            var sample = rows.OrderBy(r => Rank(r.Key)).ThenBy(r => r.Key, StringComparer.Ordinal).Take(_options.SampleSizeOf(field.Name, rows.Count)).ToList();
            var claims = sample.Select(r => new FactClaim { Key = r.Key, Source = field.RenderPrompt(r.Item), Text = AnswerText.Of(field, r.Item) }).ToList();
            int judged = 0, violations = 0;
            var index = 0;
            await foreach (var outcome in _engine.EnrichAsync(claims, cancellationToken).ConfigureAwait(false))
            {
                var row = sample[index++];
                if (outcome.Item.Verdict is not { } verdict || outcome.Failure is not null)
                {
                    continue;
                }

                judged++;
                if (verdict.Kind != FactVerdictKind.Supported)
                {
                    violations++;
                    row.Quarantine(field.Name, Name, $"{verdict.Kind.ToString().ToLowerInvariant()}: \"{verdict.Claim}\"");
                }
            }

            var (_, _, _, low, high) = ProportionEstimate.Wilson(violations, judged);
            _results.Add(new FactCheckResult(field.Name, sample.Count, judged, violations, judged == 0 ? 0 : (double)violations / judged, low, high, _options.MaxViolationRate));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _engine.Dispose();

    private ulong Rank(string key) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(key), unchecked((long)_options.Seed));
}
