using System.Diagnostics;
using Cutout.Tests;

namespace Cutout.Training.Tests.Training;

/// <summary>Runs the built cutout-train as a separate process, as a user would.</summary>
static class CutoutTrain
{
    static string Dll => Path.Combine(AppContext.BaseDirectory, "cutout-train.dll");

    /// <summary>`train` on people/smoke at 64 px into <paramref name="run"/>, with the test's own options.</summary>
    public static string[] SmokeRun(string run, params string[] options) =>
        ["train", "--data", Path.Combine(TestPaths.DataRoot, "people"), "--train-split", "smoke", "--val-split", "smoke",
         "--size", "64", .. options, "--out", run];

    public static Process Start(IEnumerable<string> args)
    {
        var process = Process.Start(StartInfo(args))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task<(int Code, string Output)> RunAsync(IEnumerable<string> args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cutout-train {string.Join(' ', args)} did not finish within 10 minutes");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        return info;
    }
}
