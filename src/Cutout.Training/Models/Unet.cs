using Cutout.Training.Models.Blocks;
using Cutout.Training.Models.Decoders;
using Cutout.Training.Models.Encoders;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models;

/// <summary>U-Net: input normalisation, an encoder, smp's U-Net decoder and a 3x3 conv head to one logit channel.</summary>
public sealed class Unet : SegmentationModel
{
    public readonly Normalize normalize;
    public readonly Encoder encoder;
    public readonly UnetDecoder decoder;
    public readonly Conv2d head;

    readonly string encoderName;
    bool encoderBatchNormFrozen;
    readonly HashSet<BatchNorm2d> frozenBatchNorms = new(ReferenceEqualityComparer.Instance);

    public Unet(string encoderName, Encoder encoder, bool centerBlock, bool globalContext = false, bool atrousContext = false) : base("Unet")
    {
        this.encoderName = encoderName;
        this.encoder = encoder;
        normalize = new Normalize(encoder.InputMean);
        decoder = new UnetDecoder(encoder.OutChannels, centerBlock, globalContext, atrousContext);
        head = nn.Conv2d(decoder.OutChannels, 1, 3, padding: 1);
        nn.init.xavier_uniform_(head.weight);
        nn.init.zeros_(head.bias!);
        RegisterComponents();
    }

    public override string Architecture =>
        "unet-" + encoderName + (decoder.context is null ? "" : GlobalContextSuffix) + (decoder.atrous is null ? "" : AtrousContextSuffix);

    /// <summary>Marks an architecture whose decoder starts with a <see cref="GlobalContext"/>.</summary>
    public const string GlobalContextSuffix = "-gc";

    /// <summary>Marks an architecture whose decoder starts with an <see cref="AtrousContext"/> (after the global context).</summary>
    public const string AtrousContextSuffix = "-atrous";

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var features = encoder.forward(normalize.forward(x));
        return head.forward(decoder.forward(features)).MoveToOuterDisposeScope();
    }

    public override IEnumerable<Parameter> EncoderParameters() => encoder.parameters();

    public override IEnumerable<Parameter> DecoderParameters() => decoder.parameters().Concat(head.parameters());

    public override void FreezeEncoder(bool frozen)
    {
        foreach (var p in encoder.parameters()) p.requires_grad = !frozen;
        encoderBatchNormFrozen = frozen;
        ApplyBatchNormMode();
    }

    public override void FreezeBatchNorms(IEnumerable<BatchNorm2d> batchNorms)
    {
        frozenBatchNorms.UnionWith(batchNorms);
        ApplyBatchNormMode();
    }

    public override void UnfreezeEncoderStages(int fromStage)
    {
        FreezeEncoder(true);
        for (int s = Math.Max(fromStage, 0); s < encoder.Stages.Count; s++)
            foreach (var module in encoder.Stages[s])
                foreach (var conv in module.modules().Prepend(module).OfType<Conv2d>())
                    foreach (var p in conv.parameters()) p.requires_grad = true;
    }

    public override void train(bool on = true)
    {
        base.train(on);
        ApplyBatchNormMode();
    }

    void ApplyBatchNormMode()
    {
        if (!training) return;
        if (encoderBatchNormFrozen)
            foreach (var bn in encoder.BatchNorms()) bn.eval();
        foreach (var bn in frozenBatchNorms) bn.eval();
    }
}
