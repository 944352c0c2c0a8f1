namespace Cutout;

/// <summary>Counts the pixels of one truth region whose output alpha (as the 8-bit file stores it) passes a test.</summary>
static class CoreCount
{
    public static PixelShare Where(AlphaMatte prediction, TruthRegions truth, TruthRegions.Kind region, Func<float, bool> test)
    {
        long count = 0, total = 0;
        var regions = truth.Regions;
        for (var i = 0; i < regions.Length; i++)
        {
            if (regions[i] != region) continue;
            total++;
            if (test(EightBit.Alpha(prediction.Values[i]))) count++;
        }
        return new PixelShare(count, total);
    }
}
