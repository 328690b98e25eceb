using System.Text.Json;
using DuckDB.NET.Data;
using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using LlmErs.Runtime.Tests.Pipeline;
using Xunit;

namespace LlmErs.Runtime.Tests.Output;

public sealed class TriplesFileTests
{
    private static List<Song> Songs() =>
    [
        new() { Id = "s1", Title = "Blue Night", Known = [new("has_genre", "jazz"), new("sung_in", "German"), new("has_genre", "folk")] },
        new() { Id = "s2", Title = "Rap Story", Known = [] },
    ];

    // The engine delimits item data in prompts (<item>Blue Night</item>), so the fake looks for the title inside.
    private static bool Asks(string prompt, string start, string title) =>
        prompt.StartsWith(start, StringComparison.Ordinal) && prompt.Contains(title, StringComparison.Ordinal);

    /// <summary>Completion: the song's facts with sloppy casing; correction: keep jazz, drop the unknown language, fix folk.</summary>
    private static string Answer(string prompt, int attempt) => prompt switch
    {
        _ when Asks(prompt, "Facts", "Blue Night") =>
            """{"value":[{"relation":"Has_Genre","tail":" JAZZ"},{"relation":"sung_in","tail":"english"}]}""",
        _ when Asks(prompt, "Facts", "Rap Story") =>
            """{"value":[{"relation":"has_genre","tail":"hip hop"}]}""",
        _ when Asks(prompt, "Check", "Blue Night") => """
            {"value":[
              {"verdict":"keep","relation":"has_genre","tail":"jazz","reason":""},
              {"verdict":"drop","relation":"sung_in","tail":"German","reason":"The song has no lyrics in German."},
              {"verdict":"fix","relation":"sung_in","tail":"English","reason":"Folk is not its genre; its lyrics are English."}]}
            """,
        _ => """{"value":[]}""",
    };

    [Fact]
    public async Task The_pipeline_writes_every_triple_with_its_status_source_and_reason_and_lists_the_file()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ConversationChatClient(Answer), cache);

        var result = await Pipelines.Create<Song>(engine, cache, directory.Path, FeatureOutput.JsonLines(directory.File("songs.jsonl"))).RunAsync(Songs());

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT head, relation, tail, status, source, reason FROM '{directory.File("triples.parquet")}'";
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i))]);
        }

        Assert.Equal(
            [
                ["s1", "has_genre", "jazz", "added", "Facts", null],
                ["s1", "sung_in", "English", "added", "Facts", null],
                ["s1", "has_genre", "jazz", "kept", "Checked", null],
                ["s1", "sung_in", "German", "dropped", "Checked", "The song has no lyrics in German."],
                ["s1", "sung_in", "English", "fixed", "Checked", "Folk is not its genre; its lyrics are English."],
                ["s2", "has_genre", "hip hop", "added", "Facts", null],
            ],
            rows);
        Assert.Equal(
            rows.Select(r => new TripleRecord(r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, r[5])),
            await TriplesFile.ReadAsync(directory.File("triples.parquet")));

        var listed = Assert.Single(result.Manifest.Files, f => f.Kind == "triples");
        Assert.Equal(OfflinePipelineOptions.TriplesFileName, listed.Path);
        // The feature file holds the labels of the triples that hold: the dropped one is left out.
        var song = JsonDocument.Parse(File.ReadLines(directory.File("songs.jsonl")).First()).RootElement;
        Assert.Equal(["has_genre=jazz", "sung_in=English"], song.GetProperty("Checked").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_relation_outside_the_vocabulary_is_asked_again_with_the_allowed_relations()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        var chat = new ConversationChatClient((prompt, attempt) => Asks(prompt, "Facts", "Blue Night") && attempt == 0
            ? """{"value":[{"relation":"composed_by","tail":"jazz"}]}"""
            : Answer(prompt, attempt));
        using var engine = TestEngines.Create(chat, cache);

        var result = await Pipelines.Create<Song>(engine, cache, directory.Path).RunAsync(Songs());

        var reasked = Assert.Single(chat.Conversations, c => c.Count(m => m.Role.Value == "assistant") == 1);
        Assert.Contains("relation \"composed_by\" is not allowed. Allowed: \"has_genre\", \"sung_in\"", reasked[^1].Text, StringComparison.Ordinal);
        Assert.Equal([new KgTriple("has_genre", "jazz"), new KgTriple("sung_in", "English")], result.Items.Single(r => r.Key == "s1").Item.Facts);
    }

    [Fact]
    public async Task A_tail_that_never_normalizes_fails_that_items_field_and_the_file_leaves_it_out()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        var chat = new ConversationChatClient((prompt, attempt) => Asks(prompt, "Facts", "Rap Story")
            ? """{"value":[{"relation":"has_genre","tail":"grime"}]}"""
            : Answer(prompt, attempt));
        using var engine = TestEngines.Create(chat, cache);

        var result = await Pipelines.Create<Song>(engine, cache, directory.Path).RunAsync(Songs());

        var failed = result.Items.Single(r => r.Key == "s2").GetStatus(nameof(Song.Facts));
        Assert.False(failed.HasValue);
        Assert.Contains(result.Report.Enrichment.Failures, f => f.Message.Contains(
            "tail \"grime\" is not allowed for relation \"has_genre\". Allowed: \"jazz\", \"folk\", \"hip hop\"", StringComparison.Ordinal));
        var records = await TriplesFile.ReadAsync(directory.File("triples.parquet"));
        Assert.DoesNotContain(records, r => r.Head == "s2");
        Assert.Equal(5, records.Count);
    }
}
