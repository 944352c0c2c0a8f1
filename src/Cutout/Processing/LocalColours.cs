using System.Numerics;

namespace Cutout;

/// <summary>
/// The mean colour of the known subject and of the known background near each pixel (outside the trimap's unknown
/// region, where the matte is sure), as box sums on a coarse grid: a pixel in the band reads both means by bilinear interpolation of the
/// sums, so places with no known subject (or background) nearby report a weight of 0 instead of a made-up colour.
/// </summary>
sealed class LocalColours
{
    const int SubjectPlane = 0, BackgroundPlane = 4;
    readonly float[][] _planes;   // per side: R, G, B sums and the known-pixel count, box-averaged
    readonly int _gridWidth, _gridHeight, _subsample;

    LocalColours(float[][] planes, int gridWidth, int gridHeight, int subsample) =>
        (_planes, _gridWidth, _gridHeight, _subsample) = (planes, gridWidth, gridHeight, subsample);

    /// <param name="radius">How far (photo pixels) to look for known pixels: beyond the unknown region's width.</param>
    public static LocalColours Estimate(Photo photo, AlphaMatte matte, bool[] unknown, int subsample, int radius)
    {
        var (w, h, s) = (photo.Width, photo.Height, Math.Max(1, subsample));
        var (gw, gh) = ((w + s - 1) / s, (h + s - 1) / s);
        var planes = new float[8][];
        for (var p = 0; p < planes.Length; p++) planes[p] = new float[gw * gh];
        var (rgba, alpha) = (photo.Rgba, matte.Values);
        var gridRadius = (radius + s - 1) / s;
        // Only cells whose sums reach an unknown pixel's bilinear read matter: the rest of the photo is skipped.
        var needed = WindowCensus.Classify(UnknownCells(unknown, w, h, s, gw, gh), gw, gh, gridRadius + 1);
        RowBands.For(gh, (first, end) =>
        {
            for (var gy = first; gy < end; gy++)
            for (var gx = 0; gx < gw; gx++)
            {
                var cell = gy * gw + gx;
                if (needed[cell] == WindowCensus.None) continue;
                for (var y = gy * s; y < Math.Min(h, (gy + 1) * s); y++)
                for (var x = gx * s; x < Math.Min(w, (gx + 1) * s); x++)
                {
                    var i = y * w + x;
                    if (unknown[i]) continue;
                    var side = alpha[i] >= 0.5f ? SubjectPlane : BackgroundPlane;
                    planes[side][cell] += rgba[i * 4];
                    planes[side + 1][cell] += rgba[i * 4 + 1];
                    planes[side + 2][cell] += rgba[i * 4 + 2];
                    planes[side + 3][cell] += 1;
                }
            }
        });
        for (var p = 0; p < planes.Length; p++) planes[p] = BoxFilter.Mean(planes[p], gw, gh, gridRadius);
        return new LocalColours(planes, gw, gh, s);
    }

    static bool[] UnknownCells(bool[] unknown, int w, int h, int s, int gw, int gh)
    {
        var cells = new bool[gw * gh];
        RowBands.For(gh, (first, end) =>
        {
            for (var y = first * s; y < Math.Min(h, end * s); y++)
            {
                var row = unknown.AsSpan(y * w, w);
                if (!row.Contains(true)) continue;
                for (var x = 0; x < w; x++) if (row[x]) cells[y / s * gw + x / s] = true;
            }
        });
        return cells;
    }

    /// <summary>Subject and background colour (0..1) near pixel (x, y); false when either side has no known pixel near.</summary>
    public bool TryRead(int x, int y, out Vector3 subject, out Vector3 background)
    {
        var gx = Math.Clamp((x + 0.5f) / _subsample - 0.5f, 0, _gridWidth - 1);
        var gy = Math.Clamp((y + 0.5f) / _subsample - 0.5f, 0, _gridHeight - 1);
        var (x0, y0) = ((int)gx, (int)gy);
        var (x1, y1) = (Math.Min(x0 + 1, _gridWidth - 1), Math.Min(y0 + 1, _gridHeight - 1));
        var (fx, fy) = (gx - x0, gy - y0);
        float Read(int plane)
        {
            var v = _planes[plane];
            var top = v[y0 * _gridWidth + x0] + (v[y0 * _gridWidth + x1] - v[y0 * _gridWidth + x0]) * fx;
            var bottom = v[y1 * _gridWidth + x0] + (v[y1 * _gridWidth + x1] - v[y1 * _gridWidth + x0]) * fx;
            return top + (bottom - top) * fy;
        }
        Vector3 Mean(int side, float count) => new Vector3(Read(side), Read(side + 1), Read(side + 2)) / (255f * count);

        var (subjectCount, backgroundCount) = (Read(SubjectPlane + 3), Read(BackgroundPlane + 3));
        const float none = 1e-4f;
        subject = subjectCount > none ? Mean(SubjectPlane, subjectCount) : default;
        background = backgroundCount > none ? Mean(BackgroundPlane, backgroundCount) : default;
        return subjectCount > none && backgroundCount > none;
    }
}
