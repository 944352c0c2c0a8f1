using System.Text.RegularExpressions;
using Cutout.Server.Tests.Infrastructure;
using Cutout.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Xunit;

namespace Cutout.Server.Tests;

/// <summary>The page at / in a real browser against a real server on the test model.</summary>
public sealed class PageTests(PageTests.Fixture fixture) : IClassFixture<PageTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public RunningServer Server { get; private set; } = null!;
        public IPlaywright Playwright { get; private set; } = null!;
        public IBrowser Browser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            if (!Infrastructure.Browser.IsAvailable) return;
            Server = await RunningServer.StartAsync();
            Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            Browser = await Infrastructure.Browser.LaunchAsync(Playwright);
        }

        public async Task DisposeAsync()
        {
            if (Browser != null) await Browser.DisposeAsync();
            Playwright?.Dispose();
            if (Server != null) await Server.DisposeAsync();
        }
    }

    static readonly string Screenshots = Path.Combine(TestPaths.RepoRoot, "artifacts", "screenshots");

    async Task<(IBrowserContext Context, IPage Page, List<string> Problems)> OpenAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);
        await page.GotoAsync(fixture.Server.BaseAddress.ToString());
        return (context, page, problems);
    }

    static Task<int[]> PixelAsync(IPage page, int x, int y) => page.EvaluateAsync<int[]>(
        "([x, y]) => Array.from(document.getElementById('result').getContext('2d').getImageData(x, y, 1, 1).data)",
        new[] { x, y });

    static Task WaitForResultAsync(IPage page) => page.WaitForFunctionAsync(
        "() => !document.getElementById('download').disabled && document.getElementById('result').width > 0",
        null, new() { Timeout = 120_000 });

    [BrowserFact]
    public async Task Upload_see_the_cut_out_change_the_background_and_download()
    {
        var (context, page, problems) = await OpenAsync();
        await using var _ = context;
        await Expect(page).ToHaveTitleAsync(new Regex("Cutout"));
        Directory.CreateDirectory(Screenshots);

        // Hold the request until the working state has been seen, however fast the model is.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/remove*", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.SetInputFilesAsync("#file", TestPaths.Astronaut);
        await Expect(page.Locator("#working")).ToBeVisibleAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Removing the background");
        await Expect(page.Locator("#stage")).ToHaveAttributeAsync("aria-busy", "true");
        await Expect(page.Locator("#download")).ToBeDisabledAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "page-working.png"), FullPage = true });
        release.SetResult();
        await page.UnrouteAllAsync();
        await WaitForResultAsync(page);
        await Expect(page.Locator("#working")).ToBeHiddenAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Done in");

        // Transparent over the checkerboard: the wall is see-through, the subject opaque.
        var size = await page.EvaluateAsync<int[]>("() => [document.getElementById('result').width, document.getElementById('result').height]");
        Assert.Equal(new[] { 512, 512 }, size);
        Assert.True((await PixelAsync(page, 300, 20))[3] < 40, "the wall above the head is transparent");
        Assert.True((await PixelAsync(page, 500, 60))[3] < 40, "the wall right of the shuttle is transparent");
        Assert.True((await PixelAsync(page, 225, 120))[3] > 215, "the face is opaque");
        Assert.True((await PixelAsync(page, 150, 400))[3] > 215, "the suit is opaque");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "page.png"), FullPage = true });

        // A colour background, picked with the colour input.
        await page.FillAsync("#colour", "#00c853");
        await Expect(page.Locator("#bg-colour")).ToBeCheckedAsync();
        var wallPixel = await PixelAsync(page, 300, 20);
        Assert.Equal(new[] { 0, 200, 83, 255 }, wallPixel);
        var face = await PixelAsync(page, 225, 120);
        Assert.False(face[0] == 0 && face[1] == 200 && face[2] == 83, "the face keeps its own colour");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "page-colour.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        Assert.Equal("astronaut-cutout.png", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"cutout-download-{Guid.NewGuid():N}.png");
        await download.SaveAsAsync(saved);
        try
        {
            using var image = Images.Decode(await File.ReadAllBytesAsync(saved));
            Assert.Equal(512, image.Width);
            var wall = image.GetPixel(300, 20);
            Assert.Equal((byte)0, wall.Red);
            Assert.Equal((byte)200, wall.Green);
            Assert.Equal((byte)83, wall.Blue);
            Assert.Equal((byte)255, wall.Alpha);
            Assert.Equal((byte)255, image.GetPixel(225, 120).Alpha);
        }
        finally
        {
            File.Delete(saved);
        }

        // A blurred background: opaque everywhere, no longer the picked colour.
        await page.ClickAsync("label[for=bg-blur]");
        var blurred = await PixelAsync(page, 300, 20);
        Assert.Equal(255, blurred[3]);
        Assert.NotEqual(new[] { 0, 200, 83, 255 }, blurred);

        // The before/after slider view.
        await page.ClickAsync("label[for=view-slider]");
        await Expect(page.Locator("#slider-view")).ToBeVisibleAsync();
        await page.FillAsync("#slider", "30");
        await Expect(page.Locator("#compare-after")).ToHaveAttributeAsync("style", new Regex(@"inset\(0px 0px 0px 30%\)"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "page-slider.png"), FullPage = true });

        Assert.Empty(problems);
    }

    /// <summary>
    /// On the darkness model (a black rectangle on a light wall, <see cref="Robustness.LibraryBackedModel"/>): the
    /// untouched download is the server's PNG byte for byte, Refine asks the server again and shows its refined answer,
    /// and Crop frames the rectangle.
    /// </summary>
    [BrowserFact]
    public async Task Download_as_is_then_refine_and_crop()
    {
        var (left, top, right, bottom) = (640, 180, 832, 468);   // model cells of 32 x 18 px: edges on the grid
        var photo = Images.RectangleOnAWall(1024, 576, left, top, right, bottom);
        await using var server = await RunningServer.StartAsync(loader: Robustness.LibraryBackedModel.Loader);
        async Task<byte[]> ApiAsync(string query)
        {
            using var response = await server.Client.PostAsync("/api/remove" + query, Images.Form(photo, "rect.png"));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsByteArrayAsync();
        }
        var (plain, refined) = (await ApiAsync(""), await ApiAsync("?refine=true"));
        Assert.False(plain.AsSpan().SequenceEqual(refined), "refinement should change this cut-out");

        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseAddress.ToString());
        var folder = TestTemp.Folder("page-downloads-");
        async Task<byte[]> DownloadAsync(string name)
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
            Assert.Equal("rect-cutout.png", download.SuggestedFilename);
            await download.SaveAsAsync(Path.Combine(folder, name));
            return await File.ReadAllBytesAsync(Path.Combine(folder, name));
        }

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "rect.png", MimeType = "image/png", Buffer = photo });
        await WaitForResultAsync(page);
        Assert.True((await DownloadAsync("plain.png")).AsSpan().SequenceEqual(plain), "the untouched download is the server's PNG as is");

        // Waiting for the response from before the click: a fast server may answer before a later wait starts listening.
        var response = await page.RunAndWaitForResponseAsync(() => page.CheckAsync("#refine"), r => r.Url.Contains("/api/remove"));
        Assert.Contains("refine=true", response.Request.Url);
        await WaitForResultAsync(page);
        Assert.True((await DownloadAsync("refined.png")).AsSpan().SequenceEqual(refined), "after ticking Refine: the server's refined PNG");

        // The page crops where alpha > 25 (the matte ramps over one model cell) with a 16 px margin.
        await page.CheckAsync("#crop");
        var size = await page.EvaluateAsync<int[]>("() => [document.getElementById('result').width, document.getElementById('result').height]");
        Assert.InRange(size[0], right - left + 32, right - left + 32 + 2 * 32);
        Assert.InRange(size[1], bottom - top + 32, bottom - top + 32 + 2 * 18);
        Assert.Equal(255, (await PixelAsync(page, size[0] / 2, size[1] / 2))[3]);
        Assert.Equal(0, (await PixelAsync(page, 2, 2))[3]);
        using var cropped = Images.Decode(await DownloadAsync("cropped.png"));
        Assert.Equal((size[0], size[1]), (cropped.Width, cropped.Height));
    }

    [BrowserFact]
    public async Task Dropping_or_pasting_an_image_starts_a_removal()
    {
        var (context, page, problems) = await OpenAsync();
        await using var __ = context;
        foreach (var (kind, name, width, height) in new[] { ("drop", "dropped.png", 160, 120), ("paste", "pasted.png", 120, 160) })
        {
            await page.EvaluateAsync(
                """
                async ([kind, name, width, height]) => {
                  const canvas = new OffscreenCanvas(width, height);
                  const ctx = canvas.getContext('2d');
                  ctx.fillStyle = '#dde'; ctx.fillRect(0, 0, width, height);
                  ctx.fillStyle = '#a33'; ctx.beginPath(); ctx.arc(width / 2, height / 2, 40, 0, 7); ctx.fill();
                  const file = new File([await canvas.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' });
                  const data = new DataTransfer();
                  data.items.add(file);
                  const event = kind === 'drop'
                    ? new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true })
                    : new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
                  document.getElementById('drop').dispatchEvent(event);
                }
                """, new object[] { kind, name, width, height });
            await Expect(page.Locator("#file-name")).ToContainTextAsync(name);
            await WaitForResultAsync(page);
            var size = await page.EvaluateAsync<int[]>("() => [document.getElementById('result').width, document.getElementById('result').height]");
            Assert.Equal(new[] { width, height }, size);
        }
        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task A_file_that_is_not_an_image_gets_an_error_in_plain_words()
    {
        var (context, page, _) = await OpenAsync();
        await using var __ = context;
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });
        await Expect(page.Locator("#error")).ToBeVisibleAsync();
        await Expect(page.Locator("#error")).ToContainTextAsync("Not an image");
        await Expect(page.Locator("#working")).ToBeHiddenAsync();
        await Expect(page.Locator("#download")).ToBeDisabledAsync();
    }

    [BrowserFact]
    public async Task Every_control_has_a_label_and_the_file_picker_is_reachable_by_keyboard()
    {
        var (context, page, _) = await OpenAsync();
        await using var __ = context;
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input, select, button')]" +
            ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())" +
            ".map(e => e.id || e.outerHTML)");
        Assert.Empty(unlabelled);

        await Expect(page.Locator("#model option").First).ToContainTextAsync("(default)");
        Assert.Equal("", await page.InputValueAsync("#model"));   // the server's default: no model field is sent

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("file", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
