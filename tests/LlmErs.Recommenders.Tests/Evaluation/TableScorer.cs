using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Evaluation;

/// <summary>A scorer that reads a fixed score table: <c>scores[user][item]</c>.</summary>
public sealed class TableScorer(float[][] scores) : IItemScorer
{
    public int ItemCount => scores[0].Length;

    public float[] this[int user] => scores[user];

    /// <summary>Random scores on a coarse grid (0.0, 0.1, … 0.9), so ties are frequent.</summary>
    public static TableScorer RandomWithTies(int users, int items, int seed)
    {
        var random = new Random(seed);
        return new TableScorer(Enumerable.Range(0, users)
            .Select(_ => Enumerable.Range(0, items).Select(_ => random.Next(10) / 10f).ToArray())
            .ToArray());
    }

    public void ScoreItems(int user, Span<float> destination) => scores[user].CopyTo(destination);
}
