namespace LlmErs.Recommenders;

/// <summary>
/// Cores shared by ablations that run at the same time, one per protocol say: the rows of every runner given these
/// slots (<see cref="AblationOptions.RowSlots"/>) train at most <see cref="Count"/> at once between them. A protocol
/// whose last rows are training frees a slot each time one finishes, and the next protocol's rows take it, so the cores
/// those last rows leave idle are used.
/// </summary>
/// <example>
/// <code>
/// using var slots = new AblationRowSlots(Environment.ProcessorCount);
/// var leaveOneOut = Task.Run(() => new AblationRunner(new AblationOptions { RowSlots = slots }).Run(leaveOneOutSplit, blocks));
/// var coldItem = Task.Run(() => new AblationRunner(new AblationOptions { RowSlots = slots }).Run(coldItemSplit, coldItemBlocks));
/// await Task.WhenAll(leaveOneOut, coldItem);
/// </code>
/// </example>
public sealed class AblationRowSlots : IDisposable
{
    private readonly SemaphoreSlim _free;

    /// <summary>Creates the slots.</summary>
    /// <param name="count">How many rows may train at once across every runner given these slots.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public AblationRowSlots(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        _free = new SemaphoreSlim(count, count);
    }

    /// <summary>How many rows may train at once across every runner given these slots.</summary>
    public int Count { get; }

    /// <summary>Waits for a free slot, which the result gives back when disposed.</summary>
    internal Slot Take(CancellationToken cancellationToken)
    {
        _free.Wait(cancellationToken);
        return new Slot(_free);
    }

    /// <inheritdoc/>
    public void Dispose() => _free.Dispose();

    internal readonly struct Slot(SemaphoreSlim free) : IDisposable
    {
        public void Dispose() => free.Release();
    }
}
