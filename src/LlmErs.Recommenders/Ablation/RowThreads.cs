namespace LlmErs.Recommenders;

/// <summary>
/// The threads a row may use while rows train side by side: the cores shared among them. Training and ranking fork and
/// join threads many times a step, and with more threads than cores a step can wait for whichever thread is parked.
/// </summary>
internal static class RowThreads
{
    /// <summary>Each row's share of the cores with <paramref name="concurrentRows"/> rows at once; -1 (no limit) for one row at a time.</summary>
    public static int Share(int concurrentRows) => concurrentRows == 1 ? -1 : Math.Max(1, Environment.ProcessorCount / concurrentRows);

    /// <summary>The lower of a requested thread count and a limit, where -1 is all cores.</summary>
    public static int Cap(int requested, int limit) => limit == -1 ? requested : requested == -1 ? limit : Math.Min(requested, limit);
}
