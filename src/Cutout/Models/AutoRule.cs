namespace Cutout;

/// <summary>
/// The "auto" model: the people model first, because people are always the subject when there are any; the general
/// model when no person covers at least <see cref="MinPersonShare"/> of the frame (at the model's resolution).
/// The threshold was chosen on people/val and objects/val together (README, "Which model").
/// </summary>
public static class AutoRule
{
    public const double MinPersonShare = 0.01;

    public static bool KeepPeople(ReadOnlySpan<float> peopleAlpha, double minPersonShare = MinPersonShare) =>
        SubjectCoverage.Share(peopleAlpha) >= minPersonShare;
}
