namespace CredentialSite.Diagnostics;

/// <summary>
/// Stable diagnostic codes. Do not renumber or reuse a code: users search for them and tests assert them.
/// Every code is documented in docs/diagnostics.md.
/// </summary>
public static class DiagnosticCodes
{
    // Input files and YAML
    public const string YamlSyntax = "CS0001";
    public const string WrongType = "CS0002";
    public const string MissingField = "CS0003";
    public const string InvalidEnum = "CS0004";
    public const string InvalidDate = "CS0005";
    public const string InvalidDuration = "CS0006";
    public const string UnknownField = "CS0007";
    public const string DuplicateId = "CS0008";
    public const string UnknownReference = "CS0009";
    public const string IdMismatch = "CS0010";
    public const string ImageWithoutAlt = "CS0011";
    public const string InvalidId = "CS0012";
    public const string MissingSiteConfig = "CS0013";
    public const string InvalidUrl = "CS0014";
    public const string InvalidValue = "CS0015";
    public const string MissingFile = "CS0016";
    public const string ReferenceCycle = "CS0017";
    public const string MarkdownTooDeep = "CS0018";
    public const string RuleNeverMet = "CS0019";
    public const string SameApprover = "CS0020";
    public const string ScorecardWeights = "CS0021";

    // Portfolios (privacy and evidence)
    public const string PortfolioUnknownVersion = "CS0101";
    public const string EvidenceOutsideFolder = "CS0102";
    public const string LinkOutsideSource = "CS0103";
    public const string UnsafeFileType = "CS0104";
    public const string ActiveContentRemoved = "CS0105";
    public const string HeldBadgeNotOffered = "CS0106";
    public const string ReadinessScopeIncomplete = "CS0107";

    // Theme and output
    public const string TemplateError = "CS0201";
    public const string BrokenLink = "CS0202";
    public const string OutputError = "CS0203";
    public const string OutputRefused = "CS0204";
    public const string OutputNotOurs = "CS0205";
    public const string OutputLocked = "CS0206";

    // Spreadsheet import (credentialsite import): located in the CSV file as FILE.csv:row:col
    public const string CsvFormat = "CS0301";
    public const string CsvUnknownName = "CS0302";
    public const string CsvBadValue = "CS0303";

    // Signing keys (issuers' published keys:, the private key folder of build --keys and keys new)
    public const string KeyInvalid = "CS0401";
    public const string KeyDuplicate = "CS0402";
    public const string KeysFolderRefused = "CS0403";
    public const string PrivateKeyUnpublished = "CS0404";
    public const string PrivateKeyUnreadable = "CS0405";
    public const string KeyPairIncomplete = "CS0406";

    // Imported credentials (a portfolio's credential: and external: files, verified by the build: src/Verify, docs/verify.md)
    public const string CredentialUnreadable = "CS0501";
    public const string CredentialProofInvalid = "CS0502";
    public const string CredentialKeyUnknown = "CS0503";
    public const string CredentialKeyNotIssuers = "CS0504";
    public const string CredentialMismatch = "CS0505";
    public const string CredentialRevoked = "CS0506";
    public const string CredentialExpired = "CS0507";
    public const string CredentialNotYetValid = "CS0508";
    public const string TrustFileInvalid = "CS0509";
    public const string OnlineFetchFailed = "CS0510";

    /// <summary>Every code with a one-line description, for docs/diagnostics.md and for tests.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [YamlSyntax] = "YAML syntax error",
        [WrongType] = "a value has the wrong type (e.g. a list where a text is expected)",
        [MissingField] = "a required field is missing",
        [InvalidEnum] = "a value is not one of the allowed values",
        [InvalidDate] = "a date is not an ISO 8601 date (YYYY-MM-DD)",
        [InvalidDuration] = "a duration is not an ISO 8601 duration (P2Y, P18M, P90D, PT3H)",
        [UnknownField] = "a field the format does not define (warning; did-you-mean)",
        [DuplicateId] = "two items of the same kind share an id",
        [UnknownReference] = "a reference to an unknown issuer, competency, level, badge, role or criterion",
        [IdMismatch] = "an explicit id: does not match the file or folder name",
        [ImageWithoutAlt] = "an image without its alt text (imageAlt / photoAlt)",
        [InvalidId] = "an id does not match ^[a-z0-9]+(-[a-z0-9]+)*$",
        [MissingSiteConfig] = "site.yml is missing",
        [InvalidUrl] = "a URL is not absolute http(s)",
        [InvalidValue] = "a value is out of range or inconsistent",
        [MissingFile] = "a referenced file (image, evidence) does not exist",
        [ReferenceCycle] = "prerequisites or stacksInto form a cycle",
        [MarkdownTooDeep] = "Markdown nested too deeply",
        [RuleNeverMet] = "a promotion rule can never be met",
        [SameApprover] = "approval steps that must be done by different people (governance.separateSteps) were done by the same person (warning)",
        [ScorecardWeights] = "a promotion scorecard's weights are not valid: a part without a positive weight, a repeated part, or weights that do not add up to 100",
        [PortfolioUnknownVersion] = "a portfolio badge version is not in the badge's changelog (warning)",
        [EvidenceOutsideFolder] = "an evidence file points outside its portfolio folder",
        [LinkOutsideSource] = "a file or folder is a symbolic link that leads outside the source folder",
        [UnsafeFileType] = "a portfolio file is not of a type the site publishes, or its bytes are not what its name says",
        [ActiveContentRemoved] = "scripts, event handlers or external references were removed from a portfolio SVG (warning)",
        [HeldBadgeNotOffered] = "a portfolio holds a draft or retired badge, which never counts toward readiness (warning)",
        [ReadinessScopeIncomplete] = "consent.scope has readiness without profile and badges, so readiness is not shown (warning)",
        [TemplateError] = "a theme template failed to parse or render",
        [BrokenLink] = "a page links to a file that the site does not contain",
        [OutputError] = "the output folder could not be written",
        [OutputRefused] = "the output folder is, holds or lies inside the source folder or its catalog/, input/ or theme/",
        [OutputNotOurs] = "the output folder is not empty and was not written by CredentialSite (--force writes into it)",
        [OutputLocked] = "another build is writing to the output folder",
        [CsvFormat] = "a CSV file cannot be read: a column is missing or repeated, a quote is not closed",
        [CsvUnknownName] = "a CSV cell names an unknown badge, competency, role, level, tier, method, cluster or impact (did-you-mean)",
        [CsvBadValue] = "a CSV cell's value is not valid: empty where required, a package that does not parse, a repeated row, an id taken",
        [KeyInvalid] = "a published key is not valid: unknown type, a publicKeyMultibase that is not an Ed25519 Multikey, a publicKeyJwk that is not an RSA key",
        [KeyDuplicate] = "two keys of an issuer share an id or a public key",
        [KeysFolderRefused] = "the private key folder is or lies inside the source folder or the output folder",
        [PrivateKeyUnpublished] = "a private key's public key matches no published, non-retired key of its issuer",
        [PrivateKeyUnreadable] = "a private key file cannot be read or is not a key of the expected kind",
        [KeyPairIncomplete] = "the key folder holds only one of an issuer's two private keys, so its credentials are not signed",
        [CredentialUnreadable] = "an imported credential file is not a credential: not JSON or a compact JWT, no issuer, an unknown format, or unsigned",
        [CredentialProofInvalid] = "an imported credential's proof or JWT signature does not verify: it was changed after signing, or signed with another key",
        [CredentialKeyUnknown] = "an imported credential's key is not in the credential, this site or trust/, so it cannot be checked offline (warning)",
        [CredentialKeyNotIssuers] = "the key that signed an imported credential is not controlled by the credential's issuer",
        [CredentialMismatch] = "an imported credential's issuer or achievement does not match the catalog badge it is attached to",
        [CredentialRevoked] = "an imported credential is revoked in its issuer's status list (this site's or one pinned in trust/)",
        [CredentialExpired] = "an imported credential expired before the build's asOf (warning)",
        [CredentialNotYetValid] = "an imported credential is not valid yet at the build's asOf",
        [TrustFileInvalid] = "a file in trust/ is not JSON, or not a DID document, key, JWKS or status list credential",
        [OnlineFetchFailed] = "build --online could not fetch an issuer's DID document or key (warning)",
    };
}
