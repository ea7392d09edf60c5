using System.Text;
using static CredentialSite.Sample.SampleWords;

namespace CredentialSite.Sample;

/// <summary>Writing each ladder's and each portfolio's YAML.</summary>
internal sealed partial class SampleCatalog
{
    private string LadderYaml(LadderPlan ladder)
    {
        var y = new SampleYaml();
        y.Text("name", ladder.Name);
        var clusterNames = ladder.Clusters.Select(c => _clusters[c].Name).ToList();
        y.Text("description",
            $"The ladder for people who build and run {ladder.Area} at {Org}. Each role lists the competency profile expected "
            + "**in** the role, the badges held to be in it, and the promotion packages that show readiness to move **into** it.\n\n"
            + $"Most of its badges come from the {Text.List(clusterNames)} clusters. Packages are alternatives: meeting any one "
            + "of them is enough to be put forward to the promotion committee.\n");
        y.OpenList("roles");
        foreach (var role in ladder.Roles)
        {
            y.Item();
            y.Raw("id", role.Id);
            y.Text("name", role.Name);
            y.Number("level", role.Level);
            y.Text("summary", role.Level switch
            {
                1 => $"Delivers well-defined work on {ladder.Area} with guidance and learns the team's practices.",
                2 => $"Delivers work on {ladder.Area} end to end with little guidance and reviews others' work.",
                3 => $"Owns significant outcomes in {ladder.Area}, raises the bar for the team and mentors others.",
                _ => $"Sets direction for {ladder.Area} across several teams and grows senior people.",
            });
            y.OpenList("competencies");
            foreach (var (comp, level) in role.Competencies)
                y.FlowItem(("competency", comp.Id), ("level", FrameworkLevels[level]));
            y.Close();
            y.Open("badges");
            y.Flow("required", role.Required.Select(i => _badges[i].Id));
            y.Flow("optional", role.Optional.Select(i => _badges[i].Id));
            y.Close();
            if (role.Packages.Count > 0)
            {
                y.Open("promotion");
                y.Flow("from", role.From);
                y.OpenList("packages");
                foreach (var package in role.Packages)
                {
                    y.Item();
                    y.Text("name", package.Name);
                    y.OpenList("rules");
                    foreach (var rule in package.Rules)
                    {
                        y.Item();
                        if (rule.All.Count > 0)
                        {
                            y.Flow("all", rule.All.Select(i => _badges[i].Id));
                            continue;
                        }
                        y.Number("atLeast", rule.AtLeast);
                        if (rule.Tier is not null) y.Raw("tier", rule.Tier);
                        if (rule.Cluster is not null) y.Text("cluster", rule.Cluster);
                        if (rule.Impact is not null) y.Raw("impact", rule.Impact);
                        if (rule.Of.Count > 0) y.Flow("of", rule.Of.Select(i => _badges[i].Id));
                    }
                    y.Close();
                }
                y.Close();
                y.Close();
            }
        }
        y.Close();
        return y.ToString();
    }

    // Everyone consents to the first three (readiness needs profile and badges); each other section is drawn.
    private static readonly string[] Scopes = ["profile", "badges", "readiness", "evidence", "metrics", "reflections", "attestations", "plan"];
    private static readonly string[] PlanStatuses = ["not-started", "in-progress", "done", "blocked"];

    private string PortfolioYaml(PortfolioPlanItem p)
    {
        var rng = Rng(PortfolioText, p.Index);
        var y = new SampleYaml();
        var ladder = _ladders[p.Ladder];
        var current = ladder.Roles[p.Level - 1];
        var target = ladder.Roles[p.Level];
        var focus = p.Held.Count > 0 ? _badges[p.Held[^1]].Comps[0].Comp : target.Competencies[0].Comp;
        var email = $"{Text.Slug(p.Name).Replace('-', '.')}@{Domain}";

        y.Text("name", p.Name);
        y.Open("consent");
        var publish = rng.Chance(0.85);
        y.Bool("publish", publish);
        y.Date("date", new DateOnly(2026, 3, 1).AddDays(rng.Range(0, 200)));
        y.Flow("scope", Scopes.Where((s, i) => i < 3 || rng.Chance(0.75)));
        y.Close();
        y.Text("headline", $"{current.Name} focused on {focus.Topic}.");
        y.Raw("currentRole", current.Id);
        y.Raw("targetRole", target.Id);
        y.Open("private");
        y.Text("email", email);
        y.Text("employeeId", $"E-{10000 + p.Index}");
        y.Text("notes", rng.Pick([
            "Discussed the promotion timeline in the last one-to-one; revisit after the next review cycle.\n",
            "Prefers to be assessed in the spring cohort. Manager to confirm the assessment budget.\n",
            "Part-time until the end of the quarter; plan dates take that into account.\n",
        ]));
        y.Close();

        y.OpenList("badges");
        foreach (var i in p.Held)
        {
            var b = _badges[i];
            var levels = LevelSchemes[b.Scheme];
            var v = rng.Chance(0.7) || b.Versions.Count == 1 ? 0 : rng.Range(1, b.Versions.Count - 1);
            var (version, since) = b.Versions[v];
            var until = v == 0 ? AsOf.AddDays(-1) : b.Versions[v - 1].Date.AddDays(-1);
            var span = Math.Max(0, until.DayNumber - since.DayNumber - 7);
            var issued = since.AddDays(Math.Min(7, until.DayNumber - since.DayNumber) + rng.Next(span + 1));
            y.Item();
            y.Raw("badge", b.Id);
            y.Raw("version", version);
            y.Date("issued", issued);
            if (b.ValidFor is not null && rng.Chance(0.6)) y.Date("expires", Expiry(issued, b.ValidFor));
            y.Text("credentialId", $"{b.HumanCode}-{p.Index + 1:000000}"); // one person holds a badge once: unique
            y.Open("results");
            for (var c = 0; c < b.Criteria.Count; c++)
                y.Raw(b.Criteria[c].Id, levels[Math.Min(3, b.CriterionRequired[c] + rng.Weighted([50, 35, 15]))].Id);
            y.Close();
            y.OpenList("evidence");
            var topic = b.Comps[0].Comp.Topic;
            foreach (var kind in rng.Sample(["artifact", "metric", "quote", "attestation"], rng.Range(1, 3)))
            {
                y.Item();
                y.Raw("type", kind);
                switch (kind)
                {
                    case "artifact":
                    {
                        var project = rng.Pick(Projects);
                        y.Text("title", $"{rng.Pick(ArtifactKinds)} for the {project}");
                        y.Raw("url", $"https://git.{Domain}/{rng.Pick(Repos)}/pull/{rng.Range(100, 9999)}");
                        y.Open("context");
                        y.Text("challenge", $"The {project} was stuck: the team had no shared approach to {topic}.");
                        y.Text("action", $"{p.First} proposed a plan, paired with two teammates on the first steps and wrote down the approach.");
                        y.Text("result", "The work shipped on schedule and the approach is now the team's default.");
                        y.Close();
                        break;
                    }
                    case "metric":
                    {
                        var m = rng.Pick(Metrics);
                        var factor = 0.8 + rng.Next(41) / 100.0; // scale counts and durations, not ratings
                        y.Text("title", $"{Text.UpperFirst(m.Name)} on the {rng.Pick(Projects)}");
                        y.Open("metric");
                        y.Text("name", m.Name);
                        y.Text("unit", m.Unit);
                        y.Number("before", Round(m.Before * factor, m.Before));
                        y.Number("after", Round(m.After * factor, m.After));
                        y.Text("window", $"{issued.Year}-Q{(issued.Month - 1) / 3 + 1}");
                        y.Text("source", m.Source);
                        y.Text("confirmedBy", $"{rng.Pick(FirstNames)} {rng.Pick(LastNames)}");
                        WriteSeries(y, rng, issued, Round(m.Before * factor, m.Before), Round(m.After * factor, m.After));
                        y.Close();
                        break;
                    }
                    case "quote":
                        y.Text("text", rng.Pick(Quotes).Replace("{n}", p.First));
                        y.Text("by", $"{rng.Pick(FirstNames)} {rng.Pick(LastNames)}");
                        y.Text("role", rng.Pick(ManagerRoles));
                        break;
                    default:
                        y.Text("by", $"{rng.Pick(FirstNames)} {rng.Pick(LastNames)}");
                        y.Text("role", rng.Pick(ManagerRoles));
                        y.Date("date", issued.AddDays(-rng.Range(3, 20)));
                        y.Flow("criteria", rng.Sample(b.Criteria, rng.Range(1, 2)).Select(c => c.Id));
                        y.Text("statement", $"I saw {p.First} apply {topic} on real work for several months. "
                            + $"The work met the rubric's **{levels[b.RequiredLevel].Name}** descriptors without my help.\n");
                        break;
                }
            }
            y.Close();
            if (rng.Chance(0.7))
                y.Text("reflection", $"Earning this badge made me slow down and compare alternatives before committing. "
                    + $"Next I want to apply {topic} on a larger system; see [my notes](https://wiki.{Domain}/people/{p.Id}).\n");
            y.Raw("visibility", rng.Chance(0.9) ? "public" : "hidden");
        }
        y.Close();

        if (rng.Chance(0.7))
        {
            y.Open("managerStatement");
            y.Text("by", $"{rng.Pick(FirstNames)} {rng.Pick(LastNames)}");
            y.Text("role", rng.Pick(ManagerRoles));
            y.Date("date", new DateOnly(2026, 8, 1).AddDays(rng.Range(0, 90)));
            y.Text("statement", $"{p.First} works at the level of a {target.Name} on most of their work. "
                + $"The remaining gap is consistency on larger {ladder.Area} work; the plan below addresses it.\n");
            y.Close();
        }

        y.OpenList("plan");
        var items = p.Missing.Take(2).Select(i => (Title: $"Earn the {_badges[i].Name} badge", Comp: _badges[i].Comps[0].Comp)).ToList();
        if (items.Count == 0 || rng.Chance(0.5))
            items.Add(($"Lead the retrospective of the {rng.Pick(Projects)}", target.Competencies[rng.Next(target.Competencies.Count)].Comp));
        foreach (var (title, comp) in items)
        {
            y.Item();
            y.Text("title", title);
            y.Date("due", AsOf.AddDays(rng.Range(14, 150)));
            y.Raw("status", title.StartsWith("Earn ", StringComparison.Ordinal) ? rng.Pick(["not-started", "in-progress", "blocked"]) : rng.Pick(PlanStatuses));
            y.Raw("competency", comp.Id);
        }
        y.Close();
        return y.ToString();
    }

    /// <summary>
    /// Half the metrics get a series of 3 to 5 monthly values from before to after, with the direction that is better
    /// (the samples' metrics all improve, so after says which way that is), as the site draws it.
    /// </summary>
    private static void WriteSeries(SampleYaml y, SampleRng rng, DateOnly issued, double before, double after)
    {
        if (!rng.Chance(0.5)) return;
        y.Text("better", after >= before ? "higher" : "lower");
        var count = 3 + rng.Next(3);
        y.OpenList("series");
        for (var i = 0; i < count; i++)
        {
            var value = i == count - 1 ? after : before + (after - before) * i / (count - 1) * (0.7 + rng.Next(31) / 100.0);
            y.FlowItem(("date", SampleYaml.Format(issued.AddMonths(i - count + 1))), ("value", SampleYaml.Format(Math.Round(value, 1))));
        }
        y.Close();
    }

    private static double Round(double value, double like) => like < 10 ? like : Math.Round(value);

    private static DateOnly Expiry(DateOnly issued, string validFor) => validFor switch
    {
        "P1Y" => issued.AddYears(1),
        "P2Y" => issued.AddYears(2),
        _ => issued.AddYears(3),
    };
}
