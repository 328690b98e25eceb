using BenchmarkDotNet.Running;
using LlmErs.Benchmarks.Vectors;

namespace LlmErs.Benchmarks;

/// <summary>
/// Runs BenchmarkDotNet over every benchmark class in this assembly (add classes in a folder of your own; nothing
/// here needs to change), or, with <c>--vectors-report</c>, the quick Stopwatch report of the vector benchmarks.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--vectors-report", .. var rest])
        {
            return VectorsReport.Run(rest);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
