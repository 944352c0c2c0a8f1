using System.Diagnostics;

namespace Cutout.Video;

/// <summary>
/// Cuts the subject out of every frame of a clip with a <see cref="BackgroundRemover"/>: ffmpeg decodes to raw RGBA over
/// a pipe, each frame goes through the same matte pipeline as a photo (model, then refine/threshold/clean), the mattes
/// are steadied over time, and the frames are piped to a second ffmpeg that encodes them next to the source's audio.
/// The stages overlap (<see cref="FramePipeline"/>): decoding, predicting several frames at once, the in-order steps and
/// encoding all run at the same time. Nothing is written at the output path until the whole clip is done.
/// Thread-safe as long as outputs differ.
/// </summary>
/// <param name="parallelFrames">frames whose mattes are predicted at once (default: one per core; load the remover with
/// one intra-op thread then).</param>
public sealed class VideoRemover(BackgroundRemover remover, int parallelFrames = 0)
{
    readonly int _parallel = parallelFrames > 0 ? parallelFrames : Environment.ProcessorCount;

    public BackgroundRemover Remover => remover;

    /// <summary>The path the result gets for an output stem (a folder for a PNG sequence).</summary>
    public static string OutputPath(string stem, VideoOptions options) => stem + VideoFormats.Extension(options.ResolvedFormat);

    public VideoResult Remove(string input, string output, VideoOptions options,
                              IProgress<VideoProgress>? progress = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        options.Validate();
        var info = VideoProbe.Probe(input, options.Frame.MaxPixels);
        var format = options.ResolvedFormat;
        var gray = options.Frame.Mask;
        using var reader = new VideoFrameReader(input, info);
        using IFrameSink sink = format == VideoFormat.PngSequence
            ? new PngSequenceWriter(output, info.Width, info.Height, gray, opaque: !options.Transparent)
            : new FfmpegVideoWriter(input, info, output, format, gray, options.Transparent);

        var frames = new FrameSteps(remover, options, info);
        var done = new FramePipeline(reader, sink, frames, info, _parallel).Run(
            count => progress?.Report(new VideoProgress(count, Math.Max(info.EstimatedFrames, count), count / clock.Elapsed.TotalSeconds, clock.Elapsed)),
            cancel);
        if (done == 0) throw new CutoutException(CutoutErrorKind.BadImage, "The video has no frames that could be decoded.");
        // A cut-off file decodes "successfully" up to the cut; ffmpeg's complaints and the missing frames give it away.
        if (reader.Complaints is { } complaints && done < info.EstimatedFrames)
            throw new CutoutException(CutoutErrorKind.BadImage,
                $"The video is truncated or damaged: {done} of {info.EstimatedFrames} frames could be decoded (ffmpeg: {complaints}).");
        sink.Complete();
        return new VideoResult(Path.GetFullPath(output), format, done, info.Width, info.Height,
            AudioKept: info.HasAudio && format != VideoFormat.PngSequence, frames.Flicker, frames.ModelTime, clock.Elapsed);
    }
}
