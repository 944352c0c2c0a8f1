using System.Diagnostics;

namespace Cutout.Tests;

public sealed record CliResult(int ExitCode, byte[] Stdout, string Stderr)
{
    public string Output => System.Text.Encoding.UTF8.GetString(Stdout);
    public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Stderr}";
}

/// <summary>Runs the built `cutout` command (Cutout.Cli.dll next to the tests) as a real process.</summary>
public static class Cli
{
    static string Dll => Path.Combine(AppContext.BaseDirectory, "Cutout.Cli.dll");

    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, null, args);

    public static CliResult Run(string workingDirectory, byte[]? stdin, IDictionary<string, string>? environment, params string[] args) =>
        Run(workingDirectory, stdin, environment, TimeSpan.FromMinutes(3), args);

    public static CliResult Run(string workingDirectory, byte[]? stdin, IDictionary<string, string>? environment, TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) psi.Environment[key] = value;

        using var process = Process.Start(psi)!;
        var stdout = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin != null) process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
        }
        catch (IOException) { } // it exited before reading all of stdin (e.g. a missing model)
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("cutout " + string.Join(' ', args));
        }
        copyOut.Wait();
        return new CliResult(process.ExitCode, stdout.ToArray(), stderr.Result);
    }

    public static string TempFolder() => TestTemp.Folder("cli-");
}
