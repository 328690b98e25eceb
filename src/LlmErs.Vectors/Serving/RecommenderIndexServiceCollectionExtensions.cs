using LlmErs.Vectors;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="RecommenderIndex"/> with dependency injection.</summary>
public static class RecommenderIndexServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="RecommenderIndex"/> that opens the vector store at <paramref name="path"/> on first use
    /// and is disposed with the container. It needs no chat client or embedding generator.
    /// </summary>
    public static IServiceCollection AddRecommenderIndex(this IServiceCollection services, string path, Action<RecommenderIndexOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return services.AddSingleton(_ =>
        {
            var options = new RecommenderIndexOptions();
            configure?.Invoke(options);
            return RecommenderIndex.Open(path, options);
        });
    }
}
