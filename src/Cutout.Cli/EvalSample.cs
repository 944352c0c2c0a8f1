namespace Cutout.Cli;

/// <summary>One evaluated image: its scores, timings, and small previews for the HTML report.</summary>
sealed record EvalSample(string Name, string PhotoPath, SegmentationScore Score, AlphaQuality Quality, double ModelMs,
                         double TotalMs, byte[] PredictionThumbnail, byte[] CutoutThumbnail)
{
    /// <summary>The file-name part before the first '_' (the source collection), or the whole stem.</summary>
    public string Prefix => LabelledPair.SourceOf(Name);
}
