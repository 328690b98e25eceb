using LlmErs.Local;

namespace LlmErs.Local.Tests;

/// <summary>Loads the model once for all tests of a class: loading takes a second or two.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmEmbeddingGenerator Generator { get; } = new();

    public void Dispose() => Generator.Dispose();
}
