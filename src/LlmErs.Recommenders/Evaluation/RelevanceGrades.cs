namespace LlmErs.Recommenders;

/// <summary>
/// The relevance grade of each (user, relevant item) of an evaluated part, from its rating through
/// <see cref="EvaluationOptions.GradeOfRating"/>; an interaction logged twice takes its highest grade.
/// </summary>
internal sealed class RelevanceGrades
{
    private readonly Dictionary<(int User, int Item), double> _grades;

    private RelevanceGrades(Dictionary<(int User, int Item), double> grades) => _grades = grades;

    /// <summary>The grades of <paramref name="log"/>'s interactions, or null when no metric is graded.</summary>
    /// <exception cref="InvalidOperationException">A metric is graded but the log has no ratings.</exception>
    /// <exception cref="ArgumentException">A grade is negative or not finite.</exception>
    public static RelevanceGrades? For(InteractionLog log, EvaluationOptions options, string part)
    {
        if (!options.Metrics.Any(metric => metric.IsGraded))
        {
            return null;
        }

        if (!log.HasRatings)
        {
            var graded = options.Metrics.First(metric => metric.IsGraded);
            throw new InvalidOperationException($"{graded} weighs relevant items by their rating, but the {part} part has no ratings; load the log with its rating column, or use binary NDCG.");
        }

        var grades = new Dictionary<(int, int), double>(log.Count);
        for (var row = 0; row < log.Count; row++)
        {
            var grade = options.GradeOfRating(log.Ratings[row]);
            MetricFormulas.CheckGrade(grade, $"user '{log.UserIds[log.Users[row]]}' and item '{log.ItemIds[log.Items[row]]}' (rating {log.Ratings[row]})");
            var key = (log.Users[row], log.Items[row]);
            grades[key] = grades.TryGetValue(key, out var seen) ? Math.Max(seen, grade) : grade;
        }

        return new RelevanceGrades(grades);
    }

    /// <summary>The grades of <paramref name="user"/>'s <paramref name="items"/>, in their order.</summary>
    public double[] Of(int user, ReadOnlySpan<int> items)
    {
        var result = new double[items.Length];
        for (var k = 0; k < items.Length; k++)
        {
            result[k] = _grades[(user, items[k])];
        }

        return result;
    }
}
