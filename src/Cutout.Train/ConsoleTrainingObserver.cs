using Cutout.Training.Training;
using Spectre.Console;

namespace Cutout.Train;

/// <summary>
/// Progress as one updating line per epoch on a terminal (loss, IoU, images/s, ETA), or as plain log lines
/// every few batches when the output is redirected (nohup, CI).
/// </summary>
public sealed class ConsoleTrainingObserver : ITrainingObserver
{
    readonly bool interactive = !Console.IsOutputRedirected;
    int batches, firstBatch;
    DateTime epochStart;

    public void Message(string text) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");

    public void EpochStarted(int epoch, int epochs, int batches, int firstBatch)
    {
        (this.batches, this.firstBatch, epochStart) = (batches, firstBatch, DateTime.Now);
        Message($"epoch {epoch}/{epochs}: {batches} batches" + (firstBatch > 0 ? $", resuming at batch {firstBatch + 1}" : ""));
    }

    public void BatchFinished(int epoch, int batch, double loss, double iou, double imagesPerSecond)
    {
        double perBatch = (DateTime.Now - epochStart).TotalSeconds / Math.Max(1, batch - firstBatch);
        var eta = TimeSpan.FromSeconds(perBatch * (batches - batch));
        var line = $"epoch {epoch} {Bar(batch)} {batch}/{batches}  loss {loss:F4}  IoU {iou:F3}  {imagesPerSecond:F1} img/s  ETA {eta:mm\\:ss}";
        if (interactive) AnsiConsole.Markup("\r" + Markup.Escape(line) + "   ");
        else if (batch % 20 == 0 || batch == batches) Message(line);
        if (interactive && batch == batches) Console.WriteLine();
    }

    public void ValidationStarted(int epoch, int images) => Message($"epoch {epoch}: validating on {images} images");

    public void EpochFinished(EpochRecord r, bool improved)
    {
        var bySource = string.Join("  ", r.ValidationIouBySource.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value:F3}"));
        Message($"epoch {r.Epoch}: train loss {r.TrainLoss:F4} IoU {r.TrainIou:F3} | val loss {r.ValidationLoss:F4} " +
                $"IoU {r.ValidationIou:F3} ({bySource}) | {r.ImagesPerSecond:F1} img/s{(improved ? "  * best" : "")}");
    }

    string Bar(int batch)
    {
        int filled = batches == 0 ? 0 : 20 * batch / batches;
        return "[" + new string('#', filled) + new string('.', 20 - filled) + "]";
    }
}
