namespace LlmErs;

/// <summary>
/// The Batch API refused a request, a batch failed, or a batch did not finish in time. The message names the endpoint,
/// the batch and what to check; it never contains the API key.
/// </summary>
public sealed class EnrichmentBatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EnrichmentBatchException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EnrichmentBatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EnrichmentBatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the batch it concerns.</summary>
    public EnrichmentBatchException(string message, string? batchId, int? statusCode = null)
        : base(message)
    {
        BatchId = batchId;
        StatusCode = statusCode;
    }

    /// <summary>The batch concerned, when there is one.</summary>
    public string? BatchId { get; }

    /// <summary>The HTTP status the API answered with, when it answered with an error.</summary>
    public int? StatusCode { get; }
}
