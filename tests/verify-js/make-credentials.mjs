#!/usr/bin/env node
// Writes real-world-shaped credentials from issuers outside any catalog, signed here with the npm libraries and
// throwaway keys (generated on each run, never written anywhere): the public fixtures that the build's verifier
// (src/Verify) and the site's verify page are tested with. Only the credentials are written.
//
//   node make-credentials.mjs OUT      # then commit OUT (tests/CredentialSite.Tests/Verify/Credentials)
//
// Names say the verdict each must get: valid-*, expired-*, tampered-*, wrong-key-*, ob2-* (hosted), garbage.*
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {SignJWT, exportJWK, generateKeyPair} from 'jose';
import {encode as base58} from 'base58-universal';
import {pinnedContext} from './contexts.mjs';

const [out] = process.argv.slice(2);
if(!out) {
  process.stderr.write('usage: node make-credentials.mjs OUT\n');
  process.exit(2);
}
mkdirSync(out, {recursive: true});
const write = (name, text) => writeFileSync(join(out, name), text.endsWith('\n') ? text : text + '\n');
const json = value => JSON.stringify(value, null, 2);

const documentLoader = async u => {
  const document = pinnedContext(u);
  if(document === undefined) {
    throw new Error(`not pinned: ${u}`);
  }
  return {contextUrl: null, documentUrl: u, document};
};
const date = new Date('2026-02-01T09:30:00Z');
const sign = (credential, key) => vc.issue({
  credential: structuredClone(credential),
  suite: new DataIntegrityProof({signer: key.signer(), date, cryptosuite: eddsaRdfc2022CryptoSuite}),
  documentLoader
});
const didKey = async () => {
  const key = await Ed25519Multikey.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  key.id = `${did}#${key.publicKeyMultibase}`;
  key.controller = did;
  return {key, did};
};
const urlKey = async issuerUrl => {
  const key = await Ed25519Multikey.generate();
  key.id = `${issuerUrl}#${key.publicKeyMultibase}`;
  key.controller = issuerUrl;
  return key;
};
const CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
const badge = (issuer, name, extra = {}) => ({
  '@context': CONTEXTS,
  id: `urn:uuid:${crypto.randomUUID()}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name,
  issuer,
  validFrom: '2026-01-15T00:00:00Z',
  credentialSubject: {
    id: 'did:example:learner-7',
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://example.edu/achievements/' + name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      type: ['Achievement'], name,
      description: 'Awarded for passing the assessed project.',
      criteria: {narrative: 'Complete the capstone project and pass the oral exam.'}
    }
  },
  ...extra
});

// 1. did:key issuer, eddsa-rdfc-2022 (a wallet-style credential).
const a = await didKey();
const valid = await sign(badge({id: a.did, type: ['Profile'], name: 'Open Learning Collective'}, 'Data Literacy'), a.key);
write('valid-did-key.json', json(valid));
// 2. The 1EdTech convention: the issuer's URL with the public key as its fragment.
const eduUrl = 'https://example.edu/issuers/565049';
const eduKey = await urlKey(eduUrl);
const eduProfile = {id: eduUrl, type: ['Profile'], name: 'Example University'};
write('valid-issuer-url-key.json', json(await sign(badge(eduProfile, 'Applied Cryptography'), eduKey)));
// 3. A proof set: two issuer keys each sign the same credential.
const eduKey2 = await urlKey(eduUrl);
const unsigned = badge(eduProfile, 'Secure Systems Design');
const first = await sign(unsigned, eduKey);
const second = await sign(unsigned, eduKey2);
write('valid-multi-proof.json', json({...first, proof: [first.proof, second.proof]}));
// 4. An endorsement: the OB 3.0 EndorsementCredential.
write('valid-endorsement.json', json(await sign({
  '@context': CONTEXTS,
  id: `urn:uuid:${crypto.randomUUID()}`,
  type: ['VerifiableCredential', 'EndorsementCredential'],
  name: 'Endorsement of the Data Literacy badge',
  issuer: {id: a.did, type: ['Profile'], name: 'Open Learning Collective'},
  validFrom: '2026-01-20T00:00:00Z',
  credentialSubject: {
    id: 'https://example.edu/achievements/data-literacy',
    type: ['EndorsementSubject'],
    endorsementComment: 'The assessment is rigorous and well calibrated.'
  }
}, a.key)));
// 5. Expired: validUntil in the past.
write('expired-did-key.json', json(await sign(badge({id: a.did, type: ['Profile'], name: 'Open Learning Collective'}, 'First Aid',
  {validFrom: '2023-01-01T00:00:00Z', validUntil: '2024-01-01T00:00:00Z'}), a.key)));
// 6. Tampered: one word of a signed credential changed afterwards.
write('tampered-did-key.json', json({...valid, name: 'Data Literacy (Distinction)'}));
// 7. Wrong key: signed by one did:key, claiming another as issuer and key.
const b = await didKey();
const wrong = await sign(badge({id: b.did, type: ['Profile'], name: 'Impostor Academy'}, 'Data Literacy'), a.key);
wrong.proof.verificationMethod = `${b.did}#${b.key.publicKeyMultibase}`;
write('wrong-key-did-key.json', json(wrong));
// 8. A VC-JWT (ES256) with its public key embedded in the header (jwk).
const {publicKey: ecPublic, privateKey: ecPrivate} = await generateKeyPair('ES256', {extractable: true});
const jwtCredential = badge({id: 'https://badges.example.com/issuers/acme', type: ['Profile'], name: 'Acme Certifications'}, 'Cloud Fundamentals');
write('valid-embedded-jwk.jwt', await new SignJWT({...jwtCredential, iss: jwtCredential.issuer.id, jti: jwtCredential.id,
  sub: jwtCredential.credentialSubject.id, nbf: Date.parse(jwtCredential.validFrom) / 1000})
  .setProtectedHeader({alg: 'ES256', typ: 'JWT', jwk: await exportJWK(ecPublic)}).sign(ecPrivate));
// 9. An Open Badges 2.0 assertion (hosted verification).
write('ob2-hosted.json', json({
  '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://badges.example.org/assertions/123',
  recipient: {type: 'email', hashed: true, identity: 'sha256$0d2bd4c1a1a0f5f2b0e0e93d0f46a7e2d7f3a4b1c2d3e4f5a6b7c8d9e0f1a2b3'},
  badge: 'https://badges.example.org/badges/5', verification: {type: 'hosted'}, issuedOn: '2019-05-01T00:00:00Z'
}));
// 10. A did:web issuer, whose DID document a site pins in trust/ (did-web-issuer.did.json, public).
const webDid = 'did:web:issuer.example:badges';
const webKey = await Ed25519Multikey.generate({id: `${webDid}#key-1`, controller: webDid});
write('did-web-issuer.did.json', json({
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: webDid,
  verificationMethod: [await webKey.export({publicKey: true, includeContext: false})],
  assertionMethod: [`${webDid}#key-1`]
}));
const webProfile = {id: webDid, type: ['Profile'], name: 'Issuer Example Badges'};
write('valid-did-web.json', json(await sign(badge(webProfile, 'Incident Command'), webKey)));
// 11. Revoked: its status list (status-list.json, bit 7 set) is pinned in trust/ by the tests.
const statusUrl = 'https://issuer.example/badges/status/1';
const bits = new Uint8Array(16384);
bits[0] = 0x01; // index 7
const {gzipSync} = await import('node:zlib');
write('status-list.json', json(await sign({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: statusUrl, type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: webDid,
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: {id: `${statusUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation',
    encodedList: 'u' + Buffer.from(gzipSync(bits)).toString('base64url')}
}, webKey)));
const status = index => ({credentialStatus: {id: `${statusUrl}#${index}`, type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: statusUrl}});
write('revoked-did-web.json', json(await sign(badge(webProfile, 'Hazmat Handling', status(7)), webKey)));
write('not-revoked-did-web.json', json(await sign(badge(webProfile, 'Hazmat Awareness', status(8)), webKey)));
// 12. A VC 1.1-shaped VC-JWT (the credential in the vc claim, issuanceDate), EdDSA, its key a did:key (kid).
const {publicKey: edPublic, privateKey: edPrivate} = await generateKeyPair('EdDSA', {crv: 'Ed25519'});
const edX = Buffer.from((await exportJWK(edPublic)).x, 'base64url');
const edMultibase = 'z' + base58(new Uint8Array([0xed, 0x01, ...edX]));
const c = {did: `did:key:${edMultibase}`, key: {id: `did:key:${edMultibase}#${edMultibase}`}};
const vc11 = {
  '@context': ['https://www.w3.org/2018/credentials/v1'],
  type: ['VerifiableCredential'],
  issuer: c.did,
  issuanceDate: '2025-06-01T00:00:00Z',
  credentialSubject: {id: 'did:example:learner-7', degree: {type: 'BachelorDegree', name: 'Bachelor of Science'}}
};
write('valid-vc11-eddsa.jwt', await new SignJWT({vc: vc11, iss: c.did, sub: vc11.credentialSubject.id, nbf: Date.parse(vc11.issuanceDate) / 1000})
  .setProtectedHeader({alg: 'EdDSA', typ: 'JWT', kid: c.key.id}).sign(edPrivate));
// 13. Garbage.
write('garbage.txt', 'this is not a credential {"proof": }\n');
process.stdout.write(`wrote the credentials in ${out}\n`);
