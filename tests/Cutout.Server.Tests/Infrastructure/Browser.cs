using Microsoft.Playwright;
using Xunit;

namespace Cutout.Server.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright, headless, kept off the network (docs: shared/notes/browser-tests.md).</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool IsAvailable => File.Exists(ChromiumPath);

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args =
        [
            "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        ],
    });
}

/// <summary>A browser test: skipped, with the reason, only when Debian's Chromium is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Browser.IsAvailable)
            Skip = $"skipped: {Browser.ChromiumPath} not found (install it with `apt-get install -y chromium`; CI does)";
    }
}
