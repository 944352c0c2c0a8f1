using System.Numerics.Tensors;

namespace Cutout;

/// <summary>A soft alpha (0..1) per pixel, row-major.</summary>
public sealed class AlphaMatte(int width, int height, float[] values)
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public float[] Values { get; } = values.Length == width * height
        ? values
        : throw new ArgumentException($"{values.Length} values do not fit {width}x{height}.");

    /// <summary>Time spent in the network for this matte (zero when not produced by a model).</summary>
    public TimeSpan ModelTime { get; init; }

    /// <summary>Name of the model that produced this matte (with "auto": the one the rule chose).</summary>
    public string? Model { get; init; }

    /// <summary>
    /// Estimated colours of the subject alone (RGBA, photo size; alpha byte unused) where edge pixels mix subject and
    /// old background; null when not estimated, and the photo's own colours are used.
    /// </summary>
    public byte[]? Foreground { get; init; }

    public float this[int x, int y] => Values[y * Width + x];

    public byte[] ToBytes()
    {
        var bytes = new byte[Values.Length];
        ToBytes(Values, bytes);
        return bytes;
    }

    public static byte ToByte(float alpha) => (byte)Math.Clamp(MathF.Round(alpha * 255f), 0f, 255f);

    /// <summary><see cref="ToByte"/> of every value (the same bytes), vectorised.</summary>
    public static void ToBytes(ReadOnlySpan<float> alpha, Span<byte> bytes)
    {
        if (bytes.Length < alpha.Length) throw new ArgumentException($"{bytes.Length} bytes cannot hold {alpha.Length} values.");
        Span<float> scaled = stackalloc float[512];
        for (var start = 0; start < alpha.Length; start += scaled.Length)
        {
            var chunk = scaled[..Math.Min(scaled.Length, alpha.Length - start)];
            TensorPrimitives.Multiply(alpha.Slice(start, chunk.Length), 255f, chunk);
            TensorPrimitives.Round(chunk, chunk);
            TensorPrimitives.Clamp(chunk, 0f, 255f, chunk);
            TensorPrimitives.ConvertTruncating(chunk, bytes.Slice(start, chunk.Length));
        }
    }
}
