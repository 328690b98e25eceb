namespace LlmErs.Benchmarks.Serving;

/// <summary>What the serving reports print beside their timings: medians and the machine's load.</summary>
internal static class ReportFigures
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>The one-minute load average, which says how far a figure can be trusted on a shared machine.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
