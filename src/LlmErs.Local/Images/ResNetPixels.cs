using SkiaSharp;

namespace LlmErs.Local;

/// <summary>
/// Decodes an encoded image with SkiaSharp and lays it out as ResNet18's input: 224×224 (stretched, as ML.NET's
/// <c>ResizeImages</c> with <c>Fill</c> does), planar R, G, B, values 0–255 (the preprocessing model subtracts the
/// ImageNet means itself). Transparent pixels are composited on white first, so an image's alpha cannot turn it black.
/// </summary>
internal static class ResNetPixels
{
    public const int Side = 224;

    /// <summary>Fills <paramref name="destination"/> (3 × 224 × 224) from <paramref name="encoded"/>; false when it does not decode.</summary>
    public static bool TryFill(ReadOnlySpan<byte> encoded, Span<float> destination)
    {
        // SKBitmap.Decode throws on bytes no codec recognizes; SKCodec.Create reports them with null.
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        using var decoded = codec is null ? null : SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return false;
        }

        var info = new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var target = new SKBitmap(info);
        using (var canvas = new SKCanvas(target))
        using (var image = SKImage.FromBitmap(decoded))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(image, new SKRect(0, 0, Side, Side), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        }

        var pixels = target.GetPixelSpan();
        const int plane = Side * Side;
        for (var i = 0; i < plane; i++)
        {
            destination[i] = pixels[4 * i];
            destination[plane + i] = pixels[4 * i + 1];
            destination[2 * plane + i] = pixels[4 * i + 2];
        }

        return true;
    }
}
