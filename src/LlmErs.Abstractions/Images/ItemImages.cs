namespace LlmErs;

/// <summary>
/// Turns the value of an item member that holds images into a list of <see cref="ItemImage"/>: generated code calls
/// <c>ItemImages.Of(item.Poster)</c> for the member an attribute names, and the compiler picks the overload of the
/// member's type. A null or empty value is no image.
/// </summary>
public static class ItemImages
{
    /// <summary>No image.</summary>
    public static IReadOnlyList<ItemImage> None { get; } = [];

    /// <summary>One image, or none when null.</summary>
    public static IReadOnlyList<ItemImage> Of(ItemImage? image) => image is null ? None : [image];

    /// <summary>The images in order, skipping nulls.</summary>
    public static IReadOnlyList<ItemImage> Of(IEnumerable<ItemImage?>? images) =>
        images is null ? None : [.. images.OfType<ItemImage>()];

    /// <summary>A local file's path, or an absolute <c>http(s):</c> address; none when null or blank.</summary>
    public static IReadOnlyList<ItemImage> Of(string? pathOrAddress) =>
        string.IsNullOrWhiteSpace(pathOrAddress) ? None
        : Uri.TryCreate(pathOrAddress, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? [ItemImage.FromUri(uri)]
            : [ItemImage.FromFile(pathOrAddress)];

    /// <summary>Several paths or addresses, as <see cref="Of(string?)"/> reads each.</summary>
    public static IReadOnlyList<ItemImage> Of(IEnumerable<string?>? pathsOrAddresses) =>
        pathsOrAddresses is null ? None : [.. pathsOrAddresses.SelectMany(Of)];

    /// <summary>An address; none when null.</summary>
    public static IReadOnlyList<ItemImage> Of(Uri? uri) => uri is null ? None : [ItemImage.FromUri(uri)];

    /// <summary>Encoded image bytes (PNG, JPEG, GIF or WebP, recognized from the content); none when null or empty.</summary>
    public static IReadOnlyList<ItemImage> Of(byte[]? bytes) => bytes is null || bytes.Length == 0 ? None : [ItemImage.FromBytes(bytes)];

    /// <summary>Encoded image bytes (PNG, JPEG, GIF or WebP, recognized from the content); none when empty.</summary>
    public static IReadOnlyList<ItemImage> Of(ReadOnlyMemory<byte> bytes) => bytes.IsEmpty ? None : [ItemImage.FromBytes(bytes)];
}
