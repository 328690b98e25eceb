using SkiaSharp;

namespace LlmErs.Samples.Catalog.Synthetic;

/// <summary>
/// Paints a synthetic movie's poster as a PNG: each latent theme has its own palette and motif (space: dark sky and
/// planets; sea: blue waves; crime: a night skyline; family: a sunny meadow; fantasy: purple mountains; comedy: bright
/// confetti), varied per movie in placement, size, count and hue. So the pixels carry the theme the text carries, and an
/// image model can recover it. Deterministic for the random source it is given.
/// </summary>
internal static class PosterPainter
{
    public const int Width = 96;
    public const int Height = 144;

    public static byte[] Paint(string theme, Random random)
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            switch (theme)
            {
                case "space": Space(canvas, paint, random); break;
                case "sea": Sea(canvas, paint, random); break;
                case "crime": Crime(canvas, paint, random); break;
                case "family": Family(canvas, paint, random); break;
                case "fantasy": Fantasy(canvas, paint, random); break;
                case "comedy": Comedy(canvas, paint, random); break;
                default: throw new ArgumentOutOfRangeException(nameof(theme), theme, "No poster style for this theme.");
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Space(SKCanvas canvas, SKPaint paint, Random random)
    {
        canvas.Clear(Jitter(new SKColor(10, 12, 40), random));
        paint.Color = SKColors.White;
        for (var i = 0; i < 25 + random.Next(25); i++)
        {
            canvas.DrawCircle(X(random), Y(random), 0.6f + (float)random.NextDouble(), paint);
        }

        for (var i = 0; i < 1 + random.Next(2); i++)
        {
            paint.Color = Jitter(new SKColor(230, 120, 60), random);
            canvas.DrawCircle(X(random), Y(random), 10 + random.Next(22), paint);
        }
    }

    private static void Sea(SKCanvas canvas, SKPaint paint, Random random)
    {
        canvas.Clear(Jitter(new SKColor(150, 205, 235), random));
        var horizon = Height * (0.3f + (0.2f * (float)random.NextDouble()));
        paint.Color = Jitter(new SKColor(20, 90, 160), random);
        canvas.DrawRect(0, horizon, Width, Height - horizon, paint);
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = 2;
        paint.Color = new SKColor(235, 245, 255);
        for (var y = horizon + 8 + random.Next(8); y < Height; y += 12 + random.Next(6))
        {
            using var wave = new SKPathBuilder();
            wave.MoveTo(0, y);
            for (var x = 0; x < Width; x += 16)
            {
                wave.QuadTo(x + 8, y - 5, x + 16, y);
            }

            using var path = wave.Detach();
            canvas.DrawPath(path, paint);
        }

        paint.Style = SKPaintStyle.Fill;
    }

    private static void Crime(SKCanvas canvas, SKPaint paint, Random random)
    {
        canvas.Clear(Jitter(new SKColor(25, 25, 30), random));
        var x = 0f;
        while (x < Width)
        {
            var width = 10 + random.Next(16);
            var height = 40 + random.Next(70);
            paint.Color = Jitter(new SKColor(55, 55, 65), random);
            canvas.DrawRect(x, Height - height, width - 2, height, paint);
            paint.Color = Jitter(new SKColor(240, 200, 60), random);
            for (var w = 0; w < 2 + random.Next(4); w++)
            {
                canvas.DrawRect(x + 2 + random.Next(Math.Max(1, width - 6)), Height - height + 4 + random.Next(height - 8), 2, 3, paint);
            }

            x += width;
        }

        paint.Color = new SKColor(180, 20, 30);
        canvas.DrawRect(0, Height - 6, Width, 6, paint);
    }

    private static void Family(SKCanvas canvas, SKPaint paint, Random random)
    {
        canvas.Clear(Jitter(new SKColor(170, 220, 255), random));
        paint.Color = Jitter(new SKColor(110, 200, 80), random);
        var hill = Height * (0.55f + (0.15f * (float)random.NextDouble()));
        canvas.DrawOval(Width / 2f, Height, Width, Height - hill, paint);
        paint.Color = Jitter(new SKColor(255, 215, 40), random);
        canvas.DrawCircle(15 + random.Next(Width - 30), 15 + random.Next(30), 9 + random.Next(8), paint);
        for (var i = 0; i < 3 + random.Next(5); i++)
        {
            paint.Color = Jitter(new SKColor(255, 120, 170), random);
            canvas.DrawCircle(X(random), hill + random.Next((int)(Height - hill)), 3, paint);
        }
    }

    private static void Fantasy(SKCanvas canvas, SKPaint paint, Random random)
    {
        canvas.Clear(Jitter(new SKColor(70, 30, 110), random));
        paint.Color = Jitter(new SKColor(250, 240, 190), random);
        canvas.DrawCircle(X(random), 12 + random.Next(30), 6 + random.Next(6), paint);
        for (var i = 0; i < 2 + random.Next(3); i++)
        {
            paint.Color = Jitter(new SKColor(120, 60, 160), random);
            var peak = X(random);
            var top = Height * (0.35f + (0.3f * (float)random.NextDouble()));
            using var mountain = new SKPathBuilder();
            mountain.MoveTo(peak - 40 - random.Next(20), Height);
            mountain.LineTo(peak, top);
            mountain.LineTo(peak + 40 + random.Next(20), Height);
            mountain.Close();
            using var path = mountain.Detach();
            canvas.DrawPath(path, paint);
        }
    }

    private static void Comedy(SKCanvas canvas, SKPaint paint, Random random)
    {
        canvas.Clear(Jitter(new SKColor(255, 235, 60), random));
        SKColor[] confetti = [new(230, 40, 120), new(40, 170, 230), new(60, 200, 90), new(250, 130, 20)];
        for (var i = 0; i < 20 + random.Next(20); i++)
        {
            paint.Color = Jitter(confetti[random.Next(confetti.Length)], random);
            canvas.Save();
            canvas.RotateDegrees(random.Next(90), X(random), Y(random));
            canvas.DrawRect(X(random), Y(random), 4 + random.Next(6), 3 + random.Next(4), paint);
            canvas.Restore();
        }
    }

    private static float X(Random random) => (float)(random.NextDouble() * Width);

    private static float Y(Random random) => (float)(random.NextDouble() * Height);

    /// <summary>The colour moved by up to ±24 per channel: posters of a theme look alike, never the same.</summary>
    private static SKColor Jitter(SKColor color, Random random) => new(
        (byte)Math.Clamp(color.Red + random.Next(-24, 25), 0, 255),
        (byte)Math.Clamp(color.Green + random.Next(-24, 25), 0, 255),
        (byte)Math.Clamp(color.Blue + random.Next(-24, 25), 0, 255));
}
