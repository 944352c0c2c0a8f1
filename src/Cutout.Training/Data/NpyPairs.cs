namespace Cutout.Training.Data;

/// <summary>Images N x H x W x 3 (uint8) with masks N x H x W x 1 or N x H x W (0/1 or 0/255).</summary>
public static class NpyPairs
{
    public static IReadOnlyList<ISamplePair> Read(string imagesPath, string masksPath)
    {
        var images = NpyArray.Read(imagesPath);
        var masks = NpyArray.Read(masksPath);
        var s = images.Shape;
        var m = masks.Shape;
        bool imagesOk = s.Length == 4 && s[3] == 3;
        bool masksOk = m.Length == 3 || (m.Length == 4 && m[3] == 1);
        if (!imagesOk || !masksOk || m[0] != s[0] || m[1] != s[1] || m[2] != s[2])
            throw new DatasetException($"{imagesPath} ({string.Join("x", s)}) and {masksPath} ({string.Join("x", m)}): " +
                                       "expected N x H x W x 3 images and N x H x W [x 1] masks of the same N, H, W");
        int n = (int)s[0], h = (int)s[1], w = (int)s[2];
        byte threshold = masks.Data.Length > 0 && masks.Data.Max() <= 1 ? (byte)0 : (byte)127;
        var stem = Path.GetFileNameWithoutExtension(imagesPath);
        return Enumerable.Range(0, n)
            .Select(i => (ISamplePair)new ArraySamplePair($"{stem}_{i:D5}", w, h,
                images.Data.AsMemory(i * h * w * 3, h * w * 3), masks.Data.AsMemory(i * h * w, h * w), threshold))
            .ToList();
    }

    sealed record ArraySamplePair(string Id, int Width, int Height, ReadOnlyMemory<byte> Rgb, ReadOnlyMemory<byte> Mask, byte Threshold)
        : ISamplePair
    {
        public SegmentationSample Load(int maxSide)
        {
            var mask = Mask.ToArray();
            for (int i = 0; i < mask.Length; i++) mask[i] = mask[i] > Threshold ? (byte)255 : (byte)0;
            var sample = new SegmentationSample(Id, Width, Height, Rgb.ToArray(), mask);
            return Math.Max(Width, Height) <= maxSide ? sample : SampleResizer.FitWithin(sample, maxSide);
        }
    }
}
