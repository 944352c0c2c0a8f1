using System.Diagnostics;
using System.Text;

namespace Cutout.Video;

/// <summary>
/// One ffmpeg or ffprobe child process. Raw data travels over <see cref="Input"/> (its stdin) and <see cref="Output"/>
/// (its stdout); stderr is drained in the background and its last lines kept for error messages.
/// </summary>
sealed partial class FfmpegProcess : IDisposable
{
    const int KeptErrorLines = 20;
    readonly Process _process;
    readonly Queue<string> _errorLines = new();
    readonly Task _stderr;

    public FfmpegProcess(string binary, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        try { _process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CutoutException(CutoutErrorKind.Io, $"{binary} could not be started: {e.Message}", e);
        }
        _stderr = Task.Run(DrainStandardError);
    }

    public Stream Input => _process.StandardInput.BaseStream;

    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Waits for the exit and the end of stderr; returns the exit code.</summary>
    public int WaitForExit()
    {
        _process.WaitForExit();
        _stderr.Wait();
        return _process.ExitCode;
    }

    /// <summary>The last lines ffmpeg wrote to stderr, joined into one line.</summary>
    public string ErrorSummary
    {
        get
        {
            lock (_errorLines)
                return _errorLines.Count == 0 ? "no message" : string.Join("; ", _errorLines.Distinct().TakeLast(3));
        }
    }

    public void Kill()
    {
        try { if (!_process.HasExited) _process.Kill(); }
        catch (InvalidOperationException) { }
    }

    async Task DrainStandardError()
    {
        var reader = _process.StandardError;
        while (await reader.ReadLineAsync() is { } line)
        {
            line = ContextPrefix().Replace(line, "").Trim();
            if (line.Length == 0) continue;
            lock (_errorLines)
            {
                _errorLines.Enqueue(line);
                if (_errorLines.Count > KeptErrorLines) _errorLines.Dequeue();
            }
        }
    }

    /// <summary>"[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5651629b5a80] " before ffmpeg's messages: of no use to a user.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\[[^\]]* @ 0x[0-9a-f]+\]\s*")]
    private static partial System.Text.RegularExpressions.Regex ContextPrefix();

    public void Dispose()
    {
        Kill();
        try { _process.WaitForExit(); } catch (InvalidOperationException) { }
        _process.Dispose();
    }

    /// <summary>Runs to the end, returning stdout as text; used for ffprobe.</summary>
    public static (int Exit, string Stdout, string Errors) RunToEnd(string binary, IEnumerable<string> arguments)
    {
        using var process = new FfmpegProcess(binary, arguments);
        process._process.StandardInput.Close();
        using var reader = new StreamReader(process.Output, Encoding.UTF8);
        var stdout = reader.ReadToEnd();
        var exit = process.WaitForExit();
        return (exit, stdout, process.ErrorSummary);
    }
}
