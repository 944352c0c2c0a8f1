namespace Cutout.Training.Training;

/// <summary>A loss or gradient turned NaN or infinite: the run stops at once instead of training on garbage.</summary>
public sealed class NonFiniteTrainingException(string phase, int epoch, int batch, string quantity)
    : Exception($"{phase} stopped at epoch {epoch}, batch {batch}: {quantity} is not finite")
{
    public int Epoch => epoch;
    public int Batch => batch;
    public string Quantity => quantity;
}
