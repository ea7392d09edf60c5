// The verify page (theme/templates/verify.html): paste, drop or pick a credential, or open ?credential=<same-origin
// URL>; the verdict is written in plain words into an ARIA live region. Nothing pasted is ever sent anywhere: the only
// requests are for keys and status lists (this site's own from the site itself, others when online).
import {VerifyError} from './keys.js';
import {verifyText} from './verify-core.js';

const root = document.querySelector('[data-verify-page]');
if(root) {
  const form = root.querySelector('[data-verify-form]');
  const input = root.querySelector('#verify-input');
  const file = root.querySelector('#verify-file');
  const out = root.querySelector('[data-verify-result]');
  const siteBase = root.dataset.origin;
  const localBase = location.origin + root.dataset.base;
  // This site's own addresses (did:web resolves to https even for a site served over http) are read from the site itself.
  const bases = siteBase ? [siteBase, siteBase.replace(/^http:/, 'https:')] : [];
  const localUrl = url => {
    const base = bases.find(b => url.startsWith(b));
    return base ? localBase + url.slice(base.length) : null;
  };

  const env = {
    isThisCatalog: id => Boolean(siteBase) && id.startsWith(siteBase + 'badges/'),
    async fetchJson(url) {
      const local = localUrl(url);
      const target = local || url;
      const sameOrigin = new URL(target, location.href).origin === location.origin;
      if(!sameOrigin && navigator.onLine === false) {
        throw new VerifyError('network', `you are offline, so ${url} cannot be fetched`);
      }
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), 10000);
      let response;
      try {
        response = await fetch(target, {credentials: 'omit', signal: abort.signal});
      } catch(err) {
        throw new VerifyError('network', `${url} could not be reached (offline, or its server does not let this page read it)`);
      } finally {
        clearTimeout(timer);
      }
      if(!response.ok) {
        throw new VerifyError('network', `${url} answered ${response.status}`);
      }
      try {
        return {document: await response.json(), local: sameOrigin};
      } catch(err) {
        throw new VerifyError('format', `${url} is not JSON`);
      }
    }
  };

  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if(text !== undefined) {
      node.textContent = text;
    }
    if(cls) {
      node.className = cls;
    }
    return node;
  };
  const HEADLINES = {
    verified: 'Verified',
    failed: 'Not verified',
    unverifiable: 'Could not be verified',
    hosted: 'Not verifiable offline',
    unreadable: 'Not a credential this page can read'
  };

  function render(report) {
    out.replaceChildren();
    out.dataset.verdict = report.verdict;
    const head = el('p', '', 'verdict verdict-' + report.verdict);
    head.append(el('strong', HEADLINES[report.verdict] + (report.reason ? ': ' : '.')));
    if(report.reason) {
      head.append(document.createTextNode(report.reason));
    }
    out.append(head);
    const facts = el('dl', undefined, 'verify-facts');
    const fact = (term, value) => {
      if(value) {
        facts.append(el('dt', term), el('dd', value));
      }
    };
    fact('Format', report.format);
    if(report.types && report.types.length) {
      fact('Kind', report.types.join(', '));
    }
    if(report.issuer) {
      fact('Issuer', [report.issuer.name, report.issuer.id].filter(Boolean).join(' — '));
    }
    fact('Subject', report.subject);
    if(report.achievement) {
      fact('Achievement', [report.achievement.name, report.achievement.id].filter(Boolean).join(' — '));
    }
    fact('Valid from', report.validFrom);
    fact('Valid until', report.validUntil);
    if(facts.childElementCount) {
      out.append(facts);
    }
    const list = (title, items) => {
      if(items.length) {
        out.append(el('h3', title));
        const ul = el('ul');
        items.forEach(i => ul.append(el('li', i)));
        out.append(ul);
      }
    };
    list('What was checked', report.checked);
    list('What could not be checked', report.notChecked);
    if(report.results.length) {
      out.append(el('h3', 'Results against the rubric'));
      const ul = el('ul');
      report.results.forEach(r => ul.append(el('li', `${r.criterion}: ${r.level}` +
        (r.passes === null ? '' : r.passes ? ' (meets the required level)' : ' (below the required level)'))));
      out.append(ul);
    }
  }

  async function run(text) {
    out.replaceChildren(el('p', 'Checking…'));
    out.removeAttribute('data-verdict');
    render(await verifyText(text, env));
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    run(input.value);
  });
  const readFile = async f => {
    if(f.size > 4 << 20) {
      render({verdict: 'unreadable', reason: 'The file is larger than any credential (4 MB).', checked: [], notChecked: [], results: []});
      return;
    }
    input.value = await f.text();
    run(input.value);
  };
  file.addEventListener('change', () => file.files[0] && readFile(file.files[0]));
  input.addEventListener('dragover', event => event.preventDefault());
  input.addEventListener('drop', event => {
    const f = event.dataTransfer && event.dataTransfer.files[0];
    if(f) {
      event.preventDefault();
      readFile(f);
    }
  });

  // ?credential=<URL of a credential on this site>: loaded and checked at once (only same-origin addresses).
  const param = new URLSearchParams(location.search).get('credential');
  if(param) {
    const url = new URL(param, location.href);
    if(url.origin !== location.origin) {
      render({verdict: 'unreadable', reason: 'Only credentials published on this site can be opened by address; paste others.', checked: [], notChecked: [], results: []});
    } else {
      fetch(url, {credentials: 'omit'}).then(r => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
        .then(text => {
          input.value = text;
          return run(text);
        })
        .catch(() => render({verdict: 'unreadable', reason: `The credential at ${url.pathname} could not be loaded.`, checked: [], notChecked: [], results: []}));
    }
  }
  root.dataset.ready = '';
}
