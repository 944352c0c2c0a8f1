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
    byte[]? _previousLevels, _levels;
    long _sum;
    long _pixels;

    public double Flicker => _pixels == 0 ? 0 : (double)_sum / _pixels;

    /// <summary>Still subject pixels counted so far, over all frame pairs.</summary>
    public long Pixels => _pixels;

    /// <param name="luma">this frame's luma (copied).</param>
    /// <param name="alpha">this frame's matte, 0..1 per pixel (copied).</param>
    public void Add(byte[] luma, ReadOnlySpan<float> alpha)
    {
        var levels = _levels is { } spare && spare.Length == alpha.Length ? spare : new byte[alpha.Length];
        AlphaMatte.ToBytes(alpha, levels);
        if (_previousLuma is { } previousLuma && _previousLevels is { } before && previousLuma.Length == luma.Length && before.Length == levels.Length)
        {
            for (var i = 0; i < luma.Length; i++)
            {
                if (Math.Abs(luma[i] - previousLuma[i]) > StillLevels || (before[i] | levels[i]) == 0) continue;
                _sum += Math.Abs(levels[i] - before[i]);
                _pixels++;
            }
        }
        _previousLuma = PreviousFrame.Keep(_previousLuma, luma);
        (_previousLevels, _levels) = (levels, _previousLevels);
    }
}
