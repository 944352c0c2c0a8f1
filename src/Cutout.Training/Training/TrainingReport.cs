using System.Text.Json;
using SkiaSharp;

namespace Cutout.Training.Training;

/// <summary>Writes <c>report.json</c> (options and per-epoch figures) and <c>report.png</c> (loss and IoU curves).</summary>
public static class TrainingReport
{
    public static void Write(string outputDir, TrainingState state)
    {
        WriteAtomically(Path.Combine(outputDir, "report.json"), JsonSerializer.SerializeToUtf8Bytes(new
        {
            state.Options,
            epochs = state.History,
            best_epoch = state.BestEpoch,
            best_validation_loss = state.BestValidationLoss,
            stopped = state.Stopped,
            stop_reason = state.StopReason,
        }, CheckpointStore.Json));
        WriteAtomically(Path.Combine(outputDir, "report.png"), Plot(state.History));
    }

    static void WriteAtomically(string path, byte[] bytes)
    {
        File.WriteAllBytes(path + ".tmp", bytes);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    // Skia's NoDependencies build has no font manager, so its default typeface draws nothing: load a system font.
    static readonly Lazy<SKTypeface> Typeface = new(() =>
        new[] { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf" }
            .Where(File.Exists).Select(SKTypeface.FromFile).FirstOrDefault(t => t != null) ?? SKTypeface.Default);

    static readonly SKColor TrainColour = new(0x1f, 0x77, 0xb4), ValidationColour = new(0xd6, 0x27, 0x28);

    public static byte[] Plot(IReadOnlyList<EpochRecord> history)
    {
        const int panelWidth = 480, height = 360, margin = 48;
        using var surface = SKSurface.Create(new SKImageInfo(panelWidth * 2, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        DrawPanel(canvas, new SKRect(margin, 30, panelWidth - 16, height - margin), "loss",
                  history.Select(e => e.TrainLoss).ToArray(), history.Select(e => e.ValidationLoss).ToArray());
        DrawPanel(canvas, new SKRect(panelWidth + margin, 30, 2 * panelWidth - 16, height - margin), "IoU",
                  history.Select(e => e.TrainIou).ToArray(), history.Select(e => e.ValidationIou).ToArray());
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    static void DrawPanel(SKCanvas canvas, SKRect area, string title, double[] train, double[] validation)
    {
        using var axis = new SKPaint { Color = SKColors.Gray, StrokeWidth = 1, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var font = new SKFont(Typeface.Value, 13);
        canvas.DrawRect(area, axis);
        var all = train.Concat(validation).Where(double.IsFinite).ToArray();
        double lo = all.Length > 0 ? all.Min() : 0, hi = all.Length > 0 ? all.Max() : 1;
        if (hi - lo < 1e-6) { lo -= 0.05; hi += 0.05; }
        canvas.DrawText($"{title}   (blue: train, red: validation)   epochs: {train.Length}", area.Left, area.Top - 10, SKTextAlign.Left, font, text);
        canvas.DrawText(hi.ToString("F3"), area.Left - 44, area.Top + 12, SKTextAlign.Left, font, text);
        canvas.DrawText(lo.ToString("F3"), area.Left - 44, area.Bottom, SKTextAlign.Left, font, text);
        DrawSeries(canvas, area, train, lo, hi, TrainColour);
        DrawSeries(canvas, area, validation, lo, hi, ValidationColour);
    }

    static void DrawSeries(SKCanvas canvas, SKRect area, double[] values, double lo, double hi, SKColor colour)
    {
        if (values.Length == 0) return;
        using var paint = new SKPaint { Color = colour, StrokeWidth = 2.5f, IsAntialias = true, Style = SKPaintStyle.Stroke };
        SKPoint? previous = null;
        for (int i = 0; i < values.Length; i++)
        {
            float x = area.Left + (values.Length == 1 ? area.Width / 2 : i * area.Width / (values.Length - 1));
            float y = area.Bottom - (float)((values[i] - lo) / (hi - lo)) * area.Height;
            if (previous is { } p) canvas.DrawLine(p.X, p.Y, x, y, paint);
            canvas.DrawCircle(x, y, 3.5f, paint);
            previous = new SKPoint(x, y);
        }
    }
}
