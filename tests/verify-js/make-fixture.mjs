#!/usr/bin/env node
// Writes a tiny signed site in the layout verify-site.mjs expects, signed here with the npm libraries and throwaway
// keys (generated on each run, never written to disk): a check of the verifier itself, independent of the tool.
//
//   node make-fixture.mjs OUT BASE_URL [--revoked]
//   node verify-site.mjs OUT BASE_URL          # all ok (with --revoked: the first credential fails)
//
// OUT/issuers/acme/did.json                       did:web DID document: one Multikey (Ed25519), one JsonWebKey (RSA)
// OUT/issuers/acme/status/revocation.json         signed BitstringStatusListCredential, bit 42 set
// OUT/people/<p>/credentials/<badge>.json|.jwt    signed OpenBadgeCredential and its VC-JWT
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {gzipSync} from 'node:zlib';
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {SignJWT, exportJWK, generateKeyPair} from 'jose';
import {pinnedContext} from './contexts.mjs';

const [out, baseArg, ...rest] = process.argv.slice(2);
if(!out || !baseArg) {
  process.stderr.write('usage: node make-fixture.mjs OUT BASE_URL [--revoked]\n');
  process.exit(2);
}
const revoked = rest.includes('--revoked');
const base = new URL(baseArg.endsWith('/') ? baseArg : baseArg + '/');
const segments = base.pathname.split('/').filter(s => s);
const did = ['did:web', encodeURIComponent(base.host), ...segments, 'issuers', 'acme'].join(':');
const url = rel => new URL(rel, base).href;

function write(rel, text) {
  const file = join(out, rel);
  mkdirSync(dirname(file), {recursive: true});
  writeFileSync(file, text);
}

const edKey = await Ed25519Multikey.generate({id: `${did}#ed25519-1`, controller: did});
const {publicKey: rsaPublic, privateKey: rsaPrivate} = await generateKeyPair('RS256', {extractable: true});
const rsaJwk = await exportJWK(rsaPublic);
const didDocument = {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: did,
  verificationMethod: [
    await edKey.export({publicKey: true, includeContext: false}),
    {id: `${did}#rsa-1`, type: 'JsonWebKey', controller: did, publicKeyJwk: rsaJwk}
  ],
  assertionMethod: [`${did}#ed25519-1`, `${did}#rsa-1`]
};
write('issuers/acme/did.json', JSON.stringify(didDocument, null, 2));

const documentLoader = async u => {
  const document = pinnedContext(u);
  if(document === undefined) {
    throw new Error(`not pinned: ${u}`);
  }
  return {contextUrl: null, documentUrl: u, document};
};
const sign = credential => vc.issue({
  credential,
  suite: new DataIntegrityProof({signer: edKey.signer(), cryptosuite: eddsaRdfc2022CryptoSuite}),
  documentLoader
});

const bits = Buffer.alloc(16384 / 8);
bits[42 >> 3] |= 1 << (7 - (42 & 7));
const statusUrl = url('issuers/acme/status/revocation.json');
write('issuers/acme/status/revocation.json', JSON.stringify(await sign({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: statusUrl,
  type: ['VerifiableCredential', 'BitstringStatusListCredential'],
  issuer: did,
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: {
    id: `${statusUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation',
    encodedList: 'u' + gzipSync(bits).toString('base64url')
  }
}), null, 2));

const people = [['alice', 'api-design', revoked ? 42 : 3], ['bob', 'code-review', 4]];
for(const [person, badge, index] of people) {
  const id = url(`people/${person}/credentials/${badge}.json`);
  const credential = {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
    ],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${badge} — “quoted” é`,
    issuer: {id: did, type: ['Profile'], name: 'Acme Academy', url: url('issuers/acme/')},
    validFrom: '2026-03-10T00:00:00Z',
    validUntil: '2030-03-10T00:00:00Z',
    credentialSubject: {
      id: url(`people/${person}/`),
      type: ['AchievementSubject'],
      achievement: {
        id: url(`badges/${badge}.json`), type: ['Achievement'], name: badge,
        description: 'Line one.\nLine "two".', criteria: {narrative: 'Pass the review.'}
      }
    },
    credentialStatus: {
      id: `${statusUrl}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation',
      statusListIndex: String(index), statusListCredential: statusUrl
    }
  };
  const signed = await sign(structuredClone(credential));
  write(`people/${person}/credentials/${badge}.json`, JSON.stringify(signed, null, 2));
  const jwt = await new SignJWT({
    ...credential,
    iss: did, jti: id, sub: credential.credentialSubject.id,
    nbf: Date.parse(credential.validFrom) / 1000, exp: Date.parse(credential.validUntil) / 1000
  }).setProtectedHeader({alg: 'RS256', typ: 'JWT', kid: `${did}#rsa-1`}).sign(rsaPrivate);
  write(`people/${person}/credentials/${badge}.jwt`, jwt);
}
process.stdout.write(`wrote a signed fixture for ${did} in ${out}\n`);
