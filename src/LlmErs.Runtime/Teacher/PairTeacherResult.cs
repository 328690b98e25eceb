namespace LlmErs;

/// <summary>What <see cref="PairTeacher.ChooseAsync(IReadOnlyList{TeacherRequest}, CancellationToken)"/> returns.</summary>
/// <param name="Pairs">Each user's answer, in request order.</param>
/// <param name="Report">The run's counts and tokens.</param>
public sealed record PairTeacherResult(IReadOnlyList<TeacherPair> Pairs, PairTeacherReport Report);
