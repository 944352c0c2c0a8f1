namespace Cutout.Training.Data;

/// <summary>A decoded training pair: interleaved RGB bytes and a 0/255 mask of the same size.</summary>
public sealed record SegmentationSample(string Id, int Width, int Height, byte[] Rgb, byte[] Mask)
{
    /// <summary>Mask values from here up count as subject.</summary>
    public const byte Subject = 128;

    public string Source => SourceOf(Id);

    /// <summary>The subject's bounding box in pixels (inclusive), or null when the mask marks nothing.</summary>
    public (int Left, int Top, int Right, int Bottom)? SubjectBox()
    {
        int left = Width, top = -1, right = -1, bottom = -1;
        for (var row = 0; row < Height; row++)
        {
            var line = Mask.AsSpan(row * Width, Width);
            int first = line.IndexOfAnyInRange(Subject, byte.MaxValue);
            if (first < 0) continue;
            if (top < 0) top = row;
            bottom = row;
            left = Math.Min(left, first);
            right = Math.Max(right, line.LastIndexOfAnyInRange(Subject, byte.MaxValue));
        }
        return top < 0 ? null : (left, top, right, bottom);
    }

    /// <summary>The part of a pair id before the first '_', or "" when it has none.</summary>
    public static string SourceOf(string id) => id.Contains('_') ? id[..id.IndexOf('_')] : "";
}
