using System.Diagnostics;

namespace Cutout.Bench;

/// <summary>The `cutout` command (Cutout.Cli.dll next to this harness) as a child process, with its peak memory.</summary>
sealed class Child : IDisposable
{
    /// <summary>Children still running; killed if the harness is stopped (Ctrl+C, SIGTERM) so no server is left behind.</summary>
    static readonly HashSet<Process> Running = [];

    static Child()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    static void KillAll()
    {
        lock (Running)
            foreach (var p in Running)
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    /// <summary>Cutout.Cli.dll next to this harness, or another build's (<c>hostile --cli</c>, to measure a baseline).</summary>
    public static string CliPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "Cutout.Cli.dll");

    readonly Process _process;
    long _peakRssKb;
    readonly Thread _poller;
    readonly System.Text.StringBuilder _stderr = new();
    readonly System.Text.StringBuilder _stdout = new();

    public Child(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        lock (Running) Running.Add(_process);
        _process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.StandardInput.Close();
        _poller = new Thread(Poll) { IsBackground = true };
        _poller.Start();
    }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public string StandardError { get { lock (_stderr) return _stderr.ToString(); } }
    public string StandardOutput { get { lock (_stdout) return _stdout.ToString(); } }

    /// <summary>Highest VmHWM seen (kB), polled every 5 ms; VmHWM only grows, so the last value read is the peak so far.</summary>
    public long PeakRssKb => Interlocked.Read(ref _peakRssKb);

    public long CurrentRssKb => ReadStatus(_process.Id, "VmRSS:");

    void Poll()
    {
        while (true)
        {
            try { if (_process.HasExited) return; } catch (InvalidOperationException) { return; }
            var hwm = ReadStatus(_process.Id, "VmHWM:");
            if (hwm > Interlocked.Read(ref _peakRssKb)) Interlocked.Exchange(ref _peakRssKb, hwm);
            Thread.Sleep(5);
        }
    }

    /// <summary>CPU seconds (user + system) the process has used so far, from /proc/PID/stat.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;   // utime, stime in clock ticks
        }
        catch (IOException) { return 0; }
    }

    public static long ReadStatus(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0]);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 0;
    }

    public int Wait(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cutout did not finish in {timeout}: {StandardError}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        lock (Running) Running.Remove(_process);
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
