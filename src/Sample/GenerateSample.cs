using System.Text;
using static CredentialSite.Sample.SampleWords;

namespace CredentialSite.Sample;

/// <summary>
/// Writes a synthetic, realistic source folder of any size (the <c>sample</c> command): site.yml, issuers,
/// one competency framework, badges, career ladders, opt-in portfolios and an about page. The same
/// arguments give byte-identical files: all randomness comes from <see cref="SampleRng"/> streams derived
/// from the seed, and nothing is iterated in hash order.
/// </summary>
/// <remarks>
/// Links between badges cannot form cycles, alone or together: prerequisites point to lower-index badges
/// (baseline to baseline; capability to baseline or capability; distinction to baseline or distinction),
/// and only capability badges stack into distinction badges of a higher index. A cycle would need a path
/// from a distinction badge back to a capability badge, and prerequisites of distinction and baseline
/// badges never lead to one. References (prerequisites, stacksInto, roles, portfolios) only name badges
/// that are published and not retired, except that portfolios may hold retired badges.
/// </remarks>
public static class GenerateSample
{
    /// <summary>Writes the folder; returns the number of files written. The folder may exist but should be empty.</summary>
    public static int Write(string outDir, int badges, int portfolios, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(badges, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(portfolios);
        var catalog = new SampleCatalog(badges, portfolios, seed);
        catalog.Plan();
        return catalog.WriteFiles(outDir);
    }
}

/// <summary>The planned catalog: everything that files refer to across each other, decided before any file is written.</summary>
internal sealed partial class SampleCatalog
{
    public static readonly DateOnly AsOf = new(2026, 11, 1);
    public static readonly DateOnly PromotionWindow = new(2027, 3, 31);
    private const string Org = "Meridian Engineering";
    private const string Domain = "meridian.example";
    private static readonly string[] FrameworkLevels = ["awareness", "developing", "proficient", "expert"];
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Stream kinds for SampleRng: one for each planning step, one per written entity.
    private const int PlanStream = 1, IssuerText = 2, CompetencyText = 3, BadgeText = 4, PortfolioPlan = 5, PortfolioText = 6;

    private readonly int _badgeCount, _portfolioCount;
    private readonly ulong _seed;

    private readonly List<ClusterInfo> _clusters = [];
    private readonly List<Comp> _comps = [];
    private readonly List<(int First, int Last)> _clusterRuns = [];
    private readonly List<IssuerPlan> _issuers = [];
    private readonly List<BadgePlan> _badges = [];
    private readonly List<LadderPlan> _ladders = [];
    private readonly List<PortfolioPlanItem> _portfolios = [];

    public SampleCatalog(int badges, int portfolios, ulong seed)
    {
        _badgeCount = badges;
        _portfolioCount = portfolios;
        _seed = seed;
    }

    private SampleRng Rng(int kind, int index) => new(_seed, SampleRng.Stream(kind, index));
}
