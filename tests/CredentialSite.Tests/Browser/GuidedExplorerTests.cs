namespace CredentialSite.Tests.Browser;

/// <summary>The guided explorer (issue 17): role pages preset the target, a route when it is not one step away,
/// "I hold what my current role requires", and the badges that would close the most gaps.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GuidedExplorerTests(BrowserFixture site)
{
    [SkippableFact]
    public async Task ARolePage_LinksIntoTheExplorer_WhichShowsTheRouteAndRanksTheBadges()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("roles/staff-engineer/"));
        await page.ClickAsync("a[href$='explorer/?target=staff-engineer']");
        await page.WaitForSelectorAsync("[data-explorer][data-loaded]");
        Assert.Equal("staff-engineer", await page.InputValueAsync("#explorer-target"));

        await page.SelectOptionAsync("#explorer-current", "software-engineer-1");
        Assert.Equal("staff-engineer", await page.InputValueAsync("#explorer-target")); // the preset stays
        var route = await page.Locator("[data-route]").InnerTextAsync();
        Assert.Contains("Software Engineer I → Software Engineer II → Senior Software Engineer → Staff Engineer", route);

        await page.ClickAsync("[data-hold-current]");
        Assert.True(await page.IsCheckedAsync("#held-engineering-foundations"));
        Assert.True(await page.IsCheckedAsync("#held-secure-coding-essentials"));
        var first = await page.Locator("[data-ranked] li").First.InnerTextAsync();
        Assert.Matches(@"closes \d+ rules?, rigor [\d.]+", first);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Route_FollowsPromotions_AndIsNullWhenNoneLeadsThere()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("explorer/"));
        await page.WaitForSelectorAsync("[data-explorer][data-loaded]");
        var steps = await page.EvaluateAsync<string[]>("fetch('explorer.json'.replace(/^/, document.querySelector('[data-explorer]').dataset.base)).then(r => r.json()).then(d => CredentialExplorer.route(d, 'software-engineer-2', 'principal-consultant'))");
        // Shortest first; between routes as short, the ladders' order decides.
        Assert.Equal(["software-engineer-2", "senior-software-engineer", "staff-engineer", "principal-consultant"], steps);
        Assert.Null(await page.EvaluateAsync<string[]?>("fetch(document.querySelector('[data-explorer]').dataset.base + 'explorer.json').then(r => r.json()).then(d => CredentialExplorer.route(d, 'staff-engineer', 'software-engineer-1'))"));
        await page.Context.CloseAsync();
    }
}
