using LlmErs.Local;
using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace LlmErs.Quickstart;

/// <summary>
/// User-history semanticization: each viewer of a split gets a history of movies built from the split's training
/// interactions only (the most recent <see cref="Viewer.PromptHistory"/>, with the ratings of <paramref name="ratings"/>
/// when given), the same chat client, engine and cache as the movies write the <see cref="Viewer"/> profile fields, and
/// the local model embeds <see cref="Viewer.Taste"/>: the ablation's <see cref="BlockName"/> block, one row per user
/// (the leading principal components of the embedding, <see cref="EmbeddingBlocks"/>).
/// A viewer whose history did not change makes no call on a rerun.
/// </summary>
/// <param name="chat">The chat client and engine options, as the movies'.</param>
/// <param name="embeddings">The local embedding model.</param>
/// <param name="outputDirectory">Where the enrichment cache (cache.db) lives.</param>
/// <param name="ratings">The explicit log whose ratings the histories show; null when the data has none.</param>
internal sealed class ViewerProfiles(ChatSetup chat, MiniLmEmbeddingGenerator embeddings, string outputDirectory, InteractionLog? ratings = null)
{
    /// <summary>The name of the user block in the ablation tables.</summary>
    public const string BlockName = "user profile";

    private static readonly EmbeddingField<Viewer> Taste = (EmbeddingField<Viewer>)EnrichmentModel.Of<Viewer>().Field(nameof(Viewer.Taste));

    /// <summary>The viewers of <paramref name="split"/>, in its user-index order, with their training histories and the ratings of <paramref name="ratings"/>.</summary>
    public static Viewer[] Viewers(DataSplit split, IReadOnlyDictionary<string, Movie> movies, InteractionLog? ratings)
    {
        var histories = UserHistories.FromTraining(split, movies, new UserHistoryOptions { MaxLength = Viewer.PromptHistory, RatingsFrom = ratings });
        return [.. histories.Select((history, user) => new Viewer { Id = split.UserIds[user], History = history })];
    }

    /// <summary>Enriches and embeds the viewers of <paramref name="split"/>, shows one on <paramref name="console"/>, and returns the user block (the caller disposes it).</summary>
    public async Task<FeatureBlock> CreateBlockAsync(DataSplit split, IReadOnlyDictionary<string, Movie> movies, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var viewers = Viewers(split, movies, ratings);
        await using (var cache = new SqliteEnrichmentCache(Path.Combine(outputDirectory, Pipeline.CacheFileName)))
        {
            using var engine = new EnrichmentEngine(chat.Client, cache, Options.Create(chat.Options));
            var report = await engine.RunAsync(viewers, cancellationToken: cancellationToken);
            await new EmbeddingStage(embeddings, cache).EmbedAsync(viewers, cancellationToken: cancellationToken);
            console.MarkupLine($"  viewer profiles: {report.Succeeded:N0} of {report.Items:N0} viewers enriched, {report.LlmCalls:N0} model calls (the rest cached)");
        }

        var shown = viewers.FirstOrDefault(viewer => viewer.History.Any(entry => entry.Rating is not null)) ?? viewers[0];
        console.MarkupLine(
            $"  e.g. viewer {Markup.Escape(shown.Id)} ({shown.History.Count} movies in the prompt's history): [italic]{Markup.Escape(shown.Profile ?? "(no profile)")}[/] " +
            $"Enjoys: {Markup.Escape(string.Join(", ", shown.LikedMoods))}; avoids: {Markup.Escape(string.Join(", ", shown.DislikedMoods))}.");

        var profiles = FieldFeatures.Vectors(viewers, Taste);
        if (profiles.MissingRows > 0)
        {
            console.MarkupLine($"[yellow]{profiles.MissingRows} of {viewers.Length} viewers have no profile vector[/]; they get the '{Taste.Name}={FieldFeatures.Missing}' indicator.");
        }

        return FeatureBlock.ForUsers(BlockName, EmbeddingBlocks.Reduce(profiles.Values));
    }
}
