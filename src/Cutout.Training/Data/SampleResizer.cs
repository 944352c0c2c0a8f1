namespace Cutout.Training.Data;

/// <summary>Bilinear sampling of a sample into a fixed-size planar float image and a soft 0..1 mask.</summary>
public static class SampleResizer
{
    /// <summary>A crop of the source (in source pixels), stretched to the output size, optionally mirrored.</summary>
    public readonly record struct Crop(double X, double Y, double Width, double Height, bool Mirror)
    {
        public static Crop Whole(SegmentationSample s) => new(0, 0, s.Width, s.Height, false);
    }

    /// <param name="rgb">Output, planar RGB 0..255, length 3 * size * size.</param>
    /// <param name="mask">Output, 0..1, length size * size.</param>
    public static void Sample(SegmentationSample source, Crop crop, int width, int height, Span<float> rgb, Span<float> mask)
    {
        int plane = width * height;
        double sx = crop.Width / width, sy = crop.Height / height;
        for (int y = 0; y < height; y++)
        {
            double fy = Math.Clamp(crop.Y + (y + 0.5) * sy - 0.5, 0, source.Height - 1);
            int y0 = (int)fy, y1 = Math.Min(y0 + 1, source.Height - 1);
            float wy = (float)(fy - y0);
            for (int x = 0; x < width; x++)
            {
                int ox = crop.Mirror ? width - 1 - x : x;
                double fx = Math.Clamp(crop.X + (ox + 0.5) * sx - 0.5, 0, source.Width - 1);
                int x0 = (int)fx, x1 = Math.Min(x0 + 1, source.Width - 1);
                float wx = (float)(fx - x0);
                float w00 = (1 - wx) * (1 - wy), w01 = wx * (1 - wy), w10 = (1 - wx) * wy, w11 = wx * wy;
                int a = y0 * source.Width + x0, b = y0 * source.Width + x1, c = y1 * source.Width + x0, d = y1 * source.Width + x1;
                int o = y * width + x;
                for (int ch = 0; ch < 3; ch++)
                    rgb[ch * plane + o] = w00 * source.Rgb[a * 3 + ch] + w01 * source.Rgb[b * 3 + ch]
                                        + w10 * source.Rgb[c * 3 + ch] + w11 * source.Rgb[d * 3 + ch];
                mask[o] = (w00 * source.Mask[a] + w01 * source.Mask[b] + w10 * source.Mask[c] + w11 * source.Mask[d]) / 255f;
            }
        }
    }

    /// <summary>Downscales a sample so its longer side is at most maxSide (used for array datasets).</summary>
    public static SegmentationSample FitWithin(SegmentationSample s, int maxSide)
    {
        var (w, h) = PairDecoder.FitWithin(s.Width, s.Height, maxSide);
        var rgb = new float[3 * w * h];
        var mask = new float[w * h];
        Sample(s, Crop.Whole(s), w, h, rgb, mask);
        var interleaved = new byte[3 * w * h];
        for (int i = 0; i < w * h; i++)
            for (int ch = 0; ch < 3; ch++)
                interleaved[i * 3 + ch] = (byte)Math.Clamp(MathF.Round(rgb[ch * w * h + i]), 0, 255);
        return new SegmentationSample(s.Id, w, h, interleaved, mask.Select(v => v > 0.5f ? (byte)255 : (byte)0).ToArray());
    }
}
