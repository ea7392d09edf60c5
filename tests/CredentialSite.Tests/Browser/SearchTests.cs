using Microsoft.Playwright;

namespace CredentialSite.Tests.Browser;

/// <summary>The search page in headless Chromium, on the sample site served under /repo/ (issue: search and explorer).</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserFixture site)
{
    /// <summary>Opens the search page with a query string and waits for the results of that state.</summary>
    private async Task<IPage> OpenAsync(string query)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("search/" + query));
        await page.WaitForSelectorAsync("[data-search-page][data-ready]");
        return page;
    }

    private static async Task<IReadOnlyList<string>> TitlesAsync(IPage page) =>
        await page.Locator(".result-title").AllInnerTextsAsync();

    private static async Task TypeAndWaitAsync(IPage page, string text)
    {
        var before = await page.GetAttributeAsync("[data-search-page]", "data-ready");
        await page.FillAsync("#search-q", text);
        await page.WaitForFunctionAsync($"document.querySelector('[data-search-page]').getAttribute('data-ready') !== '{before}'");
    }

    [SkippableTheory]
    [InlineData("speculative", "API Design")]                    // a word that only appears in a rubric descriptor
    [InlineData("commercial acumen", "Proposals and Statements of Work")] // a competency name, not in the badge's name
    [InlineData("obsrvability", "Observability and SLOs")]       // a typo
    [InlineData("stakeh", "Stakeholder Management")]             // a prefix
    [InlineData("ÉNGAGEMENT", "Engagement Management")]          // case and accent folding
    public async Task Search_FindsTheBadge_WhenTyped(string query, string expected)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync("");
        await TypeAndWaitAsync(page, query);
        Assert.Contains(expected, await TitlesAsync(page));
        Assert.Contains(query, Uri.UnescapeDataString(page.Url.Replace("+", " ")), StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Search_HighlightsMatches_InTitles()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync("?q=stakeholder");
        var marks = await page.Locator(".result-title mark").AllInnerTextsAsync();
        Assert.Contains("Stakeholder", marks);
    }

    [SkippableFact]
    public async Task LongFacet_ShowsItsTopValues_AndExpandsFromTheKeyboard()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync("");
        var competency = page.Locator("fieldset.facet:has(> legend:text-is('Competency'))");
        var shown = await competency.Locator("input[type=checkbox]").CountAsync();
        Assert.Equal(8, shown); // the 19 sample competencies: the 8 most frequent first
        var more = competency.Locator("button[data-expand]");
        Assert.Equal("false", await more.GetAttributeAsync("aria-expanded"));
        Assert.Matches(@"^Show \d+ more$", await more.InnerTextAsync());

        var before = await page.GetAttributeAsync("[data-search-page]", "data-ready");
        await more.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync($"document.querySelector('[data-search-page]').getAttribute('data-ready') !== '{before}'");
        Assert.True(await competency.Locator("input[type=checkbox]").CountAsync() > shown);
        Assert.Equal("true", await competency.Locator("button[data-expand]").GetAttributeAsync("aria-expanded"));
        Assert.Equal("competency", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-expand')"));

        // A selected value stays visible when the facet is collapsed again.
        var last = competency.Locator("input[type=checkbox]").Last;
        var value = await last.GetAttributeAsync("value");
        before = await page.GetAttributeAsync("[data-search-page]", "data-ready");
        await last.CheckAsync();
        await page.WaitForFunctionAsync($"document.querySelector('[data-search-page]').getAttribute('data-ready') !== '{before}'");
        before = await page.GetAttributeAsync("[data-search-page]", "data-ready");
        await competency.Locator("button[data-expand]").ClickAsync();
        await page.WaitForFunctionAsync($"document.querySelector('[data-search-page]').getAttribute('data-ready') !== '{before}'");
        Assert.True(await competency.Locator($"input[value='{value}']").IsCheckedAsync());
    }

    [SkippableFact]
    public async Task Facet_FiltersResults_AndBackButtonRestoresThem()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync("?q=design");
        var all = await TitlesAsync(page);
        var status = await page.InnerTextAsync("[data-status]");

        var before = await page.GetAttributeAsync("[data-search-page]", "data-ready");
        await page.Locator(".facet", new() { HasText = "Tier" }).GetByLabel("Distinction", new() { Exact = false }).CheckAsync();
        await page.WaitForFunctionAsync($"document.querySelector('[data-search-page]').getAttribute('data-ready') !== '{before}'");
        Assert.Contains("f.tier=Distinction", page.Url);
        var filtered = await TitlesAsync(page);
        Assert.NotEmpty(filtered);
        Assert.True(filtered.Count < all.Count, "the facet must narrow the results");
        foreach (var meta in await page.Locator(".result-meta").AllInnerTextsAsync())
            Assert.StartsWith("Distinction", meta);

        before = await page.GetAttributeAsync("[data-search-page]", "data-ready");
        await page.EvaluateAsync("() => history.back()"); // same-document navigation: no load event to wait for
        await page.WaitForFunctionAsync($"document.querySelector('[data-search-page]').getAttribute('data-ready') !== '{before}'");
        Assert.DoesNotContain("f.tier", page.Url);
        Assert.Equal(all, await TitlesAsync(page));
        Assert.Equal(status, await page.InnerTextAsync("[data-status]"));
    }

    [SkippableFact]
    public async Task State_IsReadFromTheUrl_WhenTheLinkIsShared()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync("?q=engineering&sort=rigor&f.type=Badge");
        Assert.Equal("engineering", await page.InputValueAsync("#search-q"));
        Assert.Equal("rigor", await page.InputValueAsync("#search-sort"));
        Assert.True(await page.Locator(".facet input[value='Badge']").IsCheckedAsync());
        var types = await page.Locator(".result-type").AllInnerTextsAsync();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("BADGE", t.ToUpperInvariant()));
    }

    [SkippableFact]
    public async Task RetiredBadges_AreLeftOut_UnlessAskedFor()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync("?q=devops");
        Assert.DoesNotContain("DevOps Practitioner", await TitlesAsync(page));
        page = await OpenAsync("?q=devops&retired=1");
        Assert.Contains("DevOps Practitioner", await TitlesAsync(page));
    }

    [SkippableFact]
    public async Task NoResults_ShowsSuggestions()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync("?q=zzqxv");
        Assert.StartsWith("No results", await page.InnerTextAsync("[data-status]"));
        await page.WaitForSelectorAsync(".no-results");
        Assert.Contains("Browse all badges", await page.InnerTextAsync(".no-results"));
    }

    [SkippableFact]
    public async Task HeaderSearchBox_OnAnyPage_LeadsToResults_UsingTheKeyboard()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("badges/"));
        await page.FocusAsync("#header-q");
        await page.Keyboard.TypeAsync("testing");
        // Start waiting before pressing Enter, and only for the navigation to commit: no race with a fast load.
        var navigated = page.WaitForURLAsync(url => url.Contains("/repo/search/?q=testing", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit });
        await page.Keyboard.PressAsync("Enter");
        await navigated;
        await page.WaitForSelectorAsync("[data-search-page][data-ready]");
        Assert.Contains("Testing Fundamentals", await TitlesAsync(page));
    }
}
