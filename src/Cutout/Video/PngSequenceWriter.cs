namespace Cutout.Video;

/// <summary>Writes each frame as frame-000001.png, ... into a hidden temporary folder, renamed to the output folder at the end.</summary>
sealed class PngSequenceWriter(string output, int width, int height, bool gray, bool opaque) : IFrameSink
{
    readonly string _output = Path.GetFullPath(output);
    readonly string _temporary = Directory.CreateDirectory(TemporaryPath.Beside(Path.GetFullPath(output))).FullName;
    int _frames;
    bool _completed;

    public static string FrameName(int index) => $"frame-{index:D6}.png";

    public void Write(byte[] pixels)
    {
        var layout = gray ? PngEncoder.Layout.Gray : opaque ? PngEncoder.Layout.Rgb : PngEncoder.Layout.Rgba;
        File.WriteAllBytes(Path.Combine(_temporary, FrameName(++_frames)), PngEncoder.Encode(pixels, width, height, layout));
    }

    public void Complete()
    {
        if (Directory.Exists(_output)) Directory.Delete(_output, recursive: true);
        Directory.Move(_temporary, _output);
        _completed = true;
    }

    public void Dispose()
    {
        if (!_completed)
            try { Directory.Delete(_temporary, recursive: true); } catch (IOException) { }
    }
}
