using System.Buffers.Binary;
using System.Text;

namespace Cutout.Training.Tests.Training;

/// <summary>
/// Reads the version requirements (.gnu.version_r, SHT_GNU_verneed) of a 64-bit little-endian ELF shared library:
/// each required version's name and flags. Written from the ELF spec for the tests, independent of the build's patcher.
/// </summary>
public static class ElfVersionNeeds
{
    public const ushort WeakFlag = 0x2;   // VER_FLG_WEAK
    const uint VerneedSection = 0x6ffffffe;

    public static IReadOnlyDictionary<string, ushort> Read(byte[] elf)
    {
        if (elf.Length < 64 || !elf.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a 64-bit little-endian ELF file");
        var sectionTable = (int)U64(elf, 0x28);
        int entrySize = U16(elf, 0x3A), count = U16(elf, 0x3C);
        var flags = new Dictionary<string, ushort>();
        for (var s = 0; s < count; s++)
        {
            var header = sectionTable + s * entrySize;
            if (U32(elf, header + 4) != VerneedSection) continue;
            var strings = (int)U64(elf, sectionTable + (int)U32(elf, header + 0x28) * entrySize + 0x18);
            var need = (int)U64(elf, header + 0x18);
            for (var entries = (int)U32(elf, header + 0x2C); entries > 0; entries--)   // sh_info: number of Verneed
            {
                var aux = need + (int)U32(elf, need + 8);
                for (var a = U16(elf, need + 2); a > 0; a--)
                {
                    var name = strings + (int)U32(elf, aux + 8);
                    flags[Encoding.ASCII.GetString(elf, name, Array.IndexOf(elf, (byte)0, name) - name)] = U16(elf, aux + 4);
                    aux += (int)U32(elf, aux + 12);
                }
                need += (int)U32(elf, need + 12);
            }
        }
        return flags;
    }

    static ushort U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));
    static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));
    static ulong U64(byte[] b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at));
}
