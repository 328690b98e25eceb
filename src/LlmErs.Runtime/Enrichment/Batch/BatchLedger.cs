using System.Text.Json;
using LlmErs.Vectors;

namespace LlmErs;

/// <summary>
/// The batches a run submitted and has not used yet, by the SHA-256 of their input file: the same requests make the same
/// file, so a restarted run finds its batch here and polls it instead of paying for a second one.
/// </summary>
internal sealed record BatchLedger(IReadOnlyList<BatchRecord> Batches)
{
    public static async Task<BatchLedger> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new BatchLedger([]);
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(bytes, BatchJsonContext.Default.BatchLedger) ?? new BatchLedger([]);
        }
        catch (JsonException ex)
        {
            throw new EnrichmentBatchException(
                $"The batch ledger {path} is not valid JSON ({ex.Message}). It lists the batches submitted and not yet used: fix it, or delete it " +
                "to submit the requests again (the batches it listed are then paid for but not used).", ex);
        }
    }

    public BatchRecord? Find(string inputSha256) => Batches.FirstOrDefault(b => b.InputSha256 == inputSha256);

    public BatchLedger With(BatchRecord record) => new([.. Batches.Where(b => b.InputSha256 != record.InputSha256), record]);

    public BatchLedger Without(string batchId) => new([.. Batches.Where(b => b.BatchId != batchId)]);

    public Task WriteAsync(string path, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(this, BatchJsonContext.Default.BatchLedger), cancellationToken);
}

/// <summary>One submitted batch: its id, its input file and how many requests it holds.</summary>
internal sealed record BatchRecord(string InputSha256, string BatchId, string InputFileId, int Requests, DateTimeOffset SubmittedAt);
