using BenchmarkDotNet.Attributes;
using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Benchmarks.Models;

/// <summary>
/// The negatives of one two-tower epoch as the main sample trains it on ml-latest-small: four uniform draws per
/// positive (100,836), each rejected while the user has the item. <see cref="UserItemMatrix.SampleNegative"/> tests
/// the membership bits; the baseline is the binary search over the user's sorted row it replaced, drawing the same items.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MedianColumn]
public class NegativeSamplingBenchmarks
{
    private const int NegativesPerPositive = 4;

    private UserItemMatrix? _feedback;
    private int[]? _pairUsers;

    [GlobalSetup]
    public void Setup()
    {
        _feedback = BprEpochBenchmarks.ReadRatings(Path.Combine(BprEpochBenchmarks.LocateMovieLens(), "ratings.csv"));
        _pairUsers = _feedback.PairUsers();
    }

    [Benchmark(Baseline = true, Description = "binary search over the user's row, 4 negatives per positive")]
    public long BinarySearch()
    {
        var (random, sum) = (new SplitMix64(42), 0L);
        foreach (var user in _pairUsers!)
        {
            var positives = _feedback!.ItemsOf(user);
            for (var s = 0; s < NegativesPerPositive; s++)
            {
                int item;
                do
                {
                    item = random.NextInt32(_feedback.ItemCount);
                }
                while (positives.BinarySearch(item) >= 0);
                sum += item;
            }
        }

        return sum;
    }

    [Benchmark(Description = "membership bits (SampleNegative), 4 negatives per positive")]
    public long MembershipBits()
    {
        var (random, sum) = (new SplitMix64(42), 0L);
        foreach (var user in _pairUsers!)
        {
            for (var s = 0; s < NegativesPerPositive; s++)
            {
                sum += _feedback!.SampleNegative(user, ref random);
            }
        }

        return sum;
    }
}
