using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Sets VER_FLG_WEAK on the GLIBCXX_3.4.32 entry of .gnu.version_r in every libLibTorchSharp.so
/// under Directory, but only when the system libstdc++ does not define that version.
/// The file is rewritten through a temporary copy so a hard link to the NuGet cache is never modified.
/// </summary>
public class MarkGlibcxxRequirementWeak : Task
{
    const string Version = "GLIBCXX_3.4.32";
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;

    [Required] public string Directory { get; set; } = "";

    public override bool Execute()
    {
        if (!System.IO.Directory.Exists(Directory)) return true;
        var libraries = System.IO.Directory.GetFiles(Directory, "libLibTorchSharp.so", SearchOption.AllDirectories);
        if (libraries.Length == 0 || SystemLibstdcxxHas(Version)) return true;
        foreach (var path in libraries)
        {
            var bytes = File.ReadAllBytes(path);
            if (!MarkWeak(bytes)) continue;
            var temp = path + ".patching";
            File.WriteAllBytes(temp, bytes);
            File.Delete(path);
            File.Move(temp, path);
            Log.LogMessage(MessageImportance.High, $"Marked {Version} weak in {path} (system libstdc++ lacks it).");
        }
        return true;
    }

    static bool SystemLibstdcxxHas(string version)
    {
        string[] candidates = { "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
                                "/usr/lib64/libstdc++.so.6", "/lib/aarch64-linux-gnu/libstdc++.so.6" };
        var found = candidates.FirstOrDefault(File.Exists);
        if (found == null) return true; // cannot tell: leave the library untouched
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        var data = File.ReadAllBytes(found);
        for (int i = Array.IndexOf(data, needle[0]); i >= 0 && i <= data.Length - needle.Length; i = Array.IndexOf(data, needle[0], i + 1))
        {
            int k = 1;
            while (k < needle.Length && data[i + k] == needle[k]) k++;
            if (k == needle.Length) return true;
        }
        return false;
    }

    /// <returns>true when a flag was changed.</returns>
    static bool MarkWeak(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1) return false; // 64-bit little endian only
        ulong shoff = BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        bool changed = false;
        for (int i = 0; i < shnum; i++)
        {
            int sh = (int)shoff + i * shentsize;
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            long offset = (long)BitConverter.ToUInt64(elf, sh + 0x18);
            int link = (int)BitConverter.ToUInt32(elf, sh + 0x28);
            long strtab = (long)BitConverter.ToUInt64(elf, (int)shoff + link * shentsize + 0x18);
            long need = offset;
            while (true)
            {
                int count = BitConverter.ToUInt16(elf, (int)need + 2);
                long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (int a = 0; a < count; a++)
                {
                    long name = strtab + BitConverter.ToUInt32(elf, (int)aux + 8);
                    int end = Array.IndexOf(elf, (byte)0, (int)name);
                    if (Encoding.ASCII.GetString(elf, (int)name, end - (int)name) == Version)
                    {
                        ushort flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                        if ((flags & VerFlgWeak) == 0)
                        {
                            BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, (int)aux + 4);
                            changed = true;
                        }
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                uint next = BitConverter.ToUInt32(elf, (int)need + 12);
                if (next == 0) break;
                need += next;
            }
        }
        return changed;
    }
}
