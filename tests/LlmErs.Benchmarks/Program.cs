using BenchmarkDotNet.Running;
using LlmErs.Benchmarks.Enrichment;
using LlmErs.Benchmarks.Models;
using LlmErs.Benchmarks.Serving;
using LlmErs.Benchmarks.Vectors;

namespace LlmErs.Benchmarks;

/// <summary>
/// Runs BenchmarkDotNet over every benchmark class in this assembly (add classes in a folder of your own; nothing
/// here needs to change), or, with <c>--vectors-report</c> or <c>--enrichment-report</c>, the quick Stopwatch report of
/// the vector or the enrichment engine benchmarks, with <c>--serving-report</c> the two serving stages, or with
/// <c>--serving-load-report</c> the serving host's load test, or with <c>--sequential-report</c> the sequential
/// recommender's ablation on MovieLens.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--vectors-report", .. var rest])
        {
            return VectorsReport.Run(rest);
        }

        if (args is ["--serving-report", .. var servingOptions])
        {
            return ServingReport.Run(servingOptions);
        }

        if (args is ["--serving-load-report", .. var load])
        {
            return ServingLoadReport.Run(load);
        }

        if (args is ["--sequential-report", .. var sequential])
        {
            return SequentialReport.Run(sequential);
        }

        if (args is ["--enrichment-report", .. var options])
        {
            return EnrichmentStopwatchReport.Run(options);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
