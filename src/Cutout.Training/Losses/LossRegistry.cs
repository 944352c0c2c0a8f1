namespace Cutout.Training.Losses;

/// <summary>Losses by name: "jaccard", "dice", "bce", "bce-jaccard", "bce-dice".</summary>
public static class LossRegistry
{
    static readonly Dictionary<string, Func<bool, ISegmentationLoss>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jaccard"] = perImage => new JaccardLoss(perImage),
        ["dice"] = perImage => new DiceLoss(perImage),
        ["bce"] = _ => new BceLoss(),
        ["bce-jaccard"] = perImage => new SumLoss("bce-jaccard", new BceLoss(), new JaccardLoss(perImage)),
        ["bce-dice"] = perImage => new SumLoss("bce-dice", new BceLoss(), new DiceLoss(perImage)),
    };

    public static IReadOnlyList<string> Names { get; } = Factories.Keys.ToArray();

    /// <param name="perImage">Jaccard/Dice: average per-image scores instead of pooling the batch's pixels (BCE is unaffected).</param>
    public static ISegmentationLoss Create(string name, bool perImage = false) =>
        Factories.TryGetValue(name, out var factory)
            ? factory(perImage)
            : throw new ArgumentException($"unknown loss '{name}'; known: {string.Join(", ", Names)}", nameof(name));
}
