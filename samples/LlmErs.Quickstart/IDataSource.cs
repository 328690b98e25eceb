using LlmErs.Recommenders;
using LlmErs.Local;
using LlmErs.Samples.Catalog;

namespace LlmErs.Quickstart;

/// <summary>What the pipeline runs on: a movie catalog, its interactions, and the ablation that fits them.</summary>
internal interface IDataSource
{
    /// <summary>The folder of the output folder where the ablation keeps its trained rows for a rerun.</summary>
    const string AblationCacheFolder = "ablation-cache";

    /// <summary>One line for the console: what the catalog and the log hold.</summary>
    string Description { get; }

    /// <summary>The catalog, which the pipeline enriches in place.</summary>
    IReadOnlyList<Movie> Movies { get; }

    /// <summary>Who watched what and when; item keys are <see cref="Movie.Id"/>s.</summary>
    InteractionLog Interactions { get; }

    /// <summary>The explicit log whose ratings the viewers' histories show; null when the data has no ratings.</summary>
    InteractionLog? Ratings { get; }

    /// <summary>
    /// Trains and evaluates the baselines and LLM-enhanced models on the enriched catalog, with the viewers' profiles
    /// (written per split by <paramref name="profiles"/>) as the user block and <paramref name="chat"/>, the client the
    /// catalog was enriched with, as the LLM teacher, writes the result files, and returns the trained two-tower model
    /// of the leave-one-out protocol, to serve.
    /// </summary>
    Task<ServedModel> RunAblationAsync(string outputDirectory, MiniLmEmbeddingGenerator embeddings, ChatSetup chat, ViewerProfiles profiles, CancellationToken cancellationToken);
}
