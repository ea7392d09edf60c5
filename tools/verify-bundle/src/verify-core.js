// Verifies one credential (JSON with Data Integrity proofs, or a compact VC-JWT) and says, in a report, what was
// checked and what could not be. The same rules as the build's verifier (src/Verify, docs/verify.md).
import jsonld from 'jsonld';
import {documentLoader} from './contexts.js';
import {base58btc, base64url, utf8} from './encoding.js';
import {VerifyError, resolveKey} from './keys.js';
import {jwtAlgorithms, sha256, verifyEd25519, verifyJws} from './crypto.js';
import {checkStatus, rubricResults} from './status.js';

const str = v => (typeof v === 'string' ? v : undefined);
const issuerIdOf = c => (typeof c.issuer === 'string' ? c.issuer : c.issuer && str(c.issuer.id));
const firstSubject = c => (Array.isArray(c.credentialSubject) ? c.credentialSubject[0] : c.credentialSubject) || {};
const types = c => (Array.isArray(c.type) ? c.type : [c.type]).filter(t => typeof t === 'string');

function newReport(format) {
  return {verdict: 'verified', reason: null, format, checked: [], notChecked: [], results: []};
}

function fail(report, reason) {
  if(report.verdict !== 'failed') {
    report.verdict = 'failed';
    report.reason = reason;
  }
}

function describe(report, credential) {
  report.types = types(credential);
  report.issuer = {id: issuerIdOf(credential), name: credential.issuer && str(credential.issuer.name)};
  const subject = firstSubject(credential);
  report.subject = str(subject.id) || str(subject.name) || (subject.identifier ? 'an identified person' : null);
  const a = subject.achievement;
  report.achievement = a ? {id: str(a.id), name: str(a.name)} : null;
  report.validFrom = str(credential.validFrom) || str(credential.issuanceDate) || null;
  report.validUntil = str(credential.validUntil) || str(credential.expirationDate) || null;
}

function keyProblem(report, err, what) {
  if(err instanceof VerifyError && (err.kind === 'key' || err.kind === 'network')) {
    report.notChecked.push(`${what}: ${err.message}`);
    if(report.verdict === 'verified') {
      report.verdict = 'unverifiable';
      report.reason = err.message;
    }
    return;
  }
  fail(report, err instanceof VerifyError && err.kind === 'wrong-key'
    ? `Wrong key: ${err.message}.` : `Could not check ${what}: ${err.message}.`);
}

async function canonize(document) {
  return jsonld.canonize(document, {algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true});
}

async function verifyDataIntegrity(credential, env, report) {
  const proofs = Array.isArray(credential.proof) ? credential.proof : credential.proof ? [credential.proof] : [];
  if(proofs.length === 0) {
    fail(report, 'Unsigned: the credential has no proof, so nothing proves who issued it or that it is unchanged.');
    return;
  }
  const unsigned = {...credential};
  delete unsigned.proof;
  let documentHash;
  let verified = 0;
  for(const proof of proofs) {
    const suite = proof && (proof.cryptosuite || proof.type);
    if(!proof || proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-rdfc-2022') {
      report.notChecked.push(`a ${suite || 'unknown'} proof (this page checks eddsa-rdfc-2022 proofs)`);
      continue;
    }
    if(proof.proofPurpose !== 'assertionMethod' || typeof proof.verificationMethod !== 'string' || typeof proof.proofValue !== 'string') {
      fail(report, 'Tampered: the proof is incomplete (no key, value or assertion purpose).');
      continue;
    }
    let key;
    try {
      key = await resolveKey(proof.verificationMethod, report.issuer.id, env);
    } catch(err) {
      keyProblem(report, err, 'the eddsa-rdfc-2022 proof');
      continue;
    }
    if(!key.ed25519) {
      fail(report, `Wrong key: ${proof.verificationMethod} is not an Ed25519 key.`);
      continue;
    }
    let ok = false;
    try {
      const config = {...proof, '@context': credential['@context']};
      delete config.proofValue;
      documentHash = documentHash || await sha256(utf8(await canonize(unsigned)));
      const proofHash = await sha256(utf8(await canonize(config)));
      const signature = base58btc(proof.proofValue.slice(1));
      ok = proof.proofValue.startsWith('z') && signature.length === 64 &&
        await verifyEd25519(key.ed25519, signature, new Uint8Array([...proofHash, ...documentHash]));
    } catch(err) {
      fail(report, `Tampered or not valid JSON-LD: ${err.message}.`);
      continue;
    }
    if(!ok) {
      fail(report, 'Tampered, or signed with another key: the eddsa-rdfc-2022 proof does not match the credential.');
      continue;
    }
    verified++;
    report.checked.push(`eddsa-rdfc-2022 proof by ${proof.verificationMethod}, key from ${key.from}`);
  }
  if(verified === 0 && report.verdict === 'verified') {
    report.verdict = 'unverifiable';
    report.reason = 'None of its proofs is of a kind this page can check.';
  }
}

async function verifyJwt(text, env) {
  const report = newReport('VC-JWT');
  const [h, p, s] = text.split('.');
  let header, payload, signature;
  try {
    header = JSON.parse(new TextDecoder().decode(base64url(h)));
    payload = JSON.parse(new TextDecoder().decode(base64url(p)));
    signature = base64url(s);
  } catch(err) {
    return unknown('It looks like a JWT, but its parts are not base64url-encoded JSON.');
  }
  const credential = (payload && typeof payload.vc === 'object' && payload.vc) || payload;
  if(!credential || typeof credential !== 'object' || !credential.credentialSubject) {
    return unknown('The JWT does not carry a credential (no credentialSubject).');
  }
  const copy = {...credential};
  if(!copy.issuer && payload.iss) {
    copy.issuer = payload.iss;
  }
  if(typeof payload.exp === 'number' && !copy.validUntil && !copy.expirationDate) {
    copy.validUntil = new Date(payload.exp * 1000).toISOString();
  }
  if(typeof payload.nbf === 'number' && !copy.validFrom && !copy.issuanceDate) {
    copy.validFrom = new Date(payload.nbf * 1000).toISOString();
  }
  describe(report, copy);
  if(payload.iss && report.issuer.id && payload.iss !== report.issuer.id) {
    fail(report, `Wrong issuer: the JWT's iss (${payload.iss}) is not the credential's issuer.`);
  }
  const alg = header && header.alg;
  if(!jwtAlgorithms.includes(alg)) {
    fail(report, `Unknown format: the JWT's algorithm ${alg} is not one this page checks (${jwtAlgorithms.join(', ')}).`);
    return finish(report, copy, env);
  }
  let key;
  try {
    if(header.jwk && typeof header.jwk === 'object') {
      key = {jwk: header.jwk, from: "the JWT's header (an embedded key proves the credential is intact, not who made it)"};
    } else if(typeof header.kid === 'string') {
      key = await resolveKey(header.kid.startsWith('#') ? report.issuer.id + header.kid : header.kid, report.issuer.id, env);
    } else {
      throw new VerifyError('key', 'the JWT names no key (kid)');
    }
  } catch(err) {
    keyProblem(report, err, `the ${alg} signature`);
    return finish(report, copy, env);
  }
  try {
    const ok = await verifyJws(alg, key, signature, utf8(`${h}.${p}`));
    if(ok) {
      report.checked.push(`${alg} JWT signature, key from ${key.from}`);
    } else {
      fail(report, `Tampered, or signed with another key: the ${alg} signature does not match.`);
    }
  } catch(err) {
    keyProblem(report, err, `the ${alg} signature`);
  }
  return finish(report, copy, env);
}

async function finish(report, credential, env) {
  const now = env.now ? env.now() : new Date();
  const from = report.validFrom && new Date(report.validFrom);
  const until = report.validUntil && new Date(report.validUntil);
  if(from && !isNaN(from) && from > now) {
    fail(report, `Not yet valid: valid from ${report.validFrom}.`);
  } else if(until && !isNaN(until) && until < now) {
    fail(report, `Expired on ${report.validUntil}.`);
  } else {
    report.checked.push(until ? `dates: valid until ${report.validUntil}` : 'dates: valid, no expiry date');
  }
  await checkStatus(credential, report, env, fail, async list => {
    const listReport = newReport('status list');
    describe(listReport, list);
    await verifyDataIntegrity(list, env, listReport);
    return listReport;
  });
  await rubricResults(credential, report, env);
  return report;
}

function unknown(reason) {
  const report = newReport('unknown');
  report.verdict = 'unreadable';
  report.reason = reason;
  return report;
}

/** Verifies pasted text; never throws (a bug becomes a plain-words report). */
export async function verifyText(text, env) {
  try {
    text = String(text || '').trim().replace(/^\uFEFF/, '');
    if(text === '') {
      return unknown('Nothing to check: paste a credential or pick its file.');
    }
    if(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text)) {
      return await verifyJwt(text, env);
    }
    let credential;
    try {
      credential = JSON.parse(text);
    } catch(err) {
      return unknown('Unknown format: this is neither JSON nor a compact JWT (header.payload.signature).');
    }
    if(!credential || typeof credential !== 'object' || Array.isArray(credential)) {
      return unknown('Unknown format: the JSON is not a credential object.');
    }
    const context = JSON.stringify(credential['@context'] || '');
    if(context.includes('w3id.org/openbadges/v2') || credential.type === 'Assertion') {
      const report = newReport('Open Badges 2.0');
      report.verdict = 'hosted';
      report.reason = 'Open Badges 2.0 uses hosted verification: the issuer\'s server holds the assertion, so it cannot be checked offline.';
      report.issuer = {id: typeof credential.badge === 'string' ? null : credential.badge && credential.badge.issuer};
      report.notChecked.push('the assertion (hosted verification on the issuer\'s server)');
      return report;
    }
    if(!credential.credentialSubject || !issuerIdOf(credential)) {
      return unknown('Unknown format: the JSON has no issuer or credentialSubject, so it is not a Verifiable Credential.');
    }
    const report = newReport('JSON with a Data Integrity proof');
    describe(report, credential);
    await verifyDataIntegrity(credential, env, report);
    return await finish(report, credential, env);
  } catch(err) {
    const report = unknown(`The credential could not be checked: ${err && err.message ? err.message : 'an unexpected problem'}.`);
    return report;
  }
}
