using Cutout.Training.Training;

namespace Cutout.Train;

/// <summary><c>cutout-train train</c>: trains a model; rerunning the same command resumes from the last checkpoint.</summary>
public static class TrainCommand
{
    public const string Help = """
        cutout-train [train] --data DIR [options]
          --arch NAME          unet-resnet18 (ImageNet encoder) | unet-resnet18-gc (plus a global context block before the
                               decoder) | unet-resnet18-gc-atrous (plus dilated context convs after it) | unet-vgg16
                               (random init)   [unet-resnet18]
          --data DIR[,DIR]     dataset root: train/ + val/ folder pairs, Kaggle xtrain/ytrain/xtest/ytest, or xtrain.npy...;
                               several roots separated by commas train one joint model on all their pairs (and validate on all)
          --train-split S      [train]        --val-split S   [val]
          --size PX            input size, a multiple of 32 [320]
          --train-sizes A,B..  train at these sizes (multiples of 32), one drawn per batch; validation stays at --size
          --source-weights S=W,..  draw each source's pairs (the file name's prefix before '_') W times as often as
                               an unnamed source's; an epoch keeps its length   [every pair once an epoch]
          --epochs N [30]      --batch N [8]      --lr X [0.001]
          --encoder-lr X       train the encoder with this learning rate (default 0: frozen encoder, the seed's recipe)
          --unfreeze-from K    with --encoder-lr: train encoder stages K.. only (ResNet18: 1-4)
          --schedule NAME      constant | cosine (linear warm-up, then half-cosine decay to 1 %) [constant]
          --warmup N           warm-up batches for cosine [100]
          --loss NAME          jaccard | dice | bce | bce-jaccard [jaccard]    --per-image-loss
          --weight-decay W     AdamW's decoupled weight decay on every trained weight (0: plain Adam) [0]
          --patience N [3]     --seed N [42]      --threads N [cores]
          --no-augment         --paste P  probability of pasting the person on another photo [0.3]
          --min-crop A         smallest share of a photo's area a random training crop covers [0.5]
          --shrink P           of those pastes, the share shrunk to 20-80 % of the frame (small people) [0]
          --grey P             probability of a greyscale training photo [0.05]
          --exposure P         probability of a strong exposure change: darken x0.2-0.6, gamma 0.5-2 or contrast
                               0.5-1.5, plus mild noise [0]
          --cut P              probability of a crop whose bottom edge cuts through the subject at 35-85 % of its
                               height (a torso or legs reaching the frame's edge) [0]
          --occlude P          probability of an object put in front of the picture, low in the frame, hiding the
                               subject where it covers it (a held helmet or bag) [0]; needs --occluders ROOT, a
                               dataset whose training masks cut the objects out; --occluder-count N of them [600];
                               --occluders-held: an object that overlaps the subject joins it instead (held things)
          --checkpoint-every N batches [50]    --max-batches N   --limit N (first N training pairs)
          --init FILE          start from these weights, same --arch (or one it extends by context blocks), any size:
                               best.bin, checkpoint/model.bin, or a float ONNX file exported by cutout-train
                               (exports/NAME.onnx; its folded BatchNorms stay frozen)
          --unfold-batchnorm   with --init FILE.onnx: measure each folded BatchNorm's statistics on 128 training photos
                               (no augmentation) so it computes the same and then trains as an ordinary one
          --out DIR            run folder: checkpoint/, best.bin, report.json, report.png [runs/default]
        """;

    public static int Run(string[] args)
    {
        var a = new Arguments(args);
        var options = new TrainingOptions
        {
            Architecture = a.String("arch", "unet-resnet18"),
            DataRoot = a.String("data") ?? throw new ArgumentException("--data is required"),
            TrainSplit = a.String("train-split", "train"),
            ValidationSplit = a.String("val-split", "val"),
            OutputDir = a.String("out", "runs/default"),
            Size = a.Int("size", 320),
            TrainSizes = a.Ints("train-sizes"),
            SourceWeights = a.String("source-weights") is { } weights ? SourceWeights.Parse(weights) : null,
            Epochs = a.Int("epochs", 30),
            BatchSize = a.Int("batch", 8),
            LearningRate = a.Double("lr", 1e-3),
            EncoderLearningRate = a.Double("encoder-lr", 0),
            UnfreezeFromStage = a.Int("unfreeze-from", 0),
            Schedule = a.String("schedule", "constant"),
            WarmupBatches = a.Int("warmup", 100),
            WeightDecay = a.Double("weight-decay", 0),
            Loss = a.String("loss", "jaccard"),
            PerImageLoss = a.Flag("per-image-loss"),
            Patience = a.Int("patience", 3),
            Seed = a.Int("seed", 42),
            Threads = a.Int("threads", Environment.ProcessorCount),
            CheckpointEveryBatches = a.Int("checkpoint-every", 50),
            MaxBatches = a.Int("max-batches", 0),
            Limit = a.Int("limit", 0),
            Augment = !a.Flag("no-augment"),
            PasteProbability = a.Double("paste", 0.3),
            MinCropArea = a.Double("min-crop", 0.5),
            ShrinkProbability = a.Double("shrink", 0),
            GreyProbability = a.Double("grey", 0.05),
            ExposureProbability = a.Double("exposure", 0),
            CutProbability = a.Double("cut", 0),
            OcclusionProbability = a.Double("occlude", 0),
            OccluderRoot = a.String("occluders"),
            OccludersHeld = a.Flag("occluders-held"),
            OccluderCount = a.Int("occluder-count", 600),
            InitialWeights = a.String("init"),
            UnfoldBatchNorms = a.Flag("unfold-batchnorm"),
        };
        a.RejectUnknown();
        if (options.EffectiveTrainSizes.Append(options.Size).Any(size => size % 32 != 0 || size < 32))
            throw new ArgumentException("--size and --train-sizes must be positive multiples of 32");
        if (!LearningRateSchedule.Names.Contains(options.Schedule))
            throw new ArgumentException($"--schedule must be {string.Join(" or ", LearningRateSchedule.Names)}");
        if (new[] { options.PasteProbability, options.ShrinkProbability, options.GreyProbability, options.ExposureProbability, options.CutProbability, options.OcclusionProbability }.Any(p => p is < 0 or > 1))
            throw new ArgumentException("--paste, --shrink, --grey, --exposure, --cut and --occlude are probabilities between 0 and 1");
        if (options.OcclusionProbability > 0 && options.OccluderRoot is null)
            throw new ArgumentException("--occlude needs --occluders ROOT, a dataset whose training masks cut out the objects (e.g. ../shared/data/objects)");
        if (options.OccluderCount < 1) throw new ArgumentException("--occluder-count must be at least 1");
        if (options.MinCropArea is not (> 0 and <= 1))
            throw new ArgumentException("--min-crop is the smallest share of a photo's area a training crop covers: above 0, at most 1");
        if (options.WeightDecay is not (>= 0 and < 1))
            throw new ArgumentException("--weight-decay must be at least 0 and below 1 (AdamW's decoupled decay; 0.01-0.05 is usual)");
        if (options.UnfoldBatchNorms && (options.InitialWeights is null || !Cutout.Training.Onnx.OnnxImporter.IsOnnxPath(options.InitialWeights)))
            throw new ArgumentException("--unfold-batchnorm needs --init FILE.onnx (an export, whose BatchNorms are folded)");
        if (options.BatchSize < 1 || options.Epochs < 1) throw new ArgumentException("--batch and --epochs must be at least 1");
        var state = new Trainer(options, new ConsoleTrainingObserver()).Run();
        var best = Path.Combine(options.OutputDir, "best.bin");
        Console.WriteLine($"report: {Path.Combine(options.OutputDir, "report.json")}  " +
                          (File.Exists(best) ? $"best weights: {best}" : "no best weights yet: no validation has run"));
        return state.History.Count > 0 || state.TotalBatches > 0 ? 0 : 1;
    }
}
