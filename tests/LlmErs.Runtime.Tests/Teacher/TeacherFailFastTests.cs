using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace LlmErs.Runtime.Tests.Teacher;

/// <summary>The teachers stop on an endpoint that cannot serve them as an enrichment run does, over real HTTP.</summary>
public sealed class TeacherFailFastTests
{
    [Fact]
    public async Task A401StopsTheListwiseTeacherAtOnce_NamingTheModelAndWhatToCheck()
    {
        await using var server = FakeOpenAIServer.Start(_ => FakeReply.Error(401, "invalid_api_key"));
        using var client = server.CreateChatClient(apiKey: "sk-test-0123456789abcdef");
        var requests = Enumerable.Range(0, 50).Select(Request).ToList();
        var options = new EnrichmentOptions { MaxConcurrency = 4, ModelId = "gpt-test" };
        options.Resilience.Preflight = false;
        using var teacher = new ListwiseTeacher(client, new MemoryCache(), Options.Create(new ListwiseTeacherOptions { Requests = options }));

        var stopped = await Assert.ThrowsAsync<EnrichmentStoppedException>(() => teacher.RankAsync(requests));

        Assert.Equal(StopReason.Unauthorized, stopped.Stop.Reason);
        Assert.Contains("'gpt-test'", stopped.Message, StringComparison.Ordinal);
        Assert.Contains("check the API key", stopped.Message, StringComparison.Ordinal);
        // The requests in flight when the first 401 came back, not one per user.
        Assert.InRange(server.Requests, 1, 4);
    }

    private static TeacherRequest Request(int user) => new(
        $"u{user}",
        ["Alien (1979)", "Aliens (1986)"],
        [new TeacherCandidate("m1", "Notting Hill (1999)"), new TeacherCandidate("m2", "Predator (1987)"), new TeacherCandidate("m3", "The Thing (1982)")]);
}
