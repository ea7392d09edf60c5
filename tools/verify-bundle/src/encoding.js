// Byte encodings the verifier needs: base64url (JWT, JWK, status lists), base58btc multibase (Multikey, proofValue).
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base64url(text) {
  if(!/^[A-Za-z0-9_-]*$/.test(text)) {
    throw new Error('not base64url');
  }
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const raw = atob(b64);
  return Uint8Array.from(raw, c => c.charCodeAt(0));
}

export function base58btc(text) {
  let zeros = 0;
  while(zeros < text.length && text[zeros] === '1') {
    zeros++;
  }
  const digits = []; // little-endian bytes
  for(const ch of text) {
    let carry = B58.indexOf(ch);
    if(carry < 0) {
      throw new Error('not base58btc');
    }
    for(let i = 0; i < digits.length; i++) {
      carry += digits[i] * 58;
      digits[i] = carry & 0xff;
      carry >>= 8;
    }
    while(carry > 0) {
      digits.push(carry & 0xff);
      carry >>= 8;
    }
  }
  const out = new Uint8Array(zeros + digits.length);
  digits.forEach((d, i) => {
    out[out.length - 1 - i] = d;
  });
  return out;
}

/** The 32-byte Ed25519 public key of a Multikey 'z6Mk…' (multicodec 0xed 0x01). */
export function ed25519Multikey(multibase) {
  if(typeof multibase !== 'string' || !multibase.startsWith('z')) {
    throw new Error('not a base58btc multibase value');
  }
  const bytes = base58btc(multibase.slice(1));
  if(bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) {
    throw new Error('not an Ed25519 Multikey');
  }
  return bytes.slice(2);
}

export const utf8 = text => new TextEncoder().encode(text);
