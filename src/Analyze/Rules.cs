using CredentialSite.Model;
using CredentialSite.Render;

namespace CredentialSite.Analyze;

/// <summary>What a promotion rule means: which badges it accepts, and the rule in plain words.</summary>
public static class Rules
{
    /// <summary>Whether <paramref name="badge"/> can count toward <paramref name="rule"/> (filters combine with AND).</summary>
    public static bool Accepts(PromotionRule rule, Badge badge, IReadOnlyDictionary<string, Competency> competencies)
    {
        if (rule.IsAll) return rule.All.Contains(badge.Id);
        if (rule.Tier is not null && badge.Tier != rule.Tier) return false;
        if (rule.Of.Count > 0 && !rule.Of.Contains(badge.Id)) return false;
        if (rule.Impact is not null && !badge.Impact.Contains(rule.Impact)) return false;
        if (rule.Competency is not null && badge.Competencies.All(c => c.Competency != rule.Competency)) return false;
        if (rule.Cluster is not null && !badge.Competencies.Any(c =>
                competencies.TryGetValue(c.Competency, out var comp) && comp.Cluster == rule.Cluster)) return false;
        return true;
    }

    /// <summary>"Hold all of: Testing and Code Quality." / "Hold at least 2 capability badges in the Leadership cluster."</summary>
    public static string Describe(PromotionRule rule, Func<string, string> badgeName, Func<string, string> competencyName)
    {
        if (rule.IsAll)
            return rule.All.Count == 1 ? $"Hold {badgeName(rule.All[0])}." : $"Hold all of: {Words.List(rule.All.Select(badgeName).ToList())}.";
        var n = rule.AtLeast ?? 1;
        var noun = (rule.Tier is null ? "" : rule.Tier + " ") + (n == 1 ? "badge" : "badges");
        var text = $"Hold at least {n} {noun}";
        var parts = new List<string>();
        if (rule.Of.Count > 0) parts.Add($"from {Words.List(rule.Of.Select(badgeName).ToList())}");
        if (rule.Competency is not null) parts.Add($"that {(n == 1 ? "demonstrates" : "demonstrate")} {competencyName(rule.Competency)}");
        if (rule.Cluster is not null) parts.Add($"in the {rule.Cluster} cluster");
        if (rule.Impact is not null) parts.Add($"with {Words.Title(rule.Impact).ToLowerInvariant()} impact");
        return parts.Count == 0 ? text + "." : text + " " + string.Join(", ", parts) + ".";
    }
}
