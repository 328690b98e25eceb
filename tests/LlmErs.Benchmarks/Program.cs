using BenchmarkDotNet.Running;
using LlmErs.Benchmarks.Embeddings;
using LlmErs.Benchmarks.Enrichment;
using LlmErs.Benchmarks.Models;
using LlmErs.Benchmarks.ScaleOut;
using LlmErs.Benchmarks.SemanticIds;
using LlmErs.Benchmarks.Serving;
using LlmErs.Benchmarks.Vectors;

namespace LlmErs.Benchmarks;

/// <summary>
/// Runs one of the quick Stopwatch reports named by its first argument, or else BenchmarkDotNet over every benchmark
/// class in this assembly (add classes in a folder of your own; nothing here needs to change).
/// </summary>
public static class Program
{
    // One line per report, so that adding a report touches nothing else here.
    private static readonly Dictionary<string, (Func<string[], int> Run, string What)> Reports = new(StringComparer.Ordinal)
    {
        ["--vectors-report"] = (VectorsReport.Run, "vector scans and stores"),
        ["--enrichment-report"] = (EnrichmentStopwatchReport.Run, "the enrichment engine against a simulated model"),
        ["--embedding-length-report"] = (EmbeddingLengthReport.Run, "MiniLM throughput on short and long texts, before and after length bucketing"),
        ["--batch-cost-report"] = (BatchCostReport.Run, "MiniLM's cost per word piece by text length and texts per batch, on one thread"),
        ["--embedding-callers-report"] = (EmbeddingCallersReport.Run, "MiniLM with two callers at once: each on every core, or sharing the threads"),
        ["--serving-report"] = (ServingReport.Run, "the two serving stages"),
        ["--serving-load-report"] = (ServingLoadReport.Run, "the serving host's load test"),
        ["--workers-report"] = (WorkersReport.Run, "worker scaling over Redis"),
        ["--sequential-report"] = (SequentialReport.Run, "the sequential recommender on MovieLens beside ID-only BPR"),
        ["--pairs-report"] = (PairsReport.Run, "LLM-chosen training pairs on MovieLens, both protocols, beside ID-only BPR"),
        ["--catalog-triples-report"] = (CatalogTriplesReport.Run, "the offline chat client's cost for a relation over the 9,742 MovieLens titles"),
        ["--kg-report"] = (KgReport.Run, "the two-tower model on MovieLens with and without the \"KG entities\" block, beside ID-only BPR"),
        ["--user-profile-report"] = (UserProfileReport.Run, "the user-profile block of the two-tower model on MovieLens, both protocols"),
        ["--semantic-id-report"] = (SemanticIdReport.Run, "semantic-ID collision rates over a vector store (PATH.vec)"),
    };

    public static int Main(string[] args)
    {
        if (args is [var verb, .. var rest] && Reports.TryGetValue(verb, out var report))
        {
            return report.Run(rest);
        }

        if (args is ["--reports"])
        {
            foreach (var (name, (_, what)) in Reports)
            {
                Console.WriteLine($"{name,-28} {what}");
            }

            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
