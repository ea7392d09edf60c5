using System.Diagnostics;
using CredentialSite.Analyze;
using CredentialSite.Diagnostics;
using CredentialSite.Keys;
using CredentialSite.Load;
using CredentialSite.PostProcess;
using CredentialSite.Privacy;
using CredentialSite.Render;
using CredentialSite.Search;
using CredentialSite.Signing;
using CredentialSite.Write;

namespace CredentialSite;

/// <summary>The result of one build: what was found, what was written, how long each stage took.</summary>
public sealed record BuildResult(DiagnosticBag Diagnostics, int PagesWritten, int FilesWritten, int FilesChanged, IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages)
{
    /// <summary>Every page of the site; <see cref="PagesWritten"/> of them were rendered, the others were unchanged.</summary>
    public int PagesTotal { get; init; }

    /// <summary>The time each template took, summed over the rendering threads (see <see cref="RenderPages.TemplateTimes"/>).</summary>
    public IReadOnlyList<TemplateTime> Templates { get; init; } = [];

    /// <summary>Portfolios read but not published: no <c>consent:</c> block, or <c>publish</c> not true.</summary>
    public int PeopleNotPublished { get; init; }

    /// <summary>What the catalog covers (validate only: its summary line gives the counts; a build shows the coverage page).</summary>
    public Program.CoverageReport? Coverage { get; init; }

    /// <summary>The issuers whose credentials this build signed (none: the credentials are unsigned).</summary>
    public IReadOnlyCollection<string> SigningIssuers { get; init; } = [];

    public bool Succeeded(bool warningsAsErrors) =>
        !Diagnostics.HasErrors && !(warningsAsErrors && Diagnostics.WarningCount > 0);
}

/// <summary>The one place that orders the build's stages. Each stage reads what the previous ones made.</summary>
public static class SiteBuild
{
    /// <param name="parsed">Parsed files kept from the previous build of this process (see <see cref="ParsedFiles"/>), or null.</param>
    /// <param name="planned">
    /// Called once every page is planned and nothing has failed yet, with a function that renders one page (by output
    /// path) on its own: <c>serve</c> uses it to show the pages open in tabs before the rest of the site is done.
    /// </param>
    /// <param name="cancel">
    /// Stops the build between stages and between pages (<c>serve</c> drops a rebuild a newer save makes stale) by
    /// throwing <see cref="OperationCanceledException"/>; nothing of a cancelled build reaches the output.
    /// </param>
    public static BuildResult Run(BuildOptions options, ParsedFiles? parsed = null, Action<Func<string, byte[]?>>? planned = null,
        CancellationToken cancel = default)
    {
        var diags = new DiagnosticBag();
        var stages = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        T Stage<T>(string name, Func<T> run)
        {
            cancel.ThrowIfCancellationRequested();
            var start = clock.Elapsed;
            var result = run();
            stages.Add((name, clock.Elapsed - start));
            return result;
        }
        RenderPages? renderer = null;
        CredentialSigner? signer = null;
        var notPublished = 0;
        Program.CoverageReport? coverage = null;
        BuildResult Done(int pages = 0, int files = 0, int changed = 0) =>
            new(diags, pages, files, changed, stages)
            {
                Templates = renderer?.TemplateTimes ?? [], PeopleNotPublished = notPublished, Coverage = coverage, SigningIssuers = signer?.Issuers ?? [],
            };

        var source = new SourceFolder(options.Source);
        // 1. Load: parse every source file into immutable records.
        var catalog = Stage("load", () => LoadCatalog.Run(source, options, diags, parsed));
        if (catalog is null) return Done();
        notPublished = catalog.Portfolios.Count(p => !p.Consent.Publish);
        // 2. Validate: references, ids, rubric levels, cycles, files. It only reports (the build stops on its errors
        //    after the theme is loaded, below), and the analysis copes with bad references, so the two run side by side.
        //    Its findings join the others when it ends, so what happens before then does not depend on how far it got.
        var loaded = catalog;
        var checks = new DiagnosticBag();
        var imported = Verify.ImportedChecks.None;
        var validation = Task.Run(() =>
        {
            var start = clock.Elapsed;
            ValidateCatalog.Run(loaded, checks, cancel);
            Program.Governance.CheckSeparation(loaded, checks);
            ValidatePortfolios.Run(loaded, source, checks, cancel, options.AsOf);
            // The credentials people brought: verified offline (src/Verify, docs/verify.md), with trust/'s pinned keys.
            var trust = Verify.TrustedKeys.Load(loaded, source, checks);
            if (options.Online) Verify.FetchKeys.Run(loaded, source, trust, checks, cancel);
            imported = Verify.VerifyImported.Run(loaded, source, checks,
                options.AsOf ?? loaded.Site.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow), trust);
            return clock.Elapsed - start;
        });
        // Privacy: from here on only consented people and consented sections exist.
        catalog = Stage("consent", () => ApplyConsent.Run(loaded, options.Audience));
        // 3. Analyze: lookups, reverse links and scores, computed once.
        var index = Stage("analyze", () => new SiteIndex(catalog, options));
        if (options.DryRun) coverage = Stage("coverage", () => Program.Coverage.Run(index));
        // Keys: the private keys of --keys, each matched to a key its issuer publishes (never read from source or output).
        if (options.Keys is { } keys)
            signer = Stage("keys", () => LoadSigner(keys, source.Root, options, index, diags));
        var theme = Stage("theme", () => Theme.Load(options.BuiltInTheme ?? Theme.BuiltInFolder, source.Theme, source.Root, diags));
        // 4. Plan: every page with its view model and JSON-LD.
        var views = Stage("views", () => new ViewBuilder(index, signer));
        RenderPages Renderer() => renderer ??= new RenderPages(theme, index, diags, Navigation(index));
        // serve shows the pages open in tabs as soon as every file has parsed, each planned on its own, without waiting
        // for the checks across files: if those fail, the build fails below and the tabs show the error overlay.
        if (planned is not null && !diags.HasErrors)
            Stage("preview", () =>
            {
                planned(path => PlanPages.Run(index, views, new DiagnosticBag(), new HashSet<string> { path }) is [var job]
                    ? Renderer().RenderOne(job) : null);
                return 0;
            });
        stages.Add(("validate", validation.GetAwaiter().GetResult()));
        index.Imported = imported;
        foreach (var d in checks.All) diags.Add(d);
        // Every check that points at a field has run: a one-shot build lets the field positions go (serve keeps its
        // records, and their positions, for the next build).
        if (parsed is null) ReleasePositions(loaded);
        if (diags.HasErrors) return Done();
        var jobs = Stage("plan", () =>
        {
            if (options.CollectBetweenStages) LetGo(); // the positions just let go
            return PlanPages.Run(index, views, diags);
        });
        // 5. Site files: credential JSON, catalog.json, sitemap, feed, robots, GitHub Pages files, assets, and the
        //    sharded search index with the explorer's data (all built from the catalog; badge JSON comes with its page).
        var files = Stage("files", () => SiteFiles.Run(index, views, jobs, theme, source.Root, source.Assets, signer)
            .Concat(BuildSearchIndex.Run(index, views, options.SearchShardBytes)).Append(BuildExplorerData.Run(index)).ToList());
        var sitePaths = jobs.Select(j => j.OutputPath).Concat(jobs.Select(j => j.CompanionPath).OfType<string>())
            .Concat(files.Select(f => f.Path)).ToHashSet(StringComparer.Ordinal);
        if (diags.HasErrors) return Done();
        // From here until the writer is disposed, this build holds the output folder's lock.
        using var writer = options.DryRun ? null : OutputWriter.Begin(options.Output, source.Root, diags, options.Force, options.LockTimeout, cancel);
        if (diags.HasErrors) return Done();
        var output = writer?.Folder ?? options.Output;
        var basePath = index.Site.BasePath;
        // A rebuild skips pages whose inputs did not change (validate checks every page).
        var cache = writer is null ? null : RenderCache.Open(output, RenderCache.BuildKey(theme, Renderer().Site, Lookups(index, signer?.Issuers ?? [])));
        var recheck = cache?.FilesRemoved(sitePaths) ?? false;
        // 6. Write the site files into the staging area now (nothing reaches the output before the commit below), and let
        //    them go: at 100,000 badges they are 800 MB the collector would otherwise carry through the rendering.
        //    validate makes them too (writing nothing), so that whatever can fail in making one fails there as well.
        Stage("write", () =>
        {
            Parallel.ForEach(files, new ParallelOptions { CancellationToken = cancel }, f =>
            {
                if (f.Bytes() is { } bytes) writer?.Put(f.Path, bytes);
                else writer?.Copy(f.Path, f.CopyFrom!);
            });
            files.Clear();
            if (options.CollectBetweenStages) LetGo();
            return 0;
        });
        // A broken link is reported where it was written, in the page's source file, when it is found there.
        var sources = jobs.Where(j => j.Source is not null).ToDictionary(j => j.OutputPath, j => j.Source!);
        Func<string, SourceLocation?>? SourceOf(string page) => sources.TryGetValue(page, out var rel)
            ? target => CheckLinks.Find(File.ReadAllText(Path.Combine(source.Root, rel)), rel, target)
            : null;
        // 7. Render pages in parallel; check each page's links against the site's files; stage it if its bytes changed.
        var pages = Stage("render", () => Renderer().Run(jobs, (path, html) =>
        {
            CheckLinks.Page(path, html, sitePaths, basePath, diags, SourceOf(path));
            writer?.Put(path, html);
        }, cache, output, cancel: cancel, companions: writer is null ? null : writer.Put,
            // A kept page is the file on disk; when a file of the previous site is gone, its links are checked again.
            kept: recheck ? path => CheckLinks.Page(path, File.ReadAllBytes(Path.Combine(output, path)), sitePaths, basePath, diags, SourceOf(path)) : null));
        if (writer is null || diags.HasErrors || (options.WarningsAsErrors && diags.WarningCount > 0)) return Done();
        // 8. Commit: move what changed into the output (nothing moves if anything failed).
        Stage("commit", () =>
        {
            cancel.ThrowIfCancellationRequested(); // the last moment a build can be dropped: the commit is all or nothing
            writer.Commit(sitePaths);
            cache?.Save();
            return 0;
        });
        return Done(pages, sitePaths.Count, writer.Changed) with { PagesTotal = jobs.Count };
    }

    private static CredentialSigner? LoadSigner(string keys, string sourceRoot, BuildOptions options, SiteIndex index, DiagnosticBag diags)
    {
        if (KeyFolder.Refuse(keys, ("source folder", sourceRoot), ("output folder", options.DryRun ? null : options.Output)) is { } why)
        {
            diags.Error(DiagnosticCodes.KeysFolderRefused, KeyFolder.Location(keys), why, KeyFolder.RefuseHint);
            return null;
        }
        return new CredentialSigner(index.Site.BaseUrl, index.AsOf, KeyFolder.Load(keys, index.IssuersById, diags));
    }

    /// <summary>
    /// A full, compacting collection where a one-shot build has just let go of much (the field positions, which lie
    /// among the records they describe; the site files once staged; see <see cref="BuildOptions.CollectBetweenStages"/>).
    /// Otherwise that garbage waits in the oldest generation, under all that the next stage allocates, until the
    /// collector gets to it: at 100,000 badges the peak was 2,939 MiB without these two collections and 2,749 MiB with
    /// them, in the same time (at 10,000 the difference is within the noise).
    /// </summary>
    private static void LetGo() => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

    private static void ReleasePositions(Model.Catalog c)
    {
        foreach (var spans in c.Issuers.Select(i => i.Spans).Concat(c.Frameworks.Select(f => f.Spans)).Concat(c.Badges.Select(b => b.Spans))
                     .Concat(c.Ladders.Select(l => l.Spans)).Concat(c.Portfolios.Select(p => p.Spans)))
            spans.Release();
    }

    /// <summary>What the templates' functions read besides the page: names and what is published, and how <c>md</c> renders.</summary>
    private static IEnumerable<string> Lookups(SiteIndex ix, IEnumerable<string> signing) =>
        new[] { $"markdown.unsafe\t{ix.Site.MarkdownUnsafe}", $"audience\t{ix.Audience}", $"signs\t{string.Join(",", signing)}" }.Concat(ix.AllBadgesById.Values.OrderBy(b => b.Id, StringComparer.Ordinal).Select(b => $"b\t{b.Id}\t{b.Name}\t{ix.IsPublished(b)}")
            .Concat(ix.RolesById.Values.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => $"r\t{r.Id}\t{r.Name}"))
            .Concat(ix.CompetenciesById.Values.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => $"c\t{c.Id}\t{c.Name}")));

    private static IReadOnlyList<NavItem> Navigation(SiteIndex ix)
    {
        var nav = new List<NavItem>
        {
            new("Badges", "badges/", false),
            new("Roles", "roles/", false),
            new("Competencies", "competencies/", false),
            new("Issuers", "issuers/", false),
            new("Explorer", "explorer/", false),
        };
        if (ix.People.Count > 0) nav.Add(new("People", "people/", false));
        nav.AddRange(ix.Pages.Where(p => !p.Slug.Contains('/')).Select(p => new NavItem(p.Title, p.Slug + "/", false)));
        return nav;
    }
}
