namespace LlmErs.Local;

/// <summary>
/// The vectors of the texts embedded most recently, at most <c>capacity</c> of them; adding one more forgets the text
/// read or added longest ago. Safe for concurrent callers.
/// </summary>
/// <remarks>
/// Least recently used rather than "start over when full": a catalog's enrichment fills the memory with sentences of
/// descriptions that never come back, and the texts that do come back (a movie's history line in the next viewer's
/// profile prompt, in the next split's) must survive them.
/// </remarks>
internal sealed class RecentVectors(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Text, ReadOnlyMemory<float> Vector)>> _nodes = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Text, ReadOnlyMemory<float> Vector)> _byRecency = new();

    public bool TryGet(string text, out ReadOnlyMemory<float> vector)
    {
        lock (_gate)
        {
            if (!_nodes.TryGetValue(text, out var node))
            {
                vector = default;
                return false;
            }

            MoveToFront(node);
            vector = node.Value.Vector;
            return true;
        }
    }

    public void Add(string text, ReadOnlyMemory<float> vector)
    {
        lock (_gate)
        {
            if (_nodes.TryGetValue(text, out var known))
            {
                MoveToFront(known);
                return;
            }

            if (_nodes.Count >= capacity)
            {
                _nodes.Remove(_byRecency.Last!.Value.Text);
                _byRecency.RemoveLast();
            }

            _nodes.Add(text, _byRecency.AddFirst((text, vector)));
        }
    }

    private void MoveToFront(LinkedListNode<(string Text, ReadOnlyMemory<float> Vector)> node)
    {
        _byRecency.Remove(node);
        _byRecency.AddFirst(node);
    }
}
