namespace CredentialSite.Rdf.JsonLd;

public sealed partial class ContextProcessor
{
    private static readonly HashSet<string> TermKeys =
        ["@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type"];

    private static readonly HashSet<string> ContainerKeywords = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"];

    /// <summary>Create Term Definition (§4.2.2).</summary>
    private void CreateTermDefinition(ActiveContext active, Dictionary<string, object?> local, string term,
        Dictionary<string, bool> defined, string? baseUrl, bool isProtected, bool overrideProtected, List<string> remoteContexts)
    {
        if (defined.TryGetValue(term, out var done))
        {
            if (done) return;
            throw new JsonLdException("cyclic IRI mapping", $"term '{term}' is defined through itself");
        }
        if (term.Length == 0) throw new JsonLdException("invalid term definition", "the empty string is not a term");
        defined[term] = false;
        var value = local[term];

        if (term == "@type")
        {
            if (value is not Dictionary<string, object?> typeMap || typeMap.Count == 0 ||
                typeMap.Any(p => p.Key switch { "@container" => p.Value is not "@set", "@protected" => false, _ => true }))
                throw new JsonLdException("keyword redefinition", "@type may only be given @container: @set and @protected");
        }
        else if (Iri.IsKeyword(term)) throw new JsonLdException("keyword redefinition", $"{term} cannot be redefined");
        else if (Iri.HasKeywordForm(term)) { defined[term] = true; return; }

        active.Terms.Remove(term, out var previous);
        var simpleTerm = value is string;
        var map = value switch
        {
            null => new Dictionary<string, object?> { ["@id"] = null },
            string s => new Dictionary<string, object?> { ["@id"] = s },
            Dictionary<string, object?> m => m,
            _ => throw new JsonLdException("invalid term definition", $"term '{term}' must be a string, a map or null"),
        };
        var definition = new TermDefinition { Protected = isProtected };
        if (map.TryGetValue("@protected", out var protectedValue))
            definition.Protected = protectedValue as bool? ?? throw new JsonLdException("invalid @protected value", term);

        if (map.TryGetValue("@type", out var typeValue))
        {
            var type = typeValue as string ?? throw new JsonLdException("invalid type mapping", term);
            type = ExpandIri(active, type, vocab: true, local: local, defined: defined);
            if (type is not ("@id" or "@json" or "@none" or "@vocab") && !Iri.IsAbsolute(type))
                throw new JsonLdException("invalid type mapping", $"term '{term}': @type {typeValue}");
            definition.TypeMapping = type;
        }

        if (map.TryGetValue("@reverse", out var reverseValue))
        {
            if (map.ContainsKey("@id") || map.ContainsKey("@nest")) throw new JsonLdException("invalid reverse property", term);
            var reverse = reverseValue as string ?? throw new JsonLdException("invalid IRI mapping", term);
            if (Iri.HasKeywordForm(reverse)) { defined[term] = true; return; }
            definition.Iri = ExpandIri(active, reverse, vocab: true, local: local, defined: defined);
            if (definition.Iri is null || !definition.Iri.Contains(':')) throw new JsonLdException("invalid IRI mapping", term);
            if (map.TryGetValue("@container", out var reverseContainer))
            {
                if (reverseContainer is not (null or "@set" or "@index")) throw new JsonLdException("invalid reverse property", term);
                if (reverseContainer is string c) definition.Container.Add(c);
            }
            definition.Reverse = true;
            Finish();
            return;
        }

        if (map.TryGetValue("@id", out var idValue) && idValue as string != term)
        {
            if (idValue is null) definition.Iri = null;
            else
            {
                var id = idValue as string ?? throw new JsonLdException("invalid IRI mapping", term);
                if (!Iri.IsKeyword(id) && Iri.HasKeywordForm(id)) { defined[term] = true; return; }
                definition.Iri = ExpandIri(active, id, vocab: true, local: local, defined: defined);
                if (definition.Iri is null || (!Iri.IsKeyword(definition.Iri) && !definition.Iri.Contains(':')))
                    throw new JsonLdException("invalid IRI mapping", $"term '{term}' maps to '{id}'");
                if (definition.Iri == "@context") throw new JsonLdException("invalid keyword alias", term);
                var colon = term.IndexOf(':', 1);
                if ((colon > 0 && colon < term.Length - 1) || term.Contains('/'))
                {
                    defined[term] = true;
                    if (ExpandIri(active, term, vocab: true, local: local, defined: defined) != definition.Iri)
                        throw new JsonLdException("invalid IRI mapping", $"term '{term}' looks like an IRI it does not expand to");
                }
                if (!term.Contains(':') && !term.Contains('/') && simpleTerm &&
                    (Iri.IsBlankNode(definition.Iri) || definition.Iri[^1] is ':' or '/' or '?' or '#' or '[' or ']' or '@'))
                    definition.Prefix = true;
            }
        }
        else if (term.IndexOf(':', 1) > 0)
        {
            var colon = term.IndexOf(':', 1);
            var prefix = term[..colon];
            if (local.ContainsKey(prefix)) CreateTermDefinition(active, local, prefix, defined, baseUrl, isProtected, overrideProtected, remoteContexts);
            definition.Iri = active.Term(prefix) is { Iri: not null } prefixDefinition ? prefixDefinition.Iri + term[(colon + 1)..] : term;
        }
        else if (term.Contains('/'))
        {
            definition.Iri = ExpandIri(active, term, vocab: true);
            if (!Iri.IsAbsolute(definition.Iri)) throw new JsonLdException("invalid IRI mapping", term);
        }
        else if (term == "@type") definition.Iri = "@type";
        else if (active.Vocab is not null) definition.Iri = active.Vocab + term;
        else throw new JsonLdException("invalid IRI mapping", $"term '{term}' has no IRI and there is no @vocab");

        if (map.TryGetValue("@container", out var containerValue))
        {
            foreach (var item in JsonTree.AsList(containerValue))
            {
                if (item is not string c || !ContainerKeywords.Contains(c)) throw new JsonLdException("invalid container mapping", term);
                definition.Container.Add(c);
            }
            if (definition.Container.Contains("@type"))
            {
                definition.TypeMapping ??= "@id";
                if (definition.TypeMapping is not ("@id" or "@vocab")) throw new JsonLdException("invalid type mapping", term);
            }
        }
        if (map.TryGetValue("@index", out var indexValue))
        {
            if (!definition.Container.Contains("@index") || indexValue is not string index || Iri.IsKeyword(index))
                throw new JsonLdException("invalid term definition", $"term '{term}': @index");
            definition.Index = index;
        }
        if (map.TryGetValue("@context", out var scoped))
        {
            try
            {
                Process(active, scoped, baseUrl, remoteContexts, overrideProtected: true, propagate: true, validateScoped: false);
            }
            catch (JsonLdException error)
            {
                throw new JsonLdException("invalid scoped context", $"term '{term}': {error.Message}");
            }
            definition.LocalContext = scoped;
            definition.HasLocalContext = true;
            definition.BaseUrl = baseUrl;
        }
        if (map.TryGetValue("@language", out var languageValue) && !map.ContainsKey("@type"))
        {
            if (languageValue is not (null or string)) throw new JsonLdException("invalid language mapping", term);
            definition.HasLanguage = true;
            definition.Language = (languageValue as string)?.ToLowerInvariant();
        }
        if (map.TryGetValue("@direction", out var directionValue) && !map.ContainsKey("@type"))
        {
            if (directionValue is not (null or "ltr" or "rtl")) throw new JsonLdException("invalid base direction", term);
            definition.HasDirection = true;
            definition.Direction = directionValue as string;
        }
        if (map.TryGetValue("@nest", out var nestValue))
        {
            if (nestValue is not string nest || (Iri.IsKeyword(nest) && nest != "@nest"))
                throw new JsonLdException("invalid @nest value", term);
            definition.Nest = nest;
        }
        if (map.TryGetValue("@prefix", out var prefixValue))
        {
            if (term.Contains(':') || term.Contains('/')) throw new JsonLdException("invalid term definition", term);
            definition.Prefix = prefixValue as bool? ?? throw new JsonLdException("invalid @prefix value", term);
            if (definition.Prefix && Iri.IsKeyword(definition.Iri)) throw new JsonLdException("invalid term definition", term);
        }
        if (map.Keys.Any(k => !TermKeys.Contains(k))) throw new JsonLdException("invalid term definition", $"term '{term}' has an unknown key");
        Finish();

        void Finish()
        {
            if (!overrideProtected && previous is { Protected: true })
            {
                if (!definition.SameAs(previous))
                    throw new JsonLdException("protected term redefinition", $"term '{term}' is protected");
                definition = previous;
            }
            active.Terms[term] = definition;
            defined[term] = true;
        }
    }
}
