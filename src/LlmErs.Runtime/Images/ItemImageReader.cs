using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// Reads <see cref="ItemImage"/>s into the content a model request carries: a file's or in-memory bytes as
/// <see cref="DataContent"/> (media type as stated, else recognized from the bytes), an address as
/// <see cref="UriContent"/>. A missing, unreadable, unrecognized or oversized image is reported, never thrown, so the
/// caller fails only the item that holds it.
/// </summary>
public static class ItemImageReader
{
    /// <summary>Reads <paramref name="image"/> within the limits of <paramref name="options"/>.</summary>
    public static async ValueTask<ImageReadResult> ReadAsync(ItemImage image, ImageOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= new ImageOptions();
        switch (image.Source)
        {
            case ItemImageSource.Uri:
                var address = image.Uri!;
                var mediaType = image.MediaType ?? ImageMediaTypes.FromExtension(address.AbsolutePath);
                return ImageReadResult.Read(new UriContent(address, mediaType), $"{mediaType} uri:{address.AbsoluteUri}");

            case ItemImageSource.File:
                var path = image.Path!;
                byte[] bytes;
                try
                {
                    var info = new FileInfo(path);
                    if (!info.Exists)
                    {
                        return ImageReadResult.Failed($"the image '{path}' does not exist");
                    }

                    if (info.Length > options.MaxBytes)
                    {
                        return Oversized(image, info.Length, options);
                    }

                    bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    return ImageReadResult.Failed($"the image '{path}' could not be read ({ex.GetType().Name}: {ex.Message})");
                }

                return FromBytes(image, bytes, options);

            default:
                return FromBytes(image, image.Bytes, options);
        }
    }

    private static ImageReadResult FromBytes(ItemImage image, ReadOnlyMemory<byte> bytes, ImageOptions options)
    {
        if (bytes.Length > options.MaxBytes)
        {
            return Oversized(image, bytes.Length, options);
        }

        var mediaType = image.MediaType ?? ImageMediaTypes.Sniff(bytes.Span);
        if (mediaType is null)
        {
            return ImageReadResult.Failed(
                $"the image '{image.Description}' is not a {ImageMediaTypes.Accepted} image (its first bytes match none of them); convert it, or state its media type");
        }

        return ImageReadResult.Read(new DataContent(bytes, mediaType), ImageDigest.Of(mediaType, bytes.Span));
    }

    private static ImageReadResult Oversized(ItemImage image, long length, ImageOptions options) =>
        ImageReadResult.Failed(
            $"the image '{image.Description}' has {length:N0} bytes, more than {nameof(ImageOptions)}.{nameof(ImageOptions.MaxBytes)} ({options.MaxBytes:N0}); shrink it or raise the limit");
}
