namespace Cutout.Video;

/// <summary>
/// Flicker of a matte sequence: the mean absolute change of alpha between consecutive frames, in 8-bit levels (0-255),
/// over the pixels where the picture itself barely changed (luma within <see cref="StillLevels"/>) and that belong to
/// the subject or its edge in either frame (alpha above 0), so the empty background does not dilute the figure.
/// A perfectly steady matte of a still scene scores 0.
/// </summary>
public sealed class FlickerMeter
{
    public const int StillLevels = 10;

    byte[]? _previousLuma;
    float[]? _previousAlpha;
    double _sum;
    long _pixels;

    public double Flicker => _pixels == 0 ? 0 : _sum / _pixels * 255;

    /// <summary>Still subject pixels counted so far, over all frame pairs.</summary>
    public long Pixels => _pixels;

    /// <param name="luma">this frame's luma (copied).</param>
    /// <param name="alpha">this frame's matte, 0..1 per pixel (copied).</param>
    public void Add(byte[] luma, ReadOnlySpan<float> alpha)
    {
        if (_previousLuma is { } previousLuma && _previousAlpha is { } previousAlpha && previousLuma.Length == luma.Length)
        {
            for (var i = 0; i < luma.Length; i++)
            {
                if (Math.Abs(luma[i] - previousLuma[i]) > StillLevels) continue;
                var (before, now) = (Level(previousAlpha[i]), Level(alpha[i]));
                if (before == 0 && now == 0) continue;
                _sum += Math.Abs(now - before) / 255.0;
                _pixels++;
            }
        }
        _previousLuma = PreviousFrame.Keep(_previousLuma, luma);
        _previousAlpha = PreviousFrame.Keep(_previousAlpha, alpha);
    }

    static int Level(float alpha) => AlphaMatte.ToByte(alpha);
}
