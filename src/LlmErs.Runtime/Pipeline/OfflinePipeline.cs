using System.Reflection;
using System.Text.Json;
using LlmErs.Vectors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LlmErs;

/// <summary>
/// The offline half of LLMERS as one run, in an order it enforces: enrich the LLM fields → governance gates → embed
/// texts and images → semantic IDs → feature files → vector stores → run report and manifest. Feature files are written
/// once, after every stage, with a status column per derived field; every item with a key gets a row, failed ones too.
/// Every answer and vector goes through the cache, so a rerun (even after a crash) makes no model call for what is done,
/// and every file appears atomically.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class OfflinePipeline<TItem>
    where TItem : IEnrichable<TItem>
{
    private static readonly EnrichmentModel<TItem> s_model = TItem.EnrichmentModel;
    private static readonly IReadOnlyList<EmbeddingField<TItem>> s_textFields = [.. s_model.EmbeddingFields.Where(f => !f.EmbedsImages)];
    private static readonly IReadOnlyList<EmbeddingField<TItem>> s_imageFields = [.. s_model.EmbeddingFields.Where(f => f.EmbedsImages)];

    private readonly EnrichmentEngine _engine;
    private readonly EmbeddingStage? _embeddingStage;
    private readonly ImageEmbeddingStage? _imageEmbeddingStage;
    private readonly IReadOnlyList<IPipelineGate<TItem>> _gates;
    private readonly OfflinePipelineOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="engine">Enriches the LLM fields.</param>
    /// <param name="cache">Caches the vectors (usually the engine's cache).</param>
    /// <param name="options">Where the outputs go; validated here.</param>
    /// <param name="embeddingGenerator">The embedding model; required when <typeparamref name="TItem"/> has text embedding fields.</param>
    /// <param name="gates">Governance gates, run in this order between enrichment and embedding; optional.</param>
    /// <param name="loggerFactory">Logging; optional.</param>
    /// <param name="timeProvider">The clock of the manifest's times; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="imageEmbeddingGenerator">
    /// The image embedding model; required when <typeparamref name="TItem"/> has image embedding fields
    /// (<c>[Embedding(Images = nameof(Member))]</c>).
    /// </param>
    /// <exception cref="ArgumentException">The options are invalid, or an embedding generator is needed and missing.</exception>
    public OfflinePipeline(
        EnrichmentEngine engine,
        IEnrichmentCache cache,
        IOptions<OfflinePipelineOptions> options,
        IEmbeddingGenerator<string, Embedding<float>>? embeddingGenerator = null,
        IEnumerable<IPipelineGate<TItem>>? gates = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        IEmbeddingGenerator<DataContent, Embedding<float>>? imageEmbeddingGenerator = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _options.Validate();
        if (s_textFields.Count > 0)
        {
            var generator = Required(
                embeddingGenerator, s_textFields, "embedding", "an IEmbeddingGenerator<string, Embedding<float>> (e.g. LlmErs.Local's MiniLmEmbeddingGenerator)", nameof(embeddingGenerator));
            _embeddingStage = new EmbeddingStage(generator, cache, _options.Embedding, engine.HygieneOptions);
        }

        if (s_imageFields.Count > 0)
        {
            var generator = Required(
                imageEmbeddingGenerator,
                s_imageFields,
                "image embedding",
                "an IEmbeddingGenerator<DataContent, Embedding<float>> as imageEmbeddingGenerator (e.g. LlmErs.Local's ResNet18ImageEmbeddingGenerator)",
                nameof(imageEmbeddingGenerator));
            _imageEmbeddingStage = new ImageEmbeddingStage(generator, cache, _options.ImageEmbedding, engine.ImageOptions);
        }

        _engine = engine;
        // Word rules are declared on the type, so they are enforced whether or not the caller lists a word gate.
        IEnumerable<IPipelineGate<TItem>> declared = s_model.LlmFields.Any(f => !f.WordRules.IsEmpty) ? [new WordGate<TItem>(engine.GovernanceOptions)] : [];
        _gates = [.. declared, .. gates ?? []];
        _logger = (ILogger?)loggerFactory?.CreateLogger<OfflinePipeline<TItem>>() ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Runs every stage over <paramref name="items"/> and writes the outputs, the report and the manifest.</summary>
    /// <param name="items">The catalog; enumerated once.</param>
    /// <param name="progress">Receives each stage's progress, stage after stage.</param>
    /// <param name="cancellationToken">Cancels the run; what is cached stays cached, and no output is replaced.</param>
    /// <exception cref="EnrichmentStoppedException">
    /// The endpoint cannot serve the enrichment (see <see cref="EnrichmentResilienceOptions.StopAfterConsecutiveFailures"/>);
    /// as with cancellation, what is cached stays cached and no output is replaced.
    /// </exception>
    public async Task<OfflinePipelineResult<TItem>> RunAsync(
        IEnumerable<TItem> items, IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var catalog = items as IReadOnlyList<TItem> ?? [.. items];
        var startedAt = _timeProvider.GetUtcNow();
        var runId = Guid.CreateVersion7(startedAt).ToString("N");
        var outputDirectory = Path.GetFullPath(_options.OutputDirectory);
        void Starting(PipelineStage stage) => PipelineLog.StageStarting(_logger, runId, catalog.Count, s_model.TypeName, stage);

        Starting(PipelineStage.Enrichment);
        var rows = new List<PipelineItem<TItem>>(catalog.Count);
        // The engine reports when items complete, which with many requests in flight is many seconds in: the stage
        // starts now, as every other stage's does.
        progress?.Report(new(PipelineStage.Enrichment, 0, catalog.Count));
        var enrichmentProgress = progress is null
            ? null
            : new SynchronousProgress<EnrichmentProgress>(p => progress.Report(new(PipelineStage.Enrichment, p.Done, p.Total ?? catalog.Count, p.Batch)));
        var enrichment = await _engine.RunAsync(catalog, new EnrichmentRunOptions { Progress = enrichmentProgress }, outcome =>
        {
            if (DerivedStatuses<TItem>.AfterEnrichment(outcome) is { } statuses)
            {
                rows.Add(new PipelineItem<TItem>(outcome.Item, outcome.Key, statuses));
            }
        }, cancellationToken).ConfigureAwait(false);

        Starting(PipelineStage.Gates);
        var governance = await GovernAsync(rows, _engine.PlanFor(catalog), outputDirectory, progress, cancellationToken).ConfigureAwait(false);
        WithholdValues(rows);

        Starting(PipelineStage.Embedding);
        var (embedding, imageEmbedding) = await EmbedAsync(rows, progress, cancellationToken).ConfigureAwait(false);

        Starting(PipelineStage.SemanticIds);
        var semanticIds = AssignSemanticIds(rows, outputDirectory, progress, cancellationToken);
        WithholdValues(rows);

        Starting(PipelineStage.FeatureFiles);
        var files = new List<OutputFile>();
        await WriteFeatureFilesAsync(rows, outputDirectory, files, progress, cancellationToken).ConfigureAwait(false);
        await WriteTriplesFileAsync(rows, outputDirectory, files, cancellationToken).ConfigureAwait(false);

        Starting(PipelineStage.VectorStores);
        await WriteVectorStoresAsync(rows, outputDirectory, files, progress, cancellationToken).ConfigureAwait(false);
        await SaveSemanticIdsAsync(semanticIds, outputDirectory, files, cancellationToken).ConfigureAwait(false);

        Starting(PipelineStage.Manifest);
        await WriteGovernanceReportAsync(governance, outputDirectory, files, cancellationToken).ConfigureAwait(false);
        var statuses = DerivedStatuses<TItem>.Count(rows);
        var report = new PipelineReport
        {
            RunId = runId,
            Enrichment = enrichment,
            Embedding = embedding,
            ImageEmbedding = imageEmbedding,
            SemanticIds = semanticIds.ToDictionary(r => r.Assignment.Field, r => r.Assignment.Quality, StringComparer.Ordinal),
            SemanticIdChanges = semanticIds.ToDictionary(r => r.Assignment.Field, r => r.Changes, StringComparer.Ordinal),
            Statuses = statuses,
            Files = [.. files],
            Governance = governance,
        };
        var reportPath = Path.Combine(outputDirectory, OfflinePipelineOptions.ReportFileName);
        await AtomicFile.WriteAllBytesAsync(reportPath, JsonSerializer.SerializeToUtf8Bytes(report, ReportJsonContext.Default.PipelineReport), cancellationToken)
            .ConfigureAwait(false);
        files.Add(await DescribeAsync(reportPath, "report", outputDirectory, cancellationToken).ConfigureAwait(false));

        var manifest = new RunManifest
        {
            RunId = runId,
            StartedAt = startedAt.UtcDateTime,
            CompletedAt = _timeProvider.GetUtcNow().UtcDateTime,
            LibraryVersion = typeof(OfflinePipeline<>).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            ItemType = s_model.TypeName,
            ChatModels = [.. enrichment.Fields.Select(f => f.ModelId).Distinct(StringComparer.Ordinal)],
            EmbeddingModel = _embeddingStage?.ModelId,
            ImageEmbeddingModel = _imageEmbeddingStage?.ModelId,
            Items = rows.Count,
            RejectedItems = enrichment.Items - rows.Count,
            Fields = [.. s_model.Fields.Select(f => new ManifestField(f.Name, f.Kind, f.Fingerprint, ModelOf(f, enrichment), statuses[f.Name]))],
            Files = files,
        };
        var manifestPath = Path.Combine(outputDirectory, OfflinePipelineOptions.ManifestFileName);
        await AtomicFile.WriteAllBytesAsync(manifestPath, JsonSerializer.SerializeToUtf8Bytes(manifest, ReportJsonContext.Default.RunManifest), cancellationToken)
            .ConfigureAwait(false);
        progress?.Report(new(PipelineStage.Manifest, 2, 2));
        PipelineLog.Completed(_logger, runId, manifest.CompletedAt - manifest.StartedAt, manifestPath);
        if (governance.FactChecks.FirstOrDefault(f => !f.Passed) is { } failed)
        {
            throw new GovernanceException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The fact check of {s_model.TypeName}.{failed.Field} failed: {failed.Violations} of {failed.Judged} sampled values were unsupported or " +
                $"contradicted (Wilson 95% interval [{failed.Low:F3}, {failed.High:F3}], above the allowed {failed.MaxViolationRate:F3}). The outputs are " +
                $"written and the violating values quarantined; see {OfflinePipelineOptions.GovernanceMarkdownFileName}, fix the field's prompt or model, " +
                $"or raise {nameof(FactCheckOptions)}.{nameof(FactCheckOptions.MaxViolationRate)}."));
        }

        return new OfflinePipelineResult<TItem>(report, manifest, manifestPath, rows);
    }

    private string? ModelOf(DerivedField<TItem> field, EnrichmentReport enrichment) => field switch
    {
        LlmField<TItem> => enrichment.Fields.Single(f => f.Field == field.Name).ModelId,
        EmbeddingField<TItem> embedding => ModelOf(embedding),
        _ => null,
    };

    /// <summary><paramref name="generator"/>, or an error naming the <paramref name="kind"/> fields that need one and what to pass.</summary>
    private static TGenerator Required<TGenerator>(TGenerator? generator, IReadOnlyList<EmbeddingField<TItem>> fields, string kind, string pass, string parameter)
        where TGenerator : class =>
        generator ?? throw new ArgumentException(
            $"{s_model.TypeName} has {kind} field(s) {string.Join(", ", fields.Select(f => f.Name))}, so the pipeline needs an {kind} generator: " +
            $"pass {pass} whose vectors have the declared dimensions.",
            parameter);

    /// <summary>The model of <paramref name="field"/>'s vectors: the image model for an image embedding, the text model otherwise.</summary>
    private string ModelOf(EmbeddingField<TItem> field) => field.EmbedsImages ? _imageEmbeddingStage!.ModelId : _embeddingStage!.ModelId;

    /// <summary>Runs the gates, applies the review file's decisions, and rewrites the review file.</summary>
    private async Task<GovernanceReport> GovernAsync(
        List<PipelineItem<TItem>> rows, EnrichmentPlan<TItem> plan, string outputDirectory, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        await RunGatesAsync(rows, progress, cancellationToken).ConfigureAwait(false);
        var reviewPath = Path.GetFullPath(_options.ReviewFile ?? Path.Combine(outputDirectory, "review.jsonl"));
        var reviewErrors = new List<string>();
        var reviews = ReviewFile.Read(reviewPath, reviewErrors);
        var malformed = reviewErrors.Count > 0;
        ReviewFile.Apply(rows, plan, reviews, reviewPath, reviewErrors);
        foreach (var error in reviewErrors)
        {
            PipelineLog.ReviewProblem(_logger, error);
        }

        // A malformed line is the reviewer's unfinished work: rewriting the file would drop it.
        if (!malformed)
        {
            await ReviewFile.WriteAsync(reviewPath, rows, reviews, cancellationToken).ConfigureAwait(false);
        }

        return GovernanceReport.Create(_gates, rows, Path.GetRelativePath(outputDirectory, reviewPath), reviewErrors);
    }

    private async Task WriteGovernanceReportAsync(GovernanceReport report, string outputDirectory, List<OutputFile> files, CancellationToken cancellationToken)
    {
        var jsonPath = Path.Combine(outputDirectory, OfflinePipelineOptions.GovernanceReportFileName);
        await AtomicFile.WriteAllBytesAsync(jsonPath, JsonSerializer.SerializeToUtf8Bytes(report, ReportJsonContext.Default.GovernanceReport), cancellationToken)
            .ConfigureAwait(false);
        var markdownPath = Path.Combine(outputDirectory, OfflinePipelineOptions.GovernanceMarkdownFileName);
        await AtomicFile.WriteAllBytesAsync(markdownPath, System.Text.Encoding.UTF8.GetBytes(report.ToMarkdown()), cancellationToken).ConfigureAwait(false);
        files.Add(await DescribeAsync(jsonPath, "governance", outputDirectory, cancellationToken).ConfigureAwait(false));
        files.Add(await DescribeAsync(markdownPath, "governance", outputDirectory, cancellationToken).ConfigureAwait(false));
    }

    private async Task RunGatesAsync(List<PipelineItem<TItem>> rows, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new(PipelineStage.Gates, 0, _gates.Count));
        for (var i = 0; i < _gates.Count; i++)
        {
            await _gates[i].RunAsync(rows, cancellationToken).ConfigureAwait(false);
            PipelineLog.GateRan(_logger, _gates[i].Name, rows.Count);
            progress?.Report(new(PipelineStage.Gates, i + 1, _gates.Count));
        }
    }

    /// <summary>
    /// Embeds the text fields, then the image fields, of the items whose inputs all have a value; the others' fields read
    /// as failed. An image that cannot be read fails its item's field with a reason naming it, as an item without an image
    /// does; the run goes on, and as every vector is cached, a rerun embeds only those.
    /// </summary>
    private async Task<(EmbeddingReport? Texts, ImageEmbeddingReport? Images)> EmbedAsync(
        List<PipelineItem<TItem>> rows, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var texts = _embeddingStage is null ? [] : Ready(rows, s_textFields);
        var images = _imageEmbeddingStage is null ? [] : Ready(rows, s_imageFields);
        var textVectors = texts.Count * s_textFields.Count;
        var total = textVectors + (images.Count * s_imageFields.Count);
        progress?.Report(new(PipelineStage.Embedding, 0, total));
        IProgress<int>? From(int offset) =>
            progress is null ? null : new SynchronousProgress<int>(done => progress.Report(new(PipelineStage.Embedding, offset + done, total)));

        EmbeddingReport? textReport = null;
        if (_embeddingStage is not null)
        {
            textReport = await _embeddingStage.EmbedAsync([.. texts.Select(r => r.Item)], From(0), cancellationToken).ConfigureAwait(false);
            foreach (var row in texts)
            {
                SetPending(row, s_textFields, FeatureStatus.Ok);
            }
        }

        ImageEmbeddingReport? imageReport = null;
        if (_imageEmbeddingStage is not null)
        {
            imageReport = await _imageEmbeddingStage.EmbedAsync([.. images.Select(r => r.Item)], From(textVectors), cancellationToken).ConfigureAwait(false);
            var failures = imageReport.Failures.ToDictionary(f => (f.Item, f.Field), f => f.Reason);
            foreach (var row in images)
            {
                foreach (var field in s_imageFields)
                {
                    row.SetIfPending(PipelineItem<TItem>.IndexOf(field.Name), failures.TryGetValue((row.Key, field.Name), out var reason)
                        ? FeatureStatus.Failed($"{FailureReason.BadInput}: {reason}")
                        : field.GetImages(row.Item).Count == 0 ? FeatureStatus.Failed("No image") : FeatureStatus.Ok);
                }
            }

            if (imageReport.Failures.Count > 0)
            {
                PipelineLog.ImagesNotEmbedded(_logger, imageReport.Failures.Count, imageReport.Failures[0].ToString());
            }
        }

        return (textReport, imageReport);
    }

    /// <summary>The rows whose <paramref name="fields"/>' inputs all have a value; the others' fields get a status naming the input.</summary>
    private List<PipelineItem<TItem>> Ready(List<PipelineItem<TItem>> rows, IReadOnlyList<EmbeddingField<TItem>> fields)
    {
        var ready = new List<PipelineItem<TItem>>(rows.Count);
        (PipelineItem<TItem> Row, FeatureStatus Status)? firstBlocked = null;
        foreach (var row in rows)
        {
            if (DerivedStatuses<TItem>.Blocked(row, fields) is { } blocked)
            {
                SetPending(row, fields, blocked);
                firstBlocked ??= (row, blocked);
            }
            else
            {
                ready.Add(row);
            }
        }

        if (firstBlocked is { } example)
        {
            PipelineLog.NotEmbedded(_logger, rows.Count - ready.Count, example.Row.Key, example.Status.ToString());
        }

        return ready;
    }

    /// <summary>
    /// Assigns the IDs of the items whose source vector has a value, with each field's codebook and IDs of the previous
    /// run in <paramref name="outputDirectory"/> kept unless retraining is asked (see <see cref="SemanticIdStage"/>).
    /// </summary>
    private List<SemanticIdRun> AssignSemanticIds(
        List<PipelineItem<TItem>> rows, string outputDirectory, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var runs = new List<SemanticIdRun>();
        var fields = s_model.SemanticIdFields;
        progress?.Report(new(PipelineStage.SemanticIds, 0, fields.Count));
        for (var i = 0; i < fields.Count; i++)
        {
            var assigned = new List<PipelineItem<TItem>>(rows.Count);
            foreach (var row in rows)
            {
                if (DerivedStatuses<TItem>.Blocked(row, [fields[i]]) is { } blocked)
                {
                    SetPending(row, [fields[i]], blocked);
                }
                else
                {
                    assigned.Add(row);
                }
            }

            if (assigned.Count > 0)
            {
                runs.Add(SemanticIdStage.AssignKeeping(
                    fields[i], [.. assigned.Select(r => r.Item)], [.. assigned.Select(r => r.Key)], outputDirectory, _options.RetrainSemanticIds,
                    _options.SemanticIdSeed, cancellationToken));
            }

            foreach (var row in assigned)
            {
                SetPending(row, [fields[i]], FeatureStatus.Ok);
            }

            progress?.Report(new(PipelineStage.SemanticIds, i + 1, fields.Count));
        }

        return runs;
    }

    /// <summary>Saves each semantic-ID field's codebook and the IDs given out, which the next run keeps.</summary>
    private async Task SaveSemanticIdsAsync(List<SemanticIdRun> runs, string outputDirectory, List<OutputFile> files, CancellationToken cancellationToken)
    {
        foreach (var run in runs)
        {
            if (run.Changes.Retrained)
            {
                run.Assignment.Codebook.Save(run.CodebookPath);
            }

            await AtomicFile.WriteAllBytesAsync(run.HistoryPath, run.History, cancellationToken).ConfigureAwait(false);
            files.Add(await DescribeAsync(run.CodebookPath, "semantic-ids", outputDirectory, cancellationToken).ConfigureAwait(false));
            files.Add(await DescribeAsync(run.HistoryPath, "semantic-ids", outputDirectory, cancellationToken).ConfigureAwait(false));
        }
    }

    private async Task WriteFeatureFilesAsync(
        List<PipelineItem<TItem>> rows, string outputDirectory, List<OutputFile> files, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var outputs = _options.FeatureOutputs;
        progress?.Report(new(PipelineStage.FeatureFiles, 0, outputs.Count));
        for (var i = 0; i < outputs.Count; i++)
        {
            await using (var writer = FeatureFileWriter<TItem>.CreateWithStatus(outputs[i]))
            {
                foreach (var row in rows)
                {
                    await writer.WriteAsync(row.Item, row.Statuses, cancellationToken).ConfigureAwait(false);
                }

                await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            files.Add(await DescribeAsync(outputs[i].Path, "features", outputDirectory, cancellationToken).ConfigureAwait(false));
            progress?.Report(new(PipelineStage.FeatureFiles, i + 1, outputs.Count));
        }
    }

    /// <summary>The triples file, when the item type has triples fields.</summary>
    private async Task WriteTriplesFileAsync(List<PipelineItem<TItem>> rows, string outputDirectory, List<OutputFile> files, CancellationToken cancellationToken)
    {
        if (TriplesFile.FieldsOf<TItem>().Count == 0)
        {
            return;
        }

        var path = Path.Combine(outputDirectory, OfflinePipelineOptions.TriplesFileName);
        await TriplesFile.WriteAsync(path, TriplesFile.RecordsOf(rows), cancellationToken).ConfigureAwait(false);
        files.Add(await DescribeAsync(path, "triples", outputDirectory, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>One store per embedding field, text or image, of the items whose vector has a value, in input order; the header names the model.</summary>
    private async Task WriteVectorStoresAsync(
        List<PipelineItem<TItem>> rows, string outputDirectory, List<OutputFile> files, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var fields = s_model.EmbeddingFields;
        progress?.Report(new(PipelineStage.VectorStores, 0, fields.Count));
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var index = PipelineItem<TItem>.IndexOf(field.Name);
            var path = _options.VectorStorePaths.TryGetValue(field.Name, out var configured)
                ? configured
                : Path.Combine(outputDirectory, $"{field.Name}.vec");
            using (var builder = new VectorStoreBuilder(ModelOf(field), field.Dimensions, rows.Count))
            {
                foreach (var row in rows.Where(r => r.Statuses[index].HasValue))
                {
                    builder.Add(row.Key, field.GetVector(row.Item).Span);
                }

                if (builder.Count == 0)
                {
                    PipelineLog.NoVectorStore(_logger, field.Name);
                    continue;
                }

                using var store = builder.Build();
                store.Save(path);
            }

            files.Add(await DescribeAsync(path, "vectors", outputDirectory, cancellationToken).ConfigureAwait(false));
            progress?.Report(new(PipelineStage.VectorStores, i + 1, fields.Count));
        }
    }

    private async Task<OutputFile> DescribeAsync(string path, string kind, string outputDirectory, CancellationToken cancellationToken)
    {
        var file = await OutputFile.DescribeAsync(path, kind, outputDirectory, cancellationToken).ConfigureAwait(false);
        PipelineLog.Wrote(_logger, file.Path, file.Bytes, file.Sha256);
        return file;
    }

    /// <summary>
    /// Empties the values the outputs withhold. After the gates and the review file (a reviewer's "accept" needs the value),
    /// before anything reads the LLM fields again; and after the last stage, for vectors and IDs an item arrived with.
    /// </summary>
    private static void WithholdValues(List<PipelineItem<TItem>> rows)
    {
        foreach (var row in rows)
        {
            row.WithholdValues();
        }
    }

    /// <summary>Sets the status of <paramref name="fields"/> that no earlier stage or gate has set.</summary>
    private static void SetPending(PipelineItem<TItem> row, IEnumerable<DerivedField<TItem>> fields, FeatureStatus status)
    {
        foreach (var field in fields)
        {
            row.SetIfPending(PipelineItem<TItem>.IndexOf(field.Name), status);
        }
    }
}
