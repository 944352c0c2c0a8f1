namespace Cutout.Server.Api;

/// <summary>Response headers of POST /api/remove beside the image.</summary>
internal static class CutoutHeaders
{
    /// <summary>The model that made the cut-out (with model=auto: the one the rule chose).</summary>
    public const string Model = "Cutout-Model";

    /// <summary>"false" when the model found no subject (under 0.1 % of the pixels at alpha 0.5 or more): the image is (nearly) empty.</summary>
    public const string SubjectFound = "Cutout-Subject-Found";
}
