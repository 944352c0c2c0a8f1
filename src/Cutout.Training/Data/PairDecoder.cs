using SkiaSharp;

namespace Cutout.Training.Data;

/// <summary>Decodes an image/mask file pair to RGB + 0/255 mask, downscaled so the longer side is at most maxSide.</summary>
public static class PairDecoder
{
    public static SegmentationSample Decode(string id, string imagePath, string maskPath, int maxSide)
    {
        using var image = DecodeFile(imagePath, SKColorType.Rgba8888);
        using var mask = DecodeFile(maskPath, SKColorType.Gray8);
        if (image.Width != mask.Width || image.Height != mask.Height)
            throw new DatasetException($"{id}: image is {image.Width}x{image.Height} but mask is {mask.Width}x{mask.Height}");
        var (w, h) = FitWithin(image.Width, image.Height, maxSide);
        using var smallImage = Resize(image, w, h);
        using var smallMask = Resize(mask, w, h);
        return new SegmentationSample(id, w, h, ToRgb(smallImage), ToBinaryMask(smallMask));
    }

    public static SKBitmap DecodeFile(string path, SKColorType colorType)
    {
        using var codec = SKCodec.Create(path) ?? throw new DatasetException($"{path}: not a readable image");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, colorType, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw new DatasetException($"{path}: decode failed ({result})");
        }
        return bitmap;
    }

    public static (int Width, int Height) FitWithin(int width, int height, int maxSide)
    {
        double scale = Math.Min(1.0, maxSide / (double)Math.Max(width, height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    static SKBitmap Resize(SKBitmap source, int width, int height) =>
        source.Width == width && source.Height == height
            ? source.Copy()
            : source.Resize(new SKImageInfo(width, height, source.ColorType, SKAlphaType.Unpremul),
                            new SKSamplingOptions(SKCubicResampler.Mitchell));

    static byte[] ToRgb(SKBitmap rgba)
    {
        var src = rgba.GetPixelSpan();
        var rgb = new byte[rgba.Width * rgba.Height * 3];
        for (int i = 0, j = 0; j < rgb.Length; i += 4, j += 3)
        {
            rgb[j] = src[i];
            rgb[j + 1] = src[i + 1];
            rgb[j + 2] = src[i + 2];
        }
        return rgb;
    }

    static byte[] ToBinaryMask(SKBitmap gray)
    {
        var src = gray.GetPixelSpan();
        var mask = new byte[src.Length];
        for (int i = 0; i < mask.Length; i++) mask[i] = src[i] > 127 ? (byte)255 : (byte)0;
        return mask;
    }
}
