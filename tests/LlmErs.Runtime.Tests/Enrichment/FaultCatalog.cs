using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace LlmErs.Runtime.Tests.Enrichment;

/// <summary>
/// A catalog in which each item carries one fault (see <see cref="FaultScript"/>), with the outcome each must end in.
/// Shared by the in-process and the HTTP tests, so both transports are held to the same expectations.
/// </summary>
public static class FaultCatalog
{
    private static readonly (string Key, string Title, FailureReason? Reason, string? Field)[] s_cases =
    [
        ("plain", "Plain", null, null),
        ("fenced", "#fenced", null, null),
        ("malformed", "#malformed", null, null),
        ("empty", "#empty", null, null),
        ("oov", "#oov@Genres", null, null),
        ("rate-limited", "#429", null, null),
        ("unavailable", "#503", null, null),
        ("reset", "#reset", null, null),
        ("slow", "#slow", null, null),
        ("oov-always", "#oov-always@Genres", FailureReason.InvalidAnswer, "Genres"),
        ("refused", "#refuse@Summary", FailureReason.Refusal, "Summary"),
        ("filtered", "#filtered@ForChildren", FailureReason.Refusal, "ForChildren"),
        ("blocked", "#blocked@Blurb", FailureReason.Refusal, "Blurb"),
        ("bad-request", "#badrequest@Genres", FailureReason.BadInput, "Genres"),
        ("down", "#down@Summary", FailureReason.Transport, "Summary"),
        ("hang", "#hang@Genres", FailureReason.Timeout, "Genres"),
        ("", "No key", FailureReason.BadInput, null),
        ("plain", "Duplicate key", FailureReason.BadInput, null),
    ];

    public static List<Book> Items() => [.. s_cases.Select(c => new Book { Id = c.Key, Title = c.Title, Description = "A test book." })];

    public static async Task<List<ItemOutcome<Book>>> RunAsync(IChatClient client, string cachePath)
    {
        await using var cache = new SqliteEnrichmentCache(cachePath);
        // No preflight: its single short attempt would make a slow first connection a stop; EndpointFailFastTests covers it.
        using var engine = TestEngines.Create(client, cache, o => o.Resilience.Preflight = false);
        var outcomes = new List<ItemOutcome<Book>>();
        await foreach (var outcome in engine.EnrichAsync(Items()))
        {
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    /// <summary>Every item is accounted for, in input order, with the expected outcome and plausible accounting.</summary>
    /// <param name="outcomes">The run's outcomes.</param>
    /// <param name="overNetwork">
    /// Whether requests went over a real connection, where any request may need an extra retry (a pooled connection
    /// the server dropped, an attempt timed out on a busy machine); in process, retries happen exactly where injected.
    /// </param>
    public static void AssertExpected(IReadOnlyList<ItemOutcome<Book>> outcomes, bool overNetwork)
    {
        Assert.Equal(s_cases.Length, outcomes.Count);
        for (var i = 0; i < s_cases.Length; i++)
        {
            var (key, title, reason, field) = s_cases[i];
            var outcome = outcomes[i];
            Assert.Equal(title, outcome.Item.Title);
            Assert.Equal(key, outcome.Key);
            Assert.True(reason == outcome.Failure?.Reason, $"Item '{title}': expected {reason?.ToString() ?? "success"}, got {outcome.Failure?.Reason.ToString() ?? "success"} ({outcome.Failure?.Message}).");
            Assert.Equal(field, outcome.Failure?.Field);
            if (outcome.Failure is { } failure && key.Length > 0)
            {
                Assert.Contains($"'{key}'", failure.Message, StringComparison.Ordinal);
            }
        }

        var byKey = outcomes.Take(s_cases.Length - 2).ToDictionary(o => o.Item.Title);
        Assert.All(outcomes.Where(o => o.Succeeded), o => Assert.All(o.Fields, f => Assert.Equal(FieldStatus.Generated, f.Status)));
        Assert.All(byKey["Plain"].Fields, f => Assert.Equal((1, 0), (f.Calls, f.Reasks)));
        Assert.All(byKey["Plain"].Fields, f => AssertRetries(0, f.Retries, overNetwork));
        Assert.All(byKey["#fenced"].Fields, f => Assert.Equal(0, f.Reasks));
        Assert.All(byKey["#malformed"].Fields, f => Assert.Equal(1, f.Reasks));
        Assert.All(byKey["#empty"].Fields, f => Assert.Equal(1, f.Reasks));
        Assert.Equal(1, Field(byKey["#oov@Genres"], "Genres").Reasks);
        Assert.All(byKey["#429"].Fields, f => AssertRetries(1, f.Retries, overNetwork));
        Assert.All(byKey["#503"].Fields, f => AssertRetries(1, f.Retries, overNetwork));
        Assert.All(byKey["#reset"].Fields, f => AssertRetries(1, f.Retries, overNetwork));
        Assert.Equal(3, Field(byKey["#oov-always@Genres"], "Genres").Calls);
        Assert.Equal(FieldStatus.Skipped, Field(byKey["#oov-always@Genres"], "Blurb").Status);
        Assert.Equal(FieldStatus.Generated, Field(byKey["#oov-always@Genres"], "ForChildren").Status);
        Assert.Equal(3, Field(byKey["#down@Summary"], "Summary").Retries + 1);

        // Tokens are summed over every attempt: a field re-asked once costs more than the same field answered at once.
        Assert.All(outcomes.Where(o => o.Succeeded), o => Assert.True(o.Usage.InputTokens > 0 && o.Usage.OutputTokens > 0));
        Assert.True(Field(byKey["#malformed"], "Summary").Usage.InputTokens > Field(byKey["Plain"], "Summary").Usage.InputTokens);
    }

    private static void AssertRetries(int injected, int actual, bool overNetwork)
    {
        if (overNetwork)
        {
            Assert.InRange(actual, injected, injected + 2);
        }
        else
        {
            Assert.Equal(injected, actual);
        }
    }

    private static FieldOutcome Field(ItemOutcome<Book> outcome, string name) => outcome.Fields.Single(f => f.Field == name);
}
