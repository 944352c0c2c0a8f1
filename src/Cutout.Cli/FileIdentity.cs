using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Cutout.Cli;

/// <summary>What a path names on Linux: its kind and its device + inode, the identity of the file whatever the path.</summary>
readonly record struct FileIdentity(FileKind Kind, ulong Device, ulong Inode)
{
    const int AtCurrentFolder = -100, NoFollow = 0x100, BasicStats = 0x7FF;

    /// <summary>null when the path does not exist (or, off Linux, cannot be asked).</summary>
    /// <param name="followLinks">false: a symbolic link is reported as <see cref="FileKind.Link"/> itself.</param>
    public static FileIdentity? Of(string path, bool followLinks = true)
    {
        if (!OperatingSystem.IsLinux()) return Fallback(path);
        Span<byte> buffer = stackalloc byte[256];
        // statx's layout is the same on every architecture (unlike stat's): mode at 28, inode at 32, device at 136.
        if (Statx(AtCurrentFolder, path, followLinks ? 0 : NoFollow, BasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
            return null;
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer[28..]);
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer[32..]);
        var device = (ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer[136..]) << 32 | BinaryPrimitives.ReadUInt32LittleEndian(buffer[140..]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Folder,
            0xA000 => FileKind.Link,
            _ => FileKind.Special,
        };
        return new FileIdentity(kind, device, inode);
    }

    /// <summary>Elsewhere: the kind from .NET, and the full path's hash as the identity.</summary>
    static FileIdentity? Fallback(string path)
    {
        var full = Path.GetFullPath(path);
        var kind = Directory.Exists(full) ? FileKind.Folder : File.Exists(full) ? FileKind.Regular : (FileKind?)null;
        return kind is { } k ? new FileIdentity(k, 0, (ulong)StringComparer.OrdinalIgnoreCase.GetHashCode(full)) : null;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    static extern int Statx(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref byte buffer);
}

enum FileKind { Regular, Folder, Link, Special }
