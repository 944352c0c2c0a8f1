namespace Cutout.Video;

/// <summary>What to produce from one clip: the photo options applied to every frame, plus the video container and smoothing.</summary>
public sealed record VideoOptions
{
    /// <summary>Mask, background, refine, threshold, clean area and pixel limit (per frame) mean what they mean for photos.</summary>
    public RemoveOptions Frame { get; init; } = new();

    /// <summary>null: WebM for a transparent cut-out, MP4 with a background or for the mask.</summary>
    public VideoFormat? Format { get; init; }

    /// <summary>Temporal smoothing of the matte (see <see cref="TemporalSmoother"/>).</summary>
    public bool Smooth { get; init; } = true;

    public bool Transparent => !Frame.Mask && Frame.BackgroundImage is null && string.IsNullOrWhiteSpace(Frame.Background);

    public VideoFormat ResolvedFormat => Format ?? (Transparent ? VideoFormat.WebM : VideoFormat.Mp4);

    public void Validate()
    {
        if (Frame.Crop)
            throw new CutoutException(CutoutErrorKind.UnsupportedOption, "--crop is for photos: a video keeps its frame size.");
        if (Transparent && ResolvedFormat == VideoFormat.Mp4)
            throw new CutoutException(CutoutErrorKind.UnsupportedOption,
                "MP4 (H.264) cannot hold transparency: choose webm, mov or png-seq, or a background (--bg).");
        OutputRenderer.Validate(Frame with { Format = OutputFormat.Png });
    }
}
