using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Signing;

/// <summary>A test site with one published person holding an issued badge, and keys made by <c>keys new</c> for its issuer.</summary>
internal static class SignedSite
{
    public const string Portfolio = """
        -- input/portfolios/sam/portfolio.yml --
        name: Sam Doe
        consent: { publish: true, scope: [profile, badges, evidence] }
        badges:
          - badge: code-review
            version: 1.0.0
            issued: 2026-03-10
            results: { clarity: exemplary }
        """;

    /// <summary>The key folder next to the site's source and output (outside both).</summary>
    public static string Keys(this TestSite site) => Path.Combine(site.Root, "keys");

    /// <summary>Creates the site and runs keys new for its issuer (academy).</summary>
    public static TestSite WithKeys(string files = Portfolio)
    {
        var site = TestSite.Create(files);
        site.NewKeys();
        return site;
    }

    public static void NewKeys(this TestSite site, string issuer = "academy")
    {
        var code = site.Cli("keys", "new", "--issuer", issuer, "--keys", site.Keys(), "--source", "{src}", "--output", "{out}");
        Assert.True(code == 0, $"keys new failed ({code}):\n{site.Stderr}");
    }

    public static TestSite BuildSigned(this TestSite site) => site.Run(o => o with { Keys = site.Keys() });
}
