namespace Cutout;

/// <summary>Breadth-first flood over a row-major grid of pixels.</summary>
static class PixelFlood
{
    static readonly (int Dx, int Dy)[] Sides = [(-1, 0), (1, 0), (0, -1), (0, 1)];
    static readonly (int Dx, int Dy)[] SidesAndCorners = [.. Sides, (-1, -1), (1, -1), (-1, 1), (1, 1)];

    /// <summary>
    /// From the queued pixels (already marked in <paramref name="reached"/>) into the unreached neighbours that
    /// <paramref name="passes"/> lets in: each is marked, handed to <paramref name="onReach"/> (if given) and queued in turn.
    /// </summary>
    public static void Spread(Queue<int> queue, bool[] reached, Func<int, bool> passes, int width, bool corners,
                              Action<int>? onReach = null)
    {
        var height = reached.Length / width;
        var steps = corners ? SidesAndCorners : Sides;
        while (queue.TryDequeue(out var i))
        {
            var (x, y) = (i % width, i / width);
            foreach (var (dx, dy) in steps)
            {
                var (nx, ny) = (x + dx, y + dy);
                if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
                var n = ny * width + nx;
                if (reached[n] || !passes(n)) continue;
                reached[n] = true;
                onReach?.Invoke(n);
                queue.Enqueue(n);
            }
        }
    }
}
