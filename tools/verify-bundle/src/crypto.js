// Signature checks with WebCrypto: Ed25519 (Data Integrity, EdDSA JWTs), RS256 and ES256 (JWTs).
import {VerifyError} from './keys.js';

const subtle = () => {
  if(!globalThis.crypto || !globalThis.crypto.subtle) {
    throw new VerifyError('format', 'this browser offers no WebCrypto here (open the page over https)');
  }
  return globalThis.crypto.subtle;
};

export const sha256 = async bytes => new Uint8Array(await subtle().digest('SHA-256', bytes));

export async function verifyEd25519(publicKey, signature, data) {
  const key = await subtle().importKey('raw', publicKey, {name: 'Ed25519'}, false, ['verify']);
  return subtle().verify({name: 'Ed25519'}, key, signature, data);
}

const JWT_ALGORITHMS = {
  RS256: {kty: 'RSA', importAs: {name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256'}, verifyAs: {name: 'RSASSA-PKCS1-v1_5'}},
  ES256: {kty: 'EC', importAs: {name: 'ECDSA', namedCurve: 'P-256'}, verifyAs: {name: 'ECDSA', hash: 'SHA-256'}},
  EdDSA: {kty: 'OKP', importAs: {name: 'Ed25519'}, verifyAs: {name: 'Ed25519'}}
};

export const jwtAlgorithms = Object.keys(JWT_ALGORITHMS);

export async function verifyJws(alg, key, signature, data) {
  const a = JWT_ALGORITHMS[alg];
  if(key.ed25519 && alg === 'EdDSA') {
    return verifyEd25519(key.ed25519, signature, data);
  }
  if(!key.jwk || key.jwk.kty !== a.kty) {
    throw new VerifyError('wrong-key', `the key is not a ${a.kty} key, which ${alg} needs`);
  }
  const {kty, n, e, crv, x, y} = key.jwk;
  let imported;
  try {
    imported = await subtle().importKey('jwk', {kty, n, e, crv, x, y}, a.importAs, false, ['verify']);
  } catch(err) {
    throw new VerifyError('wrong-key', `the key cannot be used for ${alg}: ${err.message}`);
  }
  return subtle().verify(a.verifyAs, imported, signature, data);
}
