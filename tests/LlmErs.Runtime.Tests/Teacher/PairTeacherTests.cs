using System.Text.Json;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmErs.Runtime.Tests.Teacher;

public sealed class PairTeacherTests
{
    private static readonly TeacherRequest Request = new(
        "u1",
        ["Alien (1979)", "Aliens (1986)"],
        [new TeacherCandidate("m1", "Notting Hill (1999)"), new TeacherCandidate("m2", "Predator (1987)"), new TeacherCandidate("m3", "The Thing (1982)")]);

    private const string Valid = "{\"value\": {\"liked\": \"m3\", \"disliked\": \"m1\"}}";

    [Fact]
    public async Task AnAnswerOutsideTheCandidates_IsReasked_WithTheError_AndThenAccepted()
    {
        var client = new QueuedChatClient("{\"value\": {\"liked\": \"m9\", \"disliked\": \"m1\"}}", Valid);
        using var teacher = new PairTeacher(client, new MemoryCache());

        var pair = await teacher.ChooseAsync(Request);

        Assert.Equal(new PreferenceAnswer("m3", "m1"), pair.Choice);
        Assert.Null(pair.Failure);
        Assert.Equal(2, pair.Calls);
        var reask = client.Conversations[1][^1];
        Assert.Equal(ChatRole.User, reask.Role);
        Assert.Contains("\"m9\" is not one of the candidates", reask.Text, StringComparison.Ordinal);
        var constraints = (AnswerConstraints)client.Options[0]!.AdditionalProperties![AnswerConstraints.ChatOptionsKey]!;
        Assert.Equal(AnswerKind.Preference, constraints.Kind);
        Assert.Equal(["m1", "m2", "m3"], constraints.Choices);
    }

    [Fact]
    public async Task TheSchemasEnum_IsBuiltFromEachRequestsCandidates()
    {
        var client = new QueuedChatClient(Valid, "{\"value\": {\"liked\": \"m7\", \"disliked\": \"m8\"}}");
        using var teacher = new PairTeacher(client, new MemoryCache());
        var other = new TeacherRequest("u2", ["Heat (1995)"], [new TeacherCandidate("m7", "Ronin (1998)"), new TeacherCandidate("m8", "Babe (1995)")]);

        await teacher.ChooseAsync(Request);
        await teacher.ChooseAsync(other);

        Assert.Equal(["m1", "m2", "m3"], Enum(client.Options[0]!, "liked"));
        Assert.Equal(["m1", "m2", "m3"], Enum(client.Options[0]!, "disliked"));
        Assert.Equal(["m7", "m8"], Enum(client.Options[1]!, "liked"));
        Assert.Equal(["m7", "m8"], Enum(client.Options[1]!, "disliked"));
    }

    [Fact]
    public async Task TheSameCandidateTwice_IsReasked_AndAnAnswerNeverFixed_FailsThatUserOnly()
    {
        var same = "{\"value\": {\"liked\": \"m2\", \"disliked\": \"m2\"}}";
        var client = new QueuedChatClient(same, same, same, Valid);
        using var teacher = new PairTeacher(client, new MemoryCache(), Options.Create(new PairTeacherOptions { Requests = new EnrichmentOptions { MaxReasks = 2, MaxConcurrency = 1 } }));

        var result = await teacher.ChooseAsync([Request, Request with { User = "u2", History = ["Heat (1995)"] }]);

        var (failed, chosen) = (result.Pairs[0], result.Pairs[1]);
        Assert.Null(failed.Choice);
        Assert.Contains("'u1'", failed.Failure, StringComparison.Ordinal);
        Assert.Contains("both name \"m2\"", failed.Failure, StringComparison.Ordinal);
        Assert.Equal(3, failed.Calls);
        Assert.Equal(new PreferenceAnswer("m3", "m1"), chosen.Choice);
        Assert.Equal(new PairTeacherReport(2, 1, 0, 4, 2, 1, default), result.Report);
    }

    [Fact]
    public async Task ACachedPair_IsNotAskedAgain_ButAChangedRequestIs_AndRankingsKeepTheirOwnKeys()
    {
        var client = new QueuedChatClient(Valid, "{\"value\": {\"liked\": \"m2\", \"disliked\": \"m3\"}}", "{\"value\": [\"m1\", \"m2\", \"m3\"]}");
        var cache = new MemoryCache();
        using (var first = new PairTeacher(client, cache))
        {
            await first.ChooseAsync(Request);
        }

        using var second = new PairTeacher(client, cache);
        var again = await second.ChooseAsync(Request);
        var changed = await second.ChooseAsync(Request with { Candidates = Request.Candidates.Skip(1).ToArray() });
        using var ranking = new ListwiseTeacher(client, cache);
        var ranked = await ranking.RankAsync(Request);

        Assert.True(again.FromCache);
        Assert.Equal((0, new PreferenceAnswer("m3", "m1")), (again.Calls, again.Choice));
        Assert.False(changed.FromCache);
        Assert.False(ranked.FromCache);
        Assert.Equal(3, client.Conversations.Count);
    }

    [Fact]
    public async Task ReaskLogs_AreMasked()
    {
        var client = new QueuedChatClient("{\"value\": {\"liked\": \"sk-secret123456\", \"disliked\": \"m1\"}}", Valid);
        var logs = new CapturingLoggerFactory();
        using var teacher = new PairTeacher(client, new MemoryCache(), loggerFactory: logs);

        await teacher.ChooseAsync(Request);

        var reask = Assert.Single(logs.Messages, entry => entry.Message.Contains("re-asking", StringComparison.Ordinal));
        Assert.Equal(typeof(PairTeacher).FullName, reask.Category);
        Assert.Contains("sk-", reask.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret123456", reask.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestWithFewerThanTwoCandidates_IsRejected_NamingTheUser()
    {
        using var teacher = new PairTeacher(new QueuedChatClient(), new MemoryCache());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => teacher.ChooseAsync(Request with { Candidates = Request.Candidates.Take(1).ToArray() }));

        Assert.Contains("'u1'", error.Message, StringComparison.Ordinal);
    }

    private static string[] Enum(ChatOptions options, string member)
    {
        var schema = ((ChatResponseFormatJson)options.ResponseFormat!).Schema!.Value;
        var keys = schema.GetProperty("properties").GetProperty("value").GetProperty("properties").GetProperty(member).GetProperty("enum");
        return [.. keys.EnumerateArray().Select(key => key.GetString()!)];
    }
}
