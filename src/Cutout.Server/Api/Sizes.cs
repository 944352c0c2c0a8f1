using System.Globalization;

namespace Cutout.Server.Api;

/// <summary>Byte and pixel counts in the words error messages use.</summary>
internal static class Sizes
{
    public static string Bytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    public static string Megapixels(long pixels) =>
        string.Create(CultureInfo.InvariantCulture, $"{pixels / 1_000_000.0:0.#} MP");
}
