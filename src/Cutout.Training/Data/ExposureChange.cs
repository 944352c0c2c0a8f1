namespace Cutout.Training.Data;

public enum ExposureKind { Darken, Gamma, Contrast }

/// <summary>
/// A strong change of light, as in a dim room or a badly exposed photo: darkening (x0.2-0.6), gamma 0.5-2 or contrast 0.5-1.5
/// about the mean luminance, then mild sensor noise (Gaussian, sigma up to <see cref="MaxNoise"/> of 255).
/// </summary>
public readonly record struct ExposureChange(ExposureKind Kind, float Amount, float NoiseSigma)
{
    public const float MaxNoise = 6;

    public static ExposureChange Draw(Random random)
    {
        var kind = (ExposureKind)random.Next(3);
        float amount = kind switch
        {
            ExposureKind.Darken => Uniform(random, 0.2, 0.6),
            ExposureKind.Gamma => (float)Math.Exp(Uniform(random, Math.Log(0.5), Math.Log(2))),
            _ => Uniform(random, 0.5, 1.5),
        };
        return new ExposureChange(kind, amount, Uniform(random, 0, MaxNoise));
    }

    /// <param name="rgb">Planar RGB 0..255, changed in place.</param>
    public void Apply(Span<float> rgb, Random random)
    {
        int plane = rgb.Length / 3;
        float mean = Kind == ExposureKind.Contrast ? Luminance.Mean(rgb, plane) : 0;
        for (int i = 0; i < rgb.Length; i++)
        {
            float v = Kind switch
            {
                ExposureKind.Darken => rgb[i] * Amount,
                ExposureKind.Gamma => 255 * MathF.Pow(rgb[i] / 255, Amount),
                _ => (rgb[i] - mean) * Amount + mean,
            };
            if (NoiseSigma > 0) v += NoiseSigma * Gaussian(random);
            rgb[i] = Math.Clamp(v, 0, 255);
        }
    }

    static float Uniform(Random random, double low, double high) => (float)(low + random.NextDouble() * (high - low));

    static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
