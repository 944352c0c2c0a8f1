namespace Cutout;

/// <summary>How well one predicted matte matches a ground-truth mask of the same size.</summary>
public sealed record SegmentationScore(long Intersection, long Union, double Iou, double Dice, double Mae, double BoundaryF)
{
    /// <summary>Boundary pixels count as matched within this many pixels (Chebyshev distance).</summary>
    public const int BoundaryTolerance = 3;

    /// <param name="truth">one byte per pixel; &gt; 127 is foreground.</param>
    public static SegmentationScore Compute(AlphaMatte prediction, ReadOnlySpan<byte> truth)
    {
        var (w, h) = (prediction.Width, prediction.Height);
        if (truth.Length != w * h)
            throw new CutoutException(CutoutErrorKind.BadImage, $"The mask has {truth.Length} pixels; the photo {w}x{h}.");
        var predicted = new bool[w * h];
        var actual = new bool[w * h];
        long intersection = 0, union = 0, predictedCount = 0, actualCount = 0;
        double absError = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            var a = prediction.Values[i];
            predicted[i] = a >= 0.5f;
            actual[i] = truth[i] > 127;
            absError += Math.Abs(a - (actual[i] ? 1f : 0f));
            if (predicted[i] && actual[i]) intersection++;
            if (predicted[i] || actual[i]) union++;
            if (predicted[i]) predictedCount++;
            if (actual[i]) actualCount++;
        }
        var iou = union == 0 ? 1 : (double)intersection / union;
        var dice = predictedCount + actualCount == 0 ? 1 : 2.0 * intersection / (predictedCount + actualCount);
        return new SegmentationScore(intersection, union, iou, dice, absError / predicted.Length,
            BoundaryFMeasure(predicted, actual, w, h));
    }

    static double BoundaryFMeasure(bool[] predicted, bool[] actual, int w, int h)
    {
        var pb = Boundary(predicted, w, h);
        var ab = Boundary(actual, w, h);
        var pCount = pb.Count(b => b);
        var aCount = ab.Count(b => b);
        if (pCount == 0 && aCount == 0) return 1;
        if (pCount == 0 || aCount == 0) return 0;
        var precision = (double)CountWithin(pb, Dilate(ab, w, h)) / pCount;
        var recall = (double)CountWithin(ab, Dilate(pb, w, h)) / aCount;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /// <summary>Foreground pixels with a 4-neighbour in the background.</summary>
    static bool[] Boundary(bool[] mask, int w, int h)
    {
        var edge = new bool[mask.Length];
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var i = y * w + x;
            if (!mask[i]) continue;
            edge[i] = (x > 0 && !mask[i - 1]) || (x < w - 1 && !mask[i + 1]) || (y > 0 && !mask[i - w]) || (y < h - 1 && !mask[i + w]);
        }
        return edge;
    }

    /// <summary>Square (Chebyshev) dilation by the tolerance.</summary>
    static bool[] Dilate(bool[] mask, int w, int h) =>
        Array.ConvertAll(WindowCensus.Classify(mask, w, h, BoundaryTolerance), c => c != WindowCensus.None);

    static long CountWithin(bool[] points, bool[] region)
    {
        long n = 0;
        for (var i = 0; i < points.Length; i++) if (points[i] && region[i]) n++;
        return n;
    }
}
