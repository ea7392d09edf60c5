using System.Globalization;
using CredentialSite.Model;

namespace CredentialSite.Import.Names;

/// <summary>The names a spreadsheet may use for the things of one catalog, each kind found by id or by name.</summary>
public sealed class CatalogNames
{
    public CatalogNames(Catalog catalog)
    {
        Catalog = catalog;
        Badges = new("badge", catalog.Badges.Select(b => (b.Id, b.Name)));
        var competencies = catalog.Frameworks.SelectMany(f => f.Competencies).ToList();
        Competencies = new("competency", competencies.Select(c => (c.Id, c.Name)));
        Clusters = new("cluster", competencies.Select(c => c.Cluster).OfType<string>().Select(c => (c, c)));
        Roles = new("role", catalog.Ladders.SelectMany(l => l.Roles).Select(r => (r.Id, r.Name)));
    }

    public Catalog Catalog { get; }
    public NameIndex Badges { get; }
    public NameIndex Competencies { get; }
    public NameIndex Clusters { get; }
    public NameIndex Roles { get; }

    public static readonly NameIndex Tiers = new("tier", Vocabulary.Tiers.Select(t => (t, Title(t))));

    public static readonly NameIndex Methods = new("assessment method", Vocabulary.AssessmentMethods.Select(m => (m.Id, m.Name)));

    public static readonly NameIndex Impacts = new("impact area", Vocabulary.ImpactAreas.Select(i => (i, i.Replace('-', ' '))));

    /// <summary>"capability" → "Capability", "risk-reduction" → "Risk reduction".</summary>
    public static string Title(string id) =>
        id.Length == 0 ? id : char.ToUpper(id[0], CultureInfo.InvariantCulture) + id[1..].Replace('-', ' ');
}
