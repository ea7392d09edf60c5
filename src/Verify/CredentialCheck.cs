namespace CredentialSite.Verify;

/// <summary>
/// What the build found about one imported credential (a portfolio's <c>credential:</c> or <c>external:</c> file),
/// shown on the person's page: <see cref="Outcome"/> is <c>verified</c>, <c>failed</c>, <c>unverifiable</c> (no key
/// offline) or <c>hosted</c> (Open Badges 2.0 hosted verification, which needs the issuer's server).
/// </summary>
public sealed record CredentialCheck(
    string Outcome,
    string Format,
    string? IssuerId,
    string? IssuerName,
    string? Achievement,
    IReadOnlyList<string> Checked,
    IReadOnlyList<string> NotChecked)
{
    public bool IsVerified => Outcome == Verified;
    public const string Verified = "verified";
    public const string Failed = "failed";
    public const string Unverifiable = "unverifiable";
    public const string Hosted = "hosted";
}

/// <summary>One problem found while verifying: a diagnostic code (DiagnosticCodes.Credential*), its text and hint.</summary>
public sealed record CredentialProblem(string Code, bool IsWarning, string Message, string Hint);
