using LlmErs.Samples.Catalog;
using LlmErs.Vectors;

namespace LlmErs.Quickstart;

/// <summary>Feature blocks of the ablation, one row per movie in the split's item order.</summary>
internal static class FeatureMatrices
{
    /// <summary>The LLM fields with a closed set of answers (tags, choices, booleans): those a one-hot can encode.</summary>
    public static IReadOnlyList<LlmField<Movie>> ClosedFields { get; } =
        [.. EnrichmentModel.Of<Movie>().LlmFields.Where(field => AnswerChoices.Of(field).Count > 0)];

    public static VectorMatrix Rows(IReadOnlyList<Movie> movies, int width, Action<Movie, Span<float>> fill)
    {
        var values = new float[movies.Count * width];
        for (var i = 0; i < movies.Count; i++)
        {
            fill(movies[i], values.AsSpan(i * width, width));
        }

        return VectorMatrix.Create(values, width);
    }

    /// <summary>One column per vocabulary entry (case-insensitive); labels outside the vocabulary are left out.</summary>
    public static VectorMatrix MultiHot(IReadOnlyList<Movie> movies, IReadOnlyList<string> vocabulary, Func<Movie, IEnumerable<string>> labels)
    {
        var columns = vocabulary.Select((label, column) => (label, column)).ToDictionary(entry => entry.label, entry => entry.column, StringComparer.OrdinalIgnoreCase);
        // A block needs a column even when no label made it into the vocabulary.
        return Rows(movies, Math.Max(columns.Count, 1), (movie, row) =>
        {
            foreach (var label in labels(movie))
            {
                if (columns.TryGetValue(label, out var column))
                {
                    row[column] = 1;
                }
            }
        });
    }

    /// <summary>
    /// The answers of LLM fields: for each field one column per possible answer, so a tag field becomes a multi-hot and
    /// a single value a one-hot, "unknown" included where the field allows it.
    /// </summary>
    public static VectorMatrix Answers(IReadOnlyList<Movie> movies, params IReadOnlyList<LlmField<Movie>> fields) =>
        MultiHot(
            movies,
            [.. fields.SelectMany(field => AnswerChoices.Of(field).Select(choice => Column(field, choice)))],
            movie => fields.SelectMany(field => AnswerChoices.Chosen(field, movie).Select(choice => Column(field, choice))));

    private static string Column(LlmField<Movie> field, string choice) => $"{field.Name}={choice}";
}
