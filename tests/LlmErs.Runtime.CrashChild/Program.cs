using System.Globalization;
using LlmErs;
using LlmErs.Runtime.CrashChild;
using Microsoft.Extensions.Options;

// Usage: LlmErs.Runtime.CrashChild <work directory> <call log> <items> <latency ms> <concurrency> [<stall after calls>]
// Runs the offline pipeline over the Article catalog with a cache and feature files in the work directory. With a stall point, the model
// answers that many requests and no more, and the run waits to be killed.
if (args.Length is not (5 or 6))
{
    Console.Error.WriteLine("Usage: LlmErs.Runtime.CrashChild <work directory> <call log> <items> <latency ms> <concurrency> [<stall after calls>]");
    return 2;
}

var directory = args[0];
var items = int.Parse(args[2], CultureInfo.InvariantCulture);
var latency = TimeSpan.FromMilliseconds(int.Parse(args[3], CultureInfo.InvariantCulture));
var concurrency = int.Parse(args[4], CultureInfo.InvariantCulture);

int? stallAfterCalls = args.Length == 6 ? int.Parse(args[5], CultureInfo.InvariantCulture) : null;

using var client = new LoggingChatClient(args[1], latency, stallAfterCalls);
await using var cache = new SqliteEnrichmentCache(Path.Combine(directory, "cache.db"));
using var engine = new EnrichmentEngine(client, cache, Options.Create(new EnrichmentOptions { MaxConcurrency = concurrency }));
var result = await ArticlePipeline.Create(engine, cache, directory).RunAsync(Article.Catalog(items));
Console.WriteLine(result.Report.ToString());
return result.Report.Enrichment.Failed == 0 ? 0 : 1;
