namespace LlmErs;

/// <summary>
/// One request over per-request candidates (a listwise ranking, a preference pair): what <see cref="CandidateAsker"/>
/// sends, caches and validates.
/// </summary>
/// <param name="Fingerprint">The request kind's version, part of every cache key.</param>
/// <param name="Instructions">What the model is told before the answer format.</param>
/// <param name="Request">The user, history and candidates.</param>
/// <param name="Constraints">The typed answer contract, built from the candidates (per-request enum).</param>
/// <param name="AnswerFormat">The last line of the user message, saying what to answer.</param>
/// <param name="SchemaName">The name of the JSON schema sent as the response format.</param>
/// <param name="SchemaDescription">Its description.</param>
internal sealed record CandidateQuestion(
    string Fingerprint, string Instructions, TeacherRequest Request, AnswerConstraints Constraints, string AnswerFormat, string SchemaName, string SchemaDescription);
