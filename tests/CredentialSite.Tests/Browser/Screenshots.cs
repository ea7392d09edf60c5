using Microsoft.Playwright;

namespace CredentialSite.Tests.Browser;

/// <summary>
/// Writes the screenshots in docs/screenshots/ (issue 17) from the sample site: run with SCREENSHOTS=1
/// (<c>SCREENSHOTS=1 dotnet test tests/CredentialSite.Tests --filter Screenshots</c>); skipped otherwise, so the suite
/// never rewrites files of the repository.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Screenshots(BrowserFixture site)
{
    [SkippableTheory]
    [InlineData("badge-summary", "badges/api-design/", 1280, 760, null)]
    [InlineData("badge-rigor", "badges/api-design/", 1280, 520, "#assessment-h")]
    [InlineData("person-summary", "people/elena-vasquez/", 1280, 1000, "#summary-h")]
    [InlineData("ladder-maps", "ladders/software-engineering/", 1280, 1000, "#maps-h")]
    [InlineData("badge-phone", "badges/api-design/", 390, 800, null)]
    [InlineData("search-phone", "search/?q=design", 390, 800, null)]
    public async Task Take(string name, string path, int width, int height, string? scrollTo)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        Skip.If(Environment.GetEnvironmentVariable("SCREENSHOTS") != "1", "set SCREENSHOTS=1 to rewrite docs/screenshots/");
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, ColorScheme = ColorScheme.Light });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        if (path.StartsWith("search/", StringComparison.Ordinal)) await page.WaitForSelectorAsync(".result");
        if (scrollTo is not null) await page.EvaluateAsync($"document.querySelector('{scrollTo}').scrollIntoView()");
        var file = Path.Combine(Support.TestPaths.RepoRoot, "docs", "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await page.ScreenshotAsync(new() { Path = file, Type = ScreenshotType.Png });
        await context.CloseAsync();
    }
}
