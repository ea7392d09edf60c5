using System.Text.Json;
using CredentialSite.Analyze;
using CredentialSite.Diagnostics;
using CredentialSite.Load;
using CredentialSite.Model;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Browser;

/// <summary>The next-role explorer: the browser computes exactly what the C# readiness engine computes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerTests(BrowserFixture site)
{
    private static readonly Catalog Sample = LoadCatalog.Run(new SourceFolder(TestPaths.RepoRoot), BuildOptions.Default, new DiagnosticBag())!;

    /// <summary>
    /// Held sets for every role with packages: none, all, seeded random subsets of published badges, and every badge
    /// with the drafts (which count in neither engine: the explorer does not even know them without --drafts).
    /// </summary>
    public static IEnumerable<object[]> Cases()
    {
        var published = Sample.Badges.Where(b => !b.IsDraft).Select(b => b.Id).Order(StringComparer.Ordinal).ToList();
        var withDrafts = Sample.Badges.Select(b => b.Id).Order(StringComparer.Ordinal).ToArray();
        var drafts = Sample.Badges.Where(b => b.IsDraft).Select(b => b.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(drafts);
        var random = new Random(7);
        foreach (var role in Sample.Ladders.SelectMany(l => l.Roles).Where(r => r.Promotion is not null).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            yield return [role.Id, Array.Empty<string>()];
            yield return [role.Id, published.ToArray()];
            yield return [role.Id, withDrafts];
            yield return [role.Id, drafts];
            for (var i = 0; i < 4; i++)
                yield return [role.Id, published.Where(_ => random.NextDouble() < 0.45).ToArray()];
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Explorer_ComputesTheSameReadiness_AsTheCSharpEngine(string roleId, string[] held)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var badges = Sample.Badges.ToDictionary(b => b.Id);
        var competencies = Sample.Frameworks.SelectMany(f => f.Competencies).ToDictionary(c => c.Id);
        var role = Sample.Ladders.SelectMany(l => l.Roles).Single(r => r.Id == roleId);
        var earned = held.Select(id => new EarnedBadge(id, null, null, null, null, null, [], [], null, "public", "")).ToList();
        var expected = Readiness.Evaluate(earned, role, badges, competencies, new DateOnly(2026, 11, 1), null);

        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("explorer/"));
        await page.WaitForSelectorAsync("[data-explorer][data-loaded]");
        var json = await page.EvaluateAsync<JsonElement>(
            "async ([held, role]) => { const data = await (await fetch('" + site.Url("explorer.json") + "')).json(); return CredentialExplorer.evaluate(data, held, role); }",
            new object[] { held, roleId });

        Assert.Equal(expected.Ready, json.GetProperty("ready").GetBoolean());
        var packages = json.GetProperty("packages").EnumerateArray().ToList();
        Assert.Equal(expected.Packages.Count, packages.Count);
        for (var p = 0; p < packages.Count; p++)
        {
            Assert.Equal(expected.Packages[p].Met, packages[p].GetProperty("met").GetBoolean());
            Assert.Equal(expected.Packages[p].Missing, packages[p].GetProperty("missing").GetInt32());
            var rules = packages[p].GetProperty("rules").EnumerateArray().ToList();
            for (var r = 0; r < rules.Count; r++)
            {
                var want = expected.Packages[p].Rules[r];
                Assert.Equal(want.Assigned, Strings(rules[r].GetProperty("assigned")));
                Assert.Equal(want.Missing, rules[r].GetProperty("missing").GetInt32());
                Assert.Equal(want.Candidates, Strings(rules[r].GetProperty("candidates")));
                Assert.Equal(want.Text, rules[r].GetProperty("text").GetString());
            }
        }
        Assert.Equal(expected.Required.Select(x => (x.BadgeId, x.Held)),
            json.GetProperty("required").EnumerateArray().Select(x => (x.GetProperty("badgeId").GetString()!, x.GetProperty("held").GetBoolean())));
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    [SkippableFact]
    public async Task Explorer_ShowsWhatIsMissing_AndKeepsTicksInThisBrowser()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("explorer/"));
        await page.WaitForSelectorAsync("[data-explorer][data-loaded]");
        await page.SelectOptionAsync("#explorer-current", "software-engineer-1");
        Assert.Equal("software-engineer-2", await page.InputValueAsync("#explorer-target"));
        Assert.Equal("false", await page.GetAttributeAsync(".verdict", "data-ready"));
        Assert.Contains("missing", await page.InnerTextAsync("[data-report]"));

        await page.CheckAsync("#held-engineering-foundations");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-explorer][data-loaded]");
        Assert.True(await page.IsCheckedAsync("#held-engineering-foundations"));
        Assert.Equal("software-engineer-2", await page.InputValueAsync("#explorer-target"));
        var link = page.Locator("[data-report] a").First;
        Assert.StartsWith("/repo/badges/", await link.GetAttributeAsync("href"));
        await context.CloseAsync();
    }
}
