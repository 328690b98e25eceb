using System.Globalization;
using LlmErs.Caching;
using LlmErs.Enrichment;
using LlmErs.Output;
using LlmErs.Runtime.CrashChild;
using Microsoft.Extensions.Options;

// Usage: LlmErs.Runtime.CrashChild <work directory> <call log> <items> <latency ms> <concurrency>
// Enriches the Article catalog with a cache and feature files in the work directory.
if (args.Length != 5)
{
    Console.Error.WriteLine("Usage: LlmErs.Runtime.CrashChild <work directory> <call log> <items> <latency ms> <concurrency>");
    return 2;
}

var directory = args[0];
var items = int.Parse(args[2], CultureInfo.InvariantCulture);
var latency = TimeSpan.FromMilliseconds(int.Parse(args[3], CultureInfo.InvariantCulture));
var concurrency = int.Parse(args[4], CultureInfo.InvariantCulture);

using var client = new LoggingChatClient(args[1], latency);
await using var cache = new SqliteEnrichmentCache(Path.Combine(directory, "cache.db"));
using var engine = new EnrichmentEngine(client, cache, Options.Create(new EnrichmentOptions { MaxConcurrency = concurrency }));
var report = await engine.RunAsync(Article.Catalog(items), new EnrichmentRunOptions
{
    Outputs =
    {
        FeatureOutput.Parquet(Path.Combine(directory, "articles.parquet")),
        FeatureOutput.JsonLines(Path.Combine(directory, "articles.jsonl")),
    },
});
Console.WriteLine(report.ToString());
return report.Failed == 0 ? 0 : 1;
