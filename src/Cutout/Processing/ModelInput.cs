using System.Numerics.Tensors;
using SkiaSharp;

namespace Cutout;

/// <summary>Photo -> NCHW float tensor as the model's sidecar describes (stretch resize, channel order, scale/mean/std).</summary>
static class ModelInput
{
    public static void Fill(Photo photo, ModelSpec spec, float[] tensor)
    {
        var (w, h) = (spec.Width, spec.Height);
        var plane = w * h;
        var order = spec.Channels.Equals("BGR", StringComparison.OrdinalIgnoreCase) ? new[] { 2, 1, 0 } : [0, 1, 2];
        if (photo.Width >= w && photo.Height >= h)
            AreaResize.Downscale(photo.Rgba, photo.Width, photo.Height, w, h, order, tensor,
                                 photo.HasTransparency ? OverWhite : null);
        else
            Upscale(photo, w, h, order, tensor);
        for (var c = 0; c < 3; c++)
        {
            var channel = tensor.AsSpan(c * plane, plane);
            // (v * scale - mean) / std  ==  v * (scale / std) + (-mean / std)
            TensorPrimitives.Multiply(channel, spec.Scale / spec.Std[c], channel);
            TensorPrimitives.Add(channel, -spec.Mean[c] / spec.Std[c], channel);
        }
    }

    // Transparent parts of an input are shown to the model as white, not as whatever colour hides under alpha 0.
    static float OverWhite(byte value, byte alpha) => alpha == 255 ? value : (value * alpha + 255f * (255 - alpha)) / 255f;

    static void Upscale(Photo photo, int width, int height, int[] order, float[] tensor)
    {
        var resized = Resize(photo, width, height);
        var plane = width * height;
        for (var c = 0; c < 3; c++)
        for (int i = 0, j = 0; i < plane; i++, j += 4)
            tensor[c * plane + i] = OverWhite(resized[j + order[c]], resized[j + 3]);
    }

    static byte[] Resize(Photo photo, int width, int height)
    {
        using var source = photo.ToBitmap();
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var target = new SKBitmap(info);
        using (var sourcePixels = source.PeekPixels())
        using (var targetPixels = target.PeekPixels())
            sourcePixels.ScalePixels(targetPixels, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return target.GetPixelSpan().ToArray();
    }
}
