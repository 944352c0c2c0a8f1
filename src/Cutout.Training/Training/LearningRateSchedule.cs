namespace Cutout.Training.Training;

/// <summary>
/// Learning-rate multiplier as a pure function of how far the run is, so a resumed run continues the same curve.
/// <c>constant</c> keeps the base rate; <c>cosine</c> warms up linearly, then decays along a half cosine to 1 % of it.
/// </summary>
public static class LearningRateSchedule
{
    public static readonly string[] Names = ["constant", "cosine"];
    const double Floor = 0.01;

    public static double Factor(string schedule, int batchesDone, int totalBatches, int warmupBatches) => schedule switch
    {
        "constant" => 1.0,
        "cosine" => Cosine(batchesDone, Math.Max(1, totalBatches), Math.Max(0, warmupBatches)),
        _ => throw new ArgumentException($"unknown learning-rate schedule '{schedule}' (use {string.Join(" or ", Names)})"),
    };

    static double Cosine(int done, int total, int warmup)
    {
        if (done < warmup) return (done + 1.0) / (warmup + 1.0);
        double progress = Math.Clamp((double)(done - warmup) / Math.Max(1, total - warmup), 0, 1);
        return Floor + (1 - Floor) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}
