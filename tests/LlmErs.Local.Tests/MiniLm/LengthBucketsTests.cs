using LlmErs.Local;

namespace LlmErs.Local.Tests.MiniLm;

public sealed class LengthBucketsTests
{
    [Fact]
    public void Batches_are_sorted_by_length_and_bounded_by_count_and_by_padded_tokens()
    {
        int[] lengths = [5, 300, 10, 64, 64, 64, 64, 200];

        var batches = LengthBuckets.Plan(lengths, batchSize: 32, batchTokens: 256);

        // 4 × 64 fills the budget; 200 and 64 would pad to 400; 300 is over the budget and goes alone.
        Assert.Equal([[0, 2, 3, 4], [5, 6], [7], [1]], batches);
    }

    [Fact]
    public void The_count_bounds_short_texts()
    {
        int[] lengths = [8, 8, 8, 8, 8];

        var batches = LengthBuckets.Plan(lengths, batchSize: 2, batchTokens: 2_048);

        Assert.Equal([[0, 1], [2, 3], [4]], batches);
    }
}
