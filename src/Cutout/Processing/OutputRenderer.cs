namespace Cutout;

/// <summary>Turns a photo and its matte into the requested encoded output (cut-out, mask, or composite; optionally cropped).</summary>
public static class OutputRenderer
{
    public static void Validate(RemoveOptions options)
    {
        var transparent = !options.Mask && options.BackgroundImage is null && string.IsNullOrWhiteSpace(options.Background);
        if (transparent && options.Format == OutputFormat.Jpeg)
            throw new CutoutException(CutoutErrorKind.UnsupportedOption,
                "JPEG cannot hold transparency: choose PNG or WebP, or a background (--bg).");
        if (options.Threshold is < 0 or > 1)
            throw new CutoutException(CutoutErrorKind.UnsupportedOption, "The threshold must be between 0 and 1.");
        if (options.CropMargin < 0 || options.CleanArea < 0 || options.MaxPixels <= 0 || options.MaxPixelsPerByte < 0)
            throw new CutoutException(CutoutErrorKind.UnsupportedOption, "Crop margin, clean area and pixel limits cannot be negative.");
        if (options.BackgroundImage is null && !string.IsNullOrWhiteSpace(options.Background)) Backdrop.Validate(options.Background);
    }

    public static (byte[] Data, int Width, int Height) Render(Photo photo, AlphaMatte matte, RemoveOptions options)
    {
        var (pixels, w, h) = Pixels(photo, matte, options);
        if (options.Mask) return (ImageEncoder.EncodeGray(pixels, w, h), w, h);
        return (ImageEncoder.EncodeRgba(pixels, w, h, options.Format, opaque: HasBackground(options)), w, h);
    }

    /// <summary>
    /// The output before encoding: 1 grey byte a pixel for the mask, else RGBA (opaque when there is a background).
    /// <paramref name="backdrop"/> reuses a background already resolved for this size, and <paramref name="into"/> a buffer
    /// of the output's length that is overwritten in full (video frames).
    /// </summary>
    internal static (byte[] Pixels, int Width, int Height) Pixels(Photo photo, AlphaMatte matte, RemoveOptions options,
                                                                  byte[]? backdrop = null, byte[]? into = null)
    {
        var box = options.Crop ? SubjectBounds.Find(matte, options.CropMargin) : null;
        var (x0, y0) = box is { } b ? (b.Left, b.Top) : (0, 0);
        var (w, h) = box is { } r ? (r.Width, r.Height) : (photo.Width, photo.Height);

        var output = into ?? new byte[w * h * (options.Mask ? 1 : 4)];
        if (output.Length != w * h * (options.Mask ? 1 : 4)) throw new ArgumentException($"{output.Length} bytes do not fit a {w}x{h} output.");
        if (options.Mask) return (MaskBytes(matte, x0, y0, w, h, output), w, h);
        var pixels = HasBackground(options)
            ? Composite(photo, matte, backdrop ?? Backdrop.Resolve(photo, options), x0, y0, w, h, output)
            : CutOut(photo, matte, x0, y0, w, h, output);
        return (pixels, w, h);
    }

    internal static bool HasBackground(RemoveOptions options) =>
        options.BackgroundImage is not null || !string.IsNullOrWhiteSpace(options.Background);

    public static string ContentType(OutputFormat format) => format switch
    {
        OutputFormat.WebP => "image/webp",
        OutputFormat.Jpeg => "image/jpeg",
        _ => "image/png",
    };

    public static string Extension(OutputFormat format) => format switch
    {
        OutputFormat.WebP => ".webp",
        OutputFormat.Jpeg => ".jpg",
        _ => ".png",
    };

    static byte[] MaskBytes(AlphaMatte matte, int x0, int y0, int w, int h, byte[] mask)
    {
        RowBands.For(h, (first, end) =>
        {
            for (var y = first; y < end; y++)
                AlphaMatte.ToBytes(matte.Values.AsSpan((y + y0) * matte.Width + x0, w), mask.AsSpan(y * w, w));
        });
        return mask;
    }

    // Straight alpha, never premultiplied: visible pixels keep the photo's exact colour (or, after refinement, the
    // subject's estimated colour where the edge mixed in the old background). Fully transparent pixels are
    // cleared to 0,0,0,0 so the removed background does not linger, invisible, in the file (it also compresses away).
    internal static byte[] CutOut(Photo photo, AlphaMatte matte, int x0, int y0, int w, int h, byte[] output)
    {
        var colours = matte.Foreground ?? photo.Rgba;
        RowBands.For(h, (first, end) =>
        {
            var levels = new byte[w];
            for (var y = first; y < end; y++)
            {
                var source = colours.AsSpan(((y + y0) * photo.Width + x0) * 4, w * 4);
                var target = output.AsSpan(y * w * 4, w * 4);
                source.CopyTo(target);
                AlphaMatte.ToBytes(matte.Values.AsSpan((y + y0) * matte.Width + x0, w), levels);
                for (var x = 0; x < w; x++)
                {
                    var a = levels[x];
                    if (a == 0) target.Slice(x * 4, 4).Clear();
                    else target[x * 4 + 3] = a;
                }
            }
        });
        return output;
    }

    static byte[] Composite(Photo photo, AlphaMatte matte, byte[] backdrop, int x0, int y0, int w, int h, byte[] output)
    {
        var colours = matte.Foreground ?? photo.Rgba;
        RowBands.For(h, (first, end) =>
        {
            for (var y = first; y < end; y++)
            for (var x = 0; x < w; x++)
            {
                var i = (y + y0) * photo.Width + x + x0;
                var o = (y * w + x) * 4;
                var a = matte.Values[i];
                for (var c = 0; c < 3; c++)
                    output[o + c] = (byte)MathF.Round(colours[i * 4 + c] * a + backdrop[i * 4 + c] * (1 - a));
                output[o + 3] = 255;
            }
        });
        return output;
    }
}
