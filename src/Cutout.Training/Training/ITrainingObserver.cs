namespace Cutout.Training.Training;

/// <summary>Receives progress from <see cref="Trainer"/>; the command line turns it into a progress bar or log lines.</summary>
public interface ITrainingObserver
{
    void Message(string text);
    void EpochStarted(int epoch, int epochs, int batches, int firstBatch);
    void BatchFinished(int epoch, int batch, double loss, double iou, double imagesPerSecond);
    void ValidationStarted(int epoch, int images);
    void EpochFinished(EpochRecord record, bool improved);
}
