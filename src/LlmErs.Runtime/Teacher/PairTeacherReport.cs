using System.Globalization;

namespace LlmErs;

/// <summary>What a <see cref="PairTeacher"/> run did, summed over its users.</summary>
/// <param name="Requests">Users asked about.</param>
/// <param name="Chosen">Users with a valid pair.</param>
/// <param name="FromCache">Pairs read from the cache, with no request.</param>
/// <param name="Calls">Requests made, re-asks included.</param>
/// <param name="Reasks">Requests that re-asked after an invalid answer.</param>
/// <param name="Failed">Users without a pair (see <see cref="TeacherPair.Failure"/>).</param>
/// <param name="Tokens">Tokens used by all requests.</param>
public sealed record PairTeacherReport(int Requests, int Chosen, int FromCache, int Calls, int Reasks, int Failed, TokenUsage Tokens)
{
    /// <summary>Sums the per-user answers.</summary>
    public static PairTeacherReport Of(IReadOnlyList<TeacherPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return new PairTeacherReport(
            pairs.Count,
            pairs.Count(pair => pair.Choice is not null),
            pairs.Count(pair => pair.FromCache),
            pairs.Sum(pair => pair.Calls),
            pairs.Sum(pair => Math.Max(0, pair.Calls - 1)),
            pairs.Count(pair => pair.Failure is not null),
            pairs.Aggregate(default(TokenUsage), (sum, pair) => sum + pair.Tokens));
    }

    /// <summary>One line: users, pairs, cache hits, requests, re-asks, failures and tokens.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Requests:N0} users: {Chosen:N0} pairs ({FromCache:N0} from the cache), {Calls:N0} requests, {Reasks:N0} re-asks, {Failed:N0} failed; {Tokens.TotalTokens:N0} tokens");
}
