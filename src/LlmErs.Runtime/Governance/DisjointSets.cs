namespace LlmErs;

/// <summary>Union–find over 0..n-1, for clustering near-duplicate pairs.</summary>
internal sealed class DisjointSets(int count)
{
    private readonly int[] _parent = [.. Enumerable.Range(0, count)];

    public void Union(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra != rb)
        {
            // The smaller index becomes the root, so a cluster's first member is its first item in input order.
            _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }

    /// <summary>Every set, its members in ascending order, sets ordered by their first member.</summary>
    public IEnumerable<List<int>> Groups() =>
        Enumerable.Range(0, _parent.Length).GroupBy(Find).OrderBy(g => g.Key).Select(g => g.ToList());

    private int Find(int x)
    {
        while (_parent[x] != x)
        {
            x = _parent[x] = _parent[_parent[x]];
        }

        return x;
    }
}
