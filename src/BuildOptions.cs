namespace CredentialSite;

/// <summary>What one build is asked to do (the CLI's options).</summary>
public sealed record BuildOptions
{
    public static readonly BuildOptions Default = new();

    public string Source { get; init; } = ".";
    public string Output { get; init; } = "output";
    public string? BaseUrl { get; init; }
    public DateOnly? AsOf { get; init; }
    public bool Drafts { get; init; }
    /// <summary>
    /// Who the site is for (<c>--audience</c>): the public, or promotion panels, whose build (for a private host) also
    /// publishes each person's <c>consent.panelScope</c> and asks search engines to index nothing.
    /// </summary>
    public Audience Audience { get; init; } = Audience.Public;
    public bool WarningsAsErrors { get; init; }
    /// <summary>Write into a non-empty output folder this tool did not write (its files are kept; see <see cref="Write.OutputManifest"/>).</summary>
    public bool Force { get; init; }
    /// <summary>How long a build waits while another build writes the same output folder.</summary>
    public TimeSpan LockTimeout { get; init; } = Write.OutputWriter.DefaultLockTimeout;
    /// <summary>Validate only: run every check, write nothing.</summary>
    public bool DryRun { get; init; }
    /// <summary>Estimated raw size above which a search term shard is split (a tuning knob for tests).</summary>
    public int SearchShardBytes { get; init; } = Search.BuildSearchIndex.SplitShardBytes;
    /// <summary>
    /// The build is the process's only work (the command line's <c>build</c>): it collects garbage fully where it lets go
    /// of much, which lowers its peak memory. Off for <c>serve</c>, <c>validate</c> and builds run inside other work (tests).
    /// </summary>
    public bool CollectBetweenStages { get; init; }
    /// <summary>Overrides <c>badgesPerPage</c> of site.yml (tests: a small catalog with a paged badge index).</summary>
    public int? BadgesPerPage { get; init; }
    /// <summary>
    /// The private key folder (<c>--keys</c>, <c>CREDENTIALSITE_KEYS</c>): the build signs the credentials of the issuers whose
    /// keys it holds (see docs/signing.md). Null: nothing is signed.
    /// </summary>
    public string? Keys { get; init; }
    /// <summary>
    /// <c>build --online</c>: fetch the DID documents and keys of imported credentials' issuers that neither the site
    /// nor trust/ has (did:web, HTTPS key URLs), with a timeout, and save them into trust/ (docs/verify.md).
    /// </summary>
    public bool Online { get; init; }
    /// <summary>Where the built-in theme lives (defaults to the tool's own theme folder).</summary>
    public string? BuiltInTheme { get; init; }
}

/// <summary>Who a build is for: see <see cref="BuildOptions.Audience"/>.</summary>
public enum Audience { Public, Panel }
