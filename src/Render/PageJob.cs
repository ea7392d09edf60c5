namespace CredentialSite.Render;

/// <summary>One HTML page to render: where it goes, which template draws it, and what it shows.</summary>
public sealed record PageJob(string OutputPath, string Template, PageMeta Meta, object Model);
