using System.Text;
using static CredentialSite.Sample.SampleWords;

namespace CredentialSite.Sample;

/// <summary>The plan's records: competencies, issuers, badges, ladders and portfolios as decided before any file is written.</summary>
internal sealed partial class SampleCatalog
{
    // ---------------------------------------------------------------- plan

    public void Plan()
    {
        PlanCompetencies();
        PlanIssuers();
        PlanBadges();
        PlanLadders();
        PlanPortfolios();
    }

    private sealed record Comp(int Index, string Id, string Name, string Topic, int Cluster, string[] Behaviors, string? SfiaCode);

    private sealed record IssuerPlan(string Id, string Name, string Type, string Code, int Quality);

    private sealed class BadgePlan
    {
        public int Index;
        public string Id = "", Name = "", Tier = "", Status = "", HumanCode = "";
        public int Cluster;
        public List<(Comp Comp, int Level)> Comps = [];
        public IssuerPlan Issuer = null!;
        public string[] Impact = [];
        /// <summary>Newest first, like governance.changelog.</summary>
        public List<(string Version, DateOnly Date)> Versions = [];
        public int Scheme, RequiredLevel;
        public List<CriterionInfo> Criteria = [];
        public int[] CriterionRequired = [];
        public string? ValidFor;
        public List<int> Prerequisites = [], StacksInto = [];

        public bool Referable => Status is "active" or "pilot";
        public bool Earnable => Status != "draft";
        public string Version => Versions[0].Version;
    }

    private sealed record RulePlan(List<int> All, int AtLeast, string? Tier, string? Cluster, string? Impact, List<int> Of, List<int> Witnesses);

    private sealed record PackagePlan(string Name, List<RulePlan> Rules);

    private sealed class RolePlan
    {
        public string Id = "", Name = "";
        public int Level;
        public List<(Comp Comp, int Level)> Competencies = [];
        public List<int> Required = [], Optional = [];
        public List<string> From = [];
        public List<PackagePlan> Packages = [];
    }

    private sealed class LadderPlan
    {
        public string Id = "", Name = "", Area = "";
        public List<int> Clusters = [];
        public List<RolePlan> Roles = [];
        /// <summary>Published, non-retired badges with a competency in one of the ladder's clusters.</summary>
        public List<int> Pool = [];
    }

    private sealed record PortfolioPlanItem(int Index, string Id, string Name, string First, int Ladder, int Level, List<int> Held, List<int> Missing);

    private static readonly (string Id, string Name, string Area, string[] Clusters, (string Id, string Name)[] Roles)[] LadderTemplates =
    [
        ("software-engineering", "Software Engineering", "software products", ["Technical Craft", "Systems & Architecture", "Delivery & Operations"],
            [("software-engineer-1", "Software Engineer I"), ("software-engineer-2", "Software Engineer II"),
             ("senior-software-engineer", "Senior Software Engineer"), ("staff-engineer", "Staff Engineer")]),
        ("technology-consulting", "Technology Consulting", "client engagements", ["Client & Business", "Communication", "Technical Craft"],
            [("associate-consultant", "Associate Consultant"), ("consultant", "Consultant"),
             ("senior-consultant", "Senior Consultant"), ("principal-consultant", "Principal Consultant")]),
        ("site-reliability", "Site Reliability Engineering", "production reliability", ["Delivery & Operations", "Systems & Architecture", "Security & Compliance"],
            [("reliability-engineer-1", "Reliability Engineer I"), ("reliability-engineer-2", "Reliability Engineer II"),
             ("senior-reliability-engineer", "Senior Reliability Engineer"), ("principal-reliability-engineer", "Principal Reliability Engineer")]),
        ("data-engineering", "Data Engineering", "data platforms", ["Data & Analytics", "Systems & Architecture", "Communication"],
            [("data-engineer-1", "Data Engineer I"), ("data-engineer-2", "Data Engineer II"),
             ("senior-data-engineer", "Senior Data Engineer"), ("staff-data-engineer", "Staff Data Engineer")]),
    ];
}
