using CredentialSite.Diagnostics;
using CredentialSite.Model;

namespace CredentialSite.Load;

/// <summary>Opt-in portfolios: input/portfolios/&lt;id&gt;/portfolio.yml.</summary>
public static class LoadPortfolios
{
    public static IReadOnlyList<Portfolio> Run(SourceFolder source, DiagnosticBag diags)
    {
        // Portfolio reading lands with the portfolios issue; until then a portfolios folder is ignored.
        _ = source;
        _ = diags;
        return [];
    }
}
