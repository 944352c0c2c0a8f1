using System.Diagnostics;
using Cutout.Training.Data;
using Cutout.Training.Losses;
using Cutout.Training.Metrics;
using Cutout.Training.Models;
using Cutout.Training.Native;
using Cutout.Training.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Cutout.Training.Training;

/// <summary>
/// Adam (or AdamW) training with per-epoch validation, early stopping on validation loss, checkpoints (every epoch and every
/// N batches) and exact resume after a kill, and a JSON + PNG report.
/// </summary>
public sealed class Trainer(TrainingOptions options, ITrainingObserver observer)
{
    public TrainingState Run()
    {
        torch.set_num_threads(options.Threads);
        torch.manual_seed(options.Seed);
        TorchRuntime.ApplyEnvironment();
        observer.Message(TorchRuntime.Describe());
        Directory.CreateDirectory(options.OutputDir);

        var trainPairs = DatasetReader.ReadRoots(options.DataRoot, options.TrainSplit);
        if (options.Limit > 0) trainPairs = trainPairs.Take(options.Limit).ToList();
        var validationPairs = DatasetReader.ReadRoots(options.DataRoot, options.ValidationSplit);
        observer.Message($"decoding {trainPairs.Count} training and {validationPairs.Count} validation pairs");
        var train = DatasetReader.LoadAll(trainPairs, (int)Math.Round(options.EffectiveTrainSizes.Max() * options.CacheScale));
        var validation = DatasetReader.LoadAll(validationPairs, 2 * options.Size);

        if (options.EffectiveTrainSizes is { Length: > 1 } sizes)
            observer.Message($"training at {string.Join(", ", sizes)} px (one size drawn per batch), validating at {options.Size} px");
        if (options.SourceWeights is { Count: > 0 } weights)
            observer.Message($"training pairs drawn per epoch, by source: {SourceWeights.Describe(train, weights)}");
        var occluders = LoadOccluders();
        var trainBatches = new BatchSource(train, options.EffectiveTrainSizes.Select(size => new Augmenter(options.Augmentation, size, size, occluders)).ToList(), options.Seed, options.SourceWeights);
        var validationBatches = new BatchSource(validation, new Augmenter(AugmentationOptions.None, options.Size, options.Size), options.Seed);

        using var model = ModelRegistry.Create(options.Architecture);
        if (options.InitialWeights != null) observer.Message(InitialWeights.Load(model, options.InitialWeights));
        ConfigureTrainableLayers(model);
        var loss = LossRegistry.Create(options.Loss, options.PerImageLoss);
        using var optimizer = OptimizerFactory.Create(model, options);
        var store = new CheckpointStore(options.OutputDir);

        var saved = store.Peek();
        if (saved is not null)
        {
            CheckResumable(saved.Options);
            store.LoadWeights(model, optimizer);
        }
        var state = saved is null ? new TrainingState { Options = options } : Resumed(saved);
        if (saved is null && options.UnfoldBatchNorms) UnfoldBatchNorms(model, train);
        ConfigureTrainableLayers(model);
        FreezeFoldedBatchNorms(model);

        while (!state.Stopped && state.CompletedEpochs < options.Epochs)
        {
            state = TrainEpoch(model, optimizer, loss, trainBatches, store, state);
            if (state.Stopped) break;
            state = Validate(model, loss, validationBatches, store, state);
            store.Save(model, optimizer, state);
            TrainingReport.Write(options.OutputDir, state);
        }
        if (!state.Stopped) state = state with { Stopped = true, StopReason = $"finished {options.Epochs} epochs" };
        store.Save(model, optimizer, state);
        TrainingReport.Write(options.OutputDir, state);
        observer.Message($"stopped: {state.StopReason}; " + (state.BestEpoch > 0
            ? $"best validation loss {state.BestValidationLoss:F4} at epoch {state.BestEpoch}"
            : "no validation has run yet"));
        return state;
    }

    /// <summary>Checked before the checkpoint loads: another network or optimizer would not load or would load wrongly.</summary>
    void CheckResumable(TrainingOptions saved)
    {
        if (saved.Architecture != options.Architecture || saved.Size != options.Size)
            throw new InvalidOperationException(
                $"{options.OutputDir} holds a {saved.Architecture} run at {saved.Size} px; use another --out");
        if ((saved.WeightDecay > 0) != (options.WeightDecay > 0))
            throw new InvalidOperationException(
                $"{options.OutputDir} holds a run trained {(saved.WeightDecay > 0 ? $"with --weight-decay {saved.WeightDecay}" : "without --weight-decay")}; " +
                "resume it the same way or use another --out");
    }

    TrainingState Resumed(TrainingState saved)
    {
        observer.Message($"resuming from {options.OutputDir}: epoch {saved.CompletedEpochs + 1}, batch {saved.BatchInEpoch}");
        var more = saved.Stopped && saved.CompletedEpochs < options.Epochs && saved.StopReason?.StartsWith("max") == true;
        return saved with { Options = options, Stopped = saved.Stopped && !more, StopReason = more ? null : saved.StopReason };
    }

    /// <summary>The objects that <see cref="Occluder"/> puts in front of the training pictures; null without <c>--occlude</c>.</summary>
    IReadOnlyList<SegmentationSample>? LoadOccluders()
    {
        if (options.OcclusionProbability <= 0 || options.OccluderRoot is null) return null;
        var pairs = DatasetReader.Read(options.OccluderRoot, options.TrainSplit);
        int count = Math.Min(options.OccluderCount, pairs.Count);
        var chosen = Enumerable.Range(0, count).Select(i => pairs[(int)((long)i * pairs.Count / count)]).ToList();
        observer.Message($"decoding {count} occluders from {options.OccluderRoot}");
        return DatasetReader.LoadAll(chosen, options.EffectiveTrainSizes.Max());
    }

    void ConfigureTrainableLayers(SegmentationModel model)
    {
        model.FreezeEncoder(options.FreezeEncoder);
        if (!options.FreezeEncoder && options.UnfreezeFromStage > 0) model.UnfreezeEncoderStages(options.UnfreezeFromStage);
    }

    /// <summary>Statistics for the folded BatchNorms, measured on the first training photos in a fixed order (whatever the seed), unaugmented.</summary>
    void UnfoldBatchNorms(SegmentationModel model, IReadOnlyList<Data.SegmentationSample> train)
    {
        if (model is not Unet unet) throw new NotSupportedException($"--unfold-batchnorm: no layer walk for {model.GetType().Name}");
        var source = new BatchSource(train, new Augmenter(AugmentationOptions.None, options.Size, options.Size), UnfoldSeed);
        var order = source.EpochOrder(0, shuffle: true).Take(UnfoldPhotos).ToArray();
        var inputs = source.Batches(order, options.BatchSize, 0, 0).Select(b => b.Inputs());
        int unfolded = FoldedBatchNorm.Unfold(unet, inputs);
        observer.Message($"{unfolded} folded BatchNorm layers given statistics measured on {order.Length} training photos: they train as ordinary ones");
    }

    const int UnfoldPhotos = 128;

    /// <summary>The same photos for every <c>--seed</c>, so runs from one export start from the same weights and can be averaged.</summary>
    const int UnfoldSeed = 42;

    /// <summary>Weights that came from an ONNX export (directly or through a checkpoint of such a run) have their BatchNorms folded.</summary>
    void FreezeFoldedBatchNorms(SegmentationModel model)
    {
        var folded = FoldedBatchNorm.In(model);
        if (folded.Count == 0) return;
        model.FreezeBatchNorms(folded);
        observer.Message($"{folded.Count} BatchNorm layers hold weights folded by the ONNX export: kept in eval mode (running statistics fixed)");
    }

    void ApplySchedule(TorchSharp.Modules.OptimizerHelper optimizer, int batchesDone, int totalBatches)
    {
        double factor = LearningRateSchedule.Factor(options.Schedule, batchesDone, totalBatches, options.WarmupBatches);
        double[] baseRates = [options.LearningRate, options.EncoderLearningRate];
        int i = 0;
        foreach (var group in optimizer.ParamGroups) group.LearningRate = baseRates[i++] * factor;
    }

    TrainingState TrainEpoch(SegmentationModel model, TorchSharp.Modules.OptimizerHelper optimizer, ISegmentationLoss loss,
                             BatchSource batches, CheckpointStore store, TrainingState state)
    {
        int epoch = state.CompletedEpochs + 1;
        var order = batches.EpochOrder(epoch, shuffle: true);
        int batchCount = (order.Length + options.BatchSize - 1) / options.BatchSize;
        observer.EpochStarted(epoch, options.Epochs, batchCount, state.BatchInEpoch);
        model.train();
        var clock = Stopwatch.StartNew();
        double startSeconds = state.RunningSeconds;
        int startImages = state.RunningImages;
        foreach (var batch in batches.Batches(order, options.BatchSize, epoch, state.BatchInEpoch))
        {
            using (NewDisposeScope())
            {
                using var inputs = batch.Inputs();
                using var targets = batch.Targets();
                ApplySchedule(optimizer, state.TotalBatches, batchCount * options.Epochs);
                optimizer.zero_grad();
                var logits = model.forward(inputs);
                var value = loss.Compute(logits, targets);
                float lossValue = value.item<float>();
                if (!float.IsFinite(lossValue))
                    throw new NonFiniteTrainingException("training", epoch, batch.Index + 1,
                        FiniteCheck.DescribeLoss(inputs, targets, logits, lossValue));
                value.backward();
                double gradientNorm = FiniteCheck.GradientNorm(model);
                if (!double.IsFinite(gradientNorm))
                    throw new NonFiniteTrainingException("training", epoch, batch.Index + 1,
                        FiniteCheck.DescribeGradients(model, gradientNorm));
                optimizer.step();
                var (intersection, union) = IouMetric.Sums(logits, targets);
                state = state with
                {
                    BatchInEpoch = batch.Index + 1,
                    TotalBatches = state.TotalBatches + 1,
                    RunningLoss = state.RunningLoss + lossValue * batch.Count,
                    RunningIntersection = state.RunningIntersection + intersection,
                    RunningUnion = state.RunningUnion + union,
                    RunningImages = state.RunningImages + batch.Count,
                    RunningSeconds = startSeconds + clock.Elapsed.TotalSeconds,
                };
            }
            double speed = (state.RunningImages - startImages) / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
            observer.BatchFinished(epoch, batch.Index + 1, state.RunningLoss / state.RunningImages,
                                   state.RunningIntersection / Math.Max(1, state.RunningUnion), speed);
            if (options.MaxBatches > 0 && state.TotalBatches >= options.MaxBatches)
                return state with { Stopped = true, StopReason = $"max batches ({options.MaxBatches}) reached" };
            if (options.CheckpointEveryBatches > 0 && state.BatchInEpoch % options.CheckpointEveryBatches == 0)
                store.Save(model, optimizer, state);
        }
        return state;
    }

    TrainingState Validate(SegmentationModel model, ISegmentationLoss loss, BatchSource batches, CheckpointStore store, TrainingState state)
    {
        int epoch = state.CompletedEpochs + 1;
        observer.ValidationStarted(epoch, batches.Count);
        model.eval();
        double lossSum = 0;
        var perImage = new List<(string Id, double Iou)>();
        using (no_grad())
        {
            foreach (var batch in batches.Batches(batches.EpochOrder(epoch, shuffle: false), options.BatchSize, epoch, 0))
            {
                using var scope = NewDisposeScope();
                using var inputs = batch.Inputs();
                using var targets = batch.Targets();
                var logits = model.forward(inputs);
                float batchLoss = loss.Compute(logits, targets).item<float>();
                if (!float.IsFinite(batchLoss))
                    throw new NonFiniteTrainingException("validation", epoch, batch.Index + 1,
                        FiniteCheck.DescribeLoss(inputs, targets, logits, batchLoss));
                lossSum += batchLoss * batch.Count;
                var ious = IouMetric.PerImage(logits, targets);
                perImage.AddRange(batch.Ids.Zip(ious, (id, iou) => (id, iou)));
            }
        }
        double validationLoss = lossSum / batches.Count;
        bool improved = validationLoss < state.BestValidationLoss - 1e-4;
        if (improved) store.SaveBest(model);
        var record = new EpochRecord(
            epoch,
            state.RunningLoss / Math.Max(1, state.RunningImages),
            state.RunningIntersection / Math.Max(1, state.RunningUnion),
            validationLoss,
            perImage.Average(p => p.Iou),
            perImage.GroupBy(p => Data.SegmentationSample.SourceOf(p.Id))
                    .ToDictionary(g => g.Key, g => g.Average(p => p.Iou)),
            state.RunningSeconds,
            state.RunningImages / Math.Max(1e-9, state.RunningSeconds));
        observer.EpochFinished(record, improved);
        int without = improved ? 0 : state.EpochsWithoutImprovement + 1;
        bool stop = without >= options.Patience;
        return state with
        {
            CompletedEpochs = epoch, BatchInEpoch = 0,
            RunningLoss = 0, RunningIntersection = 0, RunningUnion = 0, RunningImages = 0, RunningSeconds = 0,
            BestValidationLoss = improved ? validationLoss : state.BestValidationLoss,
            BestEpoch = improved ? epoch : state.BestEpoch,
            EpochsWithoutImprovement = without,
            Stopped = stop,
            StopReason = stop ? $"early stop: validation loss did not improve for {options.Patience} epochs" : null,
            History = [.. state.History, record],
        };
    }
}
