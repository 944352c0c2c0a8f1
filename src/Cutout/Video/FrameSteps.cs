namespace Cutout.Video;

/// <summary>
/// The per-frame work of <see cref="VideoRemover"/>: <see cref="Predict"/> (luma and the model's matte; frames in
/// parallel), then <see cref="Finish"/> (smoothing, the photo pipeline's refine/threshold/clean, rendering and the
/// flicker figure; in frame order, one frame at a time). Luma and matte buffers are pooled across frames.
/// </summary>
sealed class FrameSteps(BackgroundRemover remover, VideoOptions options, VideoInfo info)
{
    readonly TemporalSmoother? _smoother = options.Smooth ? new TemporalSmoother() : null;
    readonly FlickerMeter _meter = new();
    readonly bool _backdropChanges = string.Equals(options.Frame.Background?.Trim(), Backdrop.Blur, StringComparison.OrdinalIgnoreCase);
    readonly BufferPool<byte> _lumas = new(info.Width * info.Height);
    readonly BufferPool<float> _alphas = new(info.Width * info.Height);
    byte[]? _backdrop;
    long _modelTicks;

    public double Flicker => _meter.Flicker;

    public TimeSpan ModelTime => TimeSpan.FromTicks(Interlocked.Read(ref _modelTicks));

    /// <summary>Bytes of one output frame: the matte's grey byte a pixel, else RGBA.</summary>
    public int OutputBytes => info.Width * info.Height * (options.Frame.Mask ? 1 : 4);

    /// <summary>Luma and the model's full-size matte of one frame. Thread-safe.</summary>
    public void Predict(VideoFrame frame)
    {
        frame.Luma = FrameLuma.Of(frame.Photo.Rgba, _lumas.Rent());
        frame.Matte = remover.PredictAlpha(frame.Photo, _alphas.Rent());
        Interlocked.Add(ref _modelTicks, frame.Matte.ModelTime.Ticks);
    }

    /// <summary>
    /// The frame's output pixels, written into <paramref name="output"/> (<see cref="OutputBytes"/> long). Frames must come
    /// in order, one at a time: smoothing and the flicker figure follow the previous frame. Takes back the frame's luma and matte.
    /// </summary>
    public void Finish(VideoFrame frame, byte[] output)
    {
        var (photo, luma, matte) = (frame.Photo, frame.Luma!, frame.Matte!);
        _smoother?.Apply(luma, matte);
        if (!_backdropChanges && OutputRenderer.HasBackground(options.Frame) && !options.Frame.Mask)
            _backdrop ??= Backdrop.Resolve(photo, options.Frame);
        var final = MattePipeline.Apply(photo, matte, options.Frame, remover.Spec);
        OutputRenderer.Pixels(photo, final, options.Frame, _backdrop, output);
        _meter.Add(luma, final.Values);
        _lumas.Return(luma);
        _alphas.Return(matte.Values);
        if (!ReferenceEquals(final.Values, matte.Values)) _alphas.Return(final.Values);
        (frame.Luma, frame.Matte) = (null, null);
    }
}
