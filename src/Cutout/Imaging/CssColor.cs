using System.Globalization;
using SkiaSharp;

namespace Cutout;

/// <summary>Parses "#rgb", "#rrggbb" (with or without #) and common CSS colour names.</summary>
public static class CssColor
{
    static readonly Dictionary<string, uint> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["white"] = 0xffffff, ["black"] = 0x000000, ["red"] = 0xff0000, ["green"] = 0x008000, ["lime"] = 0x00ff00,
        ["blue"] = 0x0000ff, ["yellow"] = 0xffff00, ["cyan"] = 0x00ffff, ["aqua"] = 0x00ffff, ["magenta"] = 0xff00ff,
        ["fuchsia"] = 0xff00ff, ["gray"] = 0x808080, ["grey"] = 0x808080, ["silver"] = 0xc0c0c0, ["maroon"] = 0x800000,
        ["olive"] = 0x808000, ["navy"] = 0x000080, ["purple"] = 0x800080, ["teal"] = 0x008080, ["orange"] = 0xffa500,
        ["pink"] = 0xffc0cb, ["brown"] = 0xa52a2a, ["gold"] = 0xffd700, ["beige"] = 0xf5f5dc, ["ivory"] = 0xfffff0,
        ["khaki"] = 0xf0e68c, ["lavender"] = 0xe6e6fa, ["coral"] = 0xff7f50, ["salmon"] = 0xfa8072, ["tomato"] = 0xff6347,
        ["crimson"] = 0xdc143c, ["indigo"] = 0x4b0082, ["violet"] = 0xee82ee, ["orchid"] = 0xda70d6, ["plum"] = 0xdda0dd,
        ["tan"] = 0xd2b48c, ["chocolate"] = 0xd2691e, ["skyblue"] = 0x87ceeb, ["steelblue"] = 0x4682b4,
        ["royalblue"] = 0x4169e1, ["dodgerblue"] = 0x1e90ff, ["lightblue"] = 0xadd8e6, ["darkblue"] = 0x00008b,
        ["lightgray"] = 0xd3d3d3, ["lightgrey"] = 0xd3d3d3, ["darkgray"] = 0xa9a9a9, ["darkgrey"] = 0xa9a9a9,
        ["dimgray"] = 0x696969, ["whitesmoke"] = 0xf5f5f5, ["gainsboro"] = 0xdcdcdc, ["darkgreen"] = 0x006400,
        ["forestgreen"] = 0x228b22, ["seagreen"] = 0x2e8b57, ["lightgreen"] = 0x90ee90, ["turquoise"] = 0x40e0d0,
        ["darkred"] = 0x8b0000, ["hotpink"] = 0xff69b4, ["mintcream"] = 0xf5fffa, ["aliceblue"] = 0xf0f8ff,
        ["snow"] = 0xfffafa, ["linen"] = 0xfaf0e6, ["wheat"] = 0xf5deb3, ["slategray"] = 0x708090,
    };

    public static bool TryParse(string text, out SKColor color)
    {
        color = default;
        var s = text.Trim();
        if (Names.TryGetValue(s, out var named))
        {
            color = new SKColor(0xff000000 | named);
            return true;
        }
        var hex = s.StartsWith('#') ? s[1..] : s;
        if (hex.Length == 3) hex = string.Concat(hex.Select(c => new string(c, 2)));
        if (hex.Length != 6 || !uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            return false;
        color = new SKColor(0xff000000 | rgb);
        return true;
    }
}
