using LlmErs;
using Xunit;

namespace LlmErs.Runtime.Tests.Resilience;

public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("Authorization: Bearer sk-proj-AbC123_xyz", "Authorization: Bearer ***")]
    [InlineData("Incorrect API key provided: sk-abcd1234efgh.", "Incorrect API key provided: sk-***.")]
    [InlineData("{\"api-key\": \"0123456789abcdef0123456789abcdef\"}", "{\"api-key\": \"***\"}")]
    [InlineData("x-api-key=c2VjcmV0LXRva2VuLXZhbHVl&model=m", "x-api-key=***&model=m")]
    [InlineData("Authorization: Basic dXNlcjpwYXNz", "Authorization: Basic ***")]
    [InlineData("Ocp-Apim-Subscription-Key: 9f8e7d6c5b4a", "Ocp-Apim-Subscription-Key: ***")]
    public void KeyLikeStringsAreMasked(string text, string expected) => Assert.Equal(expected, SecretMask.Apply(text));

    [Theory]
    [InlineData("Item 'b0001', field 'Genres': the answer was still invalid after 2 re-ask(s).")]
    [InlineData("cache entry 3f5a9c0e7d2b41a8b6c4e9f0a1d2c3b4e5f60718293a4b5c6d7e8f9a0b1c2d3e is unusable")]
    [InlineData("HTTP 404 (model_not_found): the model 'gpt-4o-mini' does not exist; ask for a task-specific key.")]
    public void OrdinaryTextIsLeftAlone(string text) => Assert.Equal(text, SecretMask.Apply(text));
}
