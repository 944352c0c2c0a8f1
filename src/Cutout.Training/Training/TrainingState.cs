namespace Cutout.Training.Training;

/// <summary>Where a run stands: enough to resume it exactly after the process is killed.</summary>
public sealed record TrainingState
{
    public required TrainingOptions Options { get; init; }
    /// <summary>Epochs fully finished (validation included).</summary>
    public int CompletedEpochs { get; init; }
    /// <summary>Batches already done in the epoch that follows <see cref="CompletedEpochs"/>.</summary>
    public int BatchInEpoch { get; init; }
    public double RunningLoss { get; init; }
    public double RunningIntersection { get; init; }
    public double RunningUnion { get; init; }
    public int RunningImages { get; init; }
    public double RunningSeconds { get; init; }
    public int TotalBatches { get; init; }
    public double BestValidationLoss { get; init; } = double.PositiveInfinity;
    public int BestEpoch { get; init; }
    public int EpochsWithoutImprovement { get; init; }
    public bool Stopped { get; init; }
    public string? StopReason { get; init; }
    public List<EpochRecord> History { get; init; } = [];
}
