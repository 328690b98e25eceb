namespace LlmErs;

/// <summary>A Batch API request that may succeed when repeated: no answer, 429 or a server error.</summary>
internal sealed class BatchTransportException(string message, Exception innerException) : Exception(message, innerException);
