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
/// Failing items never stop a run; each ends with an outcome and a reason. A failing endpoint does: a run first checks
/// it with one small request per model, and stops with an <see cref="EnrichmentStoppedException"/> when the endpoint
/// refuses the key, the model or the path, or cannot be reached or does not answer attempt after attempt (see
/// <see cref="EnrichmentResilienceOptions.StopAfterConsecutiveFailures"/>).
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
    private readonly ChatClientMetadata? _metadata;
    private readonly HashSet<string> _checkedModels = new(StringComparer.Ordinal);
    private readonly BatchApiClient? _batchApi;

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
        // Provider error text may echo the request's key; every log entry of the engine and its pipeline is masked.
        loggerFactory = loggerFactory is null ? null : new MaskingLoggerFactory(loggerFactory);
        _logger = (ILogger?)loggerFactory?.CreateLogger<EnrichmentEngine>() ?? NullLogger.Instance;
        _rateLimiter = ChatRateLimiter.Create(_options.Resilience);
        _pipeline = ChatResiliencePipeline.Create(_options.Resilience, _options.MaxConcurrency, _rateLimiter, _timeProvider, loggerFactory);
        _preparer = new FieldPreparer(cache, new PromptHygiene(_options.Hygiene), _options.Images, _logger);
        _metadata = chatClient.GetService<ChatClientMetadata>();
        _batchApi = _options.Batch is { } batch ? new BatchApiClient(batch) : null;
    }

    /// <summary>Enriches <paramref name="items"/> and yields each one's outcome, in input order, as soon as it and its predecessors are done.</summary>
    /// <exception cref="EnrichmentStoppedException">The endpoint cannot serve the run; the answers received before are cached.</exception>
    public IAsyncEnumerable<ItemOutcome<T>> EnrichAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        return EnrichCoreAsync(CreatePlan<T>(null), items, null, cancellationToken);
    }

    /// <summary>Enriches <paramref name="items"/> and yields each one's outcome, in input order, as soon as it and its predecessors are done.</summary>
    /// <exception cref="EnrichmentStoppedException">The endpoint cannot serve the run; the answers received before are cached.</exception>
    public IAsyncEnumerable<ItemOutcome<T>> EnrichAsync<T>(IEnumerable<T> items, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        return EnrichCoreAsync(CreatePlan<T>(CatalogOf(items)), items.ToAsyncEnumerable(), null, cancellationToken);
    }

    /// <summary>
    /// Enriches <paramref name="items"/>, reports progress, and returns the run report. To write feature files, run an
    /// <see cref="OfflinePipeline{TItem}"/>: it writes them once every stage has run. Items given as an
    /// <see cref="ItemCatalog{T}"/> are also the tails of relations over catalog items (<see cref="LlmRelationAttribute.CatalogItems"/>),
    /// which need one; so do <see cref="EnrichAsync{T}(IEnumerable{T}, CancellationToken)"/> and the dry run.
    /// </summary>
    /// <exception cref="EnrichmentStoppedException">The endpoint cannot serve the run; its report covers the items done before the stop.</exception>
    /// <exception cref="InvalidOperationException">The type has a relation over catalog items and the items are no <see cref="ItemCatalog{T}"/>.</exception>
    public Task<EnrichmentReport> RunAsync<T>(IEnumerable<T> items, EnrichmentRunOptions? runOptions = null, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        return RunCoreAsync(items.ToAsyncEnumerable(), CatalogOf(items), items.TryGetNonEnumeratedCount(out var count) ? count : null, runOptions, null, cancellationToken);
    }

    /// <summary>
    /// Enriches <paramref name="items"/>, reports progress, and returns the run report. To write feature files, run an
    /// <see cref="OfflinePipeline{TItem}"/>: it writes them once every stage has run.
    /// </summary>
    /// <exception cref="EnrichmentStoppedException">The endpoint cannot serve the run; its report covers the items done before the stop.</exception>
    public Task<EnrichmentReport> RunAsync<T>(IAsyncEnumerable<T> items, EnrichmentRunOptions? runOptions = null, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        return RunCoreAsync(items, null, null, runOptions, null, cancellationToken);
    }

    /// <summary>Runs as <see cref="RunAsync{T}(IEnumerable{T}, EnrichmentRunOptions?, CancellationToken)"/> and hands every outcome, in input order, to <paramref name="observe"/>.</summary>
    internal Task<EnrichmentReport> RunAsync<T>(
        IReadOnlyList<T> items, EnrichmentRunOptions? runOptions, Action<ItemOutcome<T>> observe, CancellationToken cancellationToken)
        where T : IEnrichable<T> =>
        RunCoreAsync(items.ToAsyncEnumerable(), CatalogOf(items), items.Count, runOptions, observe, cancellationToken);

    /// <summary>Estimates what a run over <paramref name="items"/> would send and cost, without calling the model (a dry run).</summary>
    public Task<EnrichmentEstimate> EstimateAsync<T>(IEnumerable<T> items, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        return new DryRun<T>(CreatePlan<T>(CatalogOf(items)), _preparer).EstimateAsync(items.ToAsyncEnumerable(), cancellationToken);
    }

    /// <summary>Estimates what a run over <paramref name="items"/> would send and cost, without calling the model (a dry run).</summary>
    public Task<EnrichmentEstimate> EstimateAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        return new DryRun<T>(CreatePlan<T>(null), _preparer).EstimateAsync(items, cancellationToken);
    }

    /// <summary>Releases the rate limiters and the batch mode's HTTP client.</summary>
    public void Dispose()
    {
        _rateLimiter?.Dispose();
        _batchApi?.Dispose();
    }

    /// <summary>The hygiene of this engine's prompts, which the pipeline's embedding texts share.</summary>
    internal PromptHygieneOptions HygieneOptions => _options.Hygiene;

    /// <summary>The word lists of this engine's re-asks, which the pipeline's word gate shares.</summary>
    internal GovernanceOptions GovernanceOptions => _options.Governance;

    /// <summary>How this engine reads images, which the pipeline's image embedding stage shares unless told otherwise.</summary>
    internal ImageOptions ImageOptions => _options.Images;

    /// <summary>The plan a run over <paramref name="items"/> answers with: a reviewer's replacement is applied as an answer would be.</summary>
    internal EnrichmentPlan<T> PlanFor<T>(IEnumerable<T> items)
        where T : IEnrichable<T> =>
        CreatePlan<T>(CatalogOf(items));

    private EnrichmentPlan<T> CreatePlan<T>(CatalogEntities? catalog)
        where T : IEnrichable<T> =>
        EnrichmentPlan<T>.Create(T.EnrichmentModel, _options, _chatClient.GetService<ChatClientMetadata>()?.DefaultModelId, catalog);

    /// <summary>The catalog the items are, when they come as one (<see cref="ItemCatalog.Of"/>): the tails of catalog relations.</summary>
    private static CatalogEntities? CatalogOf<T>(IEnumerable<T> items) => (items as ItemCatalog<T>)?.Entities;

    private async IAsyncEnumerable<ItemOutcome<T>> EnrichCoreAsync<T>(
        EnrichmentPlan<T> plan, IAsyncEnumerable<T> items, BatchObserver? batchObserver, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var models = plan.Fields.Select(f => f.ModelId).Distinct(StringComparer.Ordinal).ToArray();
        try
        {
            await PreflightAsync(models, cancellationToken).ConfigureAwait(false);
        }
        catch (EnrichmentStoppedException stopped)
        {
            Log.RunStopped(_logger, plan.Model.TypeName, stopped.Stop.Reason, stopped.Stop.Message);
            throw;
        }

        if (_batchApi is not null)
        {
            // The batches answer first, into the cache; the live run below then asks only what they did not answer validly.
            var catalog = await items.ToListAsync(cancellationToken).ConfigureAwait(false);
            var runner = new BatchRunner(_batchApi, _options.Batch!, _timeProvider, _logger);
            var batch = await new BatchEnricher(runner, _preparer, _cache, _options.Batch!.PriceFactor, _logger)
                .RunAsync(plan, catalog, batchObserver?.Progress, cancellationToken).ConfigureAwait(false);
            batchObserver?.Completed(batch);
            items = catalog.ToAsyncEnumerable();
        }

        using var guard = new EndpointGuard(EndpointDescription.Of(_chatClient, models), _options.Resilience, cancellationToken);
        var enricher = new ItemEnricher<T>(plan, _chatClient, _pipeline, _cache, _preparer, _options, _rateLimiter?.LimitsTokens == true, guard, _logger);
        var keys = new ItemKeys<T>(plan.Model);
        var outcomes = OrderedConcurrency.SelectAsync(items, Start, _options.MaxConcurrency * ItemsPerRequestSlot, guard.Token);
        await using var enumerator = outcomes.GetAsyncEnumerator(guard.Token);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (Exception) when (guard.Stop is { } stop && !cancellationToken.IsCancellationRequested)
            {
                // Whatever the items in flight ended with, the endpoint is the cause: their answers so far are cached.
                Log.RunStopped(_logger, plan.Model.TypeName, stop.Reason, stop.Message);
                throw new EnrichmentStoppedException(stop);
            }

            yield return enumerator.Current;
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
        IAsyncEnumerable<T> items, CatalogEntities? catalog, int? total, EnrichmentRunOptions? runOptions, Action<ItemOutcome<T>>? observe,
        CancellationToken cancellationToken)
        where T : IEnrichable<T>
    {
        var plan = CreatePlan<T>(catalog);
        var progress = runOptions?.Progress;
        var accountant = new RunAccountant(plan.Model.TypeName, plan.Fields.Select(f => (f.Name, f.ModelId, f.Price)), total, _timeProvider);
        Log.RunStarting(_logger, plan.Model.TypeName, plan.Fields.Count, total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", _options.MaxConcurrency);

        BatchReport? batch = null;
        var batchObserver = new BatchObserver(p => ReportProgress(accountant, progress, p), r => batch = r);
        var lastProgress = _timeProvider.GetTimestamp();
        try
        {
            await foreach (var outcome in EnrichCoreAsync(plan, items, batchObserver, cancellationToken).ConfigureAwait(false))
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
        }
        catch (EnrichmentStoppedException stopped)
        {
            ReportProgress(accountant, progress);
            throw new EnrichmentStoppedException(stopped.Stop, accountant.Complete(stopped.Stop, batch));
        }

        ReportProgress(accountant, progress);
        var report = accountant.Complete(null, batch);
        Log.RunCompleted(_logger, report.ItemType, report.WallTime, report.Succeeded, report.Items, report.Failed,
            report.LlmCalls, report.CacheHits, report.Tokens.InputTokens, report.Tokens.OutputTokens, report.Cost);
        return report;
    }

    /// <summary>Checks each model not checked yet by this engine; see <see cref="EnrichmentResilienceOptions.Preflight"/>.</summary>
    private async Task PreflightAsync(string[] models, CancellationToken cancellationToken)
    {
        if (!_options.Resilience.Preflight || _metadata?.ProviderUri is not { } address)
        {
            return;
        }

        foreach (var model in models)
        {
            lock (_checkedModels)
            {
                if (_checkedModels.Contains(model))
                {
                    continue;
                }
            }

            var error = await EndpointPreflight.CheckAsync(_chatClient, address, model, _options.ChatOptions, _options.Resilience, _timeProvider, cancellationToken)
                .ConfigureAwait(false);
            if (error is not null)
            {
                Log.PreflightAnsweredWithError(_logger, model, address.ToString(), error.GetType().Name, SecretMask.Apply(error.Message));
            }

            lock (_checkedModels)
            {
                _checkedModels.Add(model);
            }
        }
    }

    private void ReportProgress(RunAccountant accountant, IProgress<EnrichmentProgress>? progress, BatchProgress? batch = null)
    {
        if (progress is null && !_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var snapshot = accountant.Snapshot(batch);
        progress?.Report(snapshot);
        Log.Progress(_logger, snapshot.Done, snapshot.Total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?",
            snapshot.ItemsPerSecond, snapshot.EstimatedRemaining?.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "?",
            snapshot.Tokens.TotalTokens, snapshot.Cost);
    }
}
