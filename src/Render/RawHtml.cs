namespace CredentialSite.Render;

/// <summary>HTML that templates print as is. Every other value printed by a template is HTML-escaped.</summary>
public sealed record RawHtml(string Html)
{
    public static readonly RawHtml Empty = new("");
    public override string ToString() => Html;
}
