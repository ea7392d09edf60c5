/* CredentialSite search: static, sharded index; no server, no network beyond this site's files.
   The index is built by src/Search/BuildSearchIndex.cs; fold(), tokens() and shardKey() mirror Tokenizer.cs. */
(function () {
  'use strict';
  var root = document.querySelector('[data-search-page]');
  if (!root) return;
  var base = root.getAttribute('data-base');
  var PAGE = 20;
  var cache = {};
  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return r.json();
      });
    }
    return cache[path];
  }

  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
  }
  function tokens(s) {
    return fold(s || '').split(' ').filter(function (t) { return t.length >= 2 || /^\p{N}/u.test(t); });
  }
  /* A term's shard is named by its first two characters; a shard that would be large is split by the next
     character, up to four (BuildSearchIndex.cs). A split shard's own name keeps only the terms that short. */
  var SHARD_DEPTH = 4;
  function shardKey(term, length) {
    var head = term.slice(0, length || 2), out = '';
    for (var i = 0; i < head.length; i++) {
      var c = head[i];
      out += /[a-z0-9]/.test(c) ? c : 'x' + ('000' + head.charCodeAt(i).toString(16)).slice(-4);
    }
    return out;
  }
  /* The shards to read for terms starting with t. A split shard's own file has a '*' entry: the best score of
     each document over every term under its prefix, so a short prefix reads one file, not all the parts. Else
     the shard named by t's start, or the one named by t's longest prefix. wide: every shard under t's first
     two characters (typo tolerance). */
  function shardsFor(t, manifest, wide) {
    var e = shardKey(t, wide ? 2 : Math.min(t.length, SHARD_DEPTH));
    var under = manifest.shards.filter(function (k) { return k.indexOf(e) === 0; });
    if (wide) return under;
    if (t.length >= 2 && under.indexOf(e) >= 0) return [e];
    if (under.length) return under;
    for (var len = Math.min(t.length, SHARD_DEPTH) - 1; len >= 1; len--) {
      var k = shardKey(t, len);
      if (manifest.shards.indexOf(k) >= 0) return [k];
    }
    return [];
  }
  /* Optimal string alignment distance, giving up above max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }
  function typoBudget(t) { return t.length >= 8 ? 2 : t.length >= 4 ? 1 : 0; }

  /* Per query token: each doc's best score over the terms it matches (exact 1, prefix 0.7, typo 0.5; 0 = no match). */
  function matchToken(t, manifest) {
    var scores = new Float64Array(manifest.docs), terms = [], budget = typoBudget(t);
    function add(shard, term, w) {
      if (term !== '*') terms.push(term);
      var p = shard[term], doc = 0;
      for (var i = 0; i < p.length; i += 2) {
        doc += p[i]; // doc ids are stored as gaps
        var s = p[i + 1] * w;
        if (scores[doc] < s) scores[doc] = s;
      }
    }
    function typos(shards) {
      shards.forEach(function (shard) {
        Object.keys(shard).forEach(function (term) { if (term !== '*' && distance(term, t, budget) <= budget) add(shard, term, 0.5); });
      });
    }
    var keys = shardsFor(t, manifest, false), own = shardKey(t, SHARD_DEPTH);
    return Promise.all(keys.map(function (k) { return load('search/t/' + k + '.json'); })).then(function (shards) {
      var prefixes = false;
      shards.forEach(function (shard, i) {
        if (keys[i] === own && shard['*']) { add(shard, '*', 0.7); prefixes = true; }
        Object.keys(shard).forEach(function (term) {
          if (term === t) add(shard, term, 1);
          else if (term !== '*' && term.indexOf(t) === 0) add(shard, term, 0.7);
        });
      });
      /* Typo tolerance is the fallback: only a word that matches no term exactly or as a prefix is looked up
         by edit distance, which keeps every keystroke cheap. The word's own shard is tried first, then the
         other shards under its first two characters (a typo in the third or fourth character). */
      if (terms.length || prefixes || budget === 0) return { scores: scores, terms: terms };
      typos(shards);
      if (terms.length) return { scores: scores, terms: terms };
      var wider = shardsFor(t, manifest, true).filter(function (k) { return keys.indexOf(k) < 0; });
      return Promise.all(wider.map(function (k) { return load('search/t/' + k + '.json'); })).then(function (more) {
        typos(more);
        return { scores: scores, terms: terms };
      });
    });
  }

  function readState() {
    var params = new URLSearchParams(location.search), filters = {};
    params.forEach(function (v, k) {
      if (k.indexOf('f.') === 0) (filters[k.slice(2)] = filters[k.slice(2)] || []).push(v);
    });
    return { q: params.get('q') || '', sort: params.get('sort') || '', retired: params.get('retired') === '1',
      n: Math.max(PAGE, parseInt(params.get('n') || PAGE, 10) || PAGE), filters: filters };
  }
  function writeState(state, push) {
    var params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    Object.keys(state.filters).sort().forEach(function (k) {
      state.filters[k].slice().sort().forEach(function (v) { params.append('f.' + k, v); });
    });
    if (state.sort) params.set('sort', state.sort);
    if (state.retired) params.set('retired', '1');
    if (state.n > PAGE) params.set('n', String(state.n));
    var url = location.pathname + (params.toString() ? '?' + params.toString() : '');
    if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
  }

  var input = root.querySelector('#search-q');
  var form = root.querySelector('form');
  var sortSelect = root.querySelector('#search-sort');
  var retiredBox = root.querySelector('#search-retired');
  var facetsEl = root.querySelector('[data-facets]');
  // On a phone the filters wait behind their disclosure, under the results; on a wider screen they start open.
  var filtersEl = root.querySelector('[data-filters]');
  if (filtersEl && window.matchMedia('(min-width: 48rem)').matches) filtersEl.open = true;
  var resultsEl = root.querySelector('[data-results]');
  var statusEl = root.querySelector('[data-status]');
  var moreButton = root.querySelector('[data-more]');
  var state = readState();
  var run = 0;

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }
  function highlight(text, terms) {
    if (!terms.length) return escapeHtml(text);
    return text.split(/([\p{L}\p{N}]+)/u).map(function (part) {
      var f = fold(part).trim();
      var hit = f && terms.some(function (t) { return f === t || f.indexOf(t) === 0; });
      return hit ? '<mark>' + escapeHtml(part) + '</mark>' : escapeHtml(part);
    }).join('');
  }

  /* Facet value ids, numbered in manifest order; computed once per page. */
  var facetIndex = null;
  function facetTable(manifest) {
    if (facetIndex) return facetIndex;
    var total = 0;
    manifest.facets.forEach(function (f) { total += f.values.length; });
    var facetOf = new Array(total), valueId = {}, id = 0;
    manifest.facets.forEach(function (f) {
      f.values.forEach(function (v) { facetOf[id] = f.key; valueId[f.key + '\u0000' + v] = id; id++; });
    });
    return (facetIndex = { total: total, facetOf: facetOf, valueId: valueId });
  }

  /* The URL is updated off the critical path (history calls can take milliseconds), and at the latest
     before the results are marked ready, so the address always matches what is shown. */
  var pendingUrl = null;
  function flushUrl() {
    if (pendingUrl) { var f = pendingUrl; pendingUrl = null; f(); }
  }

  function execute(push) {
    var started = performance.now(), mine = ++run, snapshot = JSON.parse(JSON.stringify(state));
    flushUrl();
    pendingUrl = function () { writeState(snapshot, push); };
    setTimeout(flushUrl, 0);
    return Promise.all([load('search/manifest.json'), load('search/facets.json')]).then(function (loaded) {
      var manifest = loaded[0], table = loaded[1], qt = tokens(state.q);
      return Promise.all(qt.map(function (t) { return matchToken(t, manifest); })).then(function (perToken) {
        if (mine !== run) return;
        var n = manifest.docs, score = new Float64Array(n), ok = new Uint8Array(n), i, k;
        for (i = 0; i < n; i++) ok[i] = 1;
        perToken.forEach(function (m) {
          var s = m.scores;
          for (k = 0; k < n; k++) {
            if (s[k] > 0) score[k] += s[k];
            else ok[k] = 0;
          }
        });
        if (!state.retired) table.retired.forEach(function (d) { ok[d] = 0; });
        var facets = facetTable(manifest), selected = {}, anySelected = false;
        Object.keys(state.filters).forEach(function (key) {
          var ids = state.filters[key].map(function (v) { return facets.valueId[key + '\u0000' + v]; })
            .filter(function (x) { return x !== undefined; });
          if (ids.length) { selected[key] = ids; anySelected = true; }
        });
        function passes(d, except) {
          var vals = table.f[d];
          for (var key in selected) {
            if (key === except) continue;
            var ids = selected[key], hit = false;
            for (var a = 0; a < ids.length && !hit; a++) hit = vals.indexOf(ids[a]) >= 0;
            if (!hit) return false;
          }
          return true;
        }
        /* Counts per facet value ignore that facet's own selection, so choices within a facet stay visible. */
        var counts = new Int32Array(facets.total), hits = [], vals, j;
        for (i = 0; i < n; i++) {
          if (!ok[i]) continue;
          vals = table.f[i];
          if (!anySelected) {
            hits.push(i);
            for (j = 0; j < vals.length; j++) counts[vals[j]]++;
            continue;
          }
          if (passes(i, null)) hits.push(i);
          for (j = 0; j < vals.length; j++) {
            if (passes(i, facets.facetOf[vals[j]])) counts[vals[j]]++;
          }
        }
        var sort = state.sort || (qt.length ? 'relevance' : 'name');
        hits.sort(function (a, b) {
          if (sort === 'rigor' && table.rigor[a] !== table.rigor[b]) return table.rigor[b] - table.rigor[a];
          if (sort === 'newest' && table.date[a] !== table.date[b]) return table.date[b] - table.date[a];
          if (sort === 'relevance' && score[a] !== score[b]) return score[b] - score[a];
          return table.name[a] - table.name[b];
        });
        var shown = hits.slice(0, state.n);
        var chunks = {};
        shown.forEach(function (d) { chunks[Math.floor(d / manifest.chunk)] = true; });
        return Promise.all(Object.keys(chunks).map(function (c) { return load('search/d/' + c + '.json'); })).then(function () {
          if (mine !== run) return;
          var highlightTerms = qt.concat.apply(qt, perToken.map(function (m) { return m.terms; }));
          /* Facets and results change in one task, so the page draws one frame for them. */
          renderFacets(manifest, counts);
          return renderResults(manifest, shown, hits.length, highlightTerms, qt).then(function () {
            if (mine !== run) return;
            flushUrl();
            window.__searchTimings = (window.__searchTimings || []).concat([performance.now() - started]);
            root.setAttribute('data-ready', String(mine));
          });
        });
      });
    }).catch(function (e) {
      flushUrl();
      statusEl.textContent = 'Search is unavailable: ' + e.message;
    });
  }

  /* A facet with many values shows its most frequent ones first and the rest behind a button; selected
     values always show. Which facets are expanded is kept for the visit. */
  var FACET_TOP = 8, expanded = {};
  function renderFacets(manifest, counts) {
    var html = '', id = 0;
    manifest.facets.forEach(function (f) {
      var chosen = state.filters[f.key] || [], entries = [];
      f.values.forEach(function (v) {
        var c = counts[id], on = chosen.indexOf(v) >= 0;
        if (c > 0 || on) entries.push({ v: v, c: c, on: on, id: id });
        id++;
      });
      if (!entries.length) return;
      var hidden = 0, many = entries.length > FACET_TOP + 2;
      if (many && !expanded[f.key]) {
        var top = entries.slice().sort(function (a, b) { return b.c - a.c || a.id - b.id; }).slice(0, FACET_TOP);
        var keep = {};
        top.forEach(function (e) { keep[e.id] = true; });
        var visible = entries.filter(function (e) { return keep[e.id] || e.on; });
        hidden = entries.length - visible.length;
        entries = visible;
      }
      var items = entries.map(function (e) {
        return '<li><input type="checkbox" id="facet-' + e.id + '" data-facet="' + escapeHtml(f.key) + '" value="' + escapeHtml(e.v) + '"' +
          (e.on ? ' checked' : '') + '> <label for="facet-' + e.id + '">' + escapeHtml(e.v) + ' <span class="count">' + e.c + '</span></label></li>';
      }).join('');
      var toggle = hidden > 0
        ? '<button type="button" class="facet-more" data-expand="' + escapeHtml(f.key) + '" aria-expanded="false">Show ' + hidden + ' more</button>'
        : many ? '<button type="button" class="facet-more" data-expand="' + escapeHtml(f.key) + '" aria-expanded="true">Show fewer</button>' : '';
      html += '<fieldset class="facet"><legend>' + escapeHtml(f.label) + '</legend><ul>' + items + '</ul>' + toggle + '</fieldset>';
    });
    facetsEl.innerHTML = html;
  }

  function renderResults(manifest, shown, total, terms, qt) {
    var chunkSize = manifest.chunk, pending = [];
    var html = shown.map(function (d) {
      var chunk = cache['search/d/' + Math.floor(d / chunkSize) + '.json'];
      pending.push(chunk);
      return d;
    });
    return Promise.all(pending).then(function (chunks) {
      var items = html.map(function (d, i) {
        var doc = chunks[i][d % chunkSize];
        return '<li class="result result-' + escapeHtml(doc[0].toLowerCase()) + '"><p class="result-type">' + escapeHtml(doc[0]) + '</p>' +
          '<h2 class="result-title"><a href="' + escapeHtml(base + doc[2]) + '">' + highlight(doc[1], terms) + '</a></h2>' +
          (doc[3] ? '<p class="result-summary">' + highlight(doc[3], terms) + '</p>' : '') +
          (doc[4] ? '<p class="result-meta">' + escapeHtml(doc[4]) + '</p>' : '') + '</li>';
      }).join('');
      resultsEl.innerHTML = items;
      moreButton.hidden = shown.length >= total;
      if (total === 0) return renderNoResults(qt);
      statusEl.textContent = total + (total === 1 ? ' result' : ' results') + (state.q ? ' for “' + state.q + '”' : '') +
        (shown.length < total ? ', showing ' + shown.length : '') + '.';
    });
  }

  function renderNoResults(qt) {
    statusEl.textContent = 'No results' + (state.q ? ' for “' + state.q + '”' : '') + '.';
    var tips = ['<li>Check the spelling, or use fewer words.</li>'];
    if (Object.keys(state.filters).some(function (k) { return state.filters[k].length; })) tips.push('<li><a href="' + escapeHtml(location.pathname + '?q=' + encodeURIComponent(state.q)) + '">Search again without filters</a>.</li>');
    if (!state.retired) tips.push('<li><a href="' + escapeHtml(location.pathname + '?q=' + encodeURIComponent(state.q) + '&retired=1') + '">Include retired badges</a>.</li>');
    tips.push('<li><a href="' + escapeHtml(base + 'badges/') + '">Browse all badges</a>.</li>');
    return Promise.all(qt.map(function (t) {
      return load('search/manifest.json').then(function (m) {
        var key = shardKey(t, 1);
        var keys = m.shards.filter(function (s) { return s.indexOf(key) === 0; }).slice(0, 40);
        return Promise.all(keys.map(function (k) { return load('search/t/' + k + '.json'); })).then(function (shards) {
          var best = null, bestD = 3;
          shards.forEach(function (shard) {
            Object.keys(shard).forEach(function (term) {
              if (term === '*') return;
              var d = distance(term, t, 2);
              if (d < bestD || (d === bestD && best && term < best)) { best = term; bestD = d; }
            });
          });
          return best;
        });
      });
    })).then(function (alternatives) {
      var better = qt.map(function (t, i) { return alternatives[i] || t; }).join(' ');
      if (better !== qt.join(' ')) tips.unshift('<li>Did you mean <a href="' + escapeHtml(location.pathname + '?q=' + encodeURIComponent(better)) + '">' + escapeHtml(better) + '</a>?</li>');
      resultsEl.innerHTML = '<li class="no-results"><ul>' + tips.join('') + '</ul></li>';
    });
  }

  function syncControls() {
    input.value = state.q;
    sortSelect.value = state.sort || '';
    retiredBox.checked = state.retired;
  }

  /* Search as you type: every keystroke starts a search at once (fetches are cached, and a newer search
     makes older ones drop their results), so there is no debounce delay. */
  input.addEventListener('input', function () { state.q = input.value; state.n = PAGE; execute(false); });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    state.q = input.value; state.n = PAGE;
    execute(true);
  });
  sortSelect.addEventListener('change', function () { state.sort = sortSelect.value; execute(true); });
  retiredBox.addEventListener('change', function () { state.retired = retiredBox.checked; execute(true); });
  facetsEl.addEventListener('change', function (e) {
    var box = e.target;
    if (!box.matches('input[data-facet]')) return;
    var key = box.getAttribute('data-facet'), list = state.filters[key] || [];
    list = list.filter(function (v) { return v !== box.value; });
    if (box.checked) list.push(box.value);
    state.filters[key] = list;
    state.n = PAGE;
    execute(true).then(function () {
      var again = facetsEl.querySelector('input[data-facet="' + key + '"][value="' + CSS.escape(box.value) + '"]');
      if (again) again.focus();
    });
  });
  facetsEl.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-expand]');
    if (!button) return;
    var key = button.getAttribute('data-expand');
    expanded[key] = !expanded[key];
    execute(false).then(function () {
      var again = facetsEl.querySelector('button[data-expand="' + CSS.escape(key) + '"]');
      if (again) again.focus();
    });
  });
  moreButton.addEventListener('click', function () { state.n += PAGE; execute(true); });
  window.addEventListener('popstate', function () { state = readState(); syncControls(); execute(false); });

  root.classList.add('has-js');
  syncControls();
  execute(false);
  /* Compile the Unicode regular expressions and normalization used by a query now, while the reader has not
     typed yet, instead of on the first keystroke. */
  setTimeout(function () { highlight(fold('Ünïcödé warm-up'), tokens('warm')); distance('warm', 'wram', 1); }, 50);
})();
