#!/usr/bin/env node
// Independent verifier of a built CredentialSite site: checks every signed document with libraries from the npm
// registry (Digital Bazaar's @digitalbazaar/vc + data-integrity + eddsa-rdfc-2022-cryptosuite, and jose), never with
// the tool's own code. Keys come from the site's did:web DID documents, resolved to files in the output folder;
// JSON-LD contexts come only from the repository's pinned copies (src/Rdf/Contexts); nothing is fetched.
//
//   node verify-site.mjs OUT BASE_URL [--skip-status] [--fail-revoked] [--strict-dates] [--now ISO-8601]
//
// Prints one line per checked file, `ok <path>` or `FAIL <path>: <reason>` (paths relative to OUT; unsigned
// credentials are listed as `unsigned <path>`, correctly signed ones whose status bit is set as `revoked <path>: …`
// or `suspended <path>: …`), then a JSON summary. Exits 1 when anything failed (with --fail-revoked, a set status
// bit too) or when no signed credential was found (a verifier that checked nothing must not pass), 2 on a usage
// error.
//
// What is checked:
// - every *.json in OUT with a top-level `proof`: a DataIntegrityProof, cryptosuite eddsa-rdfc-2022, purpose
//   assertionMethod, verified by vc.verifyCredential; the verification method must be listed in its DID
//   document's assertionMethod and its controller must be the credential's issuer;
// - every *.jwt in OUT: a VC-JWT (Open Badges 3.0 §8.2): header alg RS256, typ JWT, kid = a JsonWebKey verification
//   method of the issuer's DID document (in assertionMethod); RS256 signature by jose; iss/jti/sub/nbf/exp equal the
//   credential's issuer id / id / credentialSubject.id / validFrom / validUntil; the payload minus the JWT claims
//   equals the JSON credential next to it minus its proof;
// - a signed credential under people/*/credentials/ must have its .jwt next to it, and an unsigned one must have
//   none and an issuer that is not a DID (an issuer with a did:web DID signs all its credentials);
// - credentialStatus BitstringStatusListEntry: the status list credential is read from OUT (its proof verified when
//   it has one; a list that is missing, malformed, of another issuer or purpose fails the credential); a set bit
//   is reported as revoked/suspended (a failure with --fail-revoked); --skip-status skips all of this;
// - validity period: by default a credential outside validFrom..validUntil at the current time (or --now) is
//   still `ok`, with a note (a catalog keeps its history); with --strict-dates it fails.
import {readFileSync, readdirSync, existsSync, statSync} from 'node:fs';
import {join, relative, resolve, sep} from 'node:path';
import {gunzipSync} from 'node:zlib';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {compactVerify, decodeProtectedHeader, importJWK} from 'jose';
import {pinnedContext} from './contexts.mjs';

const JWT_CLAIMS = ['iss', 'jti', 'sub', 'nbf', 'exp', 'iat', 'aud'];
const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';

// ---------------------------------------------------------------- arguments

function usage(message) {
  process.stderr.write(`${message}\nusage: node verify-site.mjs OUT BASE_URL ` +
    '[--skip-status] [--fail-revoked] [--strict-dates] [--now ISO-8601]\n');
  process.exit(2);
}

const positional = [];
const flags = {skipStatus: false, strictDates: false, failRevoked: false, now: new Date()};
{
  const args = process.argv.slice(2);
  for(let i = 0; i < args.length; i++) {
    const arg = args[i];
    if(arg === '--skip-status') {
      flags.skipStatus = true;
    } else if(arg === '--fail-revoked') {
      flags.failRevoked = true;
    } else if(arg === '--strict-dates') {
      flags.strictDates = true;
    } else if(arg === '--now') {
      flags.now = new Date(args[++i]);
      if(Number.isNaN(flags.now.getTime())) {
        usage(`--now: not a date: ${args[i]}`);
      }
    } else if(arg.startsWith('--')) {
      usage(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
}
if(positional.length !== 2) {
  usage('expected OUT and BASE_URL');
}
const OUT = resolve(positional[0]);
if(!existsSync(OUT) || !statSync(OUT).isDirectory()) {
  usage(`OUT is not a folder: ${OUT}`);
}
let BASE;
try {
  BASE = new URL(positional[1].endsWith('/') ? positional[1] : positional[1] + '/');
} catch {
  usage(`BASE_URL is not a URL: ${positional[1]}`);
}

// ---------------------------------------------------------------- site files and did:web

/** The OUT file of a site URL (scheme ignored: did:web always says https, a local build may be served on http). */
function siteFile(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`not a URL: ${url}`);
  }
  if(u.host !== BASE.host || !u.pathname.startsWith(BASE.pathname) || u.search || u.hash) {
    throw new Error(`${url} is not under the site's base URL ${BASE.href}`);
  }
  const rel = decodeURIComponent(u.pathname.slice(BASE.pathname.length));
  const file = resolve(OUT, rel);
  if(!file.startsWith(OUT + sep)) {
    throw new Error(`${url} leaves the output folder`);
  }
  if(!existsSync(file) || !statSync(file).isFile()) {
    throw new Error(`${url}: no such file ${relative(OUT, file)} in the output folder`);
  }
  return file;
}

/** did:web method: did:web:host[%3Aport]:a:b -> https://host[:port]/a/b/did.json (or /.well-known/did.json). */
function didWebUrl(did) {
  if(!did.startsWith('did:web:')) {
    throw new Error(`not a did:web DID: ${did}`);
  }
  const parts = did.slice('did:web:'.length).split(':');
  if(parts.some(p => p === '')) {
    throw new Error(`malformed did:web DID: ${did}`);
  }
  const host = decodeURIComponent(parts[0]);
  const path = parts.slice(1).map(p => decodeURIComponent(p));
  if(path.some(p => p === '.' || p === '..' || p.includes('/'))) {
    throw new Error(`malformed did:web DID: ${did}`);
  }
  return path.length === 0 ?
    `https://${host}/.well-known/did.json` :
    `https://${host}/${path.map(encodeURIComponent).join('/')}/did.json`;
}

const didDocuments = new Map();

/** The DID document of a did:web DID, read from OUT and checked (its id must be the DID). */
function resolveDid(did) {
  if(!didDocuments.has(did)) {
    const file = siteFile(didWebUrl(did));
    let doc;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch(e) {
      throw new Error(`${relative(OUT, file)}: not JSON: ${e.message}`);
    }
    if(doc.id !== did) {
      throw new Error(`${relative(OUT, file)}: id is ${JSON.stringify(doc.id)}, not ${did}`);
    }
    didDocuments.set(did, doc);
  }
  return didDocuments.get(did);
}

function absoluteId(id, did) {
  return typeof id === 'string' && id.startsWith('#') ? did + id : id;
}

/** The verification method `did#fragment`, with its DID document; it must be listed in assertionMethod. */
function verificationMethod(url) {
  const hash = url.indexOf('#');
  if(hash < 0) {
    throw new Error(`verification method ${url} has no fragment`);
  }
  const did = url.slice(0, hash);
  const doc = resolveDid(did);
  const methods = (Array.isArray(doc.verificationMethod) ? doc.verificationMethod : [])
    .filter(m => m && typeof m === 'object' && absoluteId(m.id, did) === url);
  if(methods.length !== 1) {
    throw new Error(`${did}'s DID document has ${methods.length} verification methods with id ${url}`);
  }
  const method = {...methods[0], id: url};
  if(method.controller !== did) {
    throw new Error(`verification method ${url}: controller is ${JSON.stringify(method.controller)}, not ${did}`);
  }
  const assertion = (Array.isArray(doc.assertionMethod) ? doc.assertionMethod : [])
    .map(m => absoluteId(typeof m === 'string' ? m : m?.id, did));
  if(!assertion.includes(url)) {
    throw new Error(`verification method ${url} is not in ${did}'s assertionMethod`);
  }
  return {doc, method};
}

/**
 * The only document loader: pinned contexts by URL, did:web DIDs and verification methods from OUT; anything else
 * fails (nothing is ever fetched).
 */
async function documentLoader(url) {
  const context = pinnedContext(url);
  if(context !== undefined) {
    return {contextUrl: null, documentUrl: url, document: structuredClone(context)};
  }
  if(url.startsWith('did:web:')) {
    if(url.includes('#')) {
      const {doc, method} = verificationMethod(url);
      return {contextUrl: null, documentUrl: url,
        document: {'@context': structuredClone(doc['@context']), ...structuredClone(method)}};
    }
    const doc = resolveDid(url);
    const first = Array.isArray(doc['@context']) ? doc['@context'][0] : doc['@context'];
    if(first !== DID_CONTEXT_V1) {
      throw new Error(`${url}'s DID document does not start its @context with ${DID_CONTEXT_V1}`);
    }
    return {contextUrl: null, documentUrl: url, document: structuredClone(doc)};
  }
  throw new Error(`documentLoader: refusing to load ${url} (not a pinned context, not a did:web of this site)`);
}

// ---------------------------------------------------------------- helpers

function idOf(value) {
  return typeof value === 'string' ? value : value?.id;
}

function errorText(error) {
  if(!error) {
    return 'unknown error';
  }
  const errors = Array.isArray(error) ? error : (error.errors ?? [error]);
  return [...new Set(errors.map(e => e?.message ?? String(e)))].join('; ');
}

function canonicalJson(value) {
  if(Array.isArray(value)) {
    return '[' + value.map(canonicalJson).join(',') + ']';
  }
  if(value && typeof value === 'object') {
    return '{' + Object.keys(value).sort()
      .map(k => JSON.stringify(k) + ':' + canonicalJson(value[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}

/** The first JSON path where a and b differ (key order ignored), or null. */
function firstDifference(a, b, path = '$') {
  if(Array.isArray(a) && Array.isArray(b)) {
    if(a.length !== b.length) {
      return `${path}: ${a.length} items vs ${b.length}`;
    }
    for(let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if(d) {
        return d;
      }
    }
    return null;
  }
  if(a && b && typeof a === 'object' && typeof b === 'object' &&
    !Array.isArray(a) && !Array.isArray(b)) {
    for(const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if(!(k in a) || !(k in b)) {
        return `${path}.${k}: only in the ${k in a ? 'JWT payload' : 'JSON credential'}`;
      }
      const d = firstDifference(a[k], b[k], `${path}.${k}`);
      if(d) {
        return d;
      }
    }
    return null;
  }
  return canonicalJson(a) === canonicalJson(b) ? null :
    `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

function seconds(dateString) {
  const t = new Date(dateString).getTime();
  if(Number.isNaN(t)) {
    throw new Error(`not a date: ${dateString}`);
  }
  return Math.floor(t / 1000);
}

/** A note (or, with --strict-dates, an error) when `now` is outside validFrom..validUntil. */
function validityNote(credential) {
  const now = flags.now;
  if(credential.validFrom && new Date(credential.validFrom) > now) {
    return `not valid before ${credential.validFrom}`;
  }
  if(credential.validUntil && new Date(credential.validUntil) < now) {
    return `expired at ${credential.validUntil}`;
  }
  return null;
}

// ---------------------------------------------------------------- status lists

const statusLists = new Map();

/** A status list credential read from OUT; verified (when signed) once. */
async function statusList(url) {
  if(!statusLists.has(url)) {
    statusLists.set(url, (async () => {
      const file = siteFile(url);
      const list = JSON.parse(readFileSync(file, 'utf8'));
      if(![].concat(list.type ?? []).includes('BitstringStatusListCredential')) {
        throw new Error(`${url} is not a BitstringStatusListCredential`);
      }
      if(list.proof) {
        const result = await verifyProof(list);
        if(!result.verified) {
          throw new Error(`status list ${url} does not verify: ${errorText(result.error)}`);
        }
      }
      const subject = list.credentialSubject;
      if(!subject || typeof subject.encodedList !== 'string' || !subject.encodedList.startsWith('u')) {
        throw new Error(`${url}: credentialSubject.encodedList is not a multibase base64url string`);
      }
      const bits = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
      return {list, bits};
    })());
  }
  return statusLists.get(url);
}

/**
 * checkStatus for vc.verifyCredential: every BitstringStatusListEntry must point at a sound status list (else
 * verified false); the bits that are set come back as `set`: [{purpose, index, list}] (a revoked credential is
 * still a correctly signed one: it is reported as revoked, not as a failure, unless --fail-revoked).
 */
async function checkStatus({credential}) {
  try {
    const set = [];
    const entries = [].concat(credential.credentialStatus ?? []);
    for(const entry of entries) {
      if(entry.type !== 'BitstringStatusListEntry') {
        throw new Error(`unsupported credentialStatus type ${JSON.stringify(entry.type)}`);
      }
      const index = Number(entry.statusListIndex);
      if(!Number.isInteger(index) || index < 0 || String(index) !== String(entry.statusListIndex)) {
        throw new Error(`statusListIndex ${JSON.stringify(entry.statusListIndex)} is not a non-negative integer string`);
      }
      const {list, bits} = await statusList(entry.statusListCredential);
      const purposes = [].concat(list.credentialSubject.statusPurpose ?? []);
      if(!purposes.includes(entry.statusPurpose)) {
        throw new Error(`status list ${entry.statusListCredential} has statusPurpose ` +
          `${JSON.stringify(list.credentialSubject.statusPurpose)}, the entry says ${entry.statusPurpose}`);
      }
      if(idOf(list.issuer) !== idOf(credential.issuer)) {
        throw new Error(`status list ${entry.statusListCredential} is issued by ${idOf(list.issuer)}, ` +
          `the credential by ${idOf(credential.issuer)}`);
      }
      const byte = index >> 3;
      if(byte >= bits.length) {
        throw new Error(`statusListIndex ${index} is past the end of ${entry.statusListCredential} (${bits.length * 8} bits)`);
      }
      // bit 0 is the left-most (most significant) bit of the first byte
      if((bits[byte] >> (7 - (index & 7))) & 1) {
        set.push({purpose: entry.statusPurpose, index, list: entry.statusListCredential});
      }
    }
    return {verified: true, set};
  } catch(error) {
    return {verified: false, error};
  }
}

// ---------------------------------------------------------------- Data Integrity

const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});

async function verifyProof(credential) {
  const proofs = [].concat(credential.proof);
  for(const proof of proofs) {
    if(proof?.type !== 'DataIntegrityProof') {
      return {verified: false, error: new Error(`proof type is ${JSON.stringify(proof?.type)}, not DataIntegrityProof`)};
    }
    if(proof.cryptosuite !== 'eddsa-rdfc-2022') {
      return {verified: false, error: new Error(`cryptosuite is ${JSON.stringify(proof.cryptosuite)}, not eddsa-rdfc-2022`)};
    }
    if(proof.proofPurpose !== 'assertionMethod') {
      return {verified: false, error: new Error(`proofPurpose is ${JSON.stringify(proof.proofPurpose)}, not assertionMethod`)};
    }
    const vm = idOf(proof.verificationMethod);
    if(typeof vm !== 'string' || vm.split('#')[0] !== idOf(credential.issuer)) {
      return {verified: false, error: new Error(`verificationMethod ${vm} is not a key of the issuer ${idOf(credential.issuer)}`)};
    }
  }
  // The proof is checked at a time inside the validity period; the period itself is reported separately.
  const now = credential.validFrom ?? proofs[0]?.created ?? new Date();
  const options = {credential, suite, documentLoader, now};
  if(credential.credentialStatus && !flags.skipStatus) {
    options.checkStatus = checkStatus;
  } else if(credential.credentialStatus) {
    options.checkStatus = async () => ({verified: true});
  }
  try {
    const result = await vc.verifyCredential(options);
    if(result.verified) {
      return {verified: true, statusSet: result.statusResult?.set ?? []};
    }
    const errors = [];
    if(result.error) {
      errors.push(result.error);
    }
    for(const r of result.results ?? []) {
      if(!r.verified && r.error) {
        errors.push(r.error);
      }
    }
    if(result.statusResult && !result.statusResult.verified) {
      errors.push(result.statusResult.error ?? new Error('status check failed'));
    }
    return {verified: false, error: errors.flatMap(e => e.errors ?? [e])};
  } catch(error) {
    return {verified: false, error};
  }
}

async function checkJsonFile(file, credential) {
  const result = await verifyProof(credential);
  if(!result.verified) {
    throw new Error(errorText(result.error));
  }
  throwIfStatusSet(result.statusSet);
  const rel = relative(OUT, file).split(sep).join('/');
  if(/^people\/[^/]+\/credentials\/[^/]+\.json$/.test(rel) && !existsSync(file.replace(/\.json$/, '.jwt'))) {
    throw new Error(`signed, but there is no ${rel.replace(/.*\//, '').replace(/\.json$/, '.jwt')} next to it`);
  }
  return validityNote(credential);
}

/** A correctly signed credential whose status bit is set: `revoked <path>: …` (or `suspended`, …). */
class StatusSet extends Error {
  constructor(set) {
    super(set.map(s => `${s.purpose} bit ${s.index} of ${s.list} is set`).join('; '));
    this.word = set.some(s => s.purpose === 'revocation') ? 'revoked' :
      set.some(s => s.purpose === 'suspension') ? 'suspended' : `status-${set[0].purpose}`;
  }
}

function throwIfStatusSet(set) {
  if(set && set.length > 0) {
    throw new StatusSet(set);
  }
}

// ---------------------------------------------------------------- VC-JWT

async function checkJwtFile(file) {
  const jwt = readFileSync(file, 'utf8').trim();
  let header;
  try {
    header = decodeProtectedHeader(jwt);
  } catch(e) {
    throw new Error(`not a JWS: ${e.message}`);
  }
  if(header.alg !== 'RS256') {
    throw new Error(`header alg is ${JSON.stringify(header.alg)}, not RS256`);
  }
  if(header.typ !== 'JWT') {
    throw new Error(`header typ is ${JSON.stringify(header.typ)}, not JWT`);
  }
  if(typeof header.kid !== 'string' || !header.kid.startsWith('did:web:')) {
    throw new Error(`header kid ${JSON.stringify(header.kid)} is not a did:web verification method`);
  }
  const {method} = verificationMethod(header.kid);
  if(!method.publicKeyJwk || method.publicKeyJwk.kty !== 'RSA') {
    throw new Error(`verification method ${header.kid} has no RSA publicKeyJwk`);
  }
  if(method.publicKeyJwk.d || method.publicKeyJwk.p || method.publicKeyJwk.q) {
    throw new Error(`verification method ${header.kid} publishes a private key`);
  }
  const key = await importJWK(method.publicKeyJwk, 'RS256');
  let payload;
  try {
    ({payload} = await compactVerify(jwt, key, {algorithms: ['RS256']}));
  } catch(e) {
    throw new Error(`signature: ${e.message}`);
  }
  let claims;
  try {
    claims = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(payload));
  } catch(e) {
    throw new Error(`payload is not JSON: ${e.message}`);
  }
  const jsonFile = file.replace(/\.jwt$/, '.json');
  if(!existsSync(jsonFile)) {
    throw new Error(`no ${relative(OUT, jsonFile)} next to it to compare with`);
  }
  const credential = JSON.parse(readFileSync(jsonFile, 'utf8'));
  const issuer = idOf(credential.issuer);
  if(header.kid.split('#')[0] !== issuer) {
    throw new Error(`kid ${header.kid} is not a key of the issuer ${issuer}`);
  }
  const expect = {
    iss: issuer,
    jti: credential.id,
    sub: credential.credentialSubject?.id,
    nbf: credential.validFrom === undefined ? undefined : seconds(credential.validFrom),
    exp: credential.validUntil === undefined ? undefined : seconds(credential.validUntil)
  };
  for(const [claim, value] of Object.entries(expect)) {
    if(claims[claim] !== value) {
      throw new Error(`claim ${claim} is ${JSON.stringify(claims[claim])}, the credential says ${JSON.stringify(value)}`);
    }
  }
  const body = {...claims};
  for(const claim of JWT_CLAIMS) {
    delete body[claim];
  }
  const unsigned = {...credential};
  delete unsigned.proof;
  const difference = firstDifference(body, unsigned);
  if(difference) {
    throw new Error(`payload differs from ${relative(OUT, jsonFile)} without its proof at ${difference}`);
  }
  if(credential.credentialStatus && !flags.skipStatus) {
    const status = await checkStatus({credential});
    if(!status.verified) {
      throw new Error(errorText(status.error));
    }
    throwIfStatusSet(status.set);
  }
  return validityNote(credential);
}

// ---------------------------------------------------------------- main

function* walk(dir) {
  for(const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
    const path = join(dir, entry.name);
    if(entry.isDirectory()) {
      yield* walk(path);
    } else if(entry.isFile()) {
      yield path;
    }
  }
}

const summary = {
  out: OUT, baseUrl: BASE.href, ok: 0, failed: 0, unsigned: 0,
  dataIntegrity: 0, jwt: 0, credentials: 0, notes: 0, revoked: 0,
  statusChecked: !flags.skipStatus, strictDates: flags.strictDates, failRevoked: flags.failRevoked
};

function report(file, error, note) {
  const rel = relative(OUT, file).split(sep).join('/');
  if(!error && note && flags.strictDates) {
    error = new Error(note);
  }
  if(error instanceof StatusSet && !flags.failRevoked) {
    summary.revoked++;
    process.stdout.write(`${error.word} ${rel}: ${error.message}\n`);
  } else if(error) {
    summary.failed++;
    process.stdout.write(`FAIL ${rel}: ${String(error.message ?? error).replace(/\s+/g, ' ')}\n`);
  } else {
    summary.ok++;
    if(note) {
      summary.notes++;
    }
    process.stdout.write(`ok ${rel}${note ? ` (${note})` : ''}\n`);
  }
}

for(const file of walk(OUT)) {
  const rel = relative(OUT, file).split(sep).join('/');
  const isCredential = /^people\/[^/]+\/credentials\/[^/]+\.(json|jwt)$/.test(rel);
  if(file.endsWith('.json')) {
    let doc;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch(e) {
      if(isCredential) {
        report(file, new Error(`not JSON: ${e.message}`));
      }
      continue;
    }
    if(!doc || typeof doc !== 'object' || Array.isArray(doc) || !('proof' in doc)) {
      if(isCredential) {
        // Unsigned is fine for an issuer that does not sign, not for one that does (its id is its did:web DID).
        const issuer = idOf(doc?.issuer);
        if(typeof issuer === 'string' && issuer.startsWith('did:')) {
          report(file, new Error(`no proof, but its issuer ${issuer} is a signing issuer`));
        } else if(existsSync(file.replace(/\.json$/, '.jwt'))) {
          report(file, new Error('no proof, but there is a VC-JWT of it next to it'));
        } else {
          summary.unsigned++;
          process.stdout.write(`unsigned ${rel}\n`);
        }
      }
      continue;
    }
    summary.dataIntegrity++;
    if(isCredential) {
      summary.credentials++;
    }
    try {
      report(file, null, await checkJsonFile(file, doc));
    } catch(e) {
      report(file, e);
    }
  } else if(file.endsWith('.jwt')) {
    summary.jwt++;
    if(isCredential) {
      summary.credentials++;
    }
    try {
      report(file, null, await checkJwtFile(file));
    } catch(e) {
      report(file, e);
    }
  }
}

if(summary.credentials === 0) {
  summary.error = 'no signed credentials found under people/*/credentials/: nothing was verified';
}
process.stdout.write(JSON.stringify(summary) + '\n');
process.exitCode = summary.failed > 0 || summary.credentials === 0 ? 1 : 0;
