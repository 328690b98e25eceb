namespace LlmErs;

/// <summary>Where an <see cref="ItemImage"/>'s bytes come from.</summary>
public enum ItemImageSource
{
    /// <summary>A local file, read when the request is prepared.</summary>
    File,

    /// <summary>An address the model fetches itself; no bytes are read locally.</summary>
    Uri,

    /// <summary>Bytes held in memory.</summary>
    Bytes,
}
