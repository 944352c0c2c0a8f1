namespace Cutout;

/// <param name="Model">The model that made the matte (with "auto": the one the rule chose).</param>
/// <param name="SubjectFound">False when under 0.1 % of the pixels reach alpha 0.5: the cut-out is (nearly) empty.</param>
public sealed record RemovalResult(byte[] Data, string ContentType, string Extension, int Width, int Height,
                                   TimeSpan ModelTime, TimeSpan TotalTime, string Model = "", bool SubjectFound = true);
