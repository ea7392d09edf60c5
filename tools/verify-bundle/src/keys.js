// Finding the public key of a verification method, and checking that the credential's issuer controls it:
// did:key, the 1EdTech issuer URL with the key as fragment, did:web and HTTPS key documents (this site's own are read
// from the site itself; others are fetched when online).
import {ed25519Multikey} from './encoding.js';

export class VerifyError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind; // 'key' (no key, not checked), 'wrong-key', 'tampered', 'format', 'network'
  }
}

/** did:web:host[:path…] → https://host/path…/did.json (/.well-known/did.json without a path). */
export function didWebUrl(did) {
  const parts = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  const path = parts.length === 1 ? '.well-known' : parts.slice(1).join('/');
  return `https://${parts[0]}/${path}/did.json`;
}

const keyFromMethod = (method, from) => {
  if(typeof method.publicKeyMultibase === 'string') {
    return {ed25519: ed25519Multikey(method.publicKeyMultibase), from};
  }
  if(method.publicKeyJwk && typeof method.publicKeyJwk === 'object') {
    return {jwk: method.publicKeyJwk, from};
  }
  throw new VerifyError('key', `the key ${method.id} has neither publicKeyMultibase nor publicKeyJwk`);
};

export async function resolveKey(vm, issuerId, env) {
  const hash = vm.indexOf('#');
  const base = hash < 0 ? vm : vm.slice(0, hash);
  const fragment = hash < 0 ? null : vm.slice(hash + 1);
  let key;
  let controller = base;
  if(base.startsWith('did:key:')) {
    try {
      key = {ed25519: ed25519Multikey(base.slice('did:key:'.length)), from: 'the did:key in the credential'};
    } catch(e) {
      throw new VerifyError('wrong-key', `${base} is not an Ed25519 did:key`);
    }
  } else if(fragment && fragment.startsWith('z6Mk') && base === issuerId) {
    try {
      key = {ed25519: ed25519Multikey(fragment), from: "the issuer's URL (its fragment is the key)"};
    } catch(e) {
      throw new VerifyError('wrong-key', `the fragment of ${vm} is not an Ed25519 Multikey`);
    }
  } else if(base.startsWith('did:web:') || base.startsWith('https://')) {
    const url = base.startsWith('did:web:') ? didWebUrl(base) : base;
    const {document, local} = await env.fetchJson(url);
    const from = local ? "this site's DID document" : `the issuer's document at ${url}`;
    if(Array.isArray(document.verificationMethod)) {
      const same = id => id === vm || (fragment !== null && id === '#' + fragment);
      const method = document.verificationMethod.find(m => m && same(m.id));
      if(!method) {
        throw new VerifyError('wrong-key', `${url} does not list the key ${vm}`);
      }
      const assertion = document.assertionMethod;
      if(Array.isArray(assertion) && !assertion.some(a => same(typeof a === 'string' ? a : a && a.id))) {
        throw new VerifyError('wrong-key', `the key ${vm} is not an assertion method of ${document.id}`);
      }
      key = keyFromMethod(method, from);
      controller = method.controller || document.id || base;
    } else if(document.id === vm) {
      key = keyFromMethod(document, from);
      controller = document.controller || base;
    } else {
      throw new VerifyError('key', `${url} is not a DID document or key`);
    }
  } else {
    throw new VerifyError('key', `the key ${vm} cannot be looked up (not a did:key, did:web or https address)`);
  }
  if(issuerId && controller !== issuerId) {
    throw new VerifyError('wrong-key', `the key ${vm} is controlled by ${controller}, not by the issuer ${issuerId}`);
  }
  return key;
}
