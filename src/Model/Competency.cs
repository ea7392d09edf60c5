using CredentialSite.Load;

namespace CredentialSite.Model;

/// <summary>A competency framework (catalog/competencies/&lt;id&gt;.yml).</summary>
public sealed record Framework(
    string Id,
    string Name,
    string? Version,
    string? Url,
    string? Description,
    IReadOnlyList<string> Levels,
    IReadOnlyList<Competency> Competencies,
    LocationMap Spans);

public sealed record Competency(
    string Id,
    string FrameworkId,
    string Name,
    string? Cluster,
    string? Description,
    IReadOnlyList<string> Behaviors,
    IReadOnlyList<CompetencyAlignment> Alignments,
    string SpanPath);

public sealed record CompetencyAlignment(string? Framework, string? Name, string? Code, string? Url);
