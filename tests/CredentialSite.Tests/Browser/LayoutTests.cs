using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CredentialSite.Tests.Browser;

/// <summary>
/// Pages read at a glance on a desktop (1280 px) and a phone (390 px): nothing scrolls sideways, a search's first
/// result comes before the filters on a phone, and every chart has an accessible name (issue 17).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture site)
{
    public static readonly TheoryData<string, int> Pages = Cross(
        ["badges/api-design/", "badges/devops-practitioner/", "people/elena-vasquez/", "people/elena-vasquez/dossier/",
         "ladders/software-engineering/", "roles/senior-software-engineer/", "issuers/skylift-training/", "search/?q=design",
         "explorer/", "badges/", "compare/software-engineer-1--software-engineer-2/"],
        [1280, 390]);

    private static TheoryData<string, int> Cross(string[] paths, int[] widths)
    {
        var data = new TheoryData<string, int>();
        foreach (var p in paths) foreach (var w in widths) data.Add(p, w);
        return data;
    }

    private async Task<IPage> OpenAsync(string path, int width, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, ColorScheme = scheme });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        if (path.StartsWith("search/", StringComparison.Ordinal)) await page.WaitForSelectorAsync("[data-search-page][data-ready]");
        if (path == "explorer/") await page.WaitForSelectorAsync("[data-explorer][data-loaded]");
        return page;
    }

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task Page_DoesNotScrollSideways(string path, int width)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync(path, width);
        var scroll = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var wide = await page.EvaluateAsync<string>("""
            [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1
              && !e.closest('.table-scroll, .chart-scroll, .visually-hidden')).slice(0, 5)
              .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
            """);
        Assert.True(scroll <= width, $"{path} at {width}px is {scroll}px wide: {wide}");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Search_OnAPhone_ShowsTheFirstResultAboveTheFilters()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync("search/?q=design", 390);
        await page.WaitForSelectorAsync(".result");
        var result = await page.Locator(".result").First.BoundingBoxAsync();
        var filters = await page.Locator("[data-filters]").BoundingBoxAsync();
        Assert.NotNull(result);
        Assert.True(filters is null || result!.Y < filters.Y, $"first result at {result!.Y}, filters at {filters?.Y}");
        Assert.True(result.Y < 900, $"first result at {result.Y}px, below the first screen");
        await page.Context.CloseAsync();
    }

    [SkippableTheory]
    [InlineData("badges/api-design/", 2)]               // rigor breakdown, stacking pathway
    [InlineData("issuers/skylift-training/", 1)]        // vetting scorecard
    [InlineData("people/elena-vasquez/", 2)]            // metric series, badge timeline
    [InlineData("ladders/software-engineering/", 2)]    // role-by-badge map, competency heatmap
    public async Task Charts_HaveAccessibleNamesAndTextData(string path, int atLeast)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync(path, 1280);
        var charts = page.Locator("figure.chart");
        Assert.True(await charts.CountAsync() >= atLeast, $"{path}: {await charts.CountAsync()} charts");
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            var svg = charts.Nth(i).Locator("svg[role=img]");
            Assert.Equal(1, await svg.CountAsync());
            var name = await svg.EvaluateAsync<string>("s => { const id = s.getAttribute('aria-labelledby'); return id ? id.split(' ').map(x => document.getElementById(x)?.textContent ?? '').join(' ') : s.getAttribute('aria-label') ?? ''; }");
            Assert.False(string.IsNullOrWhiteSpace(name), $"{path}: chart {i} has no accessible name");
            Assert.True(await charts.Nth(i).Locator("table, ul, ol, dl").CountAsync() > 0, $"{path}: chart {i} has no text data");
        }
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Dossier_PrintsOnAFewA4Pages_WithItsLinksAndQrCodes()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync("people/elena-vasquez/dossier/", 1280);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.Locator(".print-links svg.qr[role=img]").CountAsync() >= 5);
        Assert.True(await page.Locator(".print-links").IsVisibleAsync());
        Assert.Contains("/repo/people/elena-vasquez/credentials/", await page.Locator(".print-links").InnerTextAsync());
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true });
        var pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        Assert.InRange(pages, 1, 5);
        await page.Context.CloseAsync();
    }

    [SkippableTheory]
    [InlineData("badges/api-design/", 390, ColorScheme.Light)]
    [InlineData("badges/api-design/", 1280, ColorScheme.Dark)]
    [InlineData("badges/api-design/", 390, ColorScheme.Dark)]
    [InlineData("people/elena-vasquez/", 390, ColorScheme.Light)]
    [InlineData("people/elena-vasquez/", 1280, ColorScheme.Dark)]
    [InlineData("people/elena-vasquez/dossier/", 390, ColorScheme.Dark)]
    [InlineData("ladders/software-engineering/", 390, ColorScheme.Light)]
    [InlineData("ladders/software-engineering/", 1280, ColorScheme.Dark)]
    [InlineData("issuers/skylift-training/", 1280, ColorScheme.Dark)]
    [InlineData("search/?q=design", 390, ColorScheme.Light)]
    [InlineData("search/?q=design", 390, ColorScheme.Dark)]
    public async Task Page_HasNoSeriousOrCriticalViolations_OnAPhoneAndInTheDark(string path, int width, ColorScheme scheme)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync(path, width, scheme);
        var results = await page.RunAxe();
        var bad = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(bad.Count == 0, $"{path} at {width}px, {scheme}:\n" + string.Join("\n", bad));
        await page.Context.CloseAsync();
    }
}
