namespace LlmErs.Vectors;

/// <summary>
/// Keeps the <c>k</c> best rows seen so far in a bounded min-heap whose root is the worst kept row. Higher scores win;
/// equal scores go to the lower row index, so results do not depend on scan order or thread count.
/// </summary>
internal sealed class TopKHeap
{
    private readonly ScoredRow[] _items;

    public TopKHeap(int k)
    {
        _items = new ScoredRow[k];
    }

    /// <summary>The number of rows kept.</summary>
    public int Count { get; private set; }

    /// <summary>The worst kept score once the heap is full, else negative infinity.</summary>
    private float Threshold => Count == _items.Length && Count > 0 ? _items[0].Score : float.NegativeInfinity;

    /// <summary>
    /// Offers consecutive rows starting at <paramref name="firstRow"/>, skipping <paramref name="excluded"/> ones.
    /// The caller scans in ascending row order, so a row that only ties the worst kept one loses and one compare
    /// rejects most rows.
    /// </summary>
    public void AddAscending(ReadOnlySpan<float> scores, int firstRow, in ExcludedRows excluded)
    {
        var threshold = Threshold;
        for (var i = 0; i < scores.Length; i++)
        {
            var score = scores[i];
            if (score > threshold || Count < _items.Length)
            {
                var row = firstRow + i;
                if (!excluded.Contains(row))
                {
                    Add(row, score);
                    threshold = Threshold;
                }
            }
        }
    }

    /// <summary>Offers a row; keeps it if it is among the best <c>k</c> so far.</summary>
    public void Add(int row, float score)
    {
        var item = new ScoredRow(row, score);
        if (Count < _items.Length)
        {
            SiftUp(Count++, item);
        }
        else if (Count > 0 && IsWorse(_items[0], item))
        {
            SiftDown(0, item);
        }
    }

    /// <summary>Offers every row another heap kept.</summary>
    public void AddRange(TopKHeap other)
    {
        for (var i = 0; i < other.Count; i++)
        {
            Add(other._items[i].Row, other._items[i].Score);
        }
    }

    /// <summary>The kept rows, best first.</summary>
    public ScoredRow[] ToSortedArray()
    {
        var result = _items.AsSpan(0, Count).ToArray();
        Array.Sort(result, static (a, b) => IsWorse(a, b) ? 1 : IsWorse(b, a) ? -1 : 0);
        return result;
    }

    private static bool IsWorse(ScoredRow a, ScoredRow b) => a.Score < b.Score || (a.Score == b.Score && a.Row > b.Row);

    private void SiftUp(int index, ScoredRow item)
    {
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!IsWorse(item, _items[parent]))
            {
                break;
            }

            _items[index] = _items[parent];
            index = parent;
        }

        _items[index] = item;
    }

    private void SiftDown(int index, ScoredRow item)
    {
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && IsWorse(_items[child + 1], _items[child]))
            {
                child++;
            }

            if (!IsWorse(_items[child], item))
            {
                break;
            }

            _items[index] = _items[child];
            index = child;
        }

        _items[index] = item;
    }
}
