using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmErs;

/// <summary>
/// An LLM as a listwise teacher: for a user's history and a list of candidates (e.g. a base model's retrievals), the
/// model ranks the candidates; the rankings feed distillation (<c>LlmErs.Recommenders.ListwiseTeacherScores</c>).
/// </summary>
/// <remarks>
/// <para>Each request carries a JSON schema (an array of distinct candidate keys, at least
/// <see cref="ListwiseTeacherOptions.MinRanked"/> of them) and the typed constraints
/// (<see cref="AnswerConstraints.Ranking"/>) under <see cref="AnswerConstraints.ChatOptionsKey"/>, so the offline client
/// answers it too. An answer naming a key that is not a candidate, repeating one or ranking too few is re-asked with the
/// validation error, up to <see cref="EnrichmentOptions.MaxReasks"/> times.</para>
/// <para>As in the enrichment engine, requests run through the same resilience pipeline (retries, circuit breaker,
/// concurrency and rate limits, timeouts), logs are masked (<see cref="SecretMask"/>), and every valid answer is stored
/// in the content-addressed cache before it counts; the key covers the instructions, model, options and the whole user
/// message (history and candidates), so a re-run asks only for users whose request changed. <see cref="PairTeacher"/>
/// asks over the same requests with the same machinery.</para>
/// </remarks>
public sealed class ListwiseTeacher : IDisposable
{
    private const string Fingerprint = "llmers-listwise-teacher-v1";

    private readonly ListwiseTeacherOptions _options;
    private readonly CandidateAsker _asker;

    /// <summary>Creates a teacher.</summary>
    /// <param name="chatClient">The model; give it no retry policy of its own, since the teacher retries.</param>
    /// <param name="cache">Where valid rankings are stored (e.g. the enrichment's <see cref="SqliteEnrichmentCache"/>).</param>
    /// <param name="options">The options; validated here.</param>
    /// <param name="loggerFactory">Logging for re-asks and the resilience pipeline; optional.</param>
    public ListwiseTeacher(IChatClient chatClient, IEnrichmentCache cache, IOptions<ListwiseTeacherOptions>? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(cache);
        _options = options?.Value ?? new ListwiseTeacherOptions();
        _options.Validate();
        _asker = new CandidateAsker(chatClient, cache, _options.Requests, loggerFactory, typeof(ListwiseTeacher).FullName!, "listwise teacher");
    }

    /// <summary>Ranks the candidates of every request, at most <see cref="EnrichmentOptions.MaxConcurrency"/> at a time; results in request order.</summary>
    /// <exception cref="ArgumentException">A request has no candidate, or two candidates share a key.</exception>
    /// <exception cref="InvalidOperationException">A user's answer was still invalid after the re-asks, or the model refused.</exception>
    public async Task<IReadOnlyList<TeacherRanking>> RankAsync(IReadOnlyList<TeacherRequest> requests, CancellationToken cancellationToken = default) =>
        await _asker.ForEachAsync(requests, RankAsync, cancellationToken).ConfigureAwait(false);

    /// <summary>Ranks one user's candidates: from the cache, or from the model (re-asked until valid).</summary>
    /// <exception cref="ArgumentException">The request has no candidate, or two candidates share a key.</exception>
    /// <exception cref="InvalidOperationException">The answer was still invalid after the re-asks, or the model refused.</exception>
    public async Task<TeacherRanking> RankAsync(TeacherRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Candidates.Count == 0)
        {
            throw new ArgumentException($"User '{request.User}' has no candidate to rank.", nameof(request));
        }

        var keys = request.Candidates.Select(candidate => candidate.Key).ToArray();
        var constraints = AnswerConstraints.Ranking(keys, [.. request.Candidates.Select(candidate => candidate.Text)], _options.MinRanked == 0 ? keys.Length : Math.Min(_options.MinRanked, keys.Length));
        var question = new CandidateQuestion(
            Fingerprint, _options.Instructions, request, constraints, "Answer with {\"value\": [candidate keys, best first]}.", "ranking", "Candidate keys, best first.");
        var answer = await _asker.AskAsync(
            question, text => AnswerReader.ReadTags(text, [.. constraints.Choices], constraints.MinCount, constraints.MaxCount), cancellationToken).ConfigureAwait(false);
        return answer.Failure is { } failure
            ? throw new InvalidOperationException(failure)
            : new TeacherRanking(request.User, answer.Value!, answer.FromCache, answer.Calls);
    }

    /// <inheritdoc/>
    public void Dispose() => _asker.Dispose();
}
