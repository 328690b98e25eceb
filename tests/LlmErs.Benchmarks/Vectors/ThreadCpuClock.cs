using System.Runtime.InteropServices;

namespace LlmErs.Benchmarks.Vectors;

/// <summary>
/// The CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>). Time spent waiting on memory counts,
/// time spent descheduled does not, so on a machine shared with busy neighbours it estimates what an idle machine's
/// wall clock would show for single-threaded work.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    /// <summary>Milliseconds of CPU time this thread has used, or NaN where the clock is not available.</summary>
    public static double Milliseconds()
    {
        if (!IsAvailable || ClockGetTime(ThreadCpuTimeId, out var time) != 0)
        {
            return double.NaN;
        }

        return (time.Seconds * 1e3) + (time.Nanoseconds / 1e6);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
