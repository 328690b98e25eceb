using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace LlmErs;

/// <summary>
/// Runs the generated enrichers of <see cref="IEnrichable{TSelf}"/> types over whole catalogs with an
/// <see cref="IChatClient"/>: LLM fields in dependency order, items in parallel with at most
/// <see cref="EnrichmentOptions.MaxConcurrency"/> requests in flight, every answer validated against its generated schema (re-asked with
/// the validation error when invalid), every request through a resilience pipeline, and every valid answer stored in a
/// content-addressed cache before it counts — so a re-run, even after a crash, pays only for what is missing.
/// Failing items never stop a run; each ends with an outcome and a reason.
/// </summary>
public sealed class EnrichmentEngine : IDisposable
{
    // Items in progress per concurrent request: while some items wait for the model, others are rendered, looked up,
    // committed to the cache and handed on, so that none of that holds a request slot.
    private const int ItemsPerRequestSlot = 4;

    private readonly IChatClient _chatClient;
    private readonly EnrichmentOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IEnrichmentCache _cache;
    private readonly ChatRateLimiter? _rateLimiter;
    private readonly ResiliencePipeline<ChatResponse> _pipeline;
    private readonly FieldPreparer _preparer;

    /// <summary>Creates an engine.</summary>
    /// <param name="chatClient">The model; give it no retry policy of its own, since the engine retries.</param>
    /// <param name="cache">Where valid answers are stored (e.g. <see cref="SqliteEnrichmentCache"/>).</param>
    /// <param name="options">The engine's options; validated here.</param>
    /// <param name="loggerFactory">Logging for the engine and its resilience pipeline; optional.</param>
    /// <param name="timeProvider">The clock of timeouts, backoff and progress; <see cref="TimeProvider.System"/> by default.</param>
    public EnrichmentEngine(
        IChatClient chatClient, IEnrichmentCache cache, IOptions<EnrichmentOptions> options,
        ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _options.Validate();
        _chatClient = chatClient;
        _cache = cache;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)loggerFactory?.CreateLogger<EnrichmentEngine>() ?? NullLogger.Instance;
        _rateLimiter = ChatRateLimiter.Create(_options.Resilience);
        _pipeline = ChatResiliencePipeline.Create(_options.Resilience, _options.MaxConcurrency, _rateLimiter, _timeProvider, loggerFactory);
        _preparer = new FieldPreparer(cache, new PromptHygiene(_options.Hygiene), _logger);
    }

    /// <summary>Enriches <paramref name="items"/> and yields each one's outcome, in input order, as soon as it and its predecessors are done.</summary>
    public IAsyncEnumerable<ItemOutcome<T>> EnrichAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        return EnrichCoreAsync(CreatePlan<T>(), items, cancellationToken);
    }

    /// <summary>Enriches <paramref name="items"/> and yields each one's outcome, in input order, as soon as it and its predecessors are done.</summary>
    public IAsyncEnumerable<ItemOutcome<T>> EnrichAsync<T>(IEnumerable<T> items, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        return EnrichAsync(items.ToAsyncEnumerable(), cancellationToken);
    }

    /// <summary>
    /// Enriches <paramref name="items"/>, reports progress, and returns the run report. To write feature files, run an
    /// <see cref="OfflinePipeline{TItem}"/>: it writes them once every stage has run.
    /// </summary>
    public Task<EnrichmentReport> RunAsync<T>(IEnumerable<T> items, EnrichmentRunOptions? runOptions = null, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        return RunCoreAsync(items.ToAsyncEnumerable(), items.TryGetNonEnumeratedCount(out var count) ? count : null, runOptions, null, cancellationToken);
    }

    /// <summary>
    /// Enriches <paramref name="items"/>, reports progress, and returns the run report. To write feature files, run an
    /// <see cref="OfflinePipeline{TItem}"/>: it writes them once every stage has run.
    /// </summary>
    public Task<EnrichmentReport> RunAsync<T>(IAsyncEnumerable<T> items, EnrichmentRunOptions? runOptions = null, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        return RunCoreAsync(items, null, runOptions, null, cancellationToken);
    }

    /// <summary>Runs as <see cref="RunAsync{T}(IEnumerable{T}, EnrichmentRunOptions?, CancellationToken)"/> and hands every outcome, in input order, to <paramref name="observe"/>.</summary>
    internal Task<EnrichmentReport> RunAsync<T>(
        IReadOnlyList<T> items, EnrichmentRunOptions? runOptions, Action<ItemOutcome<T>> observe, CancellationToken cancellationToken)
        where T : IEnrichable<T> =>
        RunCoreAsync(items.ToAsyncEnumerable(), items.Count, runOptions, observe, cancellationToken);

    /// <summary>Estimates what a run over <paramref name="items"/> would send and cost, without calling the model (a dry run).</summary>
    public Task<EnrichmentEstimate> EstimateAsync<T>(IEnumerable<T> items, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        return EstimateAsync(items.ToAsyncEnumerable(), cancellationToken);
    }

    /// <summary>Estimates what a run over <paramref name="items"/> would send and cost, without calling the model (a dry run).</summary>
    public Task<EnrichmentEstimate> EstimateAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        return new DryRun<T>(CreatePlan<T>(), _preparer).EstimateAsync(items, cancellationToken);
    }

    /// <summary>Releases the rate limiters.</summary>
    public void Dispose() => _rateLimiter?.Dispose();

    /// <summary>The hygiene of this engine's prompts, which the pipeline's embedding texts share.</summary>
    internal PromptHygieneOptions HygieneOptions => _options.Hygiene;

    /// <summary>The word lists of this engine's re-asks, which the pipeline's word gate shares.</summary>
    internal GovernanceOptions GovernanceOptions => _options.Governance;

    private EnrichmentPlan<T> CreatePlan<T>()
        where T : IEnrichable<T> =>
        EnrichmentPlan<T>.Create(T.EnrichmentModel, _options, _chatClient.GetService<ChatClientMetadata>()?.DefaultModelId);

    private async IAsyncEnumerable<ItemOutcome<T>> EnrichCoreAsync<T>(
        EnrichmentPlan<T> plan, IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enricher = new ItemEnricher<T>(plan, _chatClient, _pipeline, _cache, _preparer, _options, _rateLimiter?.LimitsTokens == true, _logger);
        var keys = new ItemKeys<T>(plan.Model);
        var outcomes = OrderedConcurrency.SelectAsync(items, Start, _options.MaxConcurrency * ItemsPerRequestSlot, cancellationToken);
        await foreach (var outcome in outcomes.ConfigureAwait(false))
        {
            yield return outcome;
        }

        Task<ItemOutcome<T>> Start(T item, CancellationToken token)
        {
            var key = keys.Read(item, out var rejection);
            return rejection is not null
                ? Task.FromResult(new ItemOutcome<T>(item, key, [], rejection))
                : Task.Run(() => enricher.EnrichAsync(item, key, token), token);
        }
    }

    private async Task<EnrichmentReport> RunCoreAsync<T>(
        IAsyncEnumerable<T> items, int? total, EnrichmentRunOptions? runOptions, Action<ItemOutcome<T>>? observe,
        CancellationToken cancellationToken)
        where T : IEnrichable<T>
    {
        var plan = CreatePlan<T>();
        var progress = runOptions?.Progress;
        var accountant = new RunAccountant(plan.Model.TypeName, plan.Fields.Select(f => (f.Name, f.ModelId, f.Price)), total, _timeProvider);
        Log.RunStarting(_logger, plan.Model.TypeName, plan.Fields.Count, total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", _options.MaxConcurrency);

        var lastProgress = _timeProvider.GetTimestamp();
        await foreach (var outcome in EnrichCoreAsync(plan, items, cancellationToken).ConfigureAwait(false))
        {
            accountant.Add(outcome);
            if (outcome.Failure is { } failure)
            {
                Log.ItemFailed(_logger, outcome.Key, failure.Reason, failure.Message);
            }

            observe?.Invoke(outcome);
            if (_timeProvider.GetElapsedTime(lastProgress) >= _options.ProgressInterval)
            {
                ReportProgress(accountant, progress);
                lastProgress = _timeProvider.GetTimestamp();
            }
        }

        ReportProgress(accountant, progress);
        var report = accountant.Complete();
        Log.RunCompleted(_logger, report.ItemType, report.WallTime, report.Succeeded, report.Items, report.Failed,
            report.LlmCalls, report.CacheHits, report.Tokens.InputTokens, report.Tokens.OutputTokens, report.Cost);
        return report;
    }

    private void ReportProgress(RunAccountant accountant, IProgress<EnrichmentProgress>? progress)
    {
        if (progress is null && !_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var snapshot = accountant.Snapshot();
        progress?.Report(snapshot);
        Log.Progress(_logger, snapshot.Done, snapshot.Total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?",
            snapshot.ItemsPerSecond, snapshot.EstimatedRemaining?.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "?",
            snapshot.Tokens.TotalTokens, snapshot.Cost);
    }
}
