using System.Diagnostics;
using System.Globalization;
using LlmErs.Local;
using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Benchmarks.Models;

/// <summary>
/// The sequential recommender on ml-latest-small, leave-one-out by time, full ranking, 95% bootstrap intervals:
/// popularity and ID-only BPR (the sample's tuned settings), the ID-only sequential model, and the sequential model
/// with two feature blocks — "content" (the MiniLM embedding of "title (year). genres" and the genre multi-hot) and
/// "semantic IDs" (residual-quantization codes of that embedding, one-hot per level) — each also with one block
/// removed. Prints the tables, each row's training time, the process's CPU time and the load average.
/// </summary>
/// <remarks>
/// Usage: <c>--sequential-report [--movielens DIR] [--epochs 200] [--patience 20] [--batch 128] [--learning-rate 0.001]
/// [--resamples 1000] [--levels 3] [--codes 32] [--id-shrinkage 0] [--id-dropout 0] [--seed 42] [--embedding-cache FILE] [--quick [--features] [--penalties 0,0.5,1]
/// [--count-caps 10,20]]</c>; the cache keeps the MiniLM
/// vectors between runs (keyed by a hash of the texts); <c>--seed</c> seeds the sequential models only (the split,
/// BPR and the semantic-ID codebook keep theirs);
/// <c>--quick</c> trains only the ID-only sequential model (with <c>--features</c>, the one with both feature blocks),
/// prints every epoch, then overall and cold-slice NDCG@10 on validation and test for popularity penalties 0 to 1
/// (<see cref="PopularityDebiasedScorer"/>, or those of <c>--penalties</c>), uncapped and at each count cap of <c>--count-caps</c>.
/// </remarks>
internal static class SequentialReport
{
    private const ulong Seed = 42;

    public static int Run(string[] args)
    {
        var folder = Text(args, "--movielens") ?? Path.GetFullPath("../shared/data/movielens-latest-small");
        var (epochs, patience) = (Int(args, "--epochs", 200), Int(args, "--patience", 20));
        var (levels, codes) = (Int(args, "--levels", 3), Int(args, "--codes", 32));
        var resamples = Int(args, "--resamples", 1000);
        var quick = args.Contains("--quick");
        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"# Sequential recommender on MovieLens ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()} at start; {folder}");

        var dataset = MovieLensDataset.Load(folder);
        var log = dataset.Ratings.Deduplicate().ToImplicit();
        var split = LeaveOneOutSplitter.Split(log);
        Console.WriteLine($"{split.Train.Count:N0} training, {split.Validation.Count:N0} validation, {split.Test.Count:N0} test interactions; {split.ItemCount:N0} items");
        var options = new SequentialOptions
        {
            Epochs = epochs,
            Patience = patience,
            Seed = (ulong)Int(args, "--seed", (int)Seed),
            BatchSize = Int(args, "--batch", 128),
            LearningRate = Float(args, "--learning-rate", 0.001f),
            IdShrinkage = Float(args, "--id-shrinkage", 0f),
            IdDropout = Float(args, "--id-dropout", 0f),
        };
        var progress = new Progress(clock);

        using var content = ContentFeatures(dataset, split, Text(args, "--embedding-cache"));
        using var semanticIds = SemanticIdFeatures(content.Embedding, levels, codes);
        if (quick)
        {
            return Quick(args, split, options, [new FeatureBlock("content", content.Features), new FeatureBlock("semantic IDs", semanticIds.Values)], progress, process, clock);
        }

        var runner = new AblationRunner(new AblationOptions
        {
            // Every row gets the same budget: the sequential rows' epochs and patience, BPR's included.
            EpochBudget = epochs,
            Patience = patience,
            Models =
            [
                AblationModel.Popularity(),
                AblationModel.IdOnlyBpr(new BprOptions { Regularization = 0.01f, NegativeSamples = 1, Epochs = 100, Patience = 15, Seed = Seed }),
                AblationModel.IdOnlySequential(options),
                AblationModel.Sequential(options),
            ],
            Evaluation = new EvaluationOptions
            {
                Metrics = [Metric.Ndcg(10), Metric.Recall(20), Metric.HitRate(10), Metric.Auc],
                Bootstrap = new BootstrapOptions { Resamples = resamples, Seed = 42 },
            },
        });
        var result = runner.Run(split, [new FeatureBlock("content", content.Features), new FeatureBlock("semantic IDs", semanticIds.Values)], new AblationProgressWriter(clock));
        Console.WriteLine();
        AblationConsole.Print(result);

        Footer(process, clock);
        return 0;
    }

    /// <summary>
    /// One sequential model, ID-only or (with <c>--features</c>) with both feature blocks, printing every epoch and then
    /// overall and cold-slice NDCG@10 on validation and test, with intervals, for each popularity penalty of a small
    /// grid (one trained model serves them all): the loop for tuning the rare-item settings.
    /// </summary>
    private static int Quick(string[] args, DataSplit split, SequentialOptions options, FeatureBlock[] blocks, Progress progress, Process process, Stopwatch clock)
    {
        var ndcg = Metric.Ndcg(10);
        var validator = new RankingEvaluator(new EvaluationOptions { Metrics = [ndcg], Bootstrap = new BootstrapOptions { Resamples = 0 } });
        var monitor = new TrainingMonitor
        {
            Validate = scorer => validator.EvaluateFullRanking(scorer, split, EvaluationTarget.Validation).Overall[ndcg].Value,
            Progress = progress,
        };
        using var features = args.Contains("--features") ? FeatureConcatenation.Create(blocks, split.ItemCount, split.UserCount).Concatenate(FeatureSide.Item, -1) : null;
        var trained = SequentialRecommender.Train(split.Train, features, options, monitor);
        var evaluator = new RankingEvaluator(new EvaluationOptions { Metrics = [ndcg], Bootstrap = new BootstrapOptions { Resamples = 1000, Seed = 42 } });
        var forTest = trained.Model.WithHistories(split.Train, split.Validation);
        Console.WriteLine($"{(features is null ? "ID only" : "with features")}, ID shrinkage {options.IdShrinkage}, ID dropout {options.IdDropout}: best epoch {trained.History.BestEpoch} of {trained.History.Epochs.Count}");
        var penalties = Floats(args, "--penalties") ?? [0f, 0.1f, 0.25f, 0.5f, 0.75f, 1f];
        int?[] caps = [null, .. (Floats(args, "--count-caps") ?? []).Select(cap => (int?)(int)cap)];
        foreach (var cap in caps)
        {
            foreach (var penalty in penalties)
            {
                var validation = evaluator.EvaluateFullRanking(new PopularityDebiasedScorer(trained.Model, split.Train, penalty, cap), split, EvaluationTarget.Validation);
                var test = evaluator.EvaluateFullRanking(new PopularityDebiasedScorer(forTest, split.Train, penalty, cap), split);
                foreach (var (name, result) in new[] { ("validation", validation), ("test", test) })
                {
                    var cold = result.FindSlice(SliceGroup.ItemPopularity, Slice.ColdName);
                    var count = cap is null ? "count" : $"min(count, {cap})";
                    Console.WriteLine($"penalty {penalty} · ln(1 + {count}), {name}: NDCG@10 {result.Overall[ndcg]}; cold slice ({cold?.TestCaseCount ?? 0} cases) {cold?[ndcg].ToString() ?? "-"}");
                }
            }
        }

        Footer(process, clock);
        return 0;
    }

    /// <summary>The MiniLM embedding of each movie's "title (year). genres", and beside it the genre multi-hot.</summary>
    internal static ContentBlock ContentFeatures(MovieLensDataset dataset, DataSplit split, string? cache)
    {
        var movies = dataset.Movies.ToDictionary(movie => movie.Id, StringComparer.Ordinal);
        var items = split.ItemIds.Keys.Select(id => movies[id]).ToArray();
        string[] genres = [.. items.SelectMany(movie => movie.Genres).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var texts = items.Select(movie => $"{movie.Title}{(movie.Year is { } year ? $" ({year})" : "")}. {string.Join(", ", movie.Genres)}").ToArray();
        using var store = Embeddings(texts, cache);
        var width = MiniLmEmbeddingGenerator.Dimensions + genres.Length;
        var embedding = new float[items.Length * MiniLmEmbeddingGenerator.Dimensions];
        var features = new float[items.Length * width];
        for (var i = 0; i < items.Length; i++)
        {
            var vector = store.GetVector(i.ToString(CultureInfo.InvariantCulture));
            vector.CopyTo(embedding.AsSpan(i * MiniLmEmbeddingGenerator.Dimensions));
            vector.CopyTo(features.AsSpan(i * width));
            foreach (var genre in items[i].Genres)
            {
                features[(i * width) + MiniLmEmbeddingGenerator.Dimensions + Array.IndexOf(genres, genre)] = 1f;
            }
        }

        return new ContentBlock(VectorMatrix.Create(embedding, MiniLmEmbeddingGenerator.Dimensions), VectorMatrix.Create(features, width));
    }

    /// <summary>The texts' MiniLM vectors keyed by position, read from <paramref name="cache"/> when it holds the same texts' vectors.</summary>
    private static VectorStore Embeddings(string[] texts, string? cache)
    {
        if (cache is not null && File.Exists(cache))
        {
            var cached = VectorStore.Open(cache, new VectorStoreOpenOptions { ExpectedModelId = $"{MiniLmEmbeddingGenerator.ModelId}:{Hash(texts)}" });
            return cached;
        }

        using var generator = new MiniLmEmbeddingGenerator();
        var embedded = generator.GenerateAsync(texts).GetAwaiter().GetResult();
        using var builder = new VectorStoreBuilder($"{MiniLmEmbeddingGenerator.ModelId}:{Hash(texts)}", MiniLmEmbeddingGenerator.Dimensions, texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            builder.Add(i.ToString(CultureInfo.InvariantCulture), embedded[i].Vector.Span);
        }

        var store = builder.Build();
        if (cache is not null)
        {
            store.Save(cache);
        }

        return store;
    }

    private static string Hash(string[] texts) =>
        System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", texts))).ToString("x16", CultureInfo.InvariantCulture);

    private static FeatureMatrix SemanticIdFeatures(VectorMatrix embedding, int levels, int codes)
    {
        var codebook = RqKMeans.Train(embedding, new RqKMeansOptions { Levels = levels, Codes = codes, Seed = Seed });
        var encoding = codebook.EncodeAll(embedding);
        return FieldFeatures.SemanticIdCodes(encoding.Ids, levels, codes);
    }

    internal static void Footer(Process process, Stopwatch clock)
    {
        process.Refresh();
        Console.WriteLine($"wall {clock.Elapsed.TotalMinutes:F1} min, CPU {process.TotalProcessorTime.TotalMinutes:F1} min; load average {LoadAverage()} at end");
    }

    internal static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    internal static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static float Float(string[] args, string name, float fallback) =>
        Text(args, name) is { } value ? float.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A comma-separated list of numbers, e.g. <c>--penalties 0,0.5,1</c>; null when the option is absent.</summary>
    internal static float[]? Floats(string[] args, string name) =>
        Text(args, name) is { } value ? [.. value.Split(',').Select(part => float.Parse(part, CultureInfo.InvariantCulture))] : null;

    internal static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    internal sealed record ContentBlock(VectorMatrix Embedding, VectorMatrix Features) : IDisposable
    {
        public void Dispose()
        {
            Embedding.Dispose();
            Features.Dispose();
        }
    }

    private sealed class Progress(Stopwatch clock) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) =>
            Console.WriteLine($"  [{clock.Elapsed:mm\\:ss}] epoch {value.Epoch}: loss {value.Loss:F4}, validation {value.ValidationScore:F4}{(value.IsBest ? " *" : "")}, {value.Elapsed.TotalSeconds:F1} s, load {LoadAverage()}");
    }

    internal sealed class AblationProgressWriter(Stopwatch clock) : IProgress<AblationProgress>
    {
        private readonly Progress _epochs = new(clock);

        public void Report(AblationProgress value)
        {
            if (value.Epoch is { } epoch && (epoch.Epoch % 10 == 0 || epoch.Epoch == 1))
            {
                Console.Write($"{value.Name}: ");
                _epochs.Report(epoch);
            }
            else if (value.Stage == AblationStage.Finished)
            {
                Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {value.Name} finished");
            }
        }
    }
}
