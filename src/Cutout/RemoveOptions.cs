namespace Cutout;

public enum OutputFormat { Png, WebP, Jpeg }

/// <summary>What to produce from one photo. Same names and meanings as the CLI flags and the HTTP API fields.</summary>
public sealed record RemoveOptions
{
    /// <summary>Output the 8-bit mask alone (always PNG).</summary>
    public bool Mask { get; init; }

    /// <summary>null: transparent; "#rrggbb" / "#rgb" / CSS colour name; "blur"; or an image file path.</summary>
    public string? Background { get; init; }

    /// <summary>An encoded image to put behind the subject (wins over <see cref="Background"/>).</summary>
    public byte[]? BackgroundImage { get; init; }

    public OutputFormat Format { get; init; } = OutputFormat.Png;

    /// <summary>
    /// Edge matting at full resolution in the band around the subject's outline, from the photo's colours, with the
    /// subject's own colours estimated there (the old background no longer tints hair and fine edges).
    /// </summary>
    public bool Refine { get; init; }

    /// <summary>
    /// Keep the model's own alpha everywhere. Default (false): clean alpha, exactly 0 and 1 away from the subject's
    /// outline, soft only along it.
    /// </summary>
    public bool RawAlpha { get; init; }

    /// <summary>Hard threshold 0..1 on the alpha.</summary>
    public float? Threshold { get; init; }

    public bool Crop { get; init; }

    public int CropMargin { get; init; } = 16;

    /// <summary>Remove specks / fill holes smaller than this many pixels (0 = off).</summary>
    public int CleanArea { get; init; }

    /// <summary>Checked from the header before decoding.</summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>
    /// Above <see cref="Photo.FreePixels"/> (4 MP), most pixels the header may declare per byte of the file (0 = off):
    /// photos have under 10, deflate cannot pass about 1000, so a few KB claiming tens of megapixels is refused.
    /// </summary>
    public long MaxPixelsPerByte { get; init; } = 256;
}
