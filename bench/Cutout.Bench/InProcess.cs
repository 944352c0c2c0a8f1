using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace Cutout.Bench;

/// <summary>Measurements inside this process through the library's public API, and raw ONNX Runtime sessions.</summary>
static class InProcess
{
    public sealed record EndToEnd(string Image, int Runs, Stats TotalMs, Stats ModelMs, Stats DecodeMs, Stats PredictMs,
                                  Stats PostMs, Stats RenderMs);

    /// <summary>
    /// Remove(bytes) with the given options (decode, infer, refine, encode): total and model time per run after one
    /// warm-up; then, stage by stage through the same public steps Remove takes: decode, PredictAlpha (pre-processing,
    /// inference, matte upscale), MattePipeline.Apply (refine, threshold, clean), OutputRenderer.Render (compose, encode).
    /// </summary>
    public static EndToEnd Measure(BackgroundRemover remover, string imagePath, RemoveOptions options, int runs)
    {
        var bytes = File.ReadAllBytes(imagePath);
        remover.Remove(bytes, options);   // warm-up
        var total = new List<double>();
        var model = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var result = remover.Remove(bytes, options);
            total.Add(result.TotalTime.TotalMilliseconds);
            model.Add(result.ModelTime.TotalMilliseconds);
        }
        List<double> decode = [], predict = [], post = [], render = [];
        for (var i = 0; i < Math.Max(1, runs / 2); i++)
        {
            var clock = Stopwatch.StartNew();
            using var photo = Photo.Decode(bytes);
            decode.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var matte = remover.PredictAlpha(photo);
            predict.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            matte = MattePipeline.Apply(photo, matte, options, remover.Spec);
            post.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            OutputRenderer.Render(photo, matte, options);
            render.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new EndToEnd(Path.GetFileName(imagePath), runs, Stats.Of(total), Stats.Of(model), Stats.Of(decode), Stats.Of(predict),
            Stats.Of(post), Stats.Of(render));
    }

    public sealed record SessionVariant(string Name, Stats LatencyMs, double ImagesPerSecond);

    /// <summary>
    /// Model-only latency of raw ONNX Runtime sessions on the model file with settings the library could choose:
    /// optimisation level, intra-op threads, spinning, and two single-threaded sessions side by side (throughput).
    /// </summary>
    public static List<SessionVariant> Variants(string onnxPath, ModelSpec spec, int runs)
    {
        var cores = Environment.ProcessorCount;
        var list = new List<SessionVariant>
        {
            Single("library default: ORT_ENABLE_ALL, intra-op = all cores", onnxPath, spec, runs, o => { }),
            Single("ORT_ENABLE_ALL, intra-op = 1", onnxPath, spec, runs, o => o.IntraOpNumThreads = 1),
            Single("ORT_ENABLE_BASIC", onnxPath, spec, runs, o => o.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC),
            Single("ORT_ENABLE_EXTENDED", onnxPath, spec, runs, o => o.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED),
            Single("ORT_ENABLE_ALL, no spin-wait (session.intra_op.allow_spinning=0)", onnxPath, spec, runs,
                o => o.AddSessionConfigEntry("session.intra_op.allow_spinning", "0")),
        };
        if (cores > 1) list.Add(Parallel(onnxPath, spec, runs, cores));
        return list;
    }

    static SessionOptions Options(Action<SessionOptions> tweak)
    {
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        tweak(options);
        return options;
    }

    static SessionVariant Single(string name, string onnxPath, ModelSpec spec, int runs, Action<SessionOptions> tweak)
    {
        using var options = Options(tweak);
        using var session = new InferenceSession(onnxPath, options);
        var times = RunMany(session, spec, runs);
        return new SessionVariant(name, Stats.Of(times), 1000.0 / Stats.Of(times).Median);
    }

    /// <summary>N sessions with one intra-op thread each, one image per session at a time, all at once.</summary>
    static SessionVariant Parallel(string onnxPath, ModelSpec spec, int runs, int sessions)
    {
        var all = new List<double>();
        var tasks = Enumerable.Range(0, sessions).Select(_ => Task.Factory.StartNew(() =>
        {
            using var options = Options(o => o.IntraOpNumThreads = 1);
            using var session = new InferenceSession(onnxPath, options);
            RunMany(session, spec, 1);   // warm
            return RunMany(session, spec, runs, warm: false);
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(tasks);
        foreach (var t in tasks) all.AddRange(t.Result);
        // throughput from the steady part: images over the longest session's summed run time
        var busiest = tasks.Max(t => t.Result.Sum()) / 1000.0;
        return new SessionVariant($"{sessions} sessions x intra-op 1, in parallel", Stats.Of(all), sessions * runs / busiest);
    }

    static List<double> RunMany(InferenceSession session, ModelSpec spec, int runs, bool warm = true)
    {
        var input = new float[3 * spec.Width * spec.Height];
        for (var i = 0; i < input.Length; i++) input[i] = (i % 255) / 255f;
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, spec.Height, spec.Width]);
        using var runOptions = new RunOptions();
        if (warm) using (session.Run(runOptions, [spec.Input], [value], [spec.Output])) { }
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            using (session.Run(runOptions, [spec.Input], [value], [spec.Output])) { }
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    public sealed record EncoderVariant(string Name, double Ms, double Kb);

    /// <summary>
    /// Encoding a cut-out (straight RGBA with a real matte's alpha) of the given photo: the library's own PNG encoder
    /// (also on the pixels Remove really writes, alpha-0 pixels cleared), Skia's PNG at several settings, and WebP.
    /// </summary>
    public static List<EncoderVariant> Encoders(BackgroundRemover remover, string imagePath, int runs)
    {
        var bytes = File.ReadAllBytes(imagePath);
        using var photo = Photo.Decode(bytes);
        var matte = remover.PredictAlpha(photo);
        var rgba = (byte[])photo.Rgba.Clone();
        for (var i = 0; i < matte.Values.Length; i++) rgba[i * 4 + 3] = AlphaMatte.ToByte(matte.Values[i]);
        var info = new SKImageInfo(photo.Width, photo.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var variants = new (string, Func<SKPixmap, SKData?>)[]
        {
            ("PNG, Skia default (all filters, zlib 6; the library's choice until 4e82766)", p => p.Encode(SKPngEncoderOptions.Default)),
            ("PNG, Skia, all filters, zlib 3", p => p.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 3))),
            ("PNG, Skia, all filters, zlib 1 (the library's choice until this encoder)", p => p.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 1))),
            ("PNG, Skia, Sub filter only, zlib 1", p => p.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1))),
            ("PNG, Skia, Up filter only, zlib 3", p => p.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Up, 3))),
            ("WebP lossless, quality 75 (library's --format webp)", p => p.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 75))),
            ("WebP lossless, quality 10", p => p.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 10))),
        };
        var cleared = OutputRenderer.Pixels(photo, matte, new RemoveOptions()).Pixels;
        var list = new List<EncoderVariant>
        {
            Measure("PNG, library encoder (Up filter, zlib-ng 2, parallel stripes)", runs,
                () => PngEncoder.Encode(rgba, photo.Width, photo.Height, PngEncoder.Layout.Rgba).Length),
            Measure("... on the pixels Remove writes (alpha-0 pixels cleared)", runs,
                () => PngEncoder.Encode(cleared, photo.Width, photo.Height, PngEncoder.Layout.Rgba).Length),
        };
        unsafe
        {
            fixed (byte* pointer = rgba)
            {
                using var pixmap = new SKPixmap(info, (IntPtr)pointer, info.RowBytes);
                foreach (var (name, encode) in variants)
                    list.Add(Measure(name, runs, () =>
                    {
                        using var data = encode(pixmap) ?? throw new InvalidOperationException(name + " failed");
                        return data.Size;
                    }));
            }
        }
        return list;
    }

    static EncoderVariant Measure(string name, int runs, Func<long> encode)
    {
        var times = new List<double>();
        long size = 0;
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            size = encode();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new EncoderVariant(name, Stats.Of(times).Median, size / 1024.0);
    }
}
