// Revocation (Bitstring Status List) and, for this catalog's badges, the rubric results against the published rubric.
import {base64url} from './encoding.js';
import {VerifyError} from './keys.js';

async function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Whether the credential is revoked in its status lists. A list with a proof must verify (verifyList: the same check as
 * a credential's), or it is not believed; an unsigned list is read, and the report says it was unsigned.
 */
export async function checkStatus(credential, report, env, fail, verifyList) {
  const entries = [].concat(credential.credentialStatus || []);
  for(const entry of entries) {
    if(!entry || entry.type !== 'BitstringStatusListEntry' || entry.statusPurpose !== 'revocation') {
      continue;
    }
    const index = Number.parseInt(entry.statusListIndex, 10);
    const url = entry.statusListCredential;
    if(typeof url !== 'string' || !(index >= 0)) {
      report.notChecked.push('revocation (the status entry is incomplete)');
      continue;
    }
    try {
      const {document} = await env.fetchJson(url);
      const encoded = document.credentialSubject && document.credentialSubject.encodedList;
      if(typeof encoded !== 'string' || !encoded.startsWith('u')) {
        throw new VerifyError('format', 'the status list has no encodedList');
      }
      const bits = await gunzip(base64url(encoded.slice(1)));
      if(index >= bits.length * 8) {
        throw new VerifyError('format', 'the index is outside the status list');
      }
      const listIssuer = typeof document.issuer === 'string' ? document.issuer : document.issuer && document.issuer.id;
      if(listIssuer && report.issuer && listIssuer !== report.issuer.id) {
        throw new VerifyError('format', 'the status list is not from the credential\'s issuer');
      }
      const listReport = await verifyList(document);
      if(document.proof && listReport.verdict !== 'verified') {
        throw new VerifyError('format', `the status list's own proof does not verify (${listReport.reason})`);
      }
      const signed = document.proof ? 'signed' : 'unsigned';
      if(bits[index >> 3] & (0x80 >> (index & 7))) {
        fail(report, `Revoked: its issuer's status list (${url}, ${signed}) marks it revoked.`);
      } else {
        report.checked.push(`revocation: not revoked in its issuer's status list (${signed})`);
      }
    } catch(err) {
      report.notChecked.push(`revocation: the status list ${url} could not be read (${err.message})`);
    }
  }
}

export async function rubricResults(credential, report, env) {
  const subject = [].concat(credential.credentialSubject || [])[0] || {};
  const achievementId = subject.achievement && subject.achievement.id;
  const results = [].concat(subject.result || []);
  if(typeof achievementId !== 'string' || !env.isThisCatalog(achievementId) || results.length === 0) {
    return;
  }
  let achievement;
  try {
    achievement = (await env.fetchJson(achievementId)).document;
  } catch(err) {
    report.notChecked.push('the rubric results (the badge could not be read from this site)');
    return;
  }
  const descriptions = [].concat(achievement.resultDescription || []);
  for(const r of results) {
    const d = descriptions.find(x => x.id === r.resultDescription);
    if(!d) {
      continue;
    }
    const levels = [].concat(d.rubricCriterionLevel || []);
    const achieved = levels.findIndex(l => l.id === r.achievedLevel);
    const required = levels.findIndex(l => l.id === d.requiredLevel);
    report.results.push({
      criterion: d.name,
      level: achieved >= 0 ? levels[achieved].name : String(r.achievedLevel || '?'),
      passes: achieved >= 0 && required >= 0 ? achieved >= required : null
    });
  }
}
