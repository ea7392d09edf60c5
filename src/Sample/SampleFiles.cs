using System.Text;
using static CredentialSite.Sample.SampleWords;

namespace CredentialSite.Sample;

/// <summary>Writing the planned catalog: site.yml, issuers and the competency framework.</summary>
internal sealed partial class SampleCatalog
{
    // ---------------------------------------------------------------- write

    private string _root = "";
    private int _written;
    private readonly HashSet<string> _dirs = new(StringComparer.Ordinal);

    public int WriteFiles(string outDir)
    {
        _root = Path.GetFullPath(outDir);
        Save("site.yml", SiteYaml());
        foreach (var issuer in _issuers) Save($"catalog/issuers/{issuer.Id}.yml", IssuerYaml(issuer));
        Save("catalog/competencies/engineering.yml", FrameworkYaml());
        foreach (var b in _badges) Save($"catalog/badges/{b.Id}.yml", BadgeYaml(b));
        foreach (var ladder in _ladders) Save($"catalog/roles/{ladder.Id}.yml", LadderYaml(ladder));
        foreach (var p in _portfolios) Save($"input/portfolios/{p.Id}/portfolio.yml", PortfolioYaml(p));
        Save("input/pages/about.md", AboutPage());
        return _written;
    }

    private void Save(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        var dir = Path.GetDirectoryName(path)!;
        if (_dirs.Add(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, content, Utf8);
        _written++;
    }

    private string SiteYaml()
    {
        var y = new SampleYaml();
        y.Text("title", $"{Org} Credentials");
        y.Text("description", $"Micro-credentials that make skills visible and connect them to roles and promotion at {Org}. "
            + $"A synthetic catalog of {Text.Count(_badgeCount, "badge")} (seed {_seed}).");
        y.Raw("baseUrl", "https://example.github.io/catalog/");
        y.Raw("language", "en");
        y.Open("organization");
        y.Text("name", Org);
        y.Raw("url", $"https://{Domain}");
        y.Close();
        y.Date("asOf", AsOf);
        y.Date("promotionWindow", PromotionWindow);
        return y.ToString();
    }

    private static readonly string[] VettingAnswers = ["yes", "partial", "no"];
    private static readonly int[][] VettingOdds = [[80, 15, 5], [50, 35, 15], [20, 35, 45]];

    private string IssuerYaml(IssuerPlan issuer)
    {
        var rng = Rng(IssuerText, _issuers.IndexOf(issuer));
        var y = new SampleYaml();
        var host = issuer.Type == "internal" ? $"{Text.Slug(issuer.Name.Replace(Org, "", StringComparison.Ordinal))}.{Domain}" : $"{issuer.Id}.example";
        y.Text("name", issuer.Name);
        y.Raw("type", issuer.Type);
        y.Raw("url", $"https://{host}");
        y.Raw("email", $"credentials@{host}");
        var kind = issuer.Type switch
        {
            "internal" => $"an internal school of {Org}",
            "university" => "a university that runs short professional programs",
            "professional-body" => "a professional body that sets practice standards",
            "training-provider" => "a training provider with instructor-led cohorts",
            "industry-association" => "an industry association run by practitioners",
            _ => "a technology vendor that certifies practitioners on its platform",
        };
        var badges = _badges.Count(b => b.Issuer == issuer);
        y.Text("description",
            $"{Text.UpperFirst(Text.The(issuer.Name))} is {kind}. It designs and assesses {Text.Count(badges, "badge")} in this catalog.\n\n"
            + (issuer.Quality == 0
                ? "- Every rubric is published before a cohort opens.\n- Assessors calibrate against anchor samples each quarter.\n- Credentials are issued as signed Open Badges 3.0 files.\n"
                : issuer.Quality == 1
                    ? "- Rubrics are shared with candidates on request.\n- Most assessments are graded by one trained assessor.\n"
                    : "- Assessment is mostly by attendance and a short quiz.\n- The **Credential Governance Council** reviews its badges every year.\n"));
        y.Open("vetting");
        y.Date("reviewed", new DateOnly(2025, 9, 1).AddDays(rng.Range(0, 360)));
        y.Text("reviewedBy", "Credential Governance Council");
        foreach (var (check, _) in Model.Vocabulary.VettingChecks)
        {
            if (issuer.Quality != 0 && rng.Chance(0.1)) continue; // not reviewed
            y.Raw(check, VettingAnswers[rng.Weighted(VettingOdds[issuer.Quality])]);
        }
        y.Text("notes", issuer.Quality switch
        {
            0 => "Strong on rubrics and calibration. Employer references are collected for distinction badges only.\n",
            1 => "Assessor calibration is **partial**: the provider plans quarterly calibration sessions from next year.\n",
            _ => "Accepted for baseline badges only until the provider publishes its rubrics.\n",
        });
        y.Close();
        if (rng.Chance(0.4))
        {
            y.OpenList("endorsements");
            y.Item();
            var place = rng.Pick(Places);
            y.Text("name", $"{place} Software Quality Council");
            y.Raw("url", $"https://{Text.Slug(place)}-sqc.example");
            y.Date("date", new DateOnly(2025, 1, 15).AddDays(rng.Range(0, 500)));
            y.Text("comment", $"Reviewed the assessment design and assessor calibration of {Text.The(issuer.Name)} and found them consistent with its practice guide.");
            y.Close();
        }
        return y.ToString();
    }

    private string FrameworkYaml()
    {
        var rng = Rng(CompetencyText, 0);
        var y = new SampleYaml();
        y.Text("name", $"{Org} Competency Model");
        y.Text("version", "2026.1");
        y.Raw("url", $"https://handbook.{Domain}/competency-model");
        y.Text("description",
            $"The competencies {Org} expects of its people, grouped in {Text.Count(_clusters.Count, "cluster")}. "
            + "Each competency is described at four levels:\n\n"
            + "| Level | What it looks like |\n| --- | --- |\n"
            + "| **Awareness** | Knows the concepts and vocabulary; applies them with guidance. |\n"
            + "| **Developing** | Applies the competency independently on routine work. |\n"
            + "| **Proficient** | Applies it on complex work and helps teammates do the same. |\n"
            + "| **Expert** | Shapes how the organization practices it; recognised as a reference. |\n");
        y.Flow("levels", FrameworkLevels);
        y.OpenList("competencies");
        var cluster = -1;
        foreach (var c in _comps)
        {
            if (c.Cluster != cluster)
            {
                cluster = c.Cluster;
                y.Comment($"--- {_clusters[cluster].Name} ---", outdent: 2);
            }
            y.Item();
            y.Raw("id", c.Id);
            y.Text("name", c.Name);
            y.Text("cluster", _clusters[c.Cluster].Name);
            y.Text("description", $"Practising {c.Topic} so that the team {_clusters[c.Cluster].Outcome}.");
            y.OpenList("behaviors");
            foreach (var behavior in c.Behaviors) y.ListText(behavior);
            y.Close();
            if (c.SfiaCode is not null || rng.Chance(0.3))
            {
                y.OpenList("alignments");
                if (c.SfiaCode is not null)
                    y.FlowItem(("framework", "SFIA 9"), ("name", SampleYaml.Q(c.Name)), ("code", c.SfiaCode), ("url", $"https://skills.example.org/sfia-9/{c.Id}"));
                var (code, name) = rng.Pick(_clusters[c.Cluster].Occupations);
                y.FlowItem(("framework", "O*NET"), ("name", SampleYaml.Q(name)), ("code", code), ("url", OnetUrl(code)));
                y.Close();
            }
        }
        y.Close();
        return y.ToString();
    }

    private static string OnetUrl(string code) => $"https://www.onetonline.org/link/summary/{code}";

    private sealed record MethodInfo(string Id, string Name, (string Iso, string Words)[] Durations, double Proctored, string Description, string EvidenceType, string Evidence);

    private static readonly MethodInfo[] Methods =
    [
        new("proctored-performance-task", "Proctored task", [("PT2H", "2 hours"), ("PT3H", "3 hours"), ("PT4H", "4 hours")], 1.0,
            "A hands-on {t} task on an unseen brief, taken in a proctored online session.", "work-sample", "The output of the proctored task."),
        new("scenario-simulation", "Scenario simulation", [("PT90M", "90 minutes"), ("PT2H", "2 hours")], 0.5,
            "A simulated {t} scenario that unfolds over time; the candidate responds as they would at work.", "simulation-record", "The recording and log of the simulation."),
        new("capstone-project", "Capstone project", [("P6W", "6 weeks"), ("P8W", "8 weeks")], 0,
            "A {t} project on real work, planned with a mentor and delivered over several weeks.", "project-report", "A project report with links to the delivered work."),
        new("work-sample", "Work sample", [("PT1H", "1 hour"), ("PT2H", "2 hours")], 0,
            "Two pieces of recent {t} work, reviewed against the rubric.", "work-sample", "Two recent pieces of work, with context on the problem they solved."),
        new("portfolio-review", "Portfolio review", [("PT2H", "2 hours")], 0,
            "A review of a portfolio of {t} work from the last 18 months.", "portfolio", "A portfolio of three to five pieces of work with a short reflection on each."),
        new("oral-defense", "Oral defense", [("PT45M", "45 minutes"), ("PT1H", "1 hour")], 0,
            "A conversation with assessors about the candidate's {t} decisions and their trade-offs.", "defense-notes", "The assessors' notes from the defense."),
        new("supervisor-attestation", "Supervisor attestation", [("P3M", "3 months")], 0,
            "The candidate's manager observes {t} on real work over three months and attests against the rubric.", "manager-attestation", "A signed attestation from the candidate's manager."),
        new("peer-review", "Peer review", [("PT1H", "1 hour")], 0,
            "Two peers who hold the badge review the candidate's {t} work against the rubric.", "peer-review", "Both peers' rubric sheets."),
        new("knowledge-exam", "Knowledge exam", [("PT45M", "45 minutes"), ("PT1H", "1 hour"), ("PT90M", "90 minutes")], 0.7,
            "A multiple-choice and short-answer exam on {t} concepts.", "exam-result", "The exam score report."),
    ];
}
