using Cutout.Training.Losses;
using Xunit;
using static TorchSharp.torch;

namespace Cutout.Training.Tests.Losses;

/// <summary>
/// Two 2x2 images, values hand-computed (s = 1e-5 changes nothing at this precision).
/// A: logits all 0 → p = 0.5 everywhere; target [1,1,0,0]: I = 1, Σp = 2, Σt = 2, U = 3.
/// B: logits [20,20,-20,-20] → p = [1,1,0,0]; target [1,0,0,0]: I = 1, Σp = 2, Σt = 1, U = 2.
/// </summary>
public sealed class LossTests
{
    static (Tensor Logits, Tensor Target) Batch() => (
        tensor(new float[] { 0, 0, 0, 0, 20, 20, -20, -20 }).reshape(2, 1, 2, 2),
        tensor(new float[] { 1, 1, 0, 0, 1, 0, 0, 0 }).reshape(2, 1, 2, 2));

    static double Loss(string name, bool perImage)
    {
        var (logits, target) = Batch();
        using (logits) using (target)
        using (var value = LossRegistry.Create(name, perImage).Compute(logits, target))
        {
            Assert.Equal(0, value.dim());
            return value.item<float>();
        }
    }

    // Jaccard per image: A 1 - 1/3 = 0.666667, B 1 - 1/2 = 0.5 → mean 0.583333. Batch: I = 2, U = 5 → 1 - 2/5 = 0.6.
    [Theory]
    [InlineData("jaccard", true, 0.583333)]
    [InlineData("jaccard", false, 0.6)]
    // Dice per image: A 1 - 2/4 = 0.5, B 1 - 2/3 = 0.333333 → mean 0.416667. Batch: 2I = 4, Σp + Σt = 7 → 1 - 4/7 = 0.428571.
    [InlineData("dice", true, 0.416667)]
    [InlineData("dice", false, 0.428571)]
    // BCE: A four pixels of ln 2 = 0.693147; B: one pixel z=20,t=0 costs ln(1 + e^20) = 20, the others ~0 → (2.772589 + 20) / 8.
    [InlineData("bce", false, 2.846574)]
    [InlineData("bce", true, 2.846574)]
    // BCE + Jaccard (batch): 2.846574 + 0.6.
    [InlineData("bce-jaccard", false, 3.446574)]
    [InlineData("bce-jaccard", true, 3.429907)]
    public void Matches_hand_computed_value(string name, bool perImage, double expected) =>
        Assert.Equal(expected, Loss(name, perImage), 4);

    [Theory]
    [InlineData("jaccard")]
    [InlineData("dice")]
    [InlineData("bce")]
    [InlineData("bce-jaccard")]
    public void A_confident_correct_prediction_costs_nothing_and_gradients_flow(string name)
    {
        using var target = tensor(new float[] { 1, 0, 0, 1 }).reshape(1, 1, 2, 2);
        using var logits = (target * 40 - 20).detach().requires_grad_(true);
        using var value = LossRegistry.Create(name).Compute(logits, target);
        Assert.Equal(0, value.item<float>(), 4);
        value.backward();
        Assert.False(logits.grad!.isnan().any().item<bool>());
    }

    [Fact]
    public void Empty_target_and_empty_prediction_score_zero_loss_thanks_to_the_smoothing()
    {
        using var target = zeros(1, 1, 2, 2);
        using var logits = full(1, 1, 2, 2, -30f);
        using var jaccard = new JaccardLoss(perImage: true).Compute(logits, target);
        Assert.Equal(0, jaccard.item<float>(), 4);
    }

    [Fact]
    public void Unknown_name_is_rejected() => Assert.Throws<ArgumentException>(() => LossRegistry.Create("focal"));
}
