using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmErs.Runtime.Tests.Teacher;

public sealed class ListwiseTeacherTests
{
    private static readonly TeacherRequest Request = new(
        "u1",
        ["Alien (1979)", "Aliens (1986)"],
        [new TeacherCandidate("m1", "Notting Hill (1999)"), new TeacherCandidate("m2", "Predator (1987)"), new TeacherCandidate("m3", "The Thing (1982)")]);

    [Fact]
    public async Task AnAnswerOutsideTheCandidates_IsReasked_WithTheError()
    {
        var client = new QueuedChatClient("{\"value\": [\"m2\", \"m9\", \"m1\"]}", "{\"value\": [\"m3\", \"m2\", \"m1\"]}");
        using var teacher = new ListwiseTeacher(client, new MemoryCache());

        var ranking = await teacher.RankAsync(Request);

        Assert.Equal(["m3", "m2", "m1"], ranking.RankedKeys);
        Assert.Equal(2, ranking.Calls);
        Assert.False(ranking.FromCache);
        var reask = client.Conversations[1][^1];
        Assert.Equal(ChatRole.User, reask.Role);
        Assert.Contains("m9", reask.Text, StringComparison.Ordinal);
        Assert.IsType<AnswerConstraints>(client.Options[0]!.AdditionalProperties![AnswerConstraints.ChatOptionsKey]);
        Assert.Equal(AnswerKind.Ranking, ((AnswerConstraints)client.Options[0]!.AdditionalProperties![AnswerConstraints.ChatOptionsKey]!).Kind);
    }

    [Fact]
    public async Task ARepeatedOrShortRanking_IsReasked_AndAnAnswerNeverFixedFails()
    {
        var client = new QueuedChatClient("{\"value\": [\"m2\", \"m2\", \"m1\"]}", "{\"value\": [\"m2\"]}", "{\"value\": [\"m2\", \"m1\"]}");
        using var teacher = new ListwiseTeacher(client, new MemoryCache(), Options.Create(new ListwiseTeacherOptions { Requests = new EnrichmentOptions { MaxReasks = 2 } }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => teacher.RankAsync(Request));

        Assert.Contains("'u1'", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, client.Conversations.Count);
    }

    [Fact]
    public async Task ACachedRanking_IsNotAskedAgain_ButAChangedRequestIs()
    {
        var client = new QueuedChatClient("{\"value\": [\"m2\", \"m3\", \"m1\"]}", "{\"value\": [\"m3\", \"m2\"]}");
        var cache = new MemoryCache();
        using var first = new ListwiseTeacher(client, cache);
        await first.RankAsync(Request);

        using var second = new ListwiseTeacher(client, cache);
        var again = await second.RankAsync(Request);
        var changed = await second.RankAsync(Request with { Candidates = Request.Candidates.Skip(1).ToArray() });

        Assert.True(again.FromCache);
        Assert.Equal(0, again.Calls);
        Assert.Equal(["m2", "m3", "m1"], again.RankedKeys);
        Assert.False(changed.FromCache);
        Assert.Equal(2, client.Conversations.Count);
    }
}
