namespace Cutout.Training.Onnx.Quantization;

/// <summary>Symmetric int8 weights per output channel (zero point 0) and int32 biases on the matching scales.</summary>
public static class WeightQuantization
{
    /// <summary>Weights laid out [channels, ...]: each channel's largest |w| maps to 127.</summary>
    public static (sbyte[] Values, float[] Scales) PerChannelInt8(float[] weights, int channels)
    {
        var perChannel = weights.Length / channels;
        var values = new sbyte[weights.Length];
        var scales = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var channel = weights.AsSpan(c * perChannel, perChannel);
            var largest = 0f;
            foreach (var w in channel) largest = Math.Max(largest, Math.Abs(w));
            scales[c] = largest > 0 ? largest / 127f : 1f;
            for (var i = 0; i < perChannel; i++)
                values[c * perChannel + i] = (sbyte)Math.Clamp(Math.Round(channel[i] / scales[c]), -127, 127);
        }
        return (values, scales);
    }

    /// <summary>Bias on scale inputScale * weightScale[c], as QLinearConv adds it to its int32 accumulator.</summary>
    public static (int[] Values, float[] Scales) Int32Bias(float[] bias, float inputScale, float[] weightScales)
    {
        var values = new int[bias.Length];
        var scales = new float[bias.Length];
        for (var c = 0; c < bias.Length; c++)
        {
            scales[c] = inputScale * weightScales[c];
            values[c] = (int)Math.Clamp(Math.Round(bias[c] / (double)scales[c]), int.MinValue, int.MaxValue);
        }
        return (values, scales);
    }
}
