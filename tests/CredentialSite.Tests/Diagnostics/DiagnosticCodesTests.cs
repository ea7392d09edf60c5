using System.Reflection;
using CredentialSite.Diagnostics;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Diagnostics;

/// <summary>Codes are stable, unique, described, and documented where users look for them.</summary>
public sealed class DiagnosticCodesTests
{
    private static readonly IReadOnlyList<string> Codes = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    [Fact]
    public void EveryCode_IsUnique_AndDescribed()
    {
        Assert.Equal(Codes.Count, Codes.Distinct().Count());
        Assert.All(Codes, c => Assert.Matches("^CS[0-9]{4}$", c));
        Assert.Equal(Codes.Order(StringComparer.Ordinal), DiagnosticCodes.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryCode_IsDocumentedInTheDiagnosticsPage()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics.md"));
        foreach (var code in Codes)
            Assert.True(readme.Contains($"| `{code}` |", StringComparison.Ordinal), $"docs/diagnostics.md does not document {code}");
    }
}
