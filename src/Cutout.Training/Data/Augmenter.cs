namespace Cutout.Training.Data;

/// <summary>
/// Turns samples into fixed-size training inputs: random scale-crop, horizontal flip, colour jitter and pasting
/// the masked person onto another sample's picture. Deterministic for a given random generator.
/// </summary>
public sealed class Augmenter(AugmentationOptions options, int width, int height)
{
    public int Width => width;
    public int Height => height;

    public void Render(IReadOnlyList<SegmentationSample> pool, int index, Random random, Span<float> rgb, Span<float> mask)
    {
        var sample = pool[index];
        SampleResizer.Sample(sample, RandomCrop(sample, random), width, height, rgb, mask);
        if (pool.Count > 1 && random.NextDouble() < options.PasteProbability)
        {
            int other = random.Next(pool.Count - 1);
            if (other >= index) other++;
            PasteOnto(pool[other], random, rgb, mask);
        }
        JitterColour(rgb, random);
    }

    SampleResizer.Crop RandomCrop(SegmentationSample s, Random random)
    {
        double area = options.MinCropArea + random.NextDouble() * (1 - options.MinCropArea);
        double logJitter = Math.Log(options.MaxAspectJitter);
        double aspect = Math.Exp((random.NextDouble() * 2 - 1) * logJitter);
        double cw = Math.Min(s.Width, s.Width * Math.Sqrt(area * aspect));
        double ch = Math.Min(s.Height, s.Height * Math.Sqrt(area / aspect));
        double x = random.NextDouble() * (s.Width - cw), y = random.NextDouble() * (s.Height - ch);
        return new SampleResizer.Crop(x, y, cw, ch, random.NextDouble() < options.FlipProbability);
    }

    /// <summary>The current person goes in front of another picture; people labelled in that picture stay labelled.</summary>
    void PasteOnto(SegmentationSample background, Random random, Span<float> rgb, Span<float> mask)
    {
        int plane = width * height;
        var backRgb = new float[3 * plane];
        var backMask = new float[plane];
        SampleResizer.Sample(background, RandomCrop(background, random), width, height, backRgb, backMask);
        for (int i = 0; i < plane; i++)
        {
            float a = mask[i];
            for (int c = 0; c < 3; c++) rgb[c * plane + i] = a * rgb[c * plane + i] + (1 - a) * backRgb[c * plane + i];
            mask[i] = Math.Max(a, backMask[i]);
        }
    }

    void JitterColour(Span<float> rgb, Random random)
    {
        int plane = width * height;
        float brightness = 1 + (float)(random.NextDouble() * 2 - 1) * options.Brightness;
        float contrast = 1 + (float)(random.NextDouble() * 2 - 1) * options.Contrast;
        float saturation = random.NextDouble() < options.GreyProbability ? 0 : 1 + (float)(random.NextDouble() * 2 - 1) * options.Saturation;
        if (brightness == 1 && contrast == 1 && saturation == 1) return;
        float mean = 0;
        for (int i = 0; i < plane; i++) mean += Luma(rgb, i, plane);
        mean /= plane;
        for (int i = 0; i < plane; i++)
        {
            float luma = Luma(rgb, i, plane);
            for (int c = 0; c < 3; c++)
            {
                float v = luma + (rgb[c * plane + i] - luma) * saturation;
                v = (v - mean) * contrast + mean;
                rgb[c * plane + i] = Math.Clamp(v * brightness, 0, 255);
            }
        }
    }

    static float Luma(Span<float> rgb, int i, int plane) => 0.299f * rgb[i] + 0.587f * rgb[plane + i] + 0.114f * rgb[2 * plane + i];
}
