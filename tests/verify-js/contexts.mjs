// The JSON-LD contexts the verifier may use: the repository's pinned copies in src/Rdf/Contexts (see SOURCES.md
// there), by URL. The same table as src/Rdf/JsonLd/PinnedContexts.cs (a test checks they agree); nothing is fetched.
//
//   node contexts.mjs     prints the table as JSON (URL -> file name)
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const CONTEXTS_DIR = join(
  dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'Rdf', 'Contexts');

export const CONTEXT_FILES = Object.freeze({
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://www.w3.org/2018/credentials/v1': 'credentials-v1.jsonld',
  'https://www.w3.org/ns/credentials/examples/v2': 'credentials-examples-v2.jsonld',
  'https://w3id.org/security/data-integrity/v2': 'data-integrity-v2.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://www.w3.org/ns/did/v1': 'did-v1.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': 'ob-context-3.0.2.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': 'ob-context-3.0.1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob-extensions.json',
  'https://purl.imsglobal.org/spec/ob-assessment/v2p0/context': 'ob-assessment-v2p0.json',
  'https://credreg.net/ctdl/schema/context/json': 'ctdl.json'
});

const cache = new Map();

/** The parsed pinned context for a URL, or undefined when the URL is not pinned. */
export function pinnedContext(url) {
  const file = CONTEXT_FILES[url];
  if(file === undefined) {
    return undefined;
  }
  if(!cache.has(url)) {
    cache.set(url, JSON.parse(readFileSync(join(CONTEXTS_DIR, file), 'utf8')));
  }
  return cache.get(url);
}

if(process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(JSON.stringify(CONTEXT_FILES, null, 2) + '\n');
}
