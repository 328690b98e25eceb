using System.ClientModel;
using System.Net;
using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Xunit;

namespace LlmErs.Runtime.Tests.Resilience;

public sealed class ProviderErrorsTests
{
    private static readonly DateTimeOffset s_now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(429, true)]
    [InlineData(408, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    public void StatusesAreTransientAsHttpSemanticsSay(int status, bool transient)
    {
        Assert.Equal(transient, ProviderErrors.IsTransient(FakePipelineResponse.Exception(FakeReply.Error(status))));
        Assert.Equal(transient, ProviderErrors.IsTransient(new HttpRequestException("x", null, (HttpStatusCode)status)));
    }

    [Fact]
    public void NetworkFailuresAndTimeoutsAreTransient_OtherExceptionsAreNot()
    {
        Assert.True(ProviderErrors.IsTransient(new HttpRequestException(HttpRequestError.ConnectionError, "reset")));
        Assert.True(ProviderErrors.IsTransient(new ClientResultException("no response")));
        Assert.True(ProviderErrors.IsTransient(new TimeoutRejectedException()));
        Assert.True(ProviderErrors.IsTransient(new BrokenCircuitException()));
        Assert.True(ProviderErrors.IsTransient(new TaskCanceledException("client timeout", new TimeoutException())));
        Assert.False(ProviderErrors.IsTransient(new InvalidOperationException()));
        Assert.False(ProviderErrors.IsTransient(new OperationCanceledException()));
        Assert.False(ProviderErrors.IsProviderFailure(new BrokenCircuitException()));
    }

    [Fact]
    public void RetryAfterIsReadFromEveryForm()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(40), ProviderErrors.RetryAfter(FakePipelineResponse.Exception(FakeReply.Error(429, retryAfter: TimeSpan.FromMilliseconds(40))), s_now));
        Assert.Equal(TimeSpan.FromSeconds(7), ProviderErrors.RetryAfter(WithHeader("Retry-After", "7"), s_now));
        Assert.Equal(TimeSpan.FromSeconds(30), ProviderErrors.RetryAfter(WithHeader("Retry-After", s_now.AddSeconds(30).ToString("r")), s_now));
        Assert.Equal(TimeSpan.FromSeconds(3), ProviderErrors.RetryAfter(new BrokenCircuitException(TimeSpan.FromSeconds(3)), s_now));
        Assert.Null(ProviderErrors.RetryAfter(FakePipelineResponse.Exception(FakeReply.Error(429)), s_now));
        Assert.Null(ProviderErrors.RetryAfter(new HttpRequestException("x"), s_now));
    }

    [Fact]
    public void ContentFilterRejectionsAreRecognized()
    {
        Assert.True(ProviderErrors.IsContentFilter(FakePipelineResponse.Exception(FakeReply.Error(400, "content_filter"))));
        Assert.False(ProviderErrors.IsContentFilter(FakePipelineResponse.Exception(FakeReply.Error(400, "invalid_request_error"))));
    }

    private static ClientResultException WithHeader(string name, string value) =>
        new("HTTP 429", new FakePipelineResponse(429, "{}", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [name] = value }));
}
