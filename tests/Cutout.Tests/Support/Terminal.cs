using System.Diagnostics;
using Xunit;

namespace Cutout.Tests;

/// <summary>Runs a shell command with stdout on a pseudo-terminal (util-linux `script`), as a user's shell would.</summary>
public static class Terminal
{
    public const string Script = "/usr/bin/script";

    public static (int ExitCode, string Output) Run(string workingDirectory, string command)
    {
        var psi = new ProcessStartInfo(Script) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var a in new[] { "-q", "-e", "-c", command, "/dev/null" }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(command);
        }
        return (process.ExitCode, output.Result);
    }
}

/// <summary>A fact that needs a pseudo-terminal; skipped, with the reason, where `script` is missing.</summary>
public sealed class TerminalFactAttribute : FactAttribute
{
    public TerminalFactAttribute()
    {
        if (!File.Exists(Terminal.Script)) Skip = "skipped: util-linux `script` (to give the command a terminal) is not installed";
    }
}
