using LlmErs.Local;

namespace LlmErs.Local.Tests.MiniLm;

public sealed class LengthBucketsTests
{
    [Fact]
    public void Batches_are_sorted_by_length_and_bounded_by_count_and_by_padded_tokens()
    {
        int[] lengths = [5, 300, 10, 64, 64, 64, 64, 200];

        var batches = LengthBuckets.Plan(lengths, batchSize: 32, batchTokens: 256);

        // 4 × 64 fills the budget; 200 and 64 would pad to 400; 300 is over the budget and goes alone. Filling batches
        // in turn would have padded 5 and 10 to 64 with two of the 64s.
        Assert.Equal([[0, 2], [3, 4, 5, 6], [7], [1]], batches);
    }

    [Fact]
    public void The_count_bounds_short_texts()
    {
        int[] lengths = [8, 8, 8, 8, 8];

        var batches = LengthBuckets.Plan(lengths, batchSize: 2, batchTokens: 2_048);

        Assert.Equal([[0, 1], [2, 3], [4]], batches);
    }

    [Fact]
    public void A_batch_ends_where_the_length_steps_up_when_that_saves_more_than_a_run()
    {
        // 20 texts of 12 word pieces, then 12 of 13: one batch pads 20 pieces, more than a run costs.
        int[] lengths = [.. Enumerable.Repeat(13, 12), .. Enumerable.Repeat(12, 20)];

        var batches = LengthBuckets.Plan(lengths, batchSize: 32, batchTokens: 2_048);

        Assert.Equal([[.. Enumerable.Range(12, 20)], [.. Enumerable.Range(0, 12)]], batches);

        // One text a word piece shorter than the rest pads less than a run costs, so it joins their batch.
        var one = LengthBuckets.Plan([12, .. Enumerable.Repeat(13, 31)], batchSize: 32, batchTokens: 2_048);
        Assert.Single(one);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_plan_costs_the_least_of_every_way_to_cut_the_sorted_texts(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 50; trial++)
        {
            int[] lengths = [.. Enumerable.Range(0, random.Next(1, 13)).Select(_ => random.Next(1, 40))];
            var (batchSize, batchTokens) = (random.Next(1, 6), random.Next(20, 120));

            var batches = LengthBuckets.Plan(lengths, batchSize, batchTokens);

            // Every text once, in length order (ties in input order), each batch within the bounds.
            int[] order = [.. Enumerable.Range(0, lengths.Length).OrderBy(i => lengths[i])];
            Assert.Equal(order, batches.SelectMany(b => b));
            Assert.All(batches, b => Assert.True(b.Length <= batchSize && (b.Length == 1 || b.Length * b.Max(i => lengths[i]) <= batchTokens)));

            Assert.Equal(LeastCost([.. order.Select(i => lengths[i])], batchSize, batchTokens), Cost(batches, lengths));
        }
    }

    private static long Cost(List<int[]> batches, int[] lengths) =>
        batches.Sum(b => ((long)b.Length * b.Max(i => lengths[i])) + LengthBuckets.RunCost);

    // Brute force over the 2^(n−1) ways to cut the sorted lengths into consecutive batches.
    private static long LeastCost(int[] sorted, int batchSize, int batchTokens)
    {
        var best = long.MaxValue;
        for (var cuts = 0; cuts < 1 << Math.Max(0, sorted.Length - 1); cuts++)
        {
            var (cost, start, valid) = (0L, 0, true);
            for (var i = 0; i < sorted.Length && valid; i++)
            {
                if (i == sorted.Length - 1 || (cuts & (1 << i)) != 0)
                {
                    var count = i - start + 1;
                    valid = count <= batchSize && (count == 1 || (long)count * sorted[i] <= batchTokens);
                    cost += ((long)count * sorted[i]) + LengthBuckets.RunCost;
                    start = i + 1;
                }
            }

            if (valid)
            {
                best = Math.Min(best, cost);
            }
        }

        return best;
    }
}
