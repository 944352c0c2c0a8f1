using SkiaSharp;

namespace Cutout;

/// <summary>The box around the visible subject, grown by a margin and clipped to the image.</summary>
public static class SubjectBounds
{
    /// <summary>
    /// The subject is where alpha is at least 0.5 (the threshold every score uses); the margin keeps its soft edge.
    /// A model's faint noise far from the subject (alpha of a few percent) must not widen the box to the whole frame.
    /// null when there is no subject.
    /// </summary>
    public static SKRectI? Find(AlphaMatte matte, int margin)
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var y = 0; y < matte.Height; y++)
        {
            var row = matte.Values.AsSpan(y * matte.Width, matte.Width);
            var first = IndexOfVisible(row, fromEnd: false);
            if (first < 0) continue;
            var last = IndexOfVisible(row, fromEnd: true);
            left = Math.Min(left, first);
            right = Math.Max(right, last);
            top = Math.Min(top, y);
            bottom = y;
        }
        if (right < 0) return null;
        return new SKRectI(Math.Max(0, left - margin), Math.Max(0, top - margin),
            Math.Min(matte.Width, right + 1 + margin), Math.Min(matte.Height, bottom + 1 + margin));
    }

    static int IndexOfVisible(ReadOnlySpan<float> row, bool fromEnd)
    {
        const float visible = 0.5f;
        if (!fromEnd)
        {
            for (var x = 0; x < row.Length; x++) if (row[x] >= visible) return x;
        }
        else
        {
            for (var x = row.Length - 1; x >= 0; x--) if (row[x] >= visible) return x;
        }
        return -1;
    }
}
