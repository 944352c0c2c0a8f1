using Cutout.Training.Models;
using Cutout.Training.Models.Blocks;
using Cutout.Training.Models.Decoders;
using Cutout.Training.Models.Encoders;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Onnx;

/// <summary>Writes our model building blocks as ONNX nodes, one method per block, mirroring their forward().</summary>
public sealed class ModelWriter(LayerWriter layers)
{
    /// <summary>The whole U-Net: normalisation, encoder, decoder, head, and a Sigmoid named <paramref name="output"/>.</summary>
    public string Unet(string x, Unet model, string output)
    {
        var normalized = layers.SubtractMean(x, model.normalize.MeanValues);
        var features = Encoder(normalized, model.encoder);
        var decoded = Decoder(features, model.decoder);
        return layers.Sigmoid(layers.Conv(decoded, model.head), output);
    }

    public string[] Encoder(string x, Encoder encoder) => encoder switch
    {
        ResNet18Encoder r => ResNet18(x, r),
        Vgg16Encoder v => Vgg16(x, v),
        _ => throw new NotSupportedException($"no ONNX writer for encoder {encoder.GetType().Name}"),
    };

    string[] ResNet18(string x, ResNet18Encoder e)
    {
        var f1 = layers.Relu(layers.Conv(x, e.conv1, e.bn1));
        var y = layers.MaxPool(f1, 3, 2, 1);
        var features = new List<string> { f1 };
        for (int stage = 1; stage <= 4; stage++)
        {
            foreach (var block in e.Blocks(stage)) y = BasicBlock(y, block);
            features.Add(y);
        }
        return features.ToArray();
    }

    string BasicBlock(string x, BasicBlock b)
    {
        var y = layers.Relu(layers.Conv(x, b.conv1, b.bn1));
        y = layers.Conv(y, b.conv2, b.bn2);
        var shortcut = b.downsample is null ? x : layers.Conv(x, b.ShortcutConv!, b.ShortcutBn!);
        return layers.Relu(layers.Add(y, shortcut));
    }

    string[] Vgg16(string x, Vgg16Encoder e)
    {
        var taps = new string[5];
        var y = x;
        for (int b = 0; b < 5; b++)
        {
            foreach (var layer in e.blocks[b].children())
                y = layer switch
                {
                    Conv2d conv => layers.Conv(y, conv),
                    ReLU => layers.Relu(y),
                    _ => throw new NotSupportedException($"no ONNX writer for {layer.GetType().Name} in VGG16"),
                };
            taps[b] = y;
            y = layers.MaxPool(y, 2, 2, 0);
        }
        return [taps[1], taps[2], taps[3], taps[4], y];
    }

    public string Decoder(string[] features, UnetDecoder d)
    {
        var x = features[^1];
        if (d.center is not null)
            foreach (var block in d.center.children().Cast<Conv3x3BnReLU>()) x = ConvBnRelu(x, block);
        for (int i = 0; i < d.blocks.Count; i++)
        {
            int skipIndex = features.Length - 2 - i;
            var up = layers.Upsample2x(x);
            var joined = skipIndex >= 0 ? layers.Concat(up, features[skipIndex]) : up;
            x = ConvBnRelu(ConvBnRelu(joined, d.blocks[i].conv1), d.blocks[i].conv2);
        }
        return x;
    }

    string ConvBnRelu(string x, Conv3x3BnReLU block) => layers.Relu(layers.Conv(x, block.conv, block.bn));
}
