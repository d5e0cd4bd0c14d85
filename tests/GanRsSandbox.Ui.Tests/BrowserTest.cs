using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GanRsSandbox.Ui.Tests;

/// <summary>What every browser test shares: one chromium per test class against its own hosts, pages of a given size, and screenshots.</summary>
public abstract class BrowserTest : IClassFixture<UiHosts>, IAsyncLifetime
{
    protected static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.NetworkIdle };
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected BrowserTest(UiHosts hosts)
    {
        Hosts = hosts;
        SetDefaultExpectTimeout(60_000);
    }

    protected UiHosts Hosts { get; }

    protected IBrowser BrowserInstance => _browser ?? throw new InvalidOperationException("the browser starts in InitializeAsync");

    public async Task InitializeAsync() => (_playwright, _browser) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }

    protected async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await BrowserInstance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        return page;
    }

    protected static async Task SetNumber(IPage page, string testId, string value)
    {
        var input = page.Input(testId);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    protected static Task Shoot(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath(name), FullPage = true });
}
