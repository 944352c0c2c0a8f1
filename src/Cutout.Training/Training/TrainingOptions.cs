using System.Text.Json.Serialization;

namespace Cutout.Training.Training;

/// <summary>Everything that defines a training run; stored in the checkpoint so a resume continues the same run.</summary>
public sealed record TrainingOptions
{
    public string Architecture { get; init; } = "unet-resnet18";
    public string DataRoot { get; init; } = "";
    public string TrainSplit { get; init; } = "train";
    public string ValidationSplit { get; init; } = "val";
    public string OutputDir { get; init; } = "runs/default";
    public int Size { get; init; } = 320;
    /// <summary>Training input sizes, one drawn per batch (multi-scale training); null trains at <see cref="Size"/>, which validation always uses.</summary>
    public int[]? TrainSizes { get; init; }
    /// <summary>How often each source's pairs are drawn (<see cref="Training.SourceWeights"/>); null draws every pair once an epoch.</summary>
    public Dictionary<string, double>? SourceWeights { get; init; }
    public int Epochs { get; init; } = 30;
    public int BatchSize { get; init; } = 8;
    public double LearningRate { get; init; } = 1e-3;
    /// <summary>Learning rate for encoder weights when the encoder is trained; 0 keeps the encoder frozen (the seed's recipe).</summary>
    public double EncoderLearningRate { get; init; }
    /// <summary>With a trained encoder: only stages from this one on learn (ResNet18: 1-4); 0 = all.</summary>
    public int UnfreezeFromStage { get; init; }
    /// <summary><see cref="LearningRateSchedule"/> name: constant or cosine.</summary>
    public string Schedule { get; init; } = "constant";
    /// <summary>Batches of linear warm-up before a cosine schedule decays.</summary>
    public int WarmupBatches { get; init; } = 100;
    /// <summary>Decoupled weight decay (AdamW) on every trained weight; 0 trains with plain Adam.</summary>
    public double WeightDecay { get; init; }
    public string Loss { get; init; } = "jaccard";
    public bool PerImageLoss { get; init; }
    public int Patience { get; init; } = 3;
    public int Seed { get; init; } = 42;
    public int Threads { get; init; } = Environment.ProcessorCount;
    public int CheckpointEveryBatches { get; init; } = 50;
    /// <summary>Stop after this many batches in total (0 = no limit); for smoke runs and kill/resume tests.</summary>
    public int MaxBatches { get; init; }
    /// <summary>Use at most this many training pairs (0 = all); for smoke runs.</summary>
    public int Limit { get; init; }
    public bool Augment { get; init; } = true;
    public double PasteProbability { get; init; } = 0.3;
    /// <summary><see cref="Data.AugmentationOptions.MinCropArea"/>.</summary>
    public double MinCropArea { get; init; } = 0.5;

    /// <summary>Of the pasted people, the share shrunk and placed anywhere (<see cref="Data.AugmentationOptions.ShrinkProbability"/>).</summary>
    public double ShrinkProbability { get; init; }
    /// <summary><see cref="Data.AugmentationOptions.GreyProbability"/>.</summary>
    public double GreyProbability { get; init; } = 0.05;
    /// <summary><see cref="Data.AugmentationOptions.ExposureProbability"/>.</summary>
    public double ExposureProbability { get; init; }
    /// <summary><see cref="Data.AugmentationOptions.CutProbability"/>.</summary>
    public double CutProbability { get; init; }
    /// <summary><see cref="Data.AugmentationOptions.OcclusionProbability"/>.</summary>
    public double OcclusionProbability { get; init; }
    /// <summary>A dataset root whose training objects are the occluders (their masks cut them out); its validation split is never read.</summary>
    public string? OccluderRoot { get; init; }
    /// <summary><see cref="Data.AugmentationOptions.OccludersHeld"/>.</summary>
    public bool OccludersHeld { get; init; }
    /// <summary>How many of the occluder root's training pairs to decode, evenly spaced over its list.</summary>
    public int OccluderCount { get; init; } = 600;
    /// <summary>Decode training images once, downscaled so the longer side is at most this times <see cref="Size"/>.</summary>
    public double CacheScale { get; init; } = 1.6;
    /// <summary>
    /// Weights to start from (a best.bin, a checkpoint model.bin or a float ONNX export of the same architecture, any size);
    /// null = ImageNet encoder + fresh decoder.
    /// </summary>
    public string? InitialWeights { get; init; }
    /// <summary>Give the folded BatchNorms of an ONNX <see cref="InitialWeights"/> measured statistics, so they train (<see cref="Models.FoldedBatchNorm.Unfold"/>).</summary>
    public bool UnfoldBatchNorms { get; init; }

    public bool FreezeEncoder => EncoderLearningRate <= 0;

    /// <summary>The training photos' augmentation (validation has none).</summary>
    [JsonIgnore]
    public Data.AugmentationOptions Augmentation => Augment
        ? new()
        {
            PasteProbability = PasteProbability, ShrinkProbability = ShrinkProbability, GreyProbability = GreyProbability,
            ExposureProbability = ExposureProbability, MinCropArea = MinCropArea, CutProbability = CutProbability,
            OcclusionProbability = OcclusionProbability, OccludersHeld = OccludersHeld,
        }
        : Data.AugmentationOptions.None;

    public int[] EffectiveTrainSizes => TrainSizes is { Length: > 0 } ? TrainSizes : [Size];
}
