namespace Cutout.Video;

/// <summary>
/// The per-frame work of <see cref="VideoRemover"/>, in order: predict (frames in parallel), smooth (in frame order),
/// then the photo pipeline's refine/threshold/clean and rendering (in parallel), and the flicker figure of the result.
/// </summary>
sealed class FrameSteps(BackgroundRemover remover, VideoOptions options, VideoInfo info)
{
    readonly TemporalSmoother? _smoother = options.Smooth ? new TemporalSmoother() : null;
    readonly FlickerMeter _meter = new();
    readonly bool _backdropChanges = string.Equals(options.Frame.Background?.Trim(), Backdrop.Blur, StringComparison.OrdinalIgnoreCase);
    byte[]? _backdrop;
    long _modelTicks;

    public double Flicker => _meter.Flicker;

    public TimeSpan ModelTime => TimeSpan.FromTicks(_modelTicks);

    /// <summary>Output pixels for each RGBA frame of <paramref name="batch"/>, in order.</summary>
    public byte[][] Process(IReadOnlyList<byte[]> batch, int parallel)
    {
        var photos = batch.Select(rgba => new Photo(info.Width, info.Height, rgba)).ToArray();
        var lumas = new byte[batch.Count][];
        var mattes = new AlphaMatte[batch.Count];
        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = parallel };
        Parallel.For(0, batch.Count, parallelism, i =>
        {
            lumas[i] = FrameLuma.Of(batch[i]);
            mattes[i] = remover.PredictAlpha(photos[i]);
            Interlocked.Add(ref _modelTicks, mattes[i].ModelTime.Ticks);
        });
        for (var i = 0; i < batch.Count; i++) _smoother?.Apply(lumas[i], mattes[i]);

        if (!_backdropChanges && OutputRenderer.HasBackground(options.Frame) && !options.Frame.Mask)
            _backdrop ??= Backdrop.Resolve(photos[0], options.Frame);
        var outputs = new byte[batch.Count][];
        Parallel.For(0, batch.Count, parallelism, i =>
        {
            mattes[i] = MattePipeline.Apply(photos[i], mattes[i], options.Frame, remover.Spec);
            outputs[i] = OutputRenderer.Pixels(photos[i], mattes[i], options.Frame, _backdrop).Pixels;
        });
        for (var i = 0; i < batch.Count; i++) _meter.Add(lumas[i], mattes[i].Values);
        return outputs;
    }
}
