using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Evaluation;

public sealed class FullRankingCandidatesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Candidates_AreTheUnmaskedItemsInOrder_WithEveryRelevantItemEvenWhenMasked(bool restricted)
    {
        const int Users = 40, Items = 70;
        var random = new Random(restricted ? 5 : 4);
        var (maskUsers, maskItems) = (new List<int>(), new List<int>());
        for (var user = 0; user < Users; user++)
        {
            // From an empty history up to most of the catalog, so runs of every length, at either end, occur.
            foreach (var item in Enumerable.Range(0, Items).Where(_ => random.NextDouble() < user / (double)Users))
            {
                maskUsers.Add(user);
                maskItems.Add(item);
            }
        }

        var masked = UserItemMatrix.Create(maskUsers.ToArray(), maskItems.ToArray(), Users, Items);
        var tieKeys = Enumerable.Range(0, Items).OrderBy(_ => random.Next()).ToArray();
        int[]? allowed = restricted ? Enumerable.Range(0, Items).Where(_ => random.Next(3) == 0).ToArray() : null;
        var scorer = new CountingScorer(TableScorer.RandomWithTies(Users, Items, seed: 8));
        var candidates = new FullRankingCandidates(tieKeys, masked, allowed, "test");
        var workspace = new EvaluationWorkspace();

        for (var user = 0; user < Users; user++)
        {
            // Relevant items drawn from the whole catalog: some masked, some outside the restriction.
            var relevant = Enumerable.Range(0, Items).Where(_ => random.Next(8) == 0).ToArray();
            var positions = new int[relevant.Length];
            var expected = Enumerable.Range(0, Items)
                .Where(item => relevant.Contains(item) || (!masked.Contains(user, item) && (allowed is null || allowed.Contains(item))))
                .ToArray();

            var scores = candidates.Score(scorer, user, relevant, positions, workspace, out var keys).ToArray();

            Assert.Equal(expected.Select(item => scorer.Table[user][item]), scores);
            Assert.Equal(expected.Select(item => tieKeys[item]), keys.ToArray());
            Assert.Equal(relevant.Select(item => Array.IndexOf(expected, item)), positions);
        }

        // A restricted ranking scores only its candidates; full ranking scores the catalog at once.
        Assert.Equal(restricted ? 0 : Users, scorer.AllItemCalls);
        Assert.Equal(restricted ? Users : 0, scorer.SomeItemCalls);
    }

    private sealed class CountingScorer(TableScorer table) : IItemScorer
    {
        public TableScorer Table => table;

        public int AllItemCalls { get; private set; }

        public int SomeItemCalls { get; private set; }

        public int ItemCount => table.ItemCount;

        public void ScoreItems(int user, Span<float> scores)
        {
            AllItemCalls++;
            table.ScoreItems(user, scores);
        }

        public void ScoreItems(int user, ReadOnlySpan<int> items, Span<float> scores)
        {
            SomeItemCalls++;
            for (var j = 0; j < items.Length; j++)
            {
                scores[j] = table[user][items[j]];
            }
        }
    }
}
