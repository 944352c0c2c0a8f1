using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;

namespace Cutout.Cli;

/// <summary>`cutout eval`: accuracy and latency of a model on DIR/images + DIR/masks.</summary>
static class EvalCommand
{
    public const string Usage = """
        Usage: cutout eval --data DIR [--model M] [--json FILE] [--html FILE] [--refine] [--raw-alpha] [--greyscale] [--threads N]

          DIR holds images/<name>.jpg|png|... and masks/<name>.png (> 127 is foreground). Per image: IoU and Dice of
          the prediction thresholded at 0.5 at the image's own resolution, MAE of the soft alpha, boundary F-measure
          (boundary pixels matched within 3 px), model latency and end-to-end latency (read, decode, model, full-size
          matte, PNG cut-out). What a person sees (docs/evaluation.md): smudge (share of background pixels more than
          4 px from the mask's boundary with alpha above 0.02), translucent (share of subject pixels more than 4 px
          from it with alpha below 0.9), empty (images with a subject but no pixel at alpha 0.5 or more), edge MAE
          (alpha error within 4 px of the boundary, against the mask's soft values). One warm-up inference runs
          first. Figures are also given per file-name prefix (before the first '_'). --html writes a standalone page
          with the ten worst images. --refine and --raw-alpha as in `cutout remove`. --greyscale: every photo is first
          made greyscale (in memory), to measure what colour is worth to the model. --threads: ONNX Runtime threads.
        """;

    public static int Run(string[] args)
    {
        string? data = null, model = null, json = null, html = null;
        var refine = false;
        var rawAlpha = false;
        var greyscale = false;
        int? threads = null;
        var reader = new ArgReader(args);
        while (reader.HasMore)
        {
            var token = reader.Next();
            switch (token)
            {
                case "--data": data = reader.Value(token); break;
                case "--model": model = reader.Value(token); break;
                case "--json": json = reader.Value(token); break;
                case "--html": html = reader.Value(token); break;
                case "--refine": refine = true; break;
                case "--raw-alpha": rawAlpha = true; break;
                case "--greyscale": greyscale = true; break;
                case "--threads": threads = reader.Int(token, 1); break;
                case "-h" or "--help": Console.WriteLine(Usage); return ExitCodes.Ok;
                default: throw new UsageException($"Unknown argument {token} for `cutout eval`.");
            }
        }
        if (data is null) throw new UsageException("cutout eval needs --data DIR (with images/ and masks/).");
        var pairs = Pairs(data);

        using var remover = BackgroundRemover.Load(model, threads);
        var options = new RemoveOptions { Refine = refine, RawAlpha = rawAlpha };
        Func<string, Photo> read = greyscale ? ReadGreyscale : Read;
        var samples = Evaluate(remover, pairs, options, read);
        if (samples.Count == 0) throw new CutoutException(CutoutErrorKind.Io, $"No image could be evaluated in {data}.");

        var report = EvalReport.Create(model ?? "default", remover.Spec, remover.ModelPath, Path.GetFullPath(data), options,
            threads ?? Environment.ProcessorCount, greyscale, samples);
        PrintTable(report);
        if (json != null) WriteText(json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        if (html != null) WriteText(html, EvalHtml.Render(report, Worst(samples, pairs, read)));
        return samples.Count == pairs.Count ? ExitCodes.Ok : ExitCodes.SomeFailed;
    }

    static IReadOnlyList<LabelledPair> Pairs(string data)
    {
        if (!LabelledSet.Exists(data)) throw new UsageException($"{data} must contain images/ and masks/.");
        return LabelledSet.Read(data, missing => Console.Error.WriteLine($"cutout: {missing.Image}: no mask {missing.Mask}"));
    }

    static Photo Read(string path) => Photo.Decode(File.ReadAllBytes(path));

    static Photo ReadGreyscale(string path)
    {
        var photo = Read(path);
        GreyscalePhoto.Convert(photo);
        return photo;
    }

    static List<EvalSample> Evaluate(BackgroundRemover remover, IReadOnlyList<LabelledPair> pairs, RemoveOptions options,
                                     Func<string, Photo> read)
    {
        var samples = new List<EvalSample>();
        if (pairs.Count == 0) return samples;
        using (var warmUp = read(pairs[0].Image)) remover.PredictAlpha(warmUp);

        BatchProgress.Run(pairs.Count, progress =>
        {
            foreach (var pair in pairs)
            {
                try
                {
                    var sample = EvaluateOne(remover, pair, options, read);
                    samples.Add(sample);
                    progress.Written(sample.Name, $"IoU {sample.Score.Iou:F3}", TimeSpan.FromMilliseconds(sample.TotalMs));
                }
                catch (Exception e) when (e is CutoutException or IOException)
                {
                    progress.Failed(pair.Image, e.Message);
                }
            }
        });
        return samples;
    }

    static EvalSample EvaluateOne(BackgroundRemover remover, LabelledPair pair, RemoveOptions options, Func<string, Photo> read)
    {
        var clock = Stopwatch.StartNew();
        using var photo = read(pair.Image);
        var matte = MattePipeline.Apply(photo, remover.PredictAlpha(photo), options, remover.Spec);
        OutputRenderer.Render(photo, matte, options);
        var total = clock.Elapsed;

        var truth = pair.ReadTruth(photo.Width, photo.Height);
        return new EvalSample(pair.Stem, pair.Image, SegmentationScore.Compute(matte, truth),
            AlphaQuality.Compute(matte, truth), matte.ModelTime.TotalMilliseconds, total.TotalMilliseconds,
            Thumbnail.Gray(matte.ToBytes(), matte.Width, matte.Height), Thumbnail.OnColour(photo, matte, SaturatedBackdrop));
    }

    /// <summary>Magenta: no photo's background is this colour, so any veil left over it shows.</summary>
    static readonly (byte, byte, byte) SaturatedBackdrop = (255, 0, 255);

    static IEnumerable<(EvalSample, byte[], byte[])> Worst(List<EvalSample> samples, IReadOnlyList<LabelledPair> pairs,
                                                           Func<string, Photo> read) =>
        samples.OrderBy(s => s.Score.Iou).Take(10).Select(s =>
        {
            using var photo = read(s.PhotoPath);
            var truth = pairs.First(p => p.Image == s.PhotoPath).ReadTruth(photo.Width, photo.Height);
            return (s, Thumbnail.Jpeg(photo), Thumbnail.Gray(truth, photo.Width, photo.Height));
        }).ToList();

    static void PrintTable(EvalReport report)
    {
        var table = new Table().Title($"cutout eval: {Markup.Escape(report.Model)}, {report.Images} {(report.Greyscale ? "greyscale " : "")}images")
            .AddColumns("set", "images", "mean IoU", "dataset IoU", "Dice", "MAE", "boundary F", "smudge", "translucent", "empty",
                "edge MAE", "model ms med/p95", "end-to-end ms med/p95");
        void Row(string name, EvalFigures f) => table.AddRow(Markup.Escape(name), f.Images.ToString(), f.MeanIou.ToString("F4"),
            f.DatasetIou.ToString("F4"), f.MeanDice.ToString("F4"), f.Mae.ToString("F4"), f.BoundaryF.ToString("F4"),
            f.Smudge.ToString("P2"), f.Translucent.ToString("P2"), f.Empty.ToString(), f.EdgeMae.ToString("F4"),
            $"{f.LatencyMs.Model.Median:F0} / {f.LatencyMs.Model.P95:F0}", $"{f.LatencyMs.EndToEnd.Median:F0} / {f.LatencyMs.EndToEnd.P95:F0}");
        Row("all", report.Overall);
        foreach (var (prefix, figures) in report.ByPrefix) Row(prefix, figures);
        AnsiConsole.Write(table);
    }

    static void WriteText(string path, string text)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
        AtomicFile.Write(path, System.Text.Encoding.UTF8.GetBytes(text));
    }
}
