using LlmErs;

namespace LlmErs.Runtime.Tests.Images;

/// <summary>An item whose caption field is asked with its image attached.</summary>
[Enrichable]
public partial class Artwork
{
    [ItemKey]
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>A file path, an address or bytes: whatever the catalog holds.</summary>
    public ItemImage? Picture { get; init; }

    [LlmText("Describe the picture of {{ title }}.", MaxWords = 20, Images = nameof(Picture))]
    public partial string? Caption { get; set; }

    /// <summary>The picture's vector, from an image embedding model.</summary>
    [Embedding(Images = nameof(Picture), Dimensions = 3)]
    public partial ReadOnlyMemory<float> PictureVector { get; set; }
}
