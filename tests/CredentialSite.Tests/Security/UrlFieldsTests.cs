using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Security;

/// <summary>
/// Every URL field is read by one checked reader: an absolute http(s) URL or a located error (CS0014). A
/// <c>javascript:</c> URL in <c>organization.url</c> would otherwise be a link on every page.
/// </summary>
public sealed class UrlFieldsTests
{
    /// <summary>Each URL field of the format, as a file overlay with "{url}" where the URL goes, and where the value starts.</summary>
    public static readonly TheoryData<string, string> Fields = new()
    {
        { """
          -- site.yml --
          title: T
          baseUrl: https://example.org/
          asOf: 2026-11-01
          organization: { name: Org, url: "{url}" }
          """, "site.yml:4:33" },
        { """
          -- catalog/issuers/academy.yml --
          name: Test Academy
          type: internal
          url: "{url}"
          """, "catalog/issuers/academy.yml:3:6" },
        { """
          -- catalog/issuers/academy.yml --
          name: Test Academy
          type: internal
          endorsements:
            - { name: Council, url: "{url}" }
          """, "catalog/issuers/academy.yml:4:27" },
        { """
          -- catalog/competencies/core.yml --
          name: Core Model
          url: "{url}"
          levels: [awareness, developing, proficient, expert]
          competencies:
            - { id: code-quality, name: Code Quality }
            - { id: influence, name: Influence }
          """, "catalog/competencies/core.yml:2:6" },
        { """
          -- catalog/competencies/core.yml --
          name: Core Model
          levels: [awareness, developing, proficient, expert]
          competencies:
            - id: code-quality
              name: Code Quality
              alignments:
                - { framework: SFIA 9, name: Programming, code: PROG, url: "{url}" }
            - { id: influence, name: Influence }
          """, "catalog/competencies/core.yml:7:66" },
        { """
          -- catalog/badges/stakeholder-management.yml --
          name: Stakeholder Management
          tier: capability
          issuer: academy
          alignments:
            - { targetName: ESCO skill, targetUrl: "{url}" }
          """, "catalog/badges/stakeholder-management.yml:5:42" },
        { """
          -- catalog/badges/stakeholder-management.yml --
          name: Stakeholder Management
          tier: capability
          issuer: academy
          assessment:
            - { method: portfolio-review, example: "{url}" }
          """, "catalog/badges/stakeholder-management.yml:5:42" },
        { """
          -- input/portfolios/eve/portfolio.yml --
          name: Eve
          consent: { publish: true, scope: [profile, badges, evidence] }
          badges:
            - badge: code-review
              evidence:
                - { type: artifact, title: Demo, url: "{url}" }
          """, "input/portfolios/eve/portfolio.yml:6:45" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void JavaScriptUrl_IsALocatedError_InEveryUrlField(string overlay, string at)
    {
        using var site = TestSite.Build(overlay.Replace("{url}", "javascript:alert(document.domain)"));
        var d = site.AssertDiagnostic($"{at}: error CS0014: '");
        Assert.Contains("must be an absolute http(s) URL, found 'javascript:alert(document.domain)'", d.Message);
        Assert.False(Directory.Exists(site.Output), "nothing is written");
    }

    [Theory]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:a@example.org")]
    [InlineData("//evil.example/x")]
    [InlineData("/relative/path")]
    [InlineData("https://exa mple.org/")]
    [InlineData("https://")]
    public void OnlyAbsoluteHttpUrls_AreUrls(string url)
    {
        Assert.False(CredentialSite.Load.YamlFields.IsWebUrl(url.Replace("\\t", "\t")));
        Assert.True(CredentialSite.Load.YamlFields.IsWebUrl("https://example.org/a?b=c#d")); // (the sample and Minimal hold many)
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:a@example.org")]
    [InlineData("a@example.org\" onmouseover=\"alert(1)")]
    public void IssuerEmail_MustBeAnAddress(string email)
    {
        using var site = TestSite.Build($"""
            -- catalog/issuers/academy.yml --
            name: Test Academy
            type: internal
            email: '{email}'
            """);
        site.AssertDiagnostic("catalog/issuers/academy.yml:3:8: error CS0014: 'email' must be an email address");
    }
}
