using LlmErs;
using LlmErs.Ablation;
using LlmErs.Caching;
using LlmErs.Embeddings;
using LlmErs.Enrichment;
using LlmErs.Local;
using LlmErs.Local.Chat;
using LlmErs.Output;
using LlmErs.Reporting;
using LlmErs.Quickstart;
using LlmErs.Samples.Catalog;
using LlmErs.Samples.Catalog.Synthetic;
using LlmErs.SemanticIds;
using LlmErs.Serving;
using LlmErs.Vectors;
using Microsoft.Extensions.Options;
using Spectre.Console;

// The whole LLMERS pipeline, offline: enrich → embed → semantic IDs → features → (train, evaluate) → serve.
// No network and no key: the offline chat client answers the generated schemas without an LLM (see the README).
var outDirectory = Path.GetFullPath(args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine("out", "quickstart"));
Directory.CreateDirectory(outDirectory);

var catalog = SyntheticCatalog.Generate();
var movies = catalog.Movies;
AnsiConsole.MarkupLine($"[bold]LlmErs quickstart[/]: {movies.Count} synthetic movies, {catalog.Viewings.Count} viewings → {Markup.Escape(outDirectory)}");

using var embeddings = new MiniLmEmbeddingGenerator();
using var chat = new OfflineChatClient(embeddings);
await using var cache = new SqliteEnrichmentCache(Path.Combine(outDirectory, "cache.db"));
using var engine = new EnrichmentEngine(chat, cache, Options.Create(new EnrichmentOptions { MaxConcurrency = 2 }));

var enrichment = await Pipeline.WithProgressAsync("Enriching (offline chat client)", movies.Count, progress =>
    engine.RunAsync(movies, new EnrichmentRunOptions { Progress = new Progress<EnrichmentProgress>(p => progress(p.Done)) }));
var embedded = await Pipeline.WithProgressAsync("Embedding (all-MiniLM-L6-v2)", movies.Count, progress =>
    new EmbeddingStage(embeddings, cache).EmbedAsync(movies, new Progress<int>(progress)));
var semanticIds = SemanticIdStage.Assign(movies);

await FeatureFile.WriteAsync(movies, FeatureOutput.Parquet(Path.Combine(outDirectory, "movies.parquet")));
await FeatureFile.WriteAsync(movies, FeatureOutput.JsonLines(Path.Combine(outDirectory, "movies.jsonl")));
await enrichment.WriteJsonAsync(Path.Combine(outDirectory, "enrichment-report.json"));

AnsiConsole.WriteLine(enrichment.ToString());
AnsiConsole.MarkupLine($"Embedded {embedded.Vectors} vectors ({embedded.CacheHits} from the cache) in {embedded.WallTime.TotalSeconds:F1} s.");
foreach (var assignment in semanticIds)
{
    var quality = assignment.Quality;
    AnsiConsole.MarkupLine($"Semantic IDs of {assignment.Field}: collision rate {quality.CollisionRate:P1} before de-duplication, relative reconstruction error {quality.RelativeError:F3}.");
}

Pipeline.ShowEnriched(movies.Take(3));

// Serving: vectors in a memory-mapped store, top-K by SIMD dot products; the chat client is not involved.
var storePath = Path.Combine(outDirectory, "movies.vec");
using (var builder = new VectorStoreBuilder(MiniLmEmbeddingGenerator.ModelId, MiniLmEmbeddingGenerator.Dimensions, movies.Count))
{
    foreach (var movie in movies)
    {
        builder.Add(movie.Id, movie.Content.Span);
    }

    using var store = builder.Build();
    store.Save(storePath);
}

using var index = RecommenderIndex.Open(storePath);
var viewer = catalog.Viewings.GroupBy(v => v.ViewerId).First(g => g.Count() >= 8);
var history = viewer.Select(v => v.MovieId).ToList();
var byId = movies.ToDictionary(m => m.Id);
Pipeline.ShowRecommendations(viewer.Key, history.Select(id => byId[id]), index.RecommendForHistory(history, 5).Select(r => (byId[r.ItemId], r.Score)));
// Does the enrichment pay off? Baselines against LLM-enhanced models, and each enhanced model without one feature block.
var ablation = SyntheticAblation.Run(catalog);
await File.WriteAllTextAsync(Path.Combine(outDirectory, "ablation.md"), ablation.ToMarkdown());
await File.WriteAllTextAsync(Path.Combine(outDirectory, "ablation.json"), ablation.ToJson());
await File.WriteAllTextAsync(Path.Combine(outDirectory, "ndcg-by-popularity.svg"), ablation.ToSvgChart());
AnsiConsole.WriteLine(ablation.ToMarkdown());

AnsiConsole.MarkupLine($"Features: [blue]{Markup.Escape(Path.Combine(outDirectory, "movies.parquet"))}[/] and movies.jsonl; reports: enrichment-report.json, ablation.md/.json, ndcg-by-popularity.svg.");
