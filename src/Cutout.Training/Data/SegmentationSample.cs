namespace Cutout.Training.Data;

/// <summary>A decoded training pair: interleaved RGB bytes and a 0/255 mask of the same size.</summary>
public sealed record SegmentationSample(string Id, int Width, int Height, byte[] Rgb, byte[] Mask)
{
    public string Source => SourceOf(Id);

    /// <summary>The part of a pair id before the first '_', or "" when it has none.</summary>
    public static string SourceOf(string id) => id.Contains('_') ? id[..id.IndexOf('_')] : "";
}
