using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmErs;

/// <summary>
/// An LLM that chooses training pairs, as in LLMRec: for a user's history and a list of candidates (e.g. a base model's
/// retrievals, <c>LlmErs.Recommenders.PairCandidates</c>), the model names the candidate the user would most likely
/// enjoy and the one least; the pairs, once denoised (<c>LlmErs.Recommenders.PairDenoiser</c>), join BPR and two-tower
/// training (<c>BprOptions.AugmentedPairs</c>).
/// </summary>
/// <remarks>
/// <para>Each request carries a JSON schema whose enum is built from this request's candidate keys and the typed
/// constraints (<see cref="AnswerConstraints.Preference"/>, kind <see cref="AnswerKind.Preference"/>) under
/// <see cref="AnswerConstraints.ChatOptionsKey"/>, so the offline client answers it too. An answer that names a key
/// that is not a candidate, or the same candidate twice, is re-asked with the validation error, up to
/// <see cref="EnrichmentOptions.MaxReasks"/> times.</para>
/// <para>It shares the <see cref="ListwiseTeacher"/>'s machinery: the resilience pipeline, masked logs, and the
/// content-addressed cache (the key covers the instructions, model, options, history and candidates). A user whose
/// answer stays invalid, or whom the model refuses, gets no pair and a reason; the run goes on.</para>
/// </remarks>
public sealed class PairTeacher : IDisposable
{
    private const string Fingerprint = "llmers-pair-teacher-v1";

    private readonly PairTeacherOptions _options;
    private readonly CandidateAsker _asker;

    /// <summary>Creates a teacher.</summary>
    /// <param name="chatClient">The model; give it no retry policy of its own, since the teacher retries.</param>
    /// <param name="cache">Where valid answers are stored (e.g. the enrichment's <see cref="SqliteEnrichmentCache"/>).</param>
    /// <param name="options">The options; validated here.</param>
    /// <param name="loggerFactory">Logging for re-asks and the resilience pipeline (masked); optional.</param>
    public PairTeacher(IChatClient chatClient, IEnrichmentCache cache, IOptions<PairTeacherOptions>? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(cache);
        _options = options?.Value ?? new PairTeacherOptions();
        _options.Validate();
        _asker = new CandidateAsker(chatClient, cache, _options.Requests, loggerFactory, typeof(PairTeacher).FullName!, "pair teacher");
    }

    /// <summary>Chooses a pair for every request, at most <see cref="EnrichmentOptions.MaxConcurrency"/> at a time; pairs in request order, and the run's report.</summary>
    /// <exception cref="ArgumentException">A request has fewer than two candidates, or two candidates share a key.</exception>
    public async Task<PairTeacherResult> ChooseAsync(IReadOnlyList<TeacherRequest> requests, CancellationToken cancellationToken = default)
    {
        var pairs = await _asker.ForEachAsync(requests, ChooseAsync, cancellationToken).ConfigureAwait(false);
        return new PairTeacherResult(pairs, PairTeacherReport.Of(pairs));
    }

    /// <summary>Chooses one user's pair: from the cache, or from the model (re-asked until valid); a failure is in <see cref="TeacherPair.Failure"/>.</summary>
    /// <exception cref="ArgumentException">The request has fewer than two candidates, or two candidates share a key.</exception>
    public async Task<TeacherPair> ChooseAsync(TeacherRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Candidates.Count < 2)
        {
            throw new ArgumentException($"User '{request.User}' has {request.Candidates.Count} candidate(s); a pair needs at least two.", nameof(request));
        }

        var constraints = AnswerConstraints.Preference([.. request.Candidates.Select(candidate => candidate.Key)], [.. request.Candidates.Select(candidate => candidate.Text)]);
        var question = new CandidateQuestion(
            Fingerprint,
            _options.Instructions,
            request,
            constraints,
            "Answer with {\"value\": {\"liked\": the key of the candidate the user would most likely enjoy, \"disliked\": the key of the one the user would least likely enjoy}}.",
            "preference",
            "The candidate keys the user would most and least likely enjoy.");
        var answer = await _asker.AskAsync(question, text => AnswerReader.ReadPreference(text, [.. constraints.Choices]), cancellationToken).ConfigureAwait(false);
        return new TeacherPair(request.User, answer.Failure is null ? answer.Value : null, answer.FromCache, answer.Calls, answer.Tokens, answer.Failure);
    }

    /// <inheritdoc/>
    public void Dispose() => _asker.Dispose();
}
