namespace Cutout.Training.Data;

/// <summary>
/// Puts an object cut out of another dataset in front of the picture, low in the frame and often past its bottom edge, as a
/// held helmet, bag or ball sits in front of a person; the object hides the subject, so the label loses what it covers.
/// Teaches a sharp edge between a person and what they hold, where the people model otherwise lets "not person" spread
/// from the object into the clothing beside it (the sample's helmet and suit; the people card). Held instead, an object that
/// overlaps the subject joins it (as `ccp_` labels keep handbags); one that does not leaves the label as it was.
/// </summary>
public static class Occluder
{
    public const double MinHeight = 0.25, MaxHeight = 0.6, MaxWidth = 0.7;

    /// <param name="item">A sample whose mask marks the object; a sample without one changes nothing.</param>
    /// <param name="rgb">Planar RGB 0..255 of width x height, changed in place.</param>
    /// <param name="mask">The subject's 0..1 label, changed in place.</param>
    /// <param name="held">The object belongs to the subject it overlaps, instead of hiding it.</param>
    public static void Place(SegmentationSample item, Random random, int width, int height, Span<float> rgb, Span<float> mask, bool held = false)
    {
        if (item.SubjectBox() is not var (left, top, right, bottom)) return;
        double boxWidth = right + 1 - left, boxHeight = bottom + 1 - top;
        double scale = (MinHeight + random.NextDouble() * (MaxHeight - MinHeight)) * height / boxHeight;
        scale = Math.Min(scale, MaxWidth * width / boxWidth);
        int w = Math.Max(1, (int)Math.Round(boxWidth * scale)), h = Math.Max(1, (int)Math.Round(boxHeight * scale));
        var itemRgb = new float[3 * w * h];
        var itemMask = new float[w * h];
        var crop = new SampleResizer.Crop(left, top, boxWidth, boxHeight, random.NextDouble() < 0.5);
        SampleResizer.Sample(item, crop, w, h, itemRgb, itemMask);
        int x = (int)Math.Round(-w / 4.0 + random.NextDouble() * (width - w / 2.0));
        int y = (int)Math.Round(height / 3.0 + random.NextDouble() * (height * 2 / 3.0 - h / 2.0));
        bool joins = held && Overlaps(itemMask, w, h, x, y, width, height, mask);
        Cover(itemRgb, itemMask, w, h, x, y, width, height, rgb, mask, joins);
    }

    static bool Overlaps(float[] itemMask, int w, int h, int x, int y, int width, int height, Span<float> mask)
    {
        for (int row = Math.Max(0, -y); row < h && y + row < height; row++)
            for (int col = Math.Max(0, -x); col < w && x + col < width; col++)
                if (itemMask[row * w + col] >= 0.5f && mask[(y + row) * width + x + col] >= 0.5f) return true;
        return false;
    }

    static void Cover(float[] itemRgb, float[] itemMask, int w, int h, int x, int y, int width, int height, Span<float> rgb, Span<float> mask, bool joins)
    {
        int plane = width * height, itemPlane = w * h;
        for (int row = Math.Max(0, -y); row < h && y + row < height; row++)
            for (int col = Math.Max(0, -x); col < w && x + col < width; col++)
            {
                int f = row * w + col, i = (y + row) * width + x + col;
                float a = itemMask[f];
                for (int c = 0; c < 3; c++) rgb[c * plane + i] = a * itemRgb[c * itemPlane + f] + (1 - a) * rgb[c * plane + i];
                mask[i] = joins ? Math.Max(mask[i], a) : mask[i] * (1 - a);
            }
    }
}
