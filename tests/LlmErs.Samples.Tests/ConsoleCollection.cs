namespace LlmErs.Samples.Tests;

/// <summary>
/// Tests that run the sample's stages, which draw progress bars on Spectre's one static console: Spectre refuses two live
/// displays at once, so these tests run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection
{
    public const string Name = "The sample's console";
}
