namespace Cutout.Training.Data;

/// <summary>A decoded training pair: interleaved RGB bytes and a 0/255 mask of the same size.</summary>
public sealed record SegmentationSample(string Id, int Width, int Height, byte[] Rgb, byte[] Mask)
{
    public string Source => Id.Contains('_') ? Id[..Id.IndexOf('_')] : "";
}
