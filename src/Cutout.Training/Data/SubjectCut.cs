namespace Cutout.Training.Data;

/// <summary>
/// A training crop whose bottom edge runs through the subject, between <see cref="MinCut"/> and <see cref="MaxCut"/> of
/// its height from its top: a person's torso or legs reaching the frame's edge, as in a portrait or a seated shot, which
/// random crops of full-body pictures seldom give. The crop keeps the photo's aspect ratio (jittered as
/// <see cref="Augmenter"/>'s are) and as much of the frame above the subject as fits.
/// </summary>
public static class SubjectCut
{
    public const double MinCut = 0.35, MaxCut = 0.85;

    /// <returns>null when the mask has no subject.</returns>
    public static SampleResizer.Crop? Draw(SegmentationSample s, Random random, double maxAspectJitter)
    {
        if (s.SubjectBox() is not var (_, top, _, bottom)) return null;
        double cutRow = top + (MinCut + random.NextDouble() * (MaxCut - MinCut)) * (bottom + 1 - top);
        double aspect = Augmenter.AspectJitter(random, maxAspectJitter);
        double y = random.NextDouble() * top;
        double height = cutRow - y;
        double width = Math.Min(s.Width, height * s.Width / s.Height * aspect);
        // Keep one subject pixel of the cut row inside the crop, so the frame's bottom edge runs through the subject.
        var column = SubjectColumn(s, Math.Min((int)cutRow, bottom), random);
        double x = Math.Max(0, column + 1 - width) + random.NextDouble() * (Math.Min(column, s.Width - width) - Math.Max(0, column + 1 - width));
        return new SampleResizer.Crop(x, y, width, height, false);
    }

    static int SubjectColumn(SegmentationSample s, int row, Random random)
    {
        for (; row >= 0; row--)
        {
            var columns = Enumerable.Range(0, s.Width).Where(x => s.Mask[row * s.Width + x] >= SegmentationSample.Subject).ToArray();
            if (columns.Length > 0) return columns[random.Next(columns.Length)];
        }
        return random.Next(s.Width);
    }
}
