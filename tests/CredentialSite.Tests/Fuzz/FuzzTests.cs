using CredentialSite.Tests.Support;
using Xunit.Abstractions;

namespace CredentialSite.Tests.Fuzz;

/// <summary>
/// Seeded mutation fuzzing of the whole tool (docs/reliability.md): a few hundred mutants of the sample and of the
/// minimal inline catalog per run, each built by the command line into a copy of a good build's output. A run that
/// finds nothing passes; each finding is printed with the mutant's seed and what was mutated. For a long local run:
/// <c>CREDENTIALSITE_FUZZ_MUTANTS=10000 dotnet test tests/CredentialSite.Tests --filter FullyQualifiedName~Fuzz</c>
/// (also <c>CREDENTIALSITE_FUZZ_SEED</c>, <c>_ONLY</c> to replay one mutant, <c>_KEEP</c> a folder for failing mutants).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void MutantsOfTheMinimalCatalog_AreBuiltOrReportedAtTheirPlace()
    {
        var files = TestSite.ParseTxtar(TestSite.Minimal + PortfolioLayer)
            .GroupBy(f => f.Path).ToDictionary(g => g.Key, g => System.Text.Encoding.UTF8.GetBytes(g.Last().Content), StringComparer.Ordinal);
        AssertNoFindings(FuzzRun.Run("minimal", files, FuzzRun.FromEnvironment(mutants: 250, seed: 1)));
    }

    [Fact]
    public void MutantsOfTheSample_AreBuiltOrReportedAtTheirPlace()
    {
        var root = TestPaths.RepoRoot;
        var files = new[] { "site.yml" }
            .Concat(TestSite.FilesUnder(Path.Combine(root, "catalog")).Select(f => "catalog/" + f))
            .Concat(TestSite.FilesUnder(Path.Combine(root, "input")).Select(f => "input/" + f))
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(root, f)), StringComparer.Ordinal);
        AssertNoFindings(FuzzRun.Run("sample", files, FuzzRun.FromEnvironment(mutants: 60, seed: 1)));
    }

    private void AssertNoFindings(IReadOnlyList<FuzzRun.Finding> findings)
    {
        foreach (var f in findings.Take(20)) output.WriteLine(f.ToString());
        Assert.True(findings.Count == 0,
            $"{findings.Count} mutants broke a promise; the first:\n{string.Join("\n", findings.Take(5))}");
    }

    /// <summary>A consenting portfolio with evidence, so mutants reach the portfolio checks and the people pages.</summary>
    private const string PortfolioLayer = """

        -- input/portfolios/ada/portfolio.yml --
        name: Ada Lovelace
        headline: Engineer who reviews with care.
        consent: { publish: true, date: 2026-01-10, scope: [profile, badges, evidence, metrics, reflections, attestations, plan] }
        currentRole: engineer-1
        targetRole: engineer-2
        private: { email: ada@example.org }
        badges:
          - badge: code-review
            version: 1.0.0
            issued: 2026-03-01
            results: { clarity: proficient, tone: exemplary }
            reflection: I learned to *ask* before I tell.
            evidence:
              - type: artifact
                title: Review guide
                file: review-guide.txt
                context: { challenge: Slow reviews., action: Wrote a guide., result: Reviews took half the time. }
              - type: metric
                title: Review turnaround
                metric: { name: Median review time, unit: hours, before: 30, after: 12, window: Q1 2026 }
              - type: attestation
                by: Grace Hopper
                role: Staff Engineer
                date: 2026-03-10
                criteria: [clarity]
                statement: Ada's reviews are clear.
        managerStatement: { by: Grace Hopper, role: Manager, date: 2026-04-01, statement: Ready for more. }
        plan:
          - { title: Lead a design review, due: 2026-12-01, status: in-progress, competency: influence }
        -- input/portfolios/ada/review-guide.txt --
        How we review: ask, then tell.
        """;
}
