using Deque.AxeCore.Playwright;

namespace CredentialSite.Tests.Browser;

/// <summary>axe-core in Chromium finds no serious or critical violation on any page kind.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture site)
{
    [SkippableTheory]
    [InlineData("")]                                  // home
    [InlineData("badges/")]                           // badge index
    [InlineData("badges-by/rigor/")]
    [InlineData("badges-by/name/2/")]                 // a page of the paged badge index, with its pager
    [InlineData("badges/api-design/")]                // badge page with a rubric
    [InlineData("badges/devops-practitioner/")]       // retired badge
    [InlineData("issuers/")]
    [InlineData("issuers/skylift-training/")]         // weak vetting, a check not reviewed
    [InlineData("competencies/")]
    [InlineData("frameworks/engineering/")]
    [InlineData("competencies/observability/")]
    [InlineData("roles/")]
    [InlineData("ladders/software-engineering/")]
    [InlineData("roles/senior-software-engineer/")]
    [InlineData("compare/software-engineer-1--software-engineer-2/")]
    [InlineData("people/")]
    [InlineData("people/elena-vasquez/")]
    [InlineData("people/elena-vasquez/dossier/")]
    [InlineData("search/?q=design")]
    [InlineData("explorer/")]
    [InlineData("program/coverage/")]
    [InlineData("program/governance/")]
    [InlineData("program/outcomes/")]
    [InlineData("about/")]                            // free page
    [InlineData("no-such-page/")]                     // 404
    public async Task Page_HasNoSeriousOrCriticalViolations(string path)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        if (path.StartsWith("search/", StringComparison.Ordinal)) await page.WaitForSelectorAsync("[data-search-page][data-ready]");
        if (path == "explorer/")
        {
            await page.WaitForSelectorAsync("[data-explorer][data-loaded]");
            await page.SelectOptionAsync("#explorer-current", "software-engineer-1");
        }
        if (path == "badges-by/name/2/") Assert.Equal(2, await page.Locator("nav.pager").CountAsync()); // the page, not the 404
        var results = await page.RunAxe();
        var bad = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(bad.Count == 0, $"{path}:\n" + string.Join("\n", bad));
    }

    /// <summary>The program's pages (issue 18) at a phone's width: wide tables scroll in their own region.</summary>
    [SkippableTheory]
    [InlineData("program/coverage/")]
    [InlineData("program/governance/")]
    [InlineData("program/outcomes/")]
    [InlineData("people/elena-vasquez/dossier/")]          // the promotion scorecard
    public async Task ProgramPage_HasNoSeriousOrCriticalViolations_At390Px(string path)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        var results = await page.RunAxe();
        var bad = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        await context.CloseAsync();
        Assert.True(bad.Count == 0, $"{path}:\n" + string.Join("\n", bad));
    }

    [SkippableFact]
    public async Task DarkTheme_KeepsContrast()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var context = await site.Browser.NewContextAsync(new() { ColorScheme = Microsoft.Playwright.ColorScheme.Dark });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("badges/api-design/"));
        var results = await page.RunAxe();
        Assert.DoesNotContain(results.Violations, v => v.Id == "color-contrast");
        await context.CloseAsync();
    }
}
