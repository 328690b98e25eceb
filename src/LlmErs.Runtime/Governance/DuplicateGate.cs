using System.Globalization;

namespace LlmErs;

/// <summary>
/// Quarantines boilerplate: free-text answers (<see cref="AnswerKind.Text"/>) that are near-duplicates across more than
/// <see cref="DuplicateGateOptions.MaxClusterSize"/> items, as <c>quarantined: duplicates</c>. Near-duplicates are found
/// with MinHash over word 3-shingles and LSH banding (32 bands of 4 rows: pairs at Jaccard 0.8 become candidates with
/// probability above 0.99999), then confirmed on the signature estimate; clusters are the connected pairs.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class DuplicateGate<TItem> : IPipelineGate<TItem>
    where TItem : IEnrichable<TItem>
{
    private const int Bands = 32;
    private const int Rows = MinHash.Length / Bands;

    private readonly DuplicateGateOptions _options;

    /// <summary>Creates the gate.</summary>
    /// <param name="options">Threshold and cluster size; defaults when <see langword="null"/>.</param>
    public DuplicateGate(DuplicateGateOptions? options = null)
    {
        _options = options ?? new DuplicateGateOptions();
        _options.Validate();
    }

    /// <inheritdoc/>
    public string Name => "duplicates";

    /// <inheritdoc/>
    public Task RunAsync(IReadOnlyList<PipelineItem<TItem>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var field in TItem.EnrichmentModel.LlmFields.Where(f => f.Constraints.Kind == AnswerKind.Text))
        {
            var rows = items.Where(r => r.GetStatus(field.Name).Kind == FeatureStatusKind.Ok).ToList();
            var signatures = rows.Select(r => MinHash.Signature(Shingles.Of(AnswerText.Of(field, r.Item)))).ToList();
            var clusters = new DisjointSets(rows.Count);
            var best = new double[rows.Count];
            foreach (var (a, b) in Candidates(signatures, cancellationToken))
            {
                var similarity = MinHash.Similarity(signatures[a], signatures[b]);
                if (similarity >= _options.Threshold)
                {
                    clusters.Union(a, b);
                    best[a] = Math.Max(best[a], similarity);
                    best[b] = Math.Max(best[b], similarity);
                }
            }

            foreach (var cluster in clusters.Groups().Where(g => g.Count > _options.MaxClusterSize))
            {
                var first = rows[cluster[0]].Key;
                foreach (var member in cluster)
                {
                    rows[member].Quarantine(field.Name, Name, string.Create(CultureInfo.InvariantCulture,
                        $"one of {cluster.Count} near-duplicate answers (first '{first}'; estimated Jaccard up to {best[member]:F2} ≥ {_options.Threshold:F2})"));
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Pairs that share at least one band of their signatures, each once.</summary>
    private static HashSet<(int, int)> Candidates(List<ulong[]> signatures, CancellationToken cancellationToken)
    {
        var pairs = new HashSet<(int, int)>();
        for (var band = 0; band < Bands; band++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var buckets = new Dictionary<UInt128, List<int>>();
            for (var i = 0; i < signatures.Count; i++)
            {
                var key = BandKey(signatures[i], band);
                if (!buckets.TryGetValue(key, out var bucket))
                {
                    buckets.Add(key, bucket = []);
                }

                foreach (var other in bucket)
                {
                    pairs.Add((other, i));
                }

                bucket.Add(i);
            }
        }

        return pairs;
    }

    private static UInt128 BandKey(ulong[] signature, int band)
    {
        var key = UInt128.Zero;
        for (var r = 0; r < Rows; r++)
        {
            key = (key * 0x100000001B3UL) ^ signature[(band * Rows) + r];
        }

        return key;
    }
}
