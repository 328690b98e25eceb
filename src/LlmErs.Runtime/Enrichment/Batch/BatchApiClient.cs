using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LlmErs;

/// <summary>
/// The five calls of the OpenAI Files and Batch API that batch mode makes, over one <see cref="HttpClient"/>. An error
/// answer becomes an <see cref="EnrichmentBatchException"/> that names the endpoint and what to check, with the key
/// masked out of whatever the provider echoed.
/// </summary>
internal sealed class BatchApiClient : IDisposable
{
    /// <summary>The request URL every line of an input file names, and the endpoint of every batch.</summary>
    public const string ChatCompletionsUrl = "/v1/chat/completions";

    private const string CompletionWindow = "24h";

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _apiKey;

    public BatchApiClient(BatchEnrichmentOptions options, HttpMessageHandler? handler = null)
    {
        _apiKey = options.ResolveApiKey();
        // Relative paths resolve under the version segment only when the base ends with a slash.
        _endpoint = new Uri(options.Endpoint.AbsoluteUri.TrimEnd('/') + "/");
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = options.RequestTimeout;
    }

    public Uri Endpoint => _endpoint;

    public async Task<string> UploadAsync(string fileName, ReadOnlyMemory<byte> jsonLines, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("batch"), "purpose");
        var file = new ReadOnlyMemoryContent(jsonLines);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/jsonl");
        form.Add(file, "file", fileName);
        var uploaded = await SendAsync(HttpMethod.Post, "files", form, BatchJsonContext.Default.FileObject, "upload the batch input file", cancellationToken)
            .ConfigureAwait(false);
        return uploaded.Id;
    }

    public Task<BatchObject> CreateAsync(string inputFileId, CancellationToken cancellationToken)
    {
        var body = JsonContent(new CreateBatchBody(inputFileId, ChatCompletionsUrl, CompletionWindow), BatchJsonContext.Default.CreateBatchBody);
        return SendAsync(HttpMethod.Post, "batches", body, BatchJsonContext.Default.BatchObject, "create a batch", cancellationToken);
    }

    public Task<BatchObject> GetAsync(string batchId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"batches/{Uri.EscapeDataString(batchId)}", null, BatchJsonContext.Default.BatchObject,
            $"read the status of batch {batchId}", cancellationToken);

    public async Task<byte[]> DownloadAsync(string fileId, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(HttpMethod.Get, $"files/{Uri.EscapeDataString(fileId)}/content", null,
            $"download file {fileId}", cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private static ByteArrayContent JsonContent<TBody>(TBody body, JsonTypeInfo<TBody> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<TResult> SendAsync<TResult>(
        HttpMethod method, string path, HttpContent? content, JsonTypeInfo<TResult> typeInfo, string action, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, content, action, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo)
                ?? throw new JsonException("The body is the JSON literal null.");
        }
        catch (JsonException ex)
        {
            throw new EnrichmentBatchException(
                $"The Batch API at {_endpoint} answered {method} {path} with a body that is not the expected JSON ({ex.Message}). " +
                $"Check that {nameof(BatchEnrichmentOptions)}.{nameof(BatchEnrichmentOptions.Endpoint)} is an OpenAI-compatible base address that supports batches.",
                ex);
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(
        HttpMethod method, string path, HttpContent? content, string action, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_endpoint, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new BatchTransportException(
                $"Could not {action}: the Batch API at {_endpoint} did not answer ({Mask(ex.Message)}). Check the endpoint and the network.", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var message = $"Could not {action}: the Batch API at {_endpoint} answered {status} ({response.ReasonPhrase}): {Mask(ErrorText(body))} {Advice(response.StatusCode)}";
            throw status == 429 || status >= 500
                ? new BatchTransportException(message, new EnrichmentBatchException(message, null, status))
                : new EnrichmentBatchException(message, null, status);
        }
    }

    private static string ErrorText(string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, BatchJsonContext.Default.ApiErrorEnvelope)?.Error is { Message: { } message } error)
            {
                return error.Code is null ? message : $"{message} [{error.Code}]";
            }
        }
        catch (JsonException)
        {
            // Not an OpenAI error body: show the text itself.
        }

        const int Shown = 500;
        return body.Length <= Shown ? body : body[..Shown] + "…";
    }

    private static string Advice(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            $"Check the API key ({nameof(BatchEnrichmentOptions)}.{nameof(BatchEnrichmentOptions.ApiKey)} or {BatchEnrichmentOptions.ApiKeyVariable}) and that it may use the Batch API.",
        HttpStatusCode.NotFound =>
            $"Check {nameof(BatchEnrichmentOptions)}.{nameof(BatchEnrichmentOptions.Endpoint)}: the base address ends with the version (…/v1), and the server must support the Files and Batch API.",
        _ => "",
    };

    /// <summary>Providers sometimes echo the request's Authorization header in their error text.</summary>
    private string Mask(string text) => text.Replace(_apiKey, "***", StringComparison.Ordinal);
}
