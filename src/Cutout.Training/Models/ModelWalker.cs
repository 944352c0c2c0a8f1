using Cutout.Training.Models.Blocks;
using Cutout.Training.Models.Decoders;
using Cutout.Training.Models.Encoders;
using TorchSharp.Modules;

namespace Cutout.Training.Models;

/// <summary>
/// Walks our building blocks layer by layer in forward order, mirroring their forward() methods, and hands each layer to a
/// visitor: the ONNX exporter and the summary table share this one description of the graph.
/// </summary>
public sealed class ModelWalker<T>(ILayerVisitor<T> v)
{
    /// <summary>The whole U-Net up to the sigmoid (normalisation, encoder, decoder, head, sigmoid).</summary>
    public T Unet(T x, Unet model)
    {
        var normalized = v.SubtractMean(x, model.normalize.MeanValues, "normalize");
        var features = Encoder(normalized, model.encoder);
        var decoded = Decoder(features, model.decoder);
        return v.Sigmoid(v.Conv(decoded, model.head, null, "final_conv"), "sigmoid");
    }

    public T[] Encoder(T x, Encoder encoder) => encoder switch
    {
        ResNet18Encoder r => ResNet18(x, r),
        Vgg16Encoder g => Vgg16(x, g),
        _ => throw new NotSupportedException($"no layer walk for encoder {encoder.GetType().Name}"),
    };

    T[] ResNet18(T x, ResNet18Encoder e)
    {
        var f1 = v.Relu(v.Conv(x, e.conv1, e.bn1, "conv1"), "relu1");
        var y = v.MaxPool(f1, 3, 2, 1, "maxpool");
        var features = new List<T> { f1 };
        for (int stage = 1; stage <= 4; stage++)
        {
            int i = 0;
            foreach (var block in e.Blocks(stage)) y = BasicBlock(y, block, $"layer{stage}.{i++}");
            features.Add(y);
        }
        return features.ToArray();
    }

    T BasicBlock(T x, BasicBlock b, string name)
    {
        var y = v.Relu(v.Conv(x, b.conv1, b.bn1, name + ".conv1"), name + ".relu1");
        y = v.Conv(y, b.conv2, b.bn2, name + ".conv2");
        var shortcut = b.downsample is null ? x : v.Conv(x, b.ShortcutConv!, b.ShortcutBn!, name + ".downsample");
        return v.Relu(v.Add(y, shortcut, name + ".add"), name + ".relu2");
    }

    T[] Vgg16(T x, Vgg16Encoder e)
    {
        var taps = new T[5];
        var y = x;
        for (int b = 0; b < 5; b++)
        {
            int conv = 0;
            foreach (var layer in e.blocks[b].children())
                y = layer switch
                {
                    Conv2d c => v.Conv(y, c, null, $"block{b + 1}_conv{++conv}"),
                    ReLU => v.Relu(y, $"block{b + 1}_conv{conv}_relu"),
                    _ => throw new NotSupportedException($"no layer walk for {layer.GetType().Name} in VGG16"),
                };
            taps[b] = y;
            y = v.MaxPool(y, 2, 2, 0, $"block{b + 1}_pool");
        }
        return [taps[1], taps[2], taps[3], taps[4], y];
    }

    public T Decoder(T[] features, UnetDecoder d)
    {
        var x = features[^1];
        if (d.context is not null) x = GlobalContext(x, d.context);
        if (d.atrous is not null) x = AtrousContext(x, d.atrous);
        if (d.center is not null)
        {
            int i = 0;
            foreach (var block in d.center.children().Cast<Conv3x3BnReLU>()) x = ConvBnRelu(x, block, $"center_block{++i}");
        }
        for (int i = 0; i < d.blocks.Count; i++)
        {
            int skipIndex = features.Length - 2 - i;
            var up = v.Upsample2x(x, $"decoder_stage{i}_upsampling");
            var joined = skipIndex >= 0 ? v.Concat(up, features[skipIndex], $"decoder_stage{i}_concat") : up;
            x = ConvBnRelu(ConvBnRelu(joined, d.blocks[i].conv1, $"decoder_stage{i}a"), d.blocks[i].conv2, $"decoder_stage{i}b");
        }
        return x;
    }

    T GlobalContext(T x, GlobalContext c)
    {
        var pooled = v.GlobalAveragePool(x, "context_pool");
        var context = v.Conv(v.Relu(v.Conv(pooled, c.reduce, null, "context_reduce"), "context_relu"), c.expand, null, "context_expand");
        return v.Add(x, context, "context_add");
    }

    T AtrousContext(T x, AtrousContext c)
    {
        var near = v.Relu(v.Conv(x, c.near, null, "atrous_near"), "atrous_near_relu");
        var far = v.Relu(v.Conv(x, c.far, null, "atrous_far"), "atrous_far_relu");
        var context = v.Conv(v.Concat(near, far, "atrous_concat"), c.project, null, "atrous_project");
        return v.Add(x, context, "atrous_add");
    }

    T ConvBnRelu(T x, Conv3x3BnReLU block, string name) => v.Relu(v.Conv(x, block.conv, block.bn, name + "_conv"), name + "_relu");
}
