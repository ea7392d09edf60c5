using System.Text;
using static CredentialSite.Sample.SampleWords;

namespace CredentialSite.Sample;

/// <summary>Writing each badge's YAML: rubric, assessment, evidence, renewal and governance.</summary>
internal sealed partial class SampleCatalog
{
    private string BadgeYaml(BadgePlan b)
    {
        var rng = Rng(BadgeText, b.Index);
        var y = new SampleYaml();
        var primary = b.Comps[0].Comp;
        var cluster = _clusters[b.Cluster];
        var topic = primary.Topic;
        var levels = LevelSchemes[b.Scheme];
        var methodIds = b.Tier switch { "baseline" => BaselineMethods, "capability" => CapabilityMethods, _ => DistinctionMethods };
        var methods = rng.Sample(methodIds, rng.Weighted([3, 2]) + 1).Select(id => Methods.First(m => m.Id == id)).ToList();
        var durations = methods.Select(m => rng.Pick(m.Durations)).ToList();

        y.Text("name", b.Name);
        y.Text("summary", b.Tier switch
        {
            "baseline" => rng.Pick([$"Shows a working grasp of {topic} on routine tasks.", $"The shared foundation in {topic} that every team member needs."]),
            "capability" => rng.Pick([$"Applies {topic} independently on real work and explains the trade-offs.", $"Delivers {topic} outcomes on complex work without supervision."]),
            _ => rng.Pick([$"Leads {topic} across teams and sets the standard others follow.", $"Recognised expertise in {topic}, shown through sustained impact across the organization."]),
        });
        var tierPhrase = b.Tier switch
        {
            "baseline" => "the shared foundation everyone needs",
            "capability" => "independent, reliable capability",
            _ => "expertise that shapes how others work",
        };
        var statusText = b.Status switch
        {
            "pilot" => $"This badge is in **pilot**: the first cohorts are assessed on version {b.Version} and the rubric may still change.",
            "retired" => $"**Retired** in {Text.Month(b.Versions[0].Date.AddDays(120))}: no new assessments. Holders keep the credential until it expires.",
            "draft" => "**Draft**: the design team is still writing the rubric; it is not yet open for assessment.",
            _ => b.Versions.Count == 1
                ? $"First published in {Text.Month(b.Versions[0].Date)}."
                : $"The rubric was last revised in {Text.Month(b.Versions[0].Date)}; see the changelog below.",
        };
        var sb = new StringBuilder();
        sb.Append($"The **{b.Name}** badge recognises {tierPhrase} in {topic}: someone who {cluster.Outcome}. ")
          .Append($"It is issued by {Text.The(b.Issuer.Name)} and owned by the {cluster.Owner}.\n\n")
          .Append(statusText).Append("\n\nA holder:\n\n");
        foreach (var behavior in primary.Behaviors) sb.Append("- ").Append(behavior).Append('\n');
        y.Text("description", sb.ToString());
        y.Raw("status", b.Status);
        y.Raw("version", b.Version);
        y.Raw("tier", b.Tier);
        y.Raw("achievementType", rng.Pick(b.Tier switch { "baseline" => BaselineTypes, "capability" => CapabilityTypes, _ => DistinctionTypes }));
        y.Raw("issuer", b.Issuer.Id);
        y.Text("humanCode", b.HumanCode);
        var tags = primary.Id.Split('-').Where(w => w.Length > 3 && w != "and" && w != "with").Take(2).ToList();
        tags.Add(Text.Slug(cluster.Name));
        if (b.Comps.Count > 1) tags.Add(b.Comps[1].Comp.Id);
        y.Flow("tags", tags.Distinct());
        y.Flow("impact", b.Impact);

        y.OpenList("competencies");
        foreach (var (comp, level) in b.Comps)
        {
            y.Item();
            y.Raw("competency", comp.Id);
            y.Raw("level", FrameworkLevels[level]);
            y.OpenList("behaviors");
            foreach (var behavior in comp == primary ? comp.Behaviors : comp.Behaviors.Take(1)) y.ListText(behavior);
            y.Close();
        }
        y.Close();

        sb.Clear().Append("To earn this badge, a candidate completes:\n\n");
        for (var m = 0; m < methods.Count; m++)
            sb.Append($"{m + 1}. **{methods[m].Name}** ({durations[m].Words}): {methods[m].Description.Replace("{t}", topic)}\n");
        sb.Append($"\nEvery rubric criterion must reach **{levels[b.RequiredLevel].Name}**");
        sb.Append(b.CriterionRequired.Any(r => r != b.RequiredLevel) ? ", except where a criterion names its own required level.\n" : ".\n");
        y.Text("criteria", sb.ToString());

        y.Open("rubric");
        y.OpenList("levels");
        for (var l = 0; l < levels.Length; l++)
            y.FlowItem(("id", levels[l].Id), ("name", SampleYaml.Q(levels[l].Name)), ("points", (l + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        y.Close();
        y.Raw("requiredLevel", levels[b.RequiredLevel].Id);
        y.OpenList("criteria");
        var weights = Weights(rng, b.Criteria.Count);
        var descriptors = DescriptorSets[rng.Next(DescriptorSets.Length)];
        for (var c = 0; c < b.Criteria.Count; c++)
        {
            var criterion = b.Criteria[c];
            var aspect = criterion.Aspect.Replace("{t}", topic);
            y.Item();
            y.Raw("id", criterion.Id);
            y.Text("name", criterion.Name);
            y.Number("weight", weights[c]);
            if (b.CriterionRequired[c] != b.RequiredLevel) y.Raw("requiredLevel", levels[b.CriterionRequired[c]].Id);
            y.Open("levels");
            for (var l = 0; l < levels.Length; l++)
                y.Text(levels[l].Id, descriptors[l].Replace("{A}", aspect).Replace("{a}", Text.LowerFirst(aspect)));
            y.Close();
        }
        y.Close();
        y.Close();

        y.OpenList("assessment");
        for (var m = 0; m < methods.Count; m++)
        {
            var method = methods[m];
            y.Item();
            y.Raw("method", method.Id);
            var assessors = method.Id == "knowledge-exam" ? 1 : method.Id == "supervisor-attestation" ? 1 : rng.Range(1, b.Tier == "distinction" ? 3 : 2);
            var calibrated = method.Id != "supervisor-attestation" && rng.Chance(b.Issuer.Quality == 2 ? 0.3 : 0.75);
            y.Text("description", method.Description.Replace("{t}", topic)
                + (assessors > 1 ? $" {Text.Count(assessors, "assessor")} grade it independently." : " One trained assessor grades it."));
            y.Bool("proctored", rng.Chance(method.Proctored));
            y.Bool("calibrated", calibrated);
            y.Number("assessors", assessors);
            y.Raw("duration", durations[m].Iso);
            if (rng.Chance(0.3)) y.Raw("example", $"https://academy.{Domain}/samples/{b.Id}/{method.Id}");
        }
        y.Close();

        y.OpenList("evidence");
        var evidenceTypes = new List<string>();
        foreach (var method in methods)
        {
            if (evidenceTypes.Contains(method.EvidenceType)) continue;
            evidenceTypes.Add(method.EvidenceType);
            y.Item();
            y.Raw("type", method.EvidenceType);
            y.Text("description", method.Evidence);
        }
        if (b.Tier != "baseline" && rng.Chance(0.5))
        {
            y.Item();
            y.Raw("type", "before-after-metric");
            y.Text("description", $"A metric that the candidate's {topic} work moved, with its value before and after and who confirmed it.");
        }
        if (!evidenceTypes.Contains("manager-attestation") && rng.Chance(0.4))
        {
            y.Item();
            y.Raw("type", "manager-attestation");
            y.Text("description", "A short statement from the candidate's manager about the context of the work.");
        }
        y.Close();

        y.Open("renewal");
        if (b.ValidFor is null)
        {
            y.Raw("validFor", "never");
            y.Raw("method", "none");
            y.Text("requirements", $"This badge does not expire: {topic} at this level does not go out of date quickly.\n");
        }
        else
        {
            var renewal = rng.Pick(Model.Vocabulary.RenewalMethods.Take(3).ToList());
            y.Raw("validFor", b.ValidFor);
            y.Raw("gracePeriod", rng.Pick(["P30D", "P60D", "P90D"]));
            y.Raw("method", renewal);
            y.Text("requirements", renewal switch
            {
                "reassessment" => "Take the current version of the assessment again before the badge expires.\n",
                "evidence-resubmission" => $"Submit one piece of {topic} work from the validity period, with a short reflection. "
                    + "One assessor reviews it; if it falls short, the holder takes the full reassessment.\n",
                _ => $"Log at least 16 hours of {topic} learning (courses, conference talks, guild sessions) during the validity period.\n",
            });
        }
        y.Close();

        y.Flow("prerequisites", b.Prerequisites.Select(i => _badges[i].Id));
        y.Flow("stacksInto", b.StacksInto.Select(i => _badges[i].Id));

        var (onetCode, onetName) = rng.Pick(cluster.Occupations);
        y.OpenList("alignments");
        if (primary.SfiaCode is not null)
        {
            y.Item();
            y.Text("targetName", primary.Name);
            y.Raw("targetUrl", $"https://skills.example.org/sfia-9/{primary.Id}");
            y.Text("targetFramework", "SFIA 9");
            y.Raw("targetCode", primary.SfiaCode);
            y.Raw("targetType", "ceasn:Competency");
        }
        y.Item();
        y.Text("targetName", onetName);
        y.Raw("targetUrl", OnetUrl(onetCode));
        y.Text("targetFramework", "O*NET");
        y.Text("targetCode", onetCode);
        y.Raw("targetType", "CTDL");
        y.Close();

        y.OpenList("occupations");
        foreach (var (code, name) in rng.Sample(cluster.Occupations, rng.Range(1, 2)))
            y.FlowItem(("framework", "O*NET-SOC"), ("code", SampleYaml.Q(code)), ("name", SampleYaml.Q(name)));
        y.Close();

        y.Open("governance");
        y.Text("owner", cluster.Owner);
        y.OpenList("approvals");
        foreach (var (step, by, date) in Approvals(b, cluster))
            y.FlowItem(("step", step), ("by", SampleYaml.Q(by)), ("date", SampleYaml.Format(date)));
        y.Close();
        y.Text("appeals", $"Appeal within 30 days to the Credential Governance Council (credentials@{Domain}). "
            + "The Council appoints two assessors who did not take part; their decision is final.\n");
        y.OpenList("changelog");
        for (var v = 0; v < b.Versions.Count; v++)
        {
            var (version, date) = b.Versions[v];
            y.Item();
            y.Raw("version", version);
            y.Date("date", date);
            y.Text("changes", v == b.Versions.Count - 1
                ? (b.Status is "draft" or "pilot" ? "First draft for the pilot cohort." : "First version.")
                : version.EndsWith(".0.0", StringComparison.Ordinal)
                    ? $"Reworked the **{rng.Pick(b.Criteria).Name}** criterion and added the {Text.LowerFirst(methods[0].Name)}."
                    : rng.Pick([$"Clarified the descriptors of {rng.Pick(b.Criteria).Name}.", "Added a sample task.", "Shortened the assessment after pilot feedback."]));
        }
        y.Close();
        y.Close();
        return y.ToString();
    }

    /// <summary>Criterion weights in steps of 5 that add up to 100.</summary>
    private static int[] Weights(SampleRng rng, int count)
    {
        var units = new int[count];
        for (var i = 0; i < 20; i++) units[i % count]++;
        for (var t = 0; t < count; t++)
        {
            int from = rng.Next(count), to = rng.Next(count);
            if (from != to && units[from] > 2) { units[from]--; units[to]++; }
        }
        return units.Select(u => u * 5).ToArray();
    }

    private static IEnumerable<(string, string, DateOnly)> Approvals(BadgePlan b, ClusterInfo cluster)
    {
        // The latest major release (or the first draft/pilot version) is what the flow approved.
        var d = b.Versions.FirstOrDefault(v => v.Version.EndsWith(".0.0", StringComparison.Ordinal) && v.Version != "0.0.0").Date;
        if (b.Status is "draft" or "pilot" || d == default) d = b.Versions[^1].Date;
        if (b.Status == "draft")
        {
            yield return ("design", "Academy design team", d.AddDays(-20));
            yield break;
        }
        if (b.Status == "pilot")
        {
            yield return ("design", "Academy design team", d.AddDays(-60));
            yield return ("sme-review", cluster.Owner, d.AddDays(-30));
            yield return ("pilot", "First pilot cohort", d);
            yield break;
        }
        yield return ("design", "Academy design team", d.AddDays(-84));
        yield return ("sme-review", cluster.Owner, d.AddDays(-56));
        yield return ("pilot", "Pilot cohort", d.AddDays(-35));
        yield return ("council-signoff", "Credential Governance Council", d.AddDays(-14));
        yield return ("hr-classification", "HR Total Rewards", d.AddDays(-7));
    }
}
