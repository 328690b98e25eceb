namespace LlmErs.Vectors;

/// <summary>
/// Turns code tuples into unique <see cref="SemanticId"/>s by appending a de-duplication code to colliding tuples, as
/// TIGER does. Seed it with the IDs already given out to encode new items without renaming old ones.
/// </summary>
/// <remarks>Not thread-safe. IDs depend on the order tuples arrive in: assign in a fixed item order.</remarks>
public sealed class SemanticIdAssigner
{
    private readonly Dictionary<SemanticId, int> _nextCode = [];

    /// <summary>Creates an assigner for tuples of <paramref name="levels"/> codes.</summary>
    /// <param name="levels">The number of codes the codebook gives each item.</param>
    /// <param name="mode">When to append the de-duplication code.</param>
    /// <param name="existing">IDs already in use; new IDs will not repeat them.</param>
    /// <exception cref="ArgumentException">An existing ID has neither <paramref name="levels"/> nor <paramref name="levels"/> + 1 codes.</exception>
    public SemanticIdAssigner(int levels, DeduplicationMode mode = DeduplicationMode.OnCollision, IEnumerable<SemanticId>? existing = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        Levels = levels;
        Mode = mode;
        foreach (var id in existing ?? [])
        {
            if (id.Length != levels && id.Length != levels + 1)
            {
                throw new ArgumentException(
                    $"The existing ID '{id}' has {id.Length} codes; IDs of a {levels}-level codebook have {levels}, or {levels + 1} with a de-duplication code.",
                    nameof(existing));
            }

            var tuple = new SemanticId(id.Codes[..levels]);
            var used = id.Length == levels ? 0 : id[levels];
            _nextCode[tuple] = Math.Max(_nextCode.GetValueOrDefault(tuple), used + 1);
        }
    }

    /// <summary>The number of codes per tuple.</summary>
    public int Levels { get; }

    /// <summary>When the de-duplication code is appended.</summary>
    public DeduplicationMode Mode { get; }

    /// <summary>Returns a new, unique ID for an item whose codebook codes are <paramref name="codes"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="codes"/> does not hold <see cref="Levels"/> codes.</exception>
    public SemanticId Assign(ReadOnlySpan<int> codes)
    {
        if (codes.Length != Levels)
        {
            throw new ArgumentException($"Got {codes.Length} codes; this assigner takes {Levels}.", nameof(codes));
        }

        var tuple = new SemanticId(codes);
        var next = _nextCode.GetValueOrDefault(tuple);
        _nextCode[tuple] = next + 1;
        if (next == 0 && Mode == DeduplicationMode.OnCollision)
        {
            return tuple;
        }

        Span<int> withCode = stackalloc int[Levels + 1];
        codes.CopyTo(withCode);
        withCode[Levels] = next;
        return new SemanticId(withCode);
    }
}
