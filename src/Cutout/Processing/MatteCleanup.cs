namespace Cutout;

/// <summary>Hard threshold and removal of small specks / filling of small holes.</summary>
public static class MatteCleanup
{
    public static void Threshold(AlphaMatte matte, float threshold)
    {
        var v = matte.Values;
        for (var i = 0; i < v.Length; i++) v[i] = v[i] >= threshold ? 1f : 0f;
    }

    /// <summary>
    /// Foreground islands (alpha ≥ 0.5) smaller than <paramref name="minArea"/> pixels become background; background
    /// holes smaller than that which do not touch the border become foreground. 4-connectivity.
    /// </summary>
    public static void RemoveSmallRegions(AlphaMatte matte, int minArea)
    {
        if (minArea <= 0) return;
        Flip(matte, minArea, foreground: true);
        Flip(matte, minArea, foreground: false);
    }

    static void Flip(AlphaMatte matte, int minArea, bool foreground)
    {
        var (w, h, v) = (matte.Width, matte.Height, matte.Values);
        var visited = new bool[v.Length];
        var region = new List<int>();
        var queue = new Queue<int>();
        for (var start = 0; start < v.Length; start++)
        {
            if (visited[start] || (v[start] >= 0.5f) != foreground) continue;
            region.Clear();
            region.Add(start);
            visited[start] = true;
            queue.Enqueue(start);
            PixelFlood.Spread(queue, visited, i => (v[i] >= 0.5f) == foreground, w, corners: false, region.Add);
            if (region.Count >= minArea || (!foreground && region.Exists(OnBorder))) continue;
            foreach (var i in region) v[i] = foreground ? 0f : 1f;
        }

        bool OnBorder(int i) => i % w == 0 || i % w == w - 1 || i < w || i >= (h - 1) * w;
    }
}
