namespace Cutout.Training.Models.Encoders;

/// <summary>Encoders by name.</summary>
public static class EncoderRegistry
{
    static readonly Dictionary<string, Func<bool, Encoder>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["resnet18"] = pretrained =>
        {
            var encoder = new ResNet18Encoder();
            if (pretrained) ResNet18ImageNetWeights.Load(encoder);
            return encoder;
        },
        // No ImageNet VGG16 weights are available here: always random init, whatever "pretrained" says.
        ["vgg16"] = _ => new Vgg16Encoder(),
    };

    public static IReadOnlyList<string> Names { get; } = Factories.Keys.ToArray();

    public static bool HasPretrainedWeights(string name) => name.Equals("resnet18", StringComparison.OrdinalIgnoreCase);

    public static Encoder Create(string name, bool pretrained) =>
        Factories.TryGetValue(name, out var factory)
            ? factory(pretrained)
            : throw new ArgumentException($"unknown encoder '{name}'; known: {string.Join(", ", Names)}", nameof(name));
}
