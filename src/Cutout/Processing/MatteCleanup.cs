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
        var stack = new Stack<int>();
        for (var start = 0; start < v.Length; start++)
        {
            if (visited[start] || (v[start] >= 0.5f) != foreground) continue;
            region.Clear();
            var touchesBorder = false;
            visited[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                region.Add(i);
                int x = i % w, y = i / w;
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) touchesBorder = true;
                if (x > 0) Visit(i - 1);
                if (x < w - 1) Visit(i + 1);
                if (y > 0) Visit(i - w);
                if (y < h - 1) Visit(i + w);
            }
            if (region.Count >= minArea || (!foreground && touchesBorder)) continue;
            foreach (var i in region) v[i] = foreground ? 0f : 1f;
        }

        void Visit(int i)
        {
            if (visited[i] || (v[i] >= 0.5f) != foreground) return;
            visited[i] = true;
            stack.Push(i);
        }
    }
}
