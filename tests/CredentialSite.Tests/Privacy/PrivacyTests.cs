using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Privacy;

/// <summary>The privacy line (issue: portfolios): nothing unconsented, private or out of scope reaches any output file.</summary>
public sealed class PrivacyTests
{
    // Portfolios whose every sensitive place carries a unique canary string.
    private const string Portfolios = """
        -- input/portfolios/no-consent/portfolio.yml --
        name: Canary Nobody-7f3a
        consent: { publish: false, date: 2026-06-01, scope: [profile, badges, evidence, metrics, reflections, attestations, plan] }
        headline: CANARY-NOCONSENT-HEADLINE
        currentRole: engineer-1
        targetRole: engineer-2
        private: { email: canary-noconsent@example.org, employeeId: CANARY-NOCONSENT-ID }
        badges:
          - badge: code-review
            version: 1.0.0
            issued: 2026-03-10
            credentialId: CANARY-NOCONSENT-CRED
            evidence:
              - { type: artifact, title: CANARY-NOCONSENT-ARTIFACT, file: evidence/nocons.txt }
            reflection: CANARY-NOCONSENT-REFLECTION
        -- input/portfolios/no-consent/evidence/nocons.txt --
        CANARY-NOCONSENT-FILE
        -- input/portfolios/no-block/portfolio.yml --
        name: Canary Unasked-2c9d
        headline: CANARY-NOBLOCK-HEADLINE
        currentRole: engineer-1
        targetRole: engineer-2
        badges:
          - badge: code-review
            issued: 2026-03-10
            credentialId: CANARY-NOBLOCK-CRED
            evidence:
              - { type: artifact, title: CANARY-NOBLOCK-ARTIFACT, file: evidence/noblock.txt }
        -- input/portfolios/no-block/evidence/noblock.txt --
        CANARY-NOBLOCK-FILE
        -- input/portfolios/limited/portfolio.yml --
        name: Lee Limited
        consent: { publish: true, date: 2026-06-01, scope: [profile, badges] }
        headline: Limited scope engineer.
        currentRole: engineer-1
        targetRole: engineer-2
        private:
          email: canary-private@example.org
          employeeId: CANARY-PRIVATE-ID
          notes: CANARY-PRIVATE-NOTES
        badges:
          - badge: code-review
            version: 1.0.0
            issued: 2026-03-10
            credentialId: CR-LIMITED-1
            results: { clarity: proficient }
            evidence:
              - type: artifact
                title: CANARY-SCOPE-ARTIFACT
                file: evidence/scope.txt
                context: { challenge: CANARY-SCOPE-CHALLENGE, action: a, result: r }
              - type: metric
                title: CANARY-SCOPE-METRIC
                metric: { name: cycle time, unit: days, before: 12, after: 7, window: 2026-Q1, source: CANARY-SCOPE-SOURCE, confirmedBy: Dana }
              - { type: quote, text: CANARY-SCOPE-QUOTE, by: Priya }
              - { type: attestation, by: Dana, role: Manager, date: 2026-03-20, criteria: [clarity], statement: CANARY-SCOPE-ATTESTATION }
            reflection: CANARY-SCOPE-REFLECTION
          - badge: stakeholder-management
            issued: 2026-04-01
            credentialId: CANARY-HIDDEN-CRED
            visibility: hidden
            reflection: CANARY-HIDDEN-REFLECTION
            evidence:
              - { type: artifact, title: CANARY-HIDDEN-ARTIFACT, file: evidence/hidden.txt }
        managerStatement: { by: Dana, role: Manager, date: 2026-10-01, statement: CANARY-SCOPE-MANAGER }
        plan:
          - { title: CANARY-SCOPE-PLAN, due: 2026-12-15, status: in-progress }
        -- input/portfolios/limited/evidence/scope.txt --
        CANARY-SCOPE-FILE
        -- input/portfolios/limited/evidence/hidden.txt --
        CANARY-HIDDEN-FILE
        """;

    [Fact]
    public void Canaries_AppearInNoOutputFile_OfAnyFormat()
    {
        using var site = TestSite.Build(Portfolios).AssertOk();
        var files = site.OutputFiles();
        Assert.Contains("people/limited/index.html", files);          // the consenting person is published...
        site.AssertFile("people/limited/index.html", "Lee Limited", "Limited scope engineer.", "CR-LIMITED-1");
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(site.Output, file));
            foreach (var canary in new[] { "CANARY", "Canary Nobody", "Canary Unasked", "canary-", "no-consent", "nocons", "no-block", "noblock" })
                Assert.False(text.Contains(canary, StringComparison.OrdinalIgnoreCase), $"{file} contains '{canary}'");
            // Lee's scope has no readiness: no verdict, no readiness panel, no "expiring before the decision" anywhere
            // (but in the theme's scripts and styles, which are code, not data).
            if (file.EndsWith(".js", StringComparison.Ordinal) || file.EndsWith(".css", StringComparison.Ordinal)) continue;
            foreach (var readiness in ReadinessMarkers)
                Assert.False(text.Contains(readiness, StringComparison.Ordinal), $"{file} contains '{readiness}'");
        }
        Assert.DoesNotContain(files, f => f.Contains("no-consent") || f.Contains("no-block") || f.EndsWith("scope.txt") || f.EndsWith("hidden.txt"));
    }

    /// <summary>What the readiness panel and the people index's verdict tags write (theme templates).</summary>
    private static readonly string[] ReadinessMarkers =
        ["Ready for promotion", "Not yet ready", "tag tag-ready", "tag tag-not-ready", "class=\"readiness\"", "Readiness for", "Expiring before the promotion decision"];

    [Fact]
    public void Readiness_IsShown_OnlyWithReadinessInScope()
    {
        // The control for the canary test above: the same person with readiness in scope shows it on every page.
        using var site = TestSite.Build(Portfolios.Replace("scope: [profile, badges] }", "scope: [profile, badges, readiness] }")).AssertOk();
        site.AssertFile("people/limited/index.html", "Readiness for Engineer II", "Not yet ready");
        site.AssertFile("people/limited/dossier/index.html", "Readiness for Engineer II", "Not yet ready");
        site.AssertFile("people/index.html", "tag-not-ready");
    }

    [Fact]
    public void ReadinessInScope_WithoutProfileAndBadges_IsAWarning()
    {
        using var site = TestSite.Build("""
            -- input/portfolios/sam/portfolio.yml --
            name: Sam
            consent: { publish: true, scope: [badges, readiness] }
            targetRole: engineer-2
            """);
        site.AssertDiagnostic("input/portfolios/sam/portfolio.yml:2:34: warning CS0107: consent.scope has readiness but not both profile and badges");
        Assert.Equal(0, site.ExitCode);
        site.AssertFile("people/sam/index.html", "! Readiness for");
    }

    [Theory]
    [InlineData("build", "built: ")]
    [InlineData("validate", "valid: no errors, 0 warnings")]
    public void APortfolioWithoutConsent_IsNotPublished_AndCounted_NotAnError(string command, string summary)
    {
        using var site = TestSite.Create("""
            -- input/portfolios/ada/portfolio.yml --
            name: Ada Example
            consent: { publish: true, scope: [profile] }
            -- input/portfolios/bo/portfolio.yml --
            name: Bo Unasked
            headline: Has not been asked yet.
            -- input/portfolios/cy/portfolio.yml --
            name: Cy Declined
            consent: { publish: false }
            """);
        var code = command == "build" ? site.Cli("build", "--source", "{src}", "--output", "{out}") : site.Cli("validate", "--source", "{src}");
        Assert.True(code == 0, site.Stderr);
        Assert.Equal("", site.Stderr);
        Assert.Matches(@"^" + System.Text.RegularExpressions.Regex.Escape(summary) + @".*, 2 people not published \(no consent\)(, credentials unsigned \(no --keys\))? \(\d+\.\d\d s\)\r?\n$", site.Stdout);
        if (command == "build")
        {
            site.AssertFile("people/index.html", "Ada Example", "! Bo Unasked", "! Cy Declined");
            Assert.False(site.FileExists("people/bo/index.html"));
        }
    }

    [Fact]
    public void APortfolioWithoutConsent_IsStillChecked()
    {
        using var site = TestSite.Build("""
            -- input/portfolios/bo/portfolio.yml --
            name: Bo Unasked
            targetRole: engineer-9
            """);
        site.AssertDiagnostic("input/portfolios/bo/portfolio.yml:2:13: error CS0009: unknown role 'engineer-9'");
    }

    [Fact]
    public void HiddenBadges_AreNotCounted_AndUnconsentedPeople_AreNotCounted()
    {
        using var site = TestSite.Build(Portfolios).AssertOk();
        // code-review: held by the limited person only (the non-consenting holder does not count).
        site.AssertFile("badges/code-review/index.html", "1 published portfolio shows this badge");
        // stakeholder-management is held, but hidden: not counted.
        site.AssertFile("badges/stakeholder-management/index.html", "No published portfolio shows this badge yet");
        site.AssertFile("people/index.html", "Lee Limited", "! Nobody");
    }

    [Fact]
    public void EvidenceFiles_AreCopied_OnlyWhenTheirSectionIsPublished()
    {
        using var site = TestSite.Build("""
            -- input/portfolios/full/portfolio.yml --
            name: Fay Full
            consent: { publish: true, scope: [profile, badges, evidence] }
            badges:
              - badge: code-review
                issued: 2026-03-10
                evidence:
                  - { type: artifact, title: Review notes, file: evidence/notes.txt }
            -- input/portfolios/full/evidence/notes.txt --
            notes
            """).AssertOk();
        Assert.True(site.FileExists("people/full/evidence/notes.txt"));
        site.AssertFile("people/full/index.html", "href=\"/people/full/evidence/notes.txt\"");
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("evidence/../../other/x.txt")]
    public void EvidenceFile_OutsideThePortfolioFolder_IsAnError(string path)
    {
        using var site = TestSite.Build($$"""
            -- input/portfolios/sam/portfolio.yml --
            name: Sam
            consent: { publish: true, scope: [badges, evidence] }
            badges:
              - badge: code-review
                evidence:
                  - { type: artifact, title: x, file: "{{path}}" }
            """);
        site.AssertDiagnostic("input/portfolios/sam/portfolio.yml:6:43: error CS0102");
    }

    [Fact]
    public void MissingEvidenceFile_IsAnError()
    {
        using var site = TestSite.Build("""
            -- input/portfolios/sam/portfolio.yml --
            name: Sam
            consent: { publish: true, scope: [badges, evidence] }
            badges:
              - badge: code-review
                evidence:
                  - { type: artifact, title: x, file: evidence/none.pdf }
            """);
        site.AssertDiagnostic("input/portfolios/sam/portfolio.yml:6:43: error CS0016");
    }

    [Fact]
    public void PortfolioReferences_AreChecked_WithLocations()
    {
        using var site = TestSite.Build("""
            -- input/portfolios/sam/portfolio.yml --
            name: Sam
            consent: { publish: true, scope: [profile, badges, attestations] }
            currentRole: engineer-one
            badges:
              - badge: code-reveiw
              - badge: code-review
                version: 9.9.9
                results: { clarity: superb, speed: proficient }
                evidence:
                  - { type: attestation, by: Dana, criteria: [tone, depth] }
            """);
        site.AssertDiagnostics(
            "input/portfolios/sam/portfolio.yml:3:14: error CS0009: unknown role 'engineer-one'",
            "input/portfolios/sam/portfolio.yml:5:12: error CS0009: unknown badge 'code-reveiw'",
            "input/portfolios/sam/portfolio.yml:7:14: warning CS0101",
            "input/portfolios/sam/portfolio.yml:8:16: error CS0009: 'superb' is not a rubric level",
            "input/portfolios/sam/portfolio.yml:8:33: error CS0009: 'speed' is not a rubric criterion",
            "input/portfolios/sam/portfolio.yml:10:57: error CS0009: 'depth' is not a rubric criterion");
    }

    [Fact]
    public void HostileMarkdown_LeavesNothingExecutable()
    {
        const string hostile = """
            <script>alert('x')</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">a</a>
            [click](javascript:alert(1)) [enc](&#106;avascript:alert(1)) [tab](java	script:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)
            [vb](VBScript:msgbox(1)) <javascript:alert(1)> ![img](javascript:alert(1)) <svg onload=alert(1)>
            <iframe src="https://evil.example"></iframe> <div style="background:url(javascript:alert(1))">x</div>
            [ok](https://example.org/fine) [mail](mailto:a@example.org) [rel](../../badges/)
            """;
        var indented = string.Join("\n", hostile.Split('\n').Select(l => "      " + l));
        using var site = TestSite.Build($"""
            -- input/portfolios/eve/portfolio.yml --
            name: Eve
            consent: {"{"} publish: true, scope: [badges, reflections] {"}"}
            badges:
              - badge: code-review
                issued: 2026-03-10
                reflection: |
            {indented}
            """);
        site.AssertOk();
        var doc = site.Html("people/eve/index.html");
        var reflection = doc.QuerySelector(".reflection")!;
        Assert.Empty(reflection.QuerySelectorAll("script, iframe, svg, img, object, embed, style"));
        foreach (var element in reflection.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
            foreach (var attr in new[] { "href", "src" })
            {
                var value = (element.GetAttribute(attr) ?? "").Replace("\t", "").Trim().ToLowerInvariant();
                Assert.False(value.StartsWith("javascript:") || value.StartsWith("data:") || value.StartsWith("vbscript:"), $"{attr}={value}");
            }
        }
        var links = reflection.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://example.org/fine", links);
        Assert.Contains("mailto:a@example.org", links);
        Assert.Contains("/badges/", links); // relative links are resolved against the portfolio page
    }

    [Fact]
    public void HostileSvgFiles_LeaveNothingExecutable_InAnyOutputFile()
    {
        using var site = TestSite.Create("""
            -- input/portfolios/eve/portfolio.yml --
            name: Eve
            consent: { publish: true, scope: [profile, badges, evidence] }
            photo: me.svg
            photoAlt: Eve
            badges:
              - badge: code-review
                evidence:
                  - { type: artifact, title: Chart, file: evidence/chart.svg }
            """);
        site.Write("input/portfolios/eve/me.svg", Security.UntrustedFilesTests.HostileSvg);
        site.Write("input/portfolios/eve/evidence/chart.svg", Security.UntrustedFilesTests.HostileSvg);
        site.Run();
        Assert.Equal(0, site.ExitCode);
        Assert.All(site.Diagnostics, d => Assert.Equal("CS0105", d.Code)); // the author is told what was removed
        foreach (var file in site.OutputFiles().Where(f => f.EndsWith(".svg", StringComparison.Ordinal) && f.StartsWith("people/", StringComparison.Ordinal)))
            Security.UntrustedFilesTests.AssertInert(site.ReadFile(file));
        Assert.True(site.FileExists("people/eve/me.svg") && site.FileExists("people/eve/evidence/chart.svg"));
        foreach (var file in site.OutputFiles())
            Assert.DoesNotContain("evil.example", site.ReadFile(file));
    }

    [Fact]
    public void HtmlEvidence_AndJavaScriptUrls_InEveryUrlField_AreErrors_AndNothingIsWritten()
    {
        const string js = "javascript:alert(document.cookie)";
        using var site = TestSite.Build($$"""
            -- site.yml --
            title: T
            baseUrl: https://example.org/
            asOf: 2026-11-01
            organization: { name: Org, url: "{{js}}" }
            -- catalog/issuers/academy.yml --
            name: Test Academy
            type: internal
            url: "{{js}}"
            email: "{{js}}"
            endorsements:
              - { name: Council, url: "{{js}}" }
            -- catalog/competencies/core.yml --
            name: Core Model
            url: "{{js}}"
            levels: [awareness, developing, proficient, expert]
            competencies:
              - id: code-quality
                name: Code Quality
                alignments:
                  - { framework: SFIA, name: Programming, url: "{{js}}" }
              - { id: influence, name: Influence }
            -- catalog/badges/stakeholder-management.yml --
            name: Stakeholder Management
            tier: capability
            issuer: academy
            assessment:
              - { method: portfolio-review, example: "{{js}}" }
            alignments:
              - { targetName: ESCO, targetUrl: "{{js}}" }
            -- input/portfolios/eve/portfolio.yml --
            name: Eve
            consent: { publish: true, scope: [profile, badges, evidence] }
            badges:
              - badge: code-review
                evidence:
                  - { type: artifact, title: Demo, url: "{{js}}" }
                  - { type: artifact, title: Page, file: evidence/page.html }
            -- input/portfolios/eve/evidence/page.html --
            <script>alert(document.cookie)</script>
            """);
        var errors = site.Diagnostics.GroupBy(d => d.Code).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(9, errors["CS0014"]); // organization, issuer url, email and endorsement, framework, alignment, example, targetUrl, evidence
        Assert.Equal(1, errors["CS0104"]);
        Assert.Equal(["CS0014", "CS0104"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(site.Output));
    }
}
