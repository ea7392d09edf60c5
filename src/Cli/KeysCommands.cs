using System.CommandLine;
using CredentialSite.Diagnostics;
using CredentialSite.Keys;

namespace CredentialSite.Cli;

/// <summary>
/// <c>credentialsite keys new --issuer ID --keys DIR</c>: signing keys for an issuer (see <see cref="NewKeys"/> and docs/signing.md).
/// </summary>
public static class KeysCommands
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var source = new Option<string>("--source", "-s") { Description = "The site's source folder (with site.yml)", DefaultValueFactory = _ => "." };
        var issuer = new Option<string>("--issuer") { Description = "The issuer the keys are for (an issuer id)", Required = true };
        var keys = new Option<string>("--keys")
        { Description = "The private key folder: outside the source and output folders, never committed", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The site's output folder (the key folder may not lie in it)", DefaultValueFactory = _ => "output" };
        var newCommand = new Command("new",
            "Make an Ed25519 and an RSA key for an issuer: private keys into --keys, public keys into its YAML (run again to rotate)")
        {
            issuer, keys, source, output,
        };
        newCommand.SetAction(r => New(r.GetValue(source)!, r.GetValue(issuer)!, r.GetValue(keys)!, r.GetValue(output)!, stdout, stderr));
        return new Command("keys", "Manage the issuers' signing keys") { newCommand };
    }

    private static int New(string source, string issuer, string keys, string output, TextWriter stdout, TextWriter stderr)
    {
        var diags = new DiagnosticBag();
        NewKeys.Result? result;
        try
        {
            result = NewKeys.Run(source, issuer, keys, output, DateOnly.FromDateTime(DateTime.UtcNow), diags);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write the keys: {e.Message}");
            return CliApp.InputErrors;
        }
        foreach (var d in diags.Sorted()) stderr.WriteLine(d.ToString());
        if (result is null) return CliApp.InputErrors;
        stdout.WriteLine($"keys new: {result.Ed25519Id} (Ed25519) and {result.RsaId} (RSA) published in {result.IssuerFile}");
        foreach (var file in result.PrivateFiles) stdout.WriteLine($"  private: {file}");
        foreach (var file in result.Retired) stdout.WriteLine($"  retired: {file}");
        stdout.WriteLine("Keep the private keys out of git; build with --keys " + keys + " (docs/signing.md).");
        return CliApp.Ok;
    }
}
