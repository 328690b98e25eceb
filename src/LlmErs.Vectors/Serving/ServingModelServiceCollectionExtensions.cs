using LlmErs.Vectors;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="ServingModel"/> with dependency injection.</summary>
public static class ServingModelServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="ServingModel"/> that opens the serving folder <paramref name="folder"/> on first use
    /// and is disposed with the container. It needs no chat client or embedding generator.
    /// </summary>
    public static IServiceCollection AddServingModel(this IServiceCollection services, string folder, Action<ServingModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return services.AddSingleton(_ =>
        {
            var options = new ServingModelOptions();
            configure?.Invoke(options);
            return ServingModel.Open(folder, options);
        });
    }
}
