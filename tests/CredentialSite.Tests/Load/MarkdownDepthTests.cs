using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Load;

/// <summary>
/// Markdown nested deeper than Markdig renders (it throws past 128 levels) is an error at the field or page that holds
/// it (CS0018), found when the file is read: it was an internal error, or an error blamed on the built-in theme.
/// </summary>
public class MarkdownDepthTests
{
    private static readonly string DeepQuote = new string('>', 300) + " deep";

    private static string DeepList(string indent) =>
        string.Concat(Enumerable.Range(0, 300).Select(i => indent + new string(' ', 2 * i) + "- item\n")).TrimEnd();

    [Fact]
    public void DeepMarkdown_InACatalogField_IsAnErrorAtTheField()
    {
        using var site = TestSite.Build($"""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            description: "{DeepQuote}"
            criteria: |
            {DeepList("  ")}
            """);

        var d = site.AssertDiagnostics(
            "catalog/badges/extra.yml:4:14: error CS0018: the Markdown of 'description' is nested too deeply to render",
            "catalog/badges/extra.yml:5:11: error CS0018: the Markdown of 'criteria' is nested too deeply to render");
        Assert.Contains("flatten", d[0].Hint);
    }

    [Fact]
    public void DeepMarkdown_InAPortfolio_IsAnErrorAtItsField_NotAtATemplate()
    {
        using var site = TestSite.Build($"""
            -- input/portfolios/ann/portfolio.yml --
            name: Ann
            consent:
              publish: true
              scope: [profile, badges, reflections, evidence, attestations]
            badges:
              - badge: code-review
                issued: 2026-01-01
                reflection: |
            {DeepList("      ")}
                evidence:
                  - type: attestation
                    by: Bo
                    statement: "{DeepQuote}"
            managerStatement:
              by: Cy
              statement: "{DeepQuote}"
            """);

        site.AssertDiagnostics(
            "input/portfolios/ann/portfolio.yml:8:17: error CS0018: the Markdown of 'reflection' is nested too deeply to render",
            "input/portfolios/ann/portfolio.yml:312:20: error CS0018: the Markdown of 'statement' is nested too deeply to render",
            "input/portfolios/ann/portfolio.yml:315:14: error CS0018: the Markdown of 'statement' is nested too deeply to render");
    }

    [Fact]
    public void DeepMarkdown_InAPage_IsAnErrorAtThePagesBody()
    {
        using var site = TestSite.Build($"""
            -- input/pages/deep.md --
            ---
            title: Deep
            ---
            {DeepQuote}
            """);

        site.AssertDiagnostic("input/pages/deep.md:4:1: error CS0018: the page's Markdown is nested too deeply to render");
    }
}
