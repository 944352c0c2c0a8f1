using Cutout.Training.Onnx.Proto;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models.Encoders;

/// <summary>
/// Loads the ImageNet weights of Microsoft.ML.DnnImageFeaturizer.ResNet18's ResNet18.onnx (CNTK export) into a
/// <see cref="ResNet18Encoder"/>: 110 initializers by the name map below, conv1 flipped from BGR to RGB input channels.
/// </summary>
public static class ResNet18ImageNetWeights
{
    public const string FileName = "resnet18-imagenet.onnx";

    /// <summary>CUTOUT_RESNET18_ONNX if set, else encoders/resnet18-imagenet.onnx next to the application.</summary>
    public static string DefaultPath =>
        Environment.GetEnvironmentVariable("CUTOUT_RESNET18_ONNX") is { Length: > 0 } env
            ? env
            : Path.Combine(AppContext.BaseDirectory, "encoders", FileName);

    /// <summary>(conv1, bn1 base, conv2, bn2 base, shortcut conv, shortcut bn base) per block, stage by stage.</summary>
    static readonly (int C1, int B1, int C2, int B2, int? Sc, int? Sb)[][] BlockMap =
    [
        [(86, 113, 82, 127, null, null), (77, 144, 73, 158, null, null)],
        [(68, 175, 64, 189, 199, 203), (59, 220, 55, 234, null, null)],
        [(50, 251, 46, 265, 275, 279), (41, 296, 37, 310, null, null)],
        [(32, 327, 28, 341, 351, 355), (23, 372, 19, 386, null, null), (14, 403, 10, 417, null, null)],
    ];

    public static void Load(ResNet18Encoder encoder, string? path = null)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
            throw new FileNotFoundException($"ImageNet ResNet18 weights not found at {path} (set CUTOUT_RESNET18_ONNX or build Cutout.Training, which copies them)", path);
        var tensors = OnnxModel.Load(path).Graph.Initializers.ToDictionary(t => t.Name);
        int used = 0;

        Tensor Get(string name, Tensor like)
        {
            if (!tensors.TryGetValue(name, out var t)) throw new InvalidDataException($"{path}: initializer {name} missing");
            if (t.ElementCount != like.numel()) throw new InvalidDataException($"{path}: {name} has {t.ElementCount} values, expected {like.numel()}");
            used++;
            return tensor(t.ToFloats()).reshape(like.shape);
        }

        void Conv(Conv2d conv, int id, bool flipInputChannels = false)
        {
            using var w = Get($"Parameter{id}", conv.weight);
            using var rgb = flipInputChannels ? w.flip(1) : w.alias();
            conv.weight.copy_(rgb);
        }

        void Bn(BatchNorm2d bn, int id)
        {
            using (var w = Get($"Parameter{id}", bn.weight!)) bn.weight!.copy_(w);
            using (var b = Get($"Parameter{id + 1}", bn.bias!)) bn.bias!.copy_(b);
            using (var m = Get($"Constant{id + 2}", bn.running_mean!)) bn.running_mean!.copy_(m);
            using (var v = Get($"Constant{id + 3}", bn.running_var!)) bn.running_var!.copy_(v);
        }

        using (no_grad())
        {
            Conv(encoder.conv1, 91, flipInputChannels: true);
            Bn(encoder.bn1, 96);
            for (int stage = 1; stage <= 4; stage++)
            {
                var blocks = encoder.Blocks(stage).ToArray();
                var map = BlockMap[stage - 1];
                if (blocks.Length != map.Length) throw new InvalidOperationException($"stage {stage}: {blocks.Length} blocks, map has {map.Length}");
                for (int i = 0; i < blocks.Length; i++)
                {
                    var (c1, b1, c2, b2, sc, sb) = map[i];
                    Conv(blocks[i].conv1, c1); Bn(blocks[i].bn1, b1);
                    Conv(blocks[i].conv2, c2); Bn(blocks[i].bn2, b2);
                    if (sc is { } scId) { Conv(blocks[i].ShortcutConv!, scId); Bn(blocks[i].ShortcutBn!, sb!.Value); }
                }
            }
        }
        if (used != 110) throw new InvalidDataException($"{path}: used {used} initializers, expected 110");
    }
}
