using System.Diagnostics;

namespace Cutout.Tests.Robustness;

/// <summary>The `cutout` command (Cutout.Cli.dll copied next to the tests) run as a real child process.</summary>
public sealed class CliProcess : IDisposable
{
    readonly Process _process;
    readonly System.Text.StringBuilder _stdout = new(), _stderr = new();

    /// <param name="interruptible">
    /// Start with SIGINT at its default, even where the tests inherit it ignored (a job started with `&amp;` by a script
    /// ignores SIGINT, and so does every child, `cutout` included, which then never sees Ctrl+C). perl-base, which Debian
    /// always installs, resets it and execs `dotnet`, keeping the process id.
    /// </param>
    public CliProcess(IEnumerable<string> args, byte[]? stdin = null, string? workingDirectory = null, bool interruptible = false)
    {
        var start = new ProcessStartInfo(interruptible ? "perl" : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        if (interruptible)
            foreach (var a in (string[])["-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!", "dotnet"]) start.ArgumentList.Add(a);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cutout.Cli.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        // No shipped model needed: every run names the robustness model by path. Keep the user cache out of it.
        start.Environment["CUTOUT_MODELS"] = Path.Combine(Path.GetTempPath(), "cutout-robustness-no-models");
        start.Environment["CUTOUT_CACHE"] = Path.Combine(Path.GetTempPath(), "cutout-robustness-no-cache");
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (stdin != null) _process.StandardInput.BaseStream.Write(stdin);
        _process.StandardInput.Close();
    }

    public string StandardOutput { get { lock (_stdout) return _stdout.ToString(); } }
    public string StandardError { get { lock (_stderr) return _stderr.ToString(); } }
    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    /// <summary>The child's peak resident memory so far (VmHWM from /proc, kB); 0 once it has exited or off Linux.</summary>
    public long PeakRssKb
    {
        get
        {
            try
            {
                var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException) { return 0; }
        }
    }

    public int WaitForExit(TimeSpan? timeout = null)
    {
        if (!_process.WaitForExit(timeout ?? TimeSpan.FromSeconds(120)))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("cutout did not finish: " + StandardError);
        }
        _process.WaitForExit();   // flushes the redirected streams
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no handler runs, nothing is flushed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public static (int Exit, string Stdout, string Stderr) Run(params string[] args) => Run(args, stdin: null);

    public static (int Exit, string Stdout, string Stderr) Run(string[] args, byte[]? stdin)
    {
        using var cli = new CliProcess(args, stdin);
        var exit = cli.WaitForExit();
        return (exit, cli.StandardOutput, cli.StandardError);
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
