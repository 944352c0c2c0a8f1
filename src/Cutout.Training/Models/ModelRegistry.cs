using Cutout.Training.Models.Encoders;

namespace Cutout.Training.Models;

/// <summary>Segmentation architectures by name: "&lt;decoder&gt;-&lt;encoder&gt;", e.g. "unet-resnet18", then "-gc" where the
/// decoder starts with a global context block and "-atrous" where an atrous context block follows.</summary>
public static class ModelRegistry
{
    static readonly Dictionary<string, Func<bool, SegmentationModel>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["unet-resnet18"] = pretrained => new Unet("resnet18", EncoderRegistry.Create("resnet18", pretrained), centerBlock: false),
        ["unet-resnet18" + Unet.GlobalContextSuffix] = pretrained =>
            new Unet("resnet18", EncoderRegistry.Create("resnet18", pretrained), centerBlock: false, globalContext: true),
        ["unet-resnet18" + Unet.GlobalContextSuffix + Unet.AtrousContextSuffix] = pretrained =>
            new Unet("resnet18", EncoderRegistry.Create("resnet18", pretrained), centerBlock: false, globalContext: true, atrousContext: true),
        ["unet-vgg16"] = pretrained => new Unet("vgg16", EncoderRegistry.Create("vgg16", pretrained), centerBlock: true),
    };

    public static IReadOnlyList<string> Names { get; } = Factories.Keys.ToArray();

    /// <summary>Builds a model. <paramref name="pretrained"/> loads ImageNet encoder weights where they exist (ResNet18; VGG16 has none here).</summary>
    public static SegmentationModel Create(string architecture, bool pretrained = true) =>
        Factories.TryGetValue(architecture, out var factory)
            ? factory(pretrained)
            : throw new ArgumentException($"unknown architecture '{architecture}'; known: {string.Join(", ", Names)}", nameof(architecture));
}
