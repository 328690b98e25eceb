using System.Globalization;
using System.Text.RegularExpressions;
using LlmErs.Local;
using LlmErs.Quickstart;
using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmErs.Samples.Tests;

/// <summary>
/// The viewers' profiles end to end through the engine: what reaches a profile prompt (never a held-out interaction,
/// nothing after the cutoff), and what the cache saves (an unchanged history never re-asks, a changed one re-asks only
/// its own prompts).
/// </summary>
public sealed class ViewerProfileTests
{
    private const int Users = 12;
    private const int PerUser = 8;

    /// <summary>Every item belongs to one user, so any prompt that names a held-out item has leaked it.</summary>
    private static readonly InteractionLog Explicit = CreateLog();

    private static readonly Dictionary<string, Movie> Movies = Explicit.ItemIds.Keys.ToDictionary(
        id => id, id => new Movie { Id = id, Title = $"Film {id}", Genres = ["Drama"], Moods = [id.EndsWith('0') ? "dark" : "funny"] }, StringComparer.Ordinal);

    public static TheoryData<string> Protocols() => ["leave-one-out", "cold-item"];

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task NoValidationOrTestInteraction_EverReachesAProfilePrompt(string protocol)
    {
        var split = Split(protocol);
        var prompts = await PromptsAsync(ViewerProfiles.Viewers(split, Movies, Explicit));

        var heldOut = Items(split.Validation).Concat(Items(split.Test)).ToList();
        Assert.NotEmpty(heldOut);
        AssertNoneNamed(prompts, heldOut);
        // Not vacuous: the training items do reach the prompts, with their ratings.
        Assert.All(Items(split.Train), item => Assert.Contains(prompts, prompt => Names(prompt, item)));
        Assert.Contains(prompts, prompt => prompt.Contains("/5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NothingAfterTheCutoff_ReachesAProfilePrompt()
    {
        var split = Split("leave-one-out");
        const long Cutoff = 4 * Users;
        var histories = UserHistories.FromTraining(split, Movies, new UserHistoryOptions { Cutoff = Cutoff });
        var prompts = await PromptsAsync([.. histories.Select((history, user) => new Viewer { Id = split.UserIds[user], History = history })]);

        var later = Enumerable.Range(0, split.Train.Count).Where(row => split.Train.Timestamps[row] > Cutoff).Select(row => split.ItemIds[split.Train.Items[row]]).ToList();
        Assert.NotEmpty(later);
        AssertNoneNamed(prompts, later);
        AssertNoneNamed(prompts, [.. Items(split.Validation), .. Items(split.Test)]);
    }

    [Fact]
    public async Task AnUnchangedHistory_NeverReAsks_AndAChangedOne_ReAsksOnlyThePromptsItChanged()
    {
        using var folder = new TempDirectory();
        var split = Split("leave-one-out");
        var client = new RecordingChatClient();

        Assert.Equal(Users * 3, await RunAsync(client, folder, ViewerProfiles.Viewers(split, Movies, Explicit)));
        Assert.Equal(0, await RunAsync(client, folder, ViewerProfiles.Viewers(split, Movies, Explicit)));

        var viewers = ViewerProfiles.Viewers(split, Movies, Explicit);
        var before = Prompts(viewers[3]);
        viewers[3] = new Viewer { Id = viewers[3].Id, History = [new HistoryEntry<Movie>(Movies[Explicit.ItemIds[0]], 999, 1f), .. viewers[3].History] };
        var after = Prompts(viewers[3]);
        var changed = after.Where((prompt, field) => prompt != before[field]).ToList();
        // A low rating joins the profile's and the dislikes' prompts; the likes' prompt leaves it out, so it stays cached.
        Assert.Equal([true, false, true], before.Zip(after, (old, now) => old != now));

        Assert.Equal(changed.Count, await RunAsync(client, folder, viewers));
        Assert.All(client.Prompts, prompt => Assert.True(Names(prompt, Explicit.ItemIds[0]), prompt));
    }

    [Fact]
    public async Task TheSameInputs_GiveTheSameProfiles()
    {
        var first = await EnrichedAsync();
        var second = await EnrichedAsync();

        Assert.Equal(first.Select(Describe), second.Select(Describe));

        static string Describe(Viewer viewer) => $"{viewer.Id}|{viewer.Profile}|{string.Join(",", viewer.LikedMoods)}|{string.Join(",", viewer.DislikedMoods)}";

        static async Task<Viewer[]> EnrichedAsync()
        {
            using var folder = new TempDirectory();
            var viewers = ViewerProfiles.Viewers(Split("leave-one-out"), Movies, Explicit);
            await RunAsync(new RecordingChatClient(), folder, viewers);
            return viewers;
        }
    }

    [Fact]
    public async Task TheOfflineClient_LikesWhatWasRatedWell_AndAvoidsWhatWasRatedLow()
    {
        Movie Film(string title, string genre, string mood) => new() { Id = title, Title = title, Genres = [genre], Moods = [mood] };
        var viewer = new Viewer
        {
            Id = "u1",
            History =
            [
                new(Film("Laugh Riot", "Comedy", "funny"), 3, 5f),
                new(Film("Grim Night", "Horror", "dark"), 2, 1f),
                new(Film("Big Jokes", "Comedy", "funny"), 1, 4.5f),
                new(Film("Black Alley", "Thriller", "dark"), 0, 1.5f),
            ],
        };
        using var embeddings = new MiniLmEmbeddingGenerator();
        using var chat = ChatSetup.Create(null, embeddings);
        using var folder = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(folder.File("cache.db"));
        using var engine = new EnrichmentEngine(chat.Client, cache, Options.Create(chat.Options));

        var report = await engine.RunAsync([viewer]);

        Assert.Equal(1, report.Succeeded);
        // By embedding similarity: the liked moods include the well-rated movies' mood (MiniLM also finds "dark" close to
        // the question itself, so it may come along); the disliked ones are the low-rated movies'.
        Assert.Contains("funny", viewer.LikedMoods);
        Assert.Equal(["dark"], viewer.DislikedMoods);
        // Extractive: the profile is made of the history's own sentences.
        Assert.Contains("Laugh Riot", viewer.Profile, StringComparison.Ordinal);
    }

    private static DataSplit Split(string protocol) => protocol == "cold-item"
        ? ColdItemSplitter.Split(Explicit.ToImplicit(), new ColdItemSplitOptions { TestItemFraction = 0.2, ValidationItemFraction = 0.1, Seed = 5 })
        : LeaveOneOutSplitter.Split(Explicit.ToImplicit());

    /// <summary>User u rates items u-0 … u-7 at times k·Users + u: the users' histories interleave in time.</summary>
    private static InteractionLog CreateLog()
    {
        var builder = new InteractionLogBuilder();
        for (var k = 0; k < PerUser; k++)
        {
            for (var u = 0; u < Users; u++)
            {
                builder.Add($"u{u}", $"i{u}x{k}", (k * Users) + u, rating: 1 + ((u + k) % 5));
            }
        }

        return builder.Build();
    }

    private static IEnumerable<string> Items(InteractionLog log) =>
        Enumerable.Range(0, log.Count).Select(row => log.ItemIds[log.Items[row]]);

    private static bool Names(string prompt, string item) =>
        Regex.IsMatch(prompt, $@"\b{Regex.Escape(item)}\b", RegexOptions.CultureInvariant);

    private static void AssertNoneNamed(IReadOnlyList<string> prompts, IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            Assert.DoesNotContain(prompts, prompt => Names(prompt, item));
        }
    }

    private static string[] Prompts(Viewer viewer) =>
        [.. EnrichmentModel.Of<Viewer>().LlmFields.Select(field => field.RenderPrompt(viewer))];

    private static async Task<IReadOnlyList<string>> PromptsAsync(Viewer[] viewers)
    {
        using var folder = new TempDirectory();
        var client = new RecordingChatClient();
        var calls = await RunAsync(client, folder, viewers);

        // Every distinct prompt is asked. Viewers whose histories render alike share a prompt: it is asked once, or
        // more than once when the copies are in flight together, so the number of calls varies between those bounds.
        var distinct = viewers.SelectMany(Prompts).Distinct(StringComparer.Ordinal).Count();
        Assert.InRange(calls, distinct, viewers.Length * 3);
        Assert.Equal(distinct, client.Prompts.Distinct(StringComparer.Ordinal).Count());
        return client.Prompts;
    }

    /// <summary>Enriches the viewers through the engine and a cache in <paramref name="folder"/>; returns the model calls made.</summary>
    private static async Task<int> RunAsync(RecordingChatClient client, TempDirectory folder, Viewer[] viewers)
    {
        client.Prompts.Clear();
        await using var cache = new SqliteEnrichmentCache(folder.File("cache.db"));
        using var engine = new EnrichmentEngine(client, cache, Options.Create(new EnrichmentOptions { MaxConcurrency = 4, ModelId = "recording" }));
        var report = await engine.RunAsync(viewers);
        Assert.Equal(viewers.Length, report.Succeeded);
        return client.Prompts.Count;
    }

    /// <summary>Records each request's prompt and answers it validly: a fixed sentence, or the first one or two labels.</summary>
    private sealed class RecordingChatClient : IChatClient
    {
        public List<string> Prompts { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var prompt = string.Join("\n", messages.Where(m => m.Role == ChatRole.User).Select(m => m.Text));
            lock (Prompts)
            {
                Prompts.Add(prompt);
            }

            var constraints = (AnswerConstraints)options!.AdditionalProperties![AnswerConstraints.ChatOptionsKey]!;
            var answer = constraints.Kind == AnswerKind.Tags
                ? AnswerReader.Format(constraints.Choices.Take(1 + (prompt.Length % 2)).ToList())
                : AnswerReader.Format($"Enjoys {prompt.Length.ToString(CultureInfo.InvariantCulture)} characters of films.");
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
