using CredentialSite.Diagnostics;
using CredentialSite.Load;
using CredentialSite.Model;

namespace CredentialSite.Tests.Import;

/// <summary>
/// The playbook's two spreadsheet templates imported into a copy of the sample site (`import roles`, `import badges`),
/// the site built from the result, bad rows located in the CSV, and the site's CSV downloads imported back.
/// </summary>
public sealed class ImportCommandTests
{
    // The badge-to-role template as an L&D team fills it in: badges by name (one by id), packages in words.
    private const string PlatformLadder = """
        Role,Required Badges,Optional Badges,Promotion Package
        Associate Platform Engineer,"Engineering Foundations, Secure Coding Essentials","Cloud Practitioner, Testing Fundamentals",
        Platform Engineer,"Engineering Foundations, Secure Coding Essentials, On-Call Readiness","Infrastructure as Code, Continuous Delivery",Baseline + 1 Capability
        Senior Platform Engineer,"Engineering Foundations, on-call-readiness, Infrastructure as Code","Observability and SLOs, API Design, Code Review Practitioner",2 Capability + 1 Distinction
        """;

    // The badge-definition template: one row per badge and competency.
    private const string PlatformBadges = """
        Badge,Competency,Observable behaviors,Assessment method,Role level
        Kubernetes Operations,Continuous Delivery,"Rolls out changes progressively, with automated health checks; Rolls back within minutes when a release misbehaves","Work sample, Oral defense",Software Engineer II
        Kubernetes Operations,Incident Response,"Restores service by following, and then improving, the runbook",Scenario simulation,proficient
        Cost-Aware Architecture,System Design,"Estimates a design's running cost before building it
        Chooses managed services where they lower the total cost",Capstone project,"Senior Software Engineer"
        """;

    [Fact]
    public void ImportRoles_WritesANewLadder_AndTheBuiltSiteShowsItsRolesAndPackages()
    {
        using var site = new SampleCopy();
        var csv = site.Csv("platform-roles.csv", PlatformLadder);

        Assert.Equal(0, site.Cli("import", "roles", csv, "--ladder", "platform", "--source", "{src}"));
        Assert.Contains("create catalog/roles/platform.yml", site.Stdout);
        Assert.Contains("imported: 1 file written; valid: 0 warnings", site.Stdout);

        var ladder = Load(site).Ladders.Single(l => l.Id == "platform");
        Assert.Equal(["associate-platform-engineer", "platform-engineer", "senior-platform-engineer"], ladder.Roles.Select(r => r.Id));
        var senior = ladder.Roles[2];
        Assert.Equal(["engineering-foundations", "on-call-readiness", "infrastructure-as-code"], senior.RequiredBadges);
        Assert.Equal(["observability-and-slos", "api-design", "code-review-practitioner"], senior.OptionalBadges);
        Assert.Equal(["platform-engineer"], senior.Promotion!.From);
        Assert.Equal([(2, "capability"), (1, "distinction")], senior.Promotion.Packages.Single().Rules.Select(r => (r.AtLeast!.Value, r.Tier!)));
        Assert.Equal([(1, "baseline"), (1, "capability")], ladder.Roles[1].Promotion!.Packages.Single().Rules.Select(r => (r.AtLeast!.Value, r.Tier!)));
        Assert.Null(ladder.Roles[0].Promotion);

        Assert.Equal(0, site.Cli("build", "--source", "{src}", "--output", "{out}", "--warnings-as-errors"));
        var page = site.ReadOutput("ladders/platform/index.html");
        Assert.Contains("Senior Platform Engineer", page);
        Assert.Contains("1 promotion package", page);
        var role = site.ReadOutput("roles/senior-platform-engineer/index.html");
        Assert.Contains("Infrastructure as Code", role);
        Assert.Contains("Distinction", role);
    }

    [Fact]
    public void ImportRoles_UpdatesAnExistingLadderInPlace_KeepingItsOtherLinesAndComments()
    {
        using var site = new SampleCopy();
        var path = Path.Combine(site.Source, "catalog", "roles", "software-engineering.yml");
        var before = File.ReadAllText(path).Replace("  - id: staff-engineer\n", "  # Staff is the first cross-team role.\n  - id: staff-engineer\n");
        File.WriteAllText(path, before);
        var csv = site.Csv("se.csv", """
            Role,Required Badges,Optional Badges,Promotion Package
            Staff Engineer,"Engineering Foundations, System Design",Mentoring Practitioner,"Architecture track: System Design + Technical Decision Making + 1 Distinction"
            Principal Engineer,"System Design, Staff Engineering Distinction",,2 Distinction + 1 Capability [cluster: Leadership]
            """);

        Assert.Equal(0, site.Cli("import", "roles", csv, "--ladder", "software-engineering", "--source", "{src}"));

        var after = File.ReadAllText(path);
        // Everything up to Staff Engineer's badges is as it was, the comment included.
        var keptUpTo = before.IndexOf("    badges:\n      required: [engineering-foundations, secure-coding-essentials, system-design]", StringComparison.Ordinal);
        Assert.Equal(before[..keptUpTo], after[..keptUpTo]);
        Assert.Contains("  # Staff is the first cross-team role.\n", after);
        var ladder = Load(site).Ladders.Single(l => l.Id == "software-engineering");
        var staff = ladder.Roles.Single(r => r.Id == "staff-engineer");
        Assert.Equal(["engineering-foundations", "system-design"], staff.RequiredBadges);
        Assert.Equal(["senior-software-engineer", "senior-consultant"], staff.Promotion!.From); // a lateral move stays
        var package = staff.Promotion.Packages.Single();
        Assert.Equal("Architecture track", package.Name);
        Assert.Equal(["system-design", "decision-records"], package.Rules[0].All);
        var principal = ladder.Roles[^1];
        Assert.Equal(("principal-engineer", "Principal Engineer"), (principal.Id, principal.Name));
        Assert.Equal(["staff-engineer"], principal.Promotion!.From);
        Assert.Equal("Leadership", principal.Promotion.Packages[0].Rules[1].Cluster);
    }

    [Fact]
    public void ImportBadges_WritesDrafts_MappedToCompetenciesAndRoles_AndTheSiteShowsThemWithDrafts()
    {
        using var site = new SampleCopy();
        var csv = site.Csv("platform-badges.csv", PlatformBadges);

        Assert.Equal(0, site.Cli("import", "badges", csv, "--issuer", "northwind-academy", "--source", "{src}"));

        var badges = Load(site).Badges.ToDictionary(b => b.Id);
        var k8s = badges["kubernetes-operations"];
        Assert.Equal(("Kubernetes Operations", "draft", "capability", "northwind-academy"), (k8s.Name, k8s.Status, k8s.Tier, k8s.Issuer));
        Assert.Equal(["work-sample", "oral-defense", "scenario-simulation"], k8s.Assessment.Select(a => a.Method));
        Assert.Equal(["continuous-delivery", "incident-response"], k8s.Competencies.Select(c => c.Competency));
        Assert.Equal(["Rolls out changes progressively, with automated health checks", "Rolls back within minutes when a release misbehaves"],
            k8s.Competencies[0].Behaviors);
        Assert.Equal("developing", k8s.Competencies[0].Level); // what Software Engineer II expects of continuous delivery
        Assert.Equal("proficient", k8s.Competencies[1].Level); // written in the row
        Assert.Equal(2, badges["cost-aware-architecture"].Competencies[0].Behaviors.Count);
        var roles = Load(site).Ladders.SelectMany(l => l.Roles).ToDictionary(r => r.Id);
        Assert.Contains("kubernetes-operations", roles["software-engineer-2"].OptionalBadges);
        Assert.Contains("cost-aware-architecture", roles["senior-software-engineer"].OptionalBadges);

        Assert.Equal(0, site.Cli("build", "--source", "{src}", "--output", "{out}", "--drafts"));
        Assert.Contains("Kubernetes Operations", site.ReadOutput("badges/kubernetes-operations/index.html"));
        Assert.Contains("Cost-Aware Architecture", site.ReadOutput("roles/senior-software-engineer/index.html"));
    }

    [Fact]
    public void ImportBadges_SkipsABadgeThatExists_NeverOverwritingIt()
    {
        using var site = new SampleCopy();
        var before = site.Read("catalog/badges/api-design.yml");
        var csv = site.Csv("b.csv", "Badge,Competency,Observable behaviors,Assessment method,Role level\nAPI Design,API Design,Designs contracts first,Work sample,\n");

        Assert.Equal(0, site.Cli("import", "badges", csv, "--issuer", "northwind-academy", "--source", "{src}"));

        Assert.Contains("skip   catalog/badges/api-design.yml (line 2: the badge exists; import never overwrites a badge)", site.Stdout);
        Assert.Equal(before, site.Read("catalog/badges/api-design.yml"));
    }

    [Fact]
    public void BadRows_AreAllReportedAtTheirCsvLineAndColumn_AndNothingIsWritten()
    {
        using var site = new SampleCopy();
        var snapshot = site.Snapshot();
        var csv = site.Csv("roles.csv", """
            Role,Required Badges,Optional Badges,Promotion Package
            Associate Platform Engineer,Engineering Foundations,"Cloud Practitioner, Code Review",
            Platform Engineer,"Engineering Foundations, On-Call Readines",,Baseline + 1 Capabilty
            Staff Engineer,,,2 Capability +
            """);

        Assert.Equal(1, site.Cli("import", "roles", csv, "--ladder", "platform", "--source", "{src}"));

        var lines = site.Stderr.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains($"{csv}:2:3: error CS0302: unknown badge 'Code Review'", lines);
        Assert.Contains("    hint: did you mean 'Code Review Practitioner'?", lines);
        Assert.Contains($"{csv}:3:2: error CS0302: unknown badge 'On-Call Readines'", lines);
        Assert.Contains("    hint: did you mean 'On-Call Readiness'?", lines);
        Assert.Contains($"{csv}:3:4: error CS0302: unknown tier 'Capabilty'", lines);
        Assert.Contains($"{csv}:4:1: error CS0303: the role id 'staff-engineer' is taken by ladder 'software-engineering'", lines);
        Assert.Contains($"{csv}:4:4: error CS0303: the package '2 Capability +' has an empty part", lines);
        Assert.Contains("failed: 5 errors; nothing written", site.Stderr);
        Assert.Equal(snapshot, site.Snapshot());
    }

    [Fact]
    public void ABadBadgeRow_IsLocated_WithADidYouMean()
    {
        using var site = new SampleCopy();
        var csv = site.Csv("badges.csv", """
            Badge,Competency,Observable behaviors,Assessment method,Role level
            Edge Caching,Continuous Deliveri,Caches at the edge,"Work samples, Peer review",Staf Engineer
            """);

        Assert.Equal(1, site.Cli("import", "badges", csv, "--issuer", "northwind-academy", "--source", "{src}"));

        Assert.Contains($"{csv}:2:2: error CS0302: unknown competency 'Continuous Deliveri'", site.Stderr);
        Assert.Contains($"{csv}:2:4: error CS0302: unknown assessment method 'Work samples'", site.Stderr);
        Assert.Contains("hint: did you mean 'Work sample'?", site.Stderr);
        Assert.Contains($"{csv}:2:5: error CS0302: unknown role or level 'Staf Engineer'", site.Stderr);
        Assert.False(File.Exists(Path.Combine(site.Source, "catalog", "badges", "edge-caching.yml")));
    }

    [Fact]
    public void AMalformedCsv_IsAFormatError_AtItsLine()
    {
        using var site = new SampleCopy();
        var missing = site.Csv("missing.csv", "Role,Required Badge,Optional Badges,Promotion Package\nX,,,\n");
        var unclosed = site.Csv("unclosed.csv", "Role,Required Badges,Optional Badges,Promotion Package\nX,,,\nY,\"Engineering Foundations,,\nZ,,,\n");

        Assert.Equal(1, site.Cli("import", "roles", missing, "--ladder", "platform", "--source", "{src}"));
        Assert.Contains($"{missing}:1:1: error CS0301: no column 'Required Badges'", site.Stderr);
        Assert.Contains("hint: did you mean 'Required Badge'?", site.Stderr);

        Assert.Equal(1, site.Cli("import", "roles", unclosed, "--ladder", "platform", "--source", "{src}"));
        Assert.Contains($"{unclosed}:3:2: error CS0301: a quoted cell is not closed", site.Stderr);
        Assert.False(File.Exists(Path.Combine(site.Source, "catalog", "roles", "platform.yml")));
    }

    [Fact]
    public void DryRun_PrintsTheChanges_AndWritesNothing()
    {
        using var site = new SampleCopy();
        var snapshot = site.Snapshot();
        var roles = site.Csv("roles.csv", PlatformLadder);
        var badges = site.Csv("badges.csv", PlatformBadges);

        Assert.Equal(0, site.Cli("import", "roles", roles, "--ladder", "platform", "--source", "{src}", "--dry-run"));
        Assert.Contains("create catalog/roles/platform.yml", site.Stdout);
        Assert.Contains("  +   - id: senior-platform-engineer", site.Stdout);
        Assert.Contains("dry run: 1 file to write; nothing written", site.Stdout);

        Assert.Equal(0, site.Cli("import", "badges", badges, "--issuer", "northwind-academy", "--source", "{src}", "--dry-run"));
        Assert.Contains("create catalog/badges/kubernetes-operations.yml", site.Stdout);
        Assert.Contains("update catalog/roles/software-engineering.yml", site.Stdout);
        Assert.Contains("  +       optional: [testing-fundamentals, on-call-readiness, technical-writing, api-design, continuous-delivery, kubernetes-operations]", site.Stdout);
        Assert.Equal(snapshot, site.Snapshot());
    }

    [Fact]
    public void LadderCsv_DownloadedFromTheSite_ImportsIntoAFreshLadder_WithTheSameRolesBadgesAndPackages()
    {
        using var first = new SampleCopy();
        Assert.Equal(0, first.Cli("import", "roles", first.Csv("roles.csv", PlatformLadder), "--ladder", "platform", "--source", "{src}"));
        Assert.Equal(0, first.Cli("build", "--source", "{src}", "--output", "{out}"));
        var exported = first.ReadOutput("ladders/platform.csv");

        using var second = new SampleCopy();
        Assert.Equal(0, second.Cli("import", "roles", second.Csv("roles.csv", exported), "--ladder", "platform", "--source", "{src}"));

        Assert.Equal(first.Read("catalog/roles/platform.yml"), second.Read("catalog/roles/platform.yml"));
    }

    [Fact]
    public void SampleLadderCsv_WithEveryKindOfRule_ImportsBackUnchanged()
    {
        using var site = new SampleCopy();
        Assert.Equal(0, site.Cli("build", "--source", "{src}", "--output", "{out}"));
        var exported = site.ReadOutput("ladders/software-engineering.csv");
        Assert.Contains("Product engineering: Code Review Practitioner + Testing Fundamentals + 1 badge [of: Clear Technical Writing, On-Call Readiness] + 1 Capability [cluster: Technical Craft]", exported);
        var before = Load(site).Ladders.Single(l => l.Id == "software-engineering");

        Assert.Equal(0, site.Cli("import", "roles", site.Csv("se.csv", exported), "--ladder", "software-engineering", "--source", "{src}"));

        var after = Load(site).Ladders.Single(l => l.Id == "software-engineering");
        Assert.Equal(Describe(before), Describe(after));
        // The spreadsheet has no scorecard column: the role keeps its scorecard (issue 18).
        Assert.Equal(["outcomes:40:manager", "badges:40:readiness", "endorsements:20:manager"],
            after.Roles.Single(r => r.Id == "staff-engineer").Promotion!.Scorecard.Select(p => $"{p.Id}:{p.Weight}:{p.Source}"));
    }

    [Fact]
    public void BadgesCsv_DownloadedFromTheSite_ImportsIntoAFreshCatalog_AsTheSameBadges()
    {
        using var first = new SampleCopy();
        Assert.Equal(0, first.Cli("import", "badges", first.Csv("platform.csv", PlatformBadges), "--issuer", "northwind-academy", "--source", "{src}"));
        Assert.Equal(0, first.Cli("build", "--source", "{src}", "--output", "{out}", "--drafts"));
        var rows = first.ReadOutput("badges.csv").Split('\n');
        var imported = string.Join('\n', rows.Where((r, i) => i == 0 || r.Contains(",kubernetes-operations,", StringComparison.Ordinal)
            || r.Contains(",cost-aware-architecture,", StringComparison.Ordinal)));

        using var second = new SampleCopy();
        Assert.Equal(0, second.Cli("import", "badges", second.Csv("platform.csv", imported), "--issuer", "northwind-academy", "--source", "{src}"));

        foreach (var file in new[] { "catalog/badges/kubernetes-operations.yml", "catalog/badges/cost-aware-architecture.yml", "catalog/roles/software-engineering.yml" })
            Assert.Equal(first.Read(file), second.Read(file));
    }

    private static Catalog Load(SampleCopy site)
    {
        var diags = new DiagnosticBag();
        var catalog = LoadCatalog.Run(new SourceFolder(site.Source), new BuildOptions { Source = site.Source }, diags);
        Assert.False(diags.HasErrors, string.Join("\n", diags.Sorted()));
        return catalog!;
    }

    private static string Describe(Ladder ladder) => string.Join("\n", ladder.Roles.Select(r =>
        $"{r.Id} {r.Name} req=[{string.Join(",", r.RequiredBadges)}] opt=[{string.Join(",", r.OptionalBadges)}] from=[{string.Join(",", r.Promotion?.From ?? [])}] " +
        string.Join(" | ", r.Promotion?.Packages.Select(p => p.Name + ": " + string.Join(" + ", p.Rules.Select(x =>
            $"all[{string.Join(",", x.All)}] {x.AtLeast} {x.Tier} {x.Competency} {x.Cluster} of[{string.Join(",", x.Of)}] {x.Impact}"))) ?? [])));
}
