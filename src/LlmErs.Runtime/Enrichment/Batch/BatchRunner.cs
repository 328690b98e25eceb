using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace LlmErs;

/// <summary>
/// Sends one round of requests through the Batch API: splits them into input files within the API's limits, submits
/// each (or resumes the batch the ledger records for the same file), polls until every batch has ended, and downloads
/// the output and error files. Transient failures of status requests are waited out; a failed batch, an error answer
/// to an upload or a batch still pending after <see cref="BatchEnrichmentOptions.MaxWait"/> stop the run.
/// </summary>
internal sealed partial class BatchRunner(BatchApiClient api, BatchEnrichmentOptions options, TimeProvider timeProvider, ILogger logger)
{
    private const int TransferAttempts = 3;
    private static readonly byte[] s_newLine = "\n"u8.ToArray();

    private readonly string _ledgerPath = Path.Combine(Path.GetFullPath(options.StateDirectory), BatchEnrichmentOptions.LedgerFileName);

    public async Task<BatchRound> RunAsync(IReadOnlyList<BatchRequestLine> lines, Action<BatchProgress>? progress, CancellationToken cancellationToken)
    {
        var batches = new List<BatchObject>();
        foreach (var file in Split(lines))
        {
            batches.Add(await SubmitAsync(file.Content, file.Requests, cancellationToken).ConfigureAwait(false));
        }

        var answers = new Dictionary<string, BatchAnswer>(StringComparer.Ordinal);
        await WaitAsync(batches, answers, progress, cancellationToken).ConfigureAwait(false);
        return new BatchRound(answers, [.. batches.Select(b => b.Id)]);
    }

    /// <summary>Drops the batches from the ledger once their answers are cached: a later run has nothing to resume.</summary>
    public async Task ForgetAsync(IEnumerable<string> batchIds, CancellationToken cancellationToken)
    {
        var ledger = await BatchLedger.ReadAsync(_ledgerPath, cancellationToken).ConfigureAwait(false);
        foreach (var id in batchIds)
        {
            ledger = ledger.Without(id);
        }

        await ledger.WriteAsync(_ledgerPath, cancellationToken).ConfigureAwait(false);
    }

    private IEnumerable<(byte[] Content, int Requests)> Split(IReadOnlyList<BatchRequestLine> lines)
    {
        var buffer = new MemoryStream();
        var count = 0;
        foreach (var line in lines)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(line, BatchJsonContext.InputFiles.BatchRequestLine);
            if (count > 0 && (count == options.MaxRequestsPerBatch || buffer.Length + bytes.Length + 1 > options.MaxBatchFileBytes))
            {
                yield return (buffer.ToArray(), count);
                buffer.SetLength(0);
                count = 0;
            }

            buffer.Write(bytes);
            buffer.Write(s_newLine);
            count++;
        }

        if (count > 0)
        {
            yield return (buffer.ToArray(), count);
        }
    }

    private async Task<BatchObject> SubmitAsync(byte[] content, int requests, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var ledger = await BatchLedger.ReadAsync(_ledgerPath, cancellationToken).ConfigureAwait(false);
        if (ledger.Find(sha) is { } recorded)
        {
            LogResuming(logger, recorded.BatchId, recorded.Requests, recorded.SubmittedAt);
            return new BatchObject { Id = recorded.BatchId, Status = "unknown" };
        }

        // The input file stays beside the ledger: what was sent can be read back when an answer is questioned.
        var fileName = $"batch-{sha[..16]}.jsonl";
        await Vectors.AtomicFile.WriteAllBytesAsync(Path.Combine(Path.GetDirectoryName(_ledgerPath)!, fileName), content, cancellationToken).ConfigureAwait(false);
        var fileId = await TransferAsync(token => api.UploadAsync(fileName, content, token), cancellationToken).ConfigureAwait(false);
        BatchObject batch;
        try
        {
            // Not repeated on a transient failure: the batch may exist, and a second one would be paid for twice.
            batch = await api.CreateAsync(fileId, cancellationToken).ConfigureAwait(false);
        }
        catch (BatchTransportException ex)
        {
            throw new EnrichmentBatchException($"{ex.Message} Run again to submit the batch anew.", ex);
        }

        await ledger.With(new BatchRecord(sha, batch.Id, fileId, requests, timeProvider.GetUtcNow())).WriteAsync(_ledgerPath, cancellationToken).ConfigureAwait(false);
        LogSubmitted(logger, batch.Id, requests, content.Length, api.Endpoint);
        return batch;
    }

    private async Task WaitAsync(
        List<BatchObject> batches, Dictionary<string, BatchAnswer> answers, Action<BatchProgress>? progress, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var pending = batches.Select((b, i) => i).ToHashSet();
        while (true)
        {
            foreach (var index in pending.ToList())
            {
                BatchObject batch;
                try
                {
                    batch = await api.GetAsync(batches[index].Id, cancellationToken).ConfigureAwait(false);
                }
                catch (BatchTransportException ex)
                {
                    LogPollFailed(logger, batches[index].Id, ex.Message);
                    continue;
                }

                batches[index] = batch;
                if (await TryFinishAsync(batch, answers, cancellationToken).ConfigureAwait(false))
                {
                    pending.Remove(index);
                }
            }

            var waited = timeProvider.GetElapsedTime(started);
            progress?.Invoke(new BatchProgress(batches.Count, pending.Count, batches.Sum(b => b.RequestCounts?.Total ?? 0),
                batches.Sum(b => b.RequestCounts?.Completed ?? 0), batches.Sum(b => b.RequestCounts?.Failed ?? 0), waited));
            if (pending.Count == 0)
            {
                return;
            }

            if (waited >= options.MaxWait)
            {
                var ids = string.Join(", ", pending.Select(i => $"{batches[i].Id} ({batches[i].Status})"));
                throw new EnrichmentBatchException(
                    $"Batch(es) {ids} at {api.Endpoint} did not finish within {nameof(BatchEnrichmentOptions)}.{nameof(BatchEnrichmentOptions.MaxWait)} ({options.MaxWait}). " +
                    $"They stay recorded in {_ledgerPath}: run again to resume waiting for them, or cancel them (POST /v1/batches/{{id}}/cancel) and run again " +
                    "to use what they answered and ask the rest live.",
                    batches[pending.First()].Id);
            }

            await Task.Delay(options.PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a batch that has ended into <paramref name="answers"/>; false while it is still running.</summary>
    private async Task<bool> TryFinishAsync(BatchObject batch, Dictionary<string, BatchAnswer> answers, CancellationToken cancellationToken)
    {
        switch (batch.Status)
        {
            case "completed" or "expired" or "cancelled":
                foreach (var fileId in new[] { batch.OutputFileId, batch.ErrorFileId })
                {
                    if (fileId is not null)
                    {
                        var content = await TransferAsync(token => api.DownloadAsync(fileId, token), cancellationToken).ConfigureAwait(false);
                        BatchResultFile.Read(content, fileId, answers);
                    }
                }

                LogEnded(logger, batch.Id, batch.Status, batch.RequestCounts?.Completed ?? 0, batch.RequestCounts?.Failed ?? 0, batch.RequestCounts?.Total ?? 0);
                return true;
            case "failed":
                // A failed batch answered nothing; forgetting it lets the next run submit the requests anew.
                await ForgetAsync([batch.Id], cancellationToken).ConfigureAwait(false);
                var errors = batch.Errors?.Data is { Count: > 0 } data
                    ? string.Join("; ", data.Take(5).Select(e => $"{(e.Line is { } line ? $"line {line}: " : "")}{e.Message} [{e.Code}]"))
                    : "no reason given";
                throw new EnrichmentBatchException(
                    $"Batch {batch.Id} at {api.Endpoint} failed: {errors}. Nothing was answered; fix what the errors name (the input file is kept in " +
                    $"{Path.GetDirectoryName(_ledgerPath)}) and run again, or run without batch mode.",
                    batch.Id);
            default:
                return false;
        }
    }

    private async Task<TResult> TransferAsync<TResult>(Func<CancellationToken, Task<TResult>> transfer, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await transfer(cancellationToken).ConfigureAwait(false);
            }
            catch (BatchTransportException ex) when (attempt < TransferAttempts)
            {
                LogTransferRetry(logger, attempt, TransferAttempts, ex.Message);
                await Task.Delay(options.PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (BatchTransportException ex)
            {
                throw new EnrichmentBatchException($"{ex.Message} ({TransferAttempts} attempts.)", ex);
            }
        }
    }

    [LoggerMessage(60, LogLevel.Information, "Submitted batch {BatchId}: {Requests} request(s), {Bytes} byte(s), to {Endpoint}.")]
    private static partial void LogSubmitted(ILogger logger, string batchId, int requests, int bytes, Uri endpoint);

    [LoggerMessage(61, LogLevel.Information, "Resuming batch {BatchId} ({Requests} request(s), submitted {SubmittedAt:u}).")]
    private static partial void LogResuming(ILogger logger, string batchId, int requests, DateTimeOffset submittedAt);

    [LoggerMessage(62, LogLevel.Warning, "Could not read the status of batch {BatchId}; trying again at the next poll: {Problem}")]
    private static partial void LogPollFailed(ILogger logger, string batchId, string problem);

    [LoggerMessage(63, LogLevel.Information, "Batch {BatchId} ended {Status}: {Completed} of {Total} request(s) answered, {Failed} failed.")]
    private static partial void LogEnded(ILogger logger, string batchId, string status, int completed, int failed, int total);

    [LoggerMessage(64, LogLevel.Warning, "A Batch API transfer failed (attempt {Attempt} of {Attempts}); retrying: {Problem}")]
    private static partial void LogTransferRetry(ILogger logger, int attempt, int attempts, string problem);
}
