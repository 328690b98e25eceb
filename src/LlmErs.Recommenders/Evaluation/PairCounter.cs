namespace LlmErs.Recommenders;

/// <summary>
/// Counts, for pairwise metrics, how many (positive, negative) pairs each positive wins: with the positives' scores
/// sorted once, a negative costs a lookup. Counts are doubled (a win 2, a tie 1) so they stay integers and their sums
/// do not depend on summation order.
/// </summary>
internal sealed class PairCounter
{
    // Below this many positives a plain binary search is as fast as the bucket index, which costs 256 KiB.
    private const int MinPositivesForIndex = 256;
    private const int BucketBits = 16;

    private readonly float[] _sorted;
    private readonly int[] _order;

    // _bucketStart[b] is the first sorted position whose order key's top bits are at least b.
    private readonly int[]? _bucketStart;

    /// <summary>Sorts the positives' scores (which must not be NaN).</summary>
    public PairCounter(ReadOnlySpan<float> positives)
    {
        _sorted = positives.ToArray();
        _order = new int[_sorted.Length];
        for (var i = 0; i < _order.Length; i++)
        {
            _sorted[i] += 0f; // -0 becomes +0, so equal scores share an order key.
            _order[i] = i;
        }

        Array.Sort(_sorted, _order);
        if (_sorted.Length >= MinPositivesForIndex)
        {
            _bucketStart = new int[(1 << BucketBits) + 1];
            foreach (var score in _sorted)
            {
                _bucketStart[Bucket(score) + 1]++;
            }

            for (var b = 1; b < _bucketStart.Length; b++)
            {
                _bucketStart[b] += _bucketStart[b - 1];
            }
        }
    }

    /// <summary>The number of positives.</summary>
    public int Count => _sorted.Length;

    /// <summary>Twice the pairs the positives win against one negative: 2 per positive above it, 1 per tie. A NaN negative ranks below everything.</summary>
    public long DoubledWinsAgainst(float negative)
    {
        if (float.IsNaN(negative))
        {
            return 2L * _sorted.Length;
        }

        var (firstEqual, firstAbove) = EqualRange(negative);
        return (2L * (_sorted.Length - firstAbove)) + (firstAbove - firstEqual);
    }

    /// <summary>
    /// Records one negative into <paramref name="suffixAdds"/> (length <see cref="Count"/> + 1): after
    /// <see cref="ResolveDoubledWins"/>, each positive's entry has grown by its doubled win against this negative.
    /// </summary>
    public void AddNegative(float negative, Span<long> suffixAdds)
    {
        if (float.IsNaN(negative))
        {
            suffixAdds[0] += 2;
            return;
        }

        // Positives in [firstEqual, firstAbove) tie (+1), those from firstAbove on win (+2): two suffix additions of 1.
        var (firstEqual, firstAbove) = EqualRange(negative);
        suffixAdds[firstEqual]++;
        suffixAdds[firstAbove]++;
    }

    /// <summary>Turns accumulated suffix additions into each positive's doubled wins, indexed like the constructor's input.</summary>
    public long[] ResolveDoubledWins(ReadOnlySpan<long> suffixAdds)
    {
        var wins = new long[_sorted.Length];
        var running = 0L;
        for (var s = 0; s < _sorted.Length; s++)
        {
            running += suffixAdds[s];
            wins[_order[s]] = running;
        }

        return wins;
    }

    /// <summary>The top bits of an order-preserving unsigned key of a non-NaN score.</summary>
    private static int Bucket(float score)
    {
        var bits = (uint)BitConverter.SingleToInt32Bits(score);
        var key = (bits & 0x8000_0000) == 0 ? bits | 0x8000_0000 : ~bits;
        return (int)(key >> (32 - BucketBits));
    }

    private (int FirstEqual, int FirstAbove) EqualRange(float value)
    {
        value += 0f;
        int lo = 0, hi = _sorted.Length;
        if (_bucketStart is not null)
        {
            // Positives in lower buckets are below the value and in higher ones above it: search only its bucket,
            // which usually holds no positive or positives of one score.
            var bucket = Bucket(value);
            lo = _bucketStart[bucket];
            hi = _bucketStart[bucket + 1];
            if (lo == hi || _sorted[lo] == _sorted[hi - 1])
            {
                return lo == hi || value < _sorted[lo] ? (lo, lo) : value == _sorted[lo] ? (lo, hi) : (hi, hi);
            }
        }

        var end = hi;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var firstEqual = lo;
        hi = end;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (firstEqual, lo);
    }
}
