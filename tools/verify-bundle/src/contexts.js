// The pinned JSON-LD contexts (src/Rdf/Contexts, the same table as src/Rdf/JsonLd/PinnedContexts.cs), bundled into
// the script: the verifier's documentLoader serves only these and never fetches a context from the network.
import credentialsV2 from '../../../src/Rdf/Contexts/credentials-v2.jsonld';
import credentialsV1 from '../../../src/Rdf/Contexts/credentials-v1.jsonld';
import examplesV2 from '../../../src/Rdf/Contexts/credentials-examples-v2.jsonld';
import dataIntegrityV2 from '../../../src/Rdf/Contexts/data-integrity-v2.jsonld';
import multikeyV1 from '../../../src/Rdf/Contexts/multikey-v1.jsonld';
import didV1 from '../../../src/Rdf/Contexts/did-v1.jsonld';
import ob303 from '../../../src/Rdf/Contexts/ob-context-3.0.3.json';
import ob302 from '../../../src/Rdf/Contexts/ob-context-3.0.2.json';
import ob301 from '../../../src/Rdf/Contexts/ob-context-3.0.1.json';
import obExtensions from '../../../src/Rdf/Contexts/ob-extensions.json';
import obAssessment from '../../../src/Rdf/Contexts/ob-assessment-v2p0.json';
import ctdl from '../../../src/Rdf/Contexts/ctdl.json';

const PINNED = {
  'https://www.w3.org/ns/credentials/v2': credentialsV2,
  'https://www.w3.org/2018/credentials/v1': credentialsV1,
  'https://www.w3.org/ns/credentials/examples/v2': examplesV2,
  'https://w3id.org/security/data-integrity/v2': dataIntegrityV2,
  'https://w3id.org/security/multikey/v1': multikeyV1,
  'https://www.w3.org/ns/did/v1': didV1,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': ob303,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': ob302,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': ob301,
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': obExtensions,
  'https://purl.imsglobal.org/spec/ob-assessment/v2p0/context': obAssessment,
  'https://credreg.net/ctdl/schema/context/json': ctdl
};

export async function documentLoader(url) {
  const document = PINNED[url];
  if(document === undefined) {
    throw new Error(`the context ${url} is not one this verifier knows (it never fetches contexts)`);
  }
  return {contextUrl: null, documentUrl: url, document: structuredClone(document)};
}
