namespace Cutout;

public sealed record RemovalResult(byte[] Data, string ContentType, string Extension, int Width, int Height,
                                   TimeSpan ModelTime, TimeSpan TotalTime);
