namespace Cutout.Training.Data;

/// <summary>
/// Turns samples into fixed-size training inputs: random scale-crop, horizontal flip, colour jitter (sometimes greyscale),
/// pasting the masked person onto another sample's picture, sometimes shrunk to teach small people, and, optionally, an object
/// from <paramref name="occluders"/> in front of it (<see cref="Occluder"/>) and a strong exposure change
/// (<see cref="ExposureChange"/>). Deterministic for a given random generator.
/// </summary>
public sealed class Augmenter(AugmentationOptions options, int width, int height, IReadOnlyList<SegmentationSample>? occluders = null)
{
    public int Width => width;
    public int Height => height;

    public void Render(IReadOnlyList<SegmentationSample> pool, int index, Random random, Span<float> rgb, Span<float> mask)
    {
        var sample = pool[index];
        var crop = options.CutProbability > 0 && random.NextDouble() < options.CutProbability && SubjectCut.Draw(sample, random, options.MaxAspectJitter) is { } cut
            ? cut with { Mirror = random.NextDouble() < options.FlipProbability }
            : RandomCrop(sample, random);
        var (background, shrink) = ChoosePaste(pool, index, random);
        if (shrink)
            PasteShrunk(sample, background!, random, rgb, mask);
        else
        {
            SampleResizer.Sample(sample, crop, width, height, rgb, mask);
            if (background != null) PasteOnto(background, random, rgb, mask);
        }
        if (options.OcclusionProbability > 0 && occluders is { Count: > 0 } && random.NextDouble() < options.OcclusionProbability)
            Occluder.Place(occluders[random.Next(occluders.Count)], random, width, height, rgb, mask, options.OccludersHeld);
        JitterColour(rgb, random);
        if (options.ExposureProbability > 0 && random.NextDouble() < options.ExposureProbability) ExposureChange.Draw(random).Apply(rgb, random);
    }

    /// <summary>The picture to paste the person onto (null: no paste), and whether the person goes in shrunk.</summary>
    (SegmentationSample? Background, bool Shrink) ChoosePaste(IReadOnlyList<SegmentationSample> pool, int index, Random random)
    {
        if (pool.Count < 2 || random.NextDouble() >= options.PasteProbability) return (null, false);
        int other = random.Next(pool.Count - 1);
        if (other >= index) other++;
        return (pool[other], options.ShrinkProbability > 0 && random.NextDouble() < options.ShrinkProbability);
    }

    SampleResizer.Crop RandomCrop(SegmentationSample s, Random random)
    {
        double area = options.MinCropArea + random.NextDouble() * (1 - options.MinCropArea);
        double aspect = AspectJitter(random, options.MaxAspectJitter);
        double cw = Math.Min(s.Width, s.Width * Math.Sqrt(area * aspect));
        double ch = Math.Min(s.Height, s.Height * Math.Sqrt(area / aspect));
        double x = random.NextDouble() * (s.Width - cw), y = random.NextDouble() * (s.Height - ch);
        return new SampleResizer.Crop(x, y, cw, ch, random.NextDouble() < options.FlipProbability);
    }

    /// <summary>A factor for a crop's aspect ratio, log-uniform between 1 / <paramref name="max"/> and <paramref name="max"/>.</summary>
    internal static double AspectJitter(Random random, double max) => Math.Exp((random.NextDouble() * 2 - 1) * Math.Log(max));

    /// <summary>The current person goes in front of another picture; people labelled in that picture stay labelled.</summary>
    void PasteOnto(SegmentationSample background, Random random, Span<float> rgb, Span<float> mask)
    {
        var person = rgb.ToArray();
        var personMask = mask.ToArray();
        SampleResizer.Sample(background, RandomCrop(background, random), width, height, rgb, mask);
        Composite(person, personMask, width, height, 0, 0, rgb, mask);
    }

    /// <summary>The whole photo's person, shrunk to a fraction of the frame and placed anywhere in another picture.</summary>
    void PasteShrunk(SegmentationSample person, SegmentationSample background, Random random, Span<float> rgb, Span<float> mask)
    {
        double scale = options.MinShrink + random.NextDouble() * (options.MaxShrink - options.MinShrink);
        int w = Math.Max(1, (int)Math.Round(width * scale)), h = Math.Max(1, (int)Math.Round(height * scale));
        var small = new float[3 * w * h];
        var smallMask = new float[w * h];
        var whole = SampleResizer.Crop.Whole(person) with { Mirror = random.NextDouble() < options.FlipProbability };
        SampleResizer.Sample(person, whole, w, h, small, smallMask);
        int x = random.Next(width - w + 1), y = random.Next(height - h + 1);
        SampleResizer.Sample(background, RandomCrop(background, random), width, height, rgb, mask);
        Composite(small, smallMask, w, h, x, y, rgb, mask);
    }

    /// <summary>Blends a w x h foreground by its mask over the picture at (x, y); the label is the union of both.</summary>
    void Composite(float[] fore, float[] foreMask, int w, int h, int x, int y, Span<float> rgb, Span<float> mask)
    {
        int plane = width * height, forePlane = w * h;
        for (int row = 0; row < h; row++)
            for (int col = 0; col < w; col++)
            {
                int f = row * w + col, i = (y + row) * width + x + col;
                float a = foreMask[f];
                for (int c = 0; c < 3; c++) rgb[c * plane + i] = a * fore[c * forePlane + f] + (1 - a) * rgb[c * plane + i];
                mask[i] = Math.Max(a, mask[i]);
            }
    }

    void JitterColour(Span<float> rgb, Random random)
    {
        int plane = width * height;
        float brightness = 1 + (float)(random.NextDouble() * 2 - 1) * options.Brightness;
        float contrast = 1 + (float)(random.NextDouble() * 2 - 1) * options.Contrast;
        float saturation = random.NextDouble() < options.GreyProbability ? 0 : 1 + (float)(random.NextDouble() * 2 - 1) * options.Saturation;
        if (brightness == 1 && contrast == 1 && saturation == 1) return;
        float mean = Luminance.Mean(rgb, plane);
        for (int i = 0; i < plane; i++)
        {
            float luma = Luminance.At(rgb, i, plane);
            for (int c = 0; c < 3; c++)
            {
                float v = luma + (rgb[c * plane + i] - luma) * saturation;
                v = (v - mean) * contrast + mean;
                rgb[c * plane + i] = Math.Clamp(v * brightness, 0, 255);
            }
        }
    }
}
