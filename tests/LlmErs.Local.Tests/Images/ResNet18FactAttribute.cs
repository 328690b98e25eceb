using LlmErs.Local;
using Xunit;

namespace LlmErs.Local.Tests.Images;

/// <summary>A fact that is skipped, with the reason, when the ResNet18 models cannot be loaded on this machine.</summary>
public sealed class ResNet18FactAttribute : FactAttribute
{
    private static readonly Lazy<string?> LoadProblem = new(() =>
    {
        try
        {
            using var generator = new ResNet18ImageEmbeddingGenerator(new ResNet18ImageEmbeddingGeneratorOptions { Threads = 1 });
            return null;
        }
        catch (Exception ex)
        {
            return $"The ResNet18 models could not be loaded ({ex.GetType().Name}: {ex.Message})";
        }
    });

    public ResNet18FactAttribute()
    {
        if (LoadProblem.Value is { } problem)
        {
            Skip = problem;
        }
    }
}
