namespace Cutout.Training.Training;

/// <summary>One finished epoch: the figures that go into the report.</summary>
public sealed record EpochRecord(
    int Epoch, double TrainLoss, double TrainIou, double ValidationLoss, double ValidationIou,
    IReadOnlyDictionary<string, double> ValidationIouBySource, double Seconds, double ImagesPerSecond);
