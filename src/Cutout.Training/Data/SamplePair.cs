namespace Cutout.Training.Data;

/// <summary>One image and its mask before decoding: either two files or an index into arrays.</summary>
public interface ISamplePair
{
    string Id { get; }
    SegmentationSample Load(int maxSide);
}

public sealed record FileSamplePair(string Id, string ImagePath, string MaskPath) : ISamplePair
{
    public SegmentationSample Load(int maxSide) => PairDecoder.Decode(Id, ImagePath, MaskPath, maxSide);
}
