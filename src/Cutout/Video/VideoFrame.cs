namespace Cutout.Video;

/// <summary>
/// One frame on its way through <see cref="FramePipeline"/>: its place in the clip and its decoded pixels, then, once
/// predicted, its luma and the model's matte. The buffers are the pipeline's pooled ones, lent to the frame until it is finished.
/// </summary>
sealed class VideoFrame(int index, Photo photo)
{
    public int Index => index;

    public Photo Photo => photo;

    public byte[]? Luma { get; set; }

    public AlphaMatte? Matte { get; set; }
}
