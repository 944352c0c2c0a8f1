namespace Cutout.Video;

/// <summary>
/// Steadies per-frame mattes: an exponential moving average whose weight follows the picture. Where a pixel's luma
/// barely changed since the last frame (sensor noise, compression), the new matte counts for <see cref="StillWeight"/>
/// only, so frame-to-frame jitter of the network averages out; where the picture moved by <see cref="MotionLevels"/> or
/// more, the new matte is taken as is, so moving edges do not lag. A scene cut (mean luma change over
/// <see cref="SceneCutLevels"/>) starts afresh.
/// </summary>
public sealed class TemporalSmoother
{
    public const float StillWeight = 0.3f;
    public const int NoiseLevels = 6;
    public const int MotionLevels = 30;
    public const double SceneCutLevels = 40;

    /// <summary>The new matte's weight for each luma change 0..255: <see cref="StillWeight"/> up to the noise, rising to 1 at motion.</summary>
    static readonly float[] WeightByChange = [.. Enumerable.Range(0, 256).Select(change =>
        StillWeight + (1 - StillWeight) * Math.Clamp((change - NoiseLevels) / (float)(MotionLevels - NoiseLevels), 0f, 1f))];

    float[]? _previousAlpha;
    byte[]? _previousLuma;

    /// <summary>Smooths <paramref name="matte"/> in place against the previous frames; <paramref name="luma"/> is this frame's (copied).</summary>
    public void Apply(byte[] luma, AlphaMatte matte)
    {
        var alpha = matte.Values;
        if (_previousAlpha is { } previous && _previousLuma is { } previousLuma && previous.Length == alpha.Length
            && MeanChange(previousLuma, luma) <= SceneCutLevels)
        {
            RowBands.For(matte.Height, (first, end) =>
            {
                for (var i = first * matte.Width; i < end * matte.Width; i++)
                {
                    var weight = WeightByChange[Math.Abs(luma[i] - previousLuma[i])];
                    alpha[i] = previous[i] + weight * (alpha[i] - previous[i]);
                }
            });
        }
        _previousAlpha = PreviousFrame.Keep(_previousAlpha, alpha);
        _previousLuma = PreviousFrame.Keep(_previousLuma, luma);
    }

    static double MeanChange(byte[] a, byte[] b)
    {
        long sum = 0;
        for (var i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return (double)sum / Math.Max(a.Length, 1);
    }
}
