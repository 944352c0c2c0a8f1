namespace Cutout.Tests.Video;

/// <summary>
/// Clips made with ffmpeg from samples/astronaut.png, once per test run: small (320x240, 12 frames/s, 2 s) so that
/// every test stays quick on two busy cores.
/// </summary>
public static class TestClips
{
    public const int Width = 320, Height = 240, Rate = 12, Seconds = 2, Frames = Rate * Seconds;
    const string Size = "320x240";

    static readonly Lazy<string> Folder = new(() => TestTemp.Folder("clips-"));
    static readonly Lazy<string> LazyPanZoom = new(() => Make("pan zoom.mp4", $"zoompan=z='1+0.004*on':x='on*2':y='ih/2-(ih/zoom/2)':d=1:s={Size}:fps={Rate}", audio: true));
    static readonly Lazy<string> LazyFastPan = new(() => Make("fast pan.mp4", $"zoompan=z=1.5:x='on*8':y='ih/2-(ih/zoom/2)':d=1:s={Size}:fps={Rate}", audio: false));
    static readonly Lazy<string> LazyStill = new(() => Make("still noisy.mp4", $"scale={Size},noise=alls=8:allf=t", audio: false));

    /// <summary>The photo panned and zoomed, H.264 + AAC (a 440 Hz tone) in MP4.</summary>
    public static string PanZoom => LazyPanZoom.Value;

    /// <summary>The photo panned by 6 pixels a frame (mean luma change about 26 levels a frame, under a scene cut): edges that must not trail.</summary>
    public static string FastPan => LazyFastPan.Value;

    /// <summary>The photo held still with temporal sensor-like noise, H.264 in MP4, no audio: what smoothing is for.</summary>
    public static string StillNoisy => LazyStill.Value;

    static string Make(string name, string frames, bool audio)
    {
        var path = Path.Combine(Folder.Value, name);
        List<string> args = ["-loop", "1", "-framerate", $"{Rate}", "-i", TestPaths.Astronaut];
        if (audio) args.AddRange(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"]);
        args.AddRange(["-filter_complex", $"[0:v]scale=640:640,crop=640:480,{frames},format=yuv420p[v]", "-map", "[v]"]);
        if (audio) args.AddRange(["-map", "1:a", "-c:a", "aac"]);
        args.AddRange(["-t", $"{Seconds}", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", path]);
        Ffmpeg.Run([.. args]);
        return path;
    }
}
