namespace LlmErs;

/// <summary>
/// An image of an item — a local file, an address or bytes in memory — that an LLM field sends beside its prompt
/// (<see cref="LlmFieldAttribute.Images"/>) or an image embedding reads. The media type is stated or, for files and
/// bytes, recognized from the content when the image is read.
/// </summary>
public sealed class ItemImage : IEquatable<ItemImage>
{
    private ItemImage(ItemImageSource source, string? path, Uri? uri, ReadOnlyMemory<byte> bytes, string? mediaType)
    {
        Source = source;
        Path = path;
        Uri = uri;
        Bytes = bytes;
        MediaType = mediaType;
    }

    /// <summary>Where the bytes come from.</summary>
    public ItemImageSource Source { get; }

    /// <summary>The file's path when <see cref="Source"/> is <see cref="ItemImageSource.File"/>.</summary>
    public string? Path { get; }

    /// <summary>The address when <see cref="Source"/> is <see cref="ItemImageSource.Uri"/>.</summary>
    public Uri? Uri { get; }

    /// <summary>The bytes when <see cref="Source"/> is <see cref="ItemImageSource.Bytes"/>; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The media type (<c>image/png</c>), or <see langword="null"/> to recognize it from the content.</summary>
    public string? MediaType { get; }

    /// <summary>How the image is named in messages: the file's path, the address, or "in-memory image (N bytes)".</summary>
    public string Description => Source switch
    {
        ItemImageSource.File => Path!,
        ItemImageSource.Uri => Uri!.ToString(),
        _ => $"in-memory image ({Bytes.Length} bytes)",
    };

    /// <summary>An image in a local file.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static ItemImage FromFile(string path, string? mediaType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new ItemImage(ItemImageSource.File, path, null, default, mediaType);
    }

    /// <summary>An image at an address the model fetches; an absolute <c>file:</c> address is read as a local file.</summary>
    public static ItemImage FromUri(Uri uri, string? mediaType = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri && uri.IsFile
            ? new ItemImage(ItemImageSource.File, uri.LocalPath, null, default, mediaType)
            : new ItemImage(ItemImageSource.Uri, null, uri, default, mediaType);
    }

    /// <summary>An image held in memory.</summary>
    public static ItemImage FromBytes(ReadOnlyMemory<byte> bytes, string? mediaType = null) =>
        new(ItemImageSource.Bytes, null, null, bytes, mediaType);

    /// <inheritdoc/>
    public bool Equals(ItemImage? other) =>
        other is not null && Source == other.Source && Path == other.Path && Uri == other.Uri && MediaType == other.MediaType
        && Bytes.Span.SequenceEqual(other.Bytes.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ItemImage);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Source, Path, Uri, MediaType, Bytes.Length);

    /// <inheritdoc/>
    public override string ToString() => Description;
}
