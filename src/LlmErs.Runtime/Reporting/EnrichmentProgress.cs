
namespace LlmErs;

/// <summary>A snapshot of a running enrichment, reported through <see cref="IProgress{T}"/>.</summary>
public sealed class EnrichmentProgress
{
    /// <summary>Items finished, successfully or not.</summary>
    public required int Done { get; init; }

    /// <summary>Items in the run, when the source's count is known.</summary>
    public int? Total { get; init; }

    /// <summary>Items that succeeded.</summary>
    public required int Succeeded { get; init; }

    /// <summary>Items that failed.</summary>
    public required int Failed { get; init; }

    /// <summary>Requests sent to the model so far, re-asks included.</summary>
    public required long LlmCalls { get; init; }

    /// <summary>Field answers taken from the cache so far.</summary>
    public required long CacheHits { get; init; }

    /// <summary>Tokens consumed so far.</summary>
    public required TokenUsage Tokens { get; init; }

    /// <summary>Cost so far, over the models with a price.</summary>
    public required decimal Cost { get; init; }

    /// <summary>Time since the run started.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>In batch mode, while the batches are pending: where they stand. Otherwise <see langword="null"/>.</summary>
    public BatchProgress? Batch { get; init; }

    /// <summary>Items finished per second since the run started.</summary>
    public double ItemsPerSecond => Elapsed > TimeSpan.Zero ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the current rate, when the total is known and the rate is not zero.</summary>
    public TimeSpan? EstimatedRemaining =>
        Total is { } total && ItemsPerSecond > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - Done) / ItemsPerSecond) : null;

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Done}/{(Total is { } total ? total.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")} items, {ItemsPerSecond:0.0}/s, ETA {(EstimatedRemaining is { } eta ? eta.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "?")}, {Tokens.TotalTokens} tokens, cost {Cost:0.####}");
}
