using Cutout.Video;

namespace Cutout.Cli;

/// <summary>Frames done / total, frames per second and time left on stderr: one line redrawn on a terminal, a line every few seconds otherwise.</summary>
sealed class VideoProgressLine(string name) : IProgress<VideoProgress>
{
    static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);
    readonly bool _redraw = !Console.IsErrorRedirected;
    TimeSpan? _lastPrinted;
    bool _open;

    public void Report(VideoProgress p)
    {
        if (!_redraw && _lastPrinted is { } last && p.Elapsed - last < PlainInterval) return;
        _lastPrinted = p.Elapsed;
        var left = p.Remaining is { } r ? $", {r.TotalSeconds:F0} s left" : "";
        var line = $"{name}: frame {p.FramesDone}/{p.TotalFrames}, {p.FramesPerSecond:F1} frames/s{left}";
        if (_redraw)
        {
            Console.Error.Write("\r" + line + "\u001b[K");
            _open = true;
        }
        else Console.Error.WriteLine(line);
    }

    public void Finish()
    {
        if (_open) Console.Error.WriteLine();
        _open = false;
    }
}
