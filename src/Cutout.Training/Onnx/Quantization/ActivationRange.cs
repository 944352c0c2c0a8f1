using System.Numerics.Tensors;

namespace Cutout.Training.Onnx.Quantization;

/// <summary>The smallest and largest value a tensor took during calibration; always includes 0, so 0 stays exact.</summary>
public readonly record struct ActivationRange(float Min, float Max)
{
    public static readonly ActivationRange Zero = new(0, 0);

    public ActivationRange Including(ReadOnlySpan<float> values) => values.IsEmpty
        ? this
        : new(Math.Min(Min, TensorPrimitives.Min(values)), Math.Max(Max, TensorPrimitives.Max(values)));

    /// <summary>Asymmetric uint8 parameters: real = (q - zeroPoint) * scale covers [Min, Max].</summary>
    public (float Scale, byte ZeroPoint) Uint8Parameters()
    {
        if (!float.IsFinite(Min) || !float.IsFinite(Max))
            throw new InvalidOperationException($"calibration range [{Min}, {Max}] is not finite");
        float min = Math.Min(Min, 0), max = Math.Max(Max, 0);
        if (max == min) return (1f, 0);
        var scale = (max - min) / 255f;
        return (scale, (byte)Math.Clamp(Math.Round(-min / scale), 0, 255));
    }
}
