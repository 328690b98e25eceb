namespace LlmErs;

/// <summary>How the images of an item are read before they are sent to a model (<see cref="LlmFieldAttribute.Images"/>).</summary>
public sealed class ImageOptions
{
    /// <summary>
    /// The largest image, in bytes, a request carries; a larger one fails that item's field, naming the file. Default
    /// 20 MiB, the limit of the common vision endpoints.
    /// </summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    internal void Validate()
    {
        if (MaxBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, $"{nameof(ImageOptions)}.{nameof(MaxBytes)} must be at least 1.");
        }
    }
}
