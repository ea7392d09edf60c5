/* CredentialSite next-role explorer. Held badges stay in this browser (localStorage) and are never sent anywhere.
   evaluate() implements the same rules as src/Analyze/Readiness.cs: rules become slots, badges are assigned
   to slots by maximum bipartite matching (each badge counts toward at most one rule of a package); a badge whose
   counts is false (retired, or a draft) never counts. */
(function () {
  'use strict';

  function accepts(rule, badge) {
    if (rule.all) return rule.all.indexOf(badge.id) >= 0;
    if (rule.tier && badge.tier !== rule.tier) return false;
    if (rule.of && rule.of.indexOf(badge.id) < 0) return false;
    if (rule.impact && badge.impact.indexOf(rule.impact) < 0) return false;
    if (rule.competency && badge.competencies.indexOf(rule.competency) < 0) return false;
    if (rule.cluster && badge.clusters.indexOf(rule.cluster) < 0) return false;
    return true;
  }
  function ordinal(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  function evaluatePackage(pkg, counting, countingIds, badges) {
    var slots = [];
    pkg.rules.forEach(function (rule, r) {
      if (rule.all) rule.all.filter(function (id, i, a) { return a.indexOf(id) === i; }).forEach(function (id) { slots.push({ rule: r, only: id }); });
      else for (var k = 0; k < (rule.atLeast || 0); k++) slots.push({ rule: r, only: null });
    });
    function slotAccepts(s, b) { return slots[s].only !== null ? b.id === slots[s].only : accepts(pkg.rules[slots[s].rule], b); }
    var badgeOfSlot = slots.map(function () { return -1; });
    var slotOfBadge = counting.map(function () { return -1; });
    function tryAssign(s, seen) {
      for (var b = 0; b < counting.length; b++) {
        if (seen[b] || !slotAccepts(s, counting[b])) continue;
        seen[b] = true;
        if (slotOfBadge[b] < 0 || tryAssign(slotOfBadge[b], seen)) {
          slotOfBadge[b] = s; badgeOfSlot[s] = b;
          return true;
        }
      }
      return false;
    }
    for (var s = 0; s < slots.length; s++) tryAssign(s, counting.map(function () { return false; }));
    var rules = pkg.rules.map(function (rule, r) {
      var mine = [];
      slots.forEach(function (slot, i) { if (slot.rule === r) mine.push(i); });
      var assigned = mine.filter(function (i) { return badgeOfSlot[i] >= 0; }).map(function (i) { return counting[badgeOfSlot[i]].id; });
      var missingSlots = mine.filter(function (i) { return badgeOfSlot[i] < 0; });
      var missingBadges = missingSlots.map(function (i) { return slots[i].only; }).filter(function (x) { return x !== null; });
      var candidates = missingSlots.length === 0 ? [] : rule.all ? missingBadges.slice()
        : badges.filter(function (b) { return b.counts && !countingIds[b.id] && accepts(rule, b); })
          .map(function (b) { return b.id; }).sort(ordinal);
      return { text: rule.text, needed: mine.length, assigned: assigned, missing: missingSlots.length,
        missingBadges: missingBadges, candidates: candidates, met: missingSlots.length === 0 };
    });
    var missing = rules.reduce(function (n, r) { return n + r.missing; }, 0);
    return { name: pkg.name, met: missing === 0, missing: missing, rules: rules };
  }

  /* data: explorer.json; held: badge ids; roleId: the target role. Same shape as the C# ReadinessReport. */
  function evaluate(data, held, roleId) {
    var role = data.roles.filter(function (r) { return r.id === roleId; })[0];
    if (!role) return null;
    var byId = {};
    data.badges.forEach(function (b) { byId[b.id] = b; });
    var counting = held.filter(function (id, i, a) { return a.indexOf(id) === i && byId[id] && byId[id].counts; })
      .sort(ordinal).map(function (id) { return byId[id]; });
    var countingIds = {};
    counting.forEach(function (b) { countingIds[b.id] = true; });
    var packages = role.packages.map(function (p) { return evaluatePackage(p, counting, countingIds, data.badges); });
    var required = role.required.map(function (id) { return { badgeId: id, held: !!countingIds[id] }; });
    var ready = (packages.length === 0 || packages.some(function (p) { return p.met; })) && required.every(function (r) { return r.held; });
    return { roleId: role.id, ready: ready, packages: packages, required: required };
  }

  /* The promotion steps from one role to another (breadth first over each role's "from"), or null when none leads there. */
  function route(data, fromId, toId) {
    var prev = {}, queue = [fromId];
    prev[fromId] = null;
    while (queue.length) {
      var id = queue.shift();
      if (id === toId) break;
      data.roles.forEach(function (r) {
        if (!(r.id in prev) && (r.from || []).indexOf(id) >= 0) { prev[r.id] = id; queue.push(r.id); }
      });
    }
    if (!(toId in prev)) return null;
    var steps = [];
    for (var at = toId; at !== null; at = prev[at]) steps.unshift(at);
    return steps;
  }

  /* Badges not held that would close unmet rules of a report: most rules closed first, then those whose prerequisites
     are all held, then the highest rigor, then by name. */
  function rank(data, report, held) {
    var byId = {}, heldSet = {}, closes = {};
    data.badges.forEach(function (b) { byId[b.id] = b; });
    held.forEach(function (id) { heldSet[id] = true; });
    report.packages.forEach(function (p) {
      p.rules.forEach(function (r) {
        if (!r.met) r.candidates.forEach(function (id) { if (!heldSet[id]) closes[id] = (closes[id] || 0) + 1; });
      });
    });
    report.required.forEach(function (r) { if (!r.held) closes[r.badgeId] = (closes[r.badgeId] || 0) + 1; });
    return Object.keys(closes).filter(function (id) { return byId[id]; }).map(function (id) {
      var b = byId[id], pre = b.prerequisites || [];
      return { id: id, name: b.name, rules: closes[id], rigor: b.rigor, ready: pre.every(function (x) { return heldSet[x]; }),
        missingPrerequisites: pre.filter(function (x) { return !heldSet[x]; }) };
    }).sort(function (a, b) {
      return b.rules - a.rules || (b.ready - a.ready) || b.rigor - a.rigor || ordinal(a.name, b.name);
    });
  }

  window.CredentialExplorer = { evaluate: evaluate, accepts: accepts, route: route, rank: rank };

  var root = document.querySelector('[data-explorer]');
  if (!root) return;
  var base = root.getAttribute('data-base');
  var storeKey = 'credentialsite:' + base + ':explorer';
  var current = root.querySelector('#explorer-current');
  var target = root.querySelector('#explorer-target');
  var badgeList = root.querySelector('[data-badges]');
  var out = root.querySelector('[data-report]');
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(storeKey) || '{}') || {}; } catch (e) { saved = {}; }
  function save(held) {
    try { localStorage.setItem(storeKey, JSON.stringify({ current: current.value, target: target.value, held: held })); } catch (e) { /* private mode */ }
  }
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }

  fetch(base + 'explorer.json').then(function (r) { return r.json(); }).then(function (data) {
    var byId = {};
    data.badges.forEach(function (b) { byId[b.id] = b; });
    function link(id) { var b = byId[id]; return b ? '<a href="' + esc(base + b.url) + '">' + esc(b.name) + '</a>' : esc(id); }
    function options(select, placeholder) {
      var html = '<option value="">' + esc(placeholder) + '</option>', ladder = null;
      data.roles.forEach(function (r) {
        if (r.ladder !== ladder) { html += (ladder === null ? '' : '</optgroup>') + '<optgroup label="' + esc(r.ladder) + '">'; ladder = r.ladder; }
        html += '<option value="' + esc(r.id) + '">' + esc(r.name) + '</option>';
      });
      select.innerHTML = html + (ladder === null ? '' : '</optgroup>');
    }
    options(current, 'Choose your current role');
    options(target, 'Choose the role you want');
    var tiers = ['baseline', 'capability', 'distinction'], heldSet = {};
    (saved.held || []).forEach(function (id) { heldSet[id] = true; });
    badgeList.innerHTML = tiers.map(function (t) {
      var items = data.badges.filter(function (b) { return b.tier === t && b.counts; }).sort(function (a, b) { return ordinal(a.name, b.name); });
      if (!items.length) return '';
      return '<fieldset><legend>' + esc(t.charAt(0).toUpperCase() + t.slice(1)) + ' badges</legend><ul>' + items.map(function (b) {
        return '<li><input type="checkbox" id="held-' + esc(b.id) + '" value="' + esc(b.id) + '"' + (heldSet[b.id] ? ' checked' : '') +
          '> <label for="held-' + esc(b.id) + '">' + esc(b.name) + '</label></li>';
      }).join('') + '</ul></fieldset>';
    }).join('');
    var preset = new URLSearchParams(location.search);
    if (preset.get('current') || saved.current) current.value = preset.get('current') || saved.current;
    if (preset.get('target') || saved.target) target.value = preset.get('target') || saved.target;

    function held() {
      return Array.prototype.map.call(badgeList.querySelectorAll('input:checked'), function (i) { return i.value; });
    }
    function render() {
      var h = held();
      save(h);
      if (current.value && !target.value) {
        var next = data.roles.filter(function (r) { return r.id !== current.value; });
        var sameLadder = data.roles.filter(function (r) { return r.id === current.value; })[0];
        var up = next.filter(function (r) { return sameLadder && r.ladder === sameLadder.ladder && r.level === (sameLadder.level || 0) + 1; })[0];
        if (up) target.value = up.id;
      }
      if (!target.value) { out.innerHTML = '<p>Choose the role you want to see what it takes.</p>'; return; }
      var report = evaluate(data, h, target.value);
      var role = data.roles.filter(function (r) { return r.id === target.value; })[0];
      var html = '<h2>' + esc(role.name) + ': ' + (report.ready ? 'you meet the requirements' : 'not there yet') + '</h2>';
      if (current.value && current.value !== role.id && (role.from || []).indexOf(current.value) < 0) {
        var steps = route(data, current.value, role.id), nameOf = function (id) { return esc(data.roles.filter(function (r) { return r.id === id; })[0].name); };
        html += '<p class="notice" data-route>' + esc(role.name) + ' is not a promotion step from your current role. ' + (steps
          ? 'The route: <span class="route">' + steps.map(nameOf).join(' → ') + '</span> (' + (steps.length - 1) + ' steps).'
          : 'No promotion path leads there; it would be a lateral move.') + '</p>';
      }
      html += '<p class="verdict ' + (report.ready ? 'is-ready' : 'is-not-ready') + '" data-ready="' + report.ready + '">' +
        (report.ready ? '<strong>Ready:</strong> every required badge is held and at least one package is met.' :
          '<strong>Not yet ready.</strong> Each badge counts toward at most one rule of a package.') + '</p>';
      if (report.required.length) {
        html += '<h3>Badges the role requires</h3><ul class="checklist">' + report.required.map(function (r) {
          return '<li class="' + (r.held ? 'met' : 'missing') + '"><span class="mark" aria-hidden="true">' + (r.held ? '✓' : '✗') + '</span> ' +
            link(r.badgeId) + ' <span class="visually-hidden">(' + (r.held ? 'held' : 'missing') + ')</span></li>';
        }).join('') + '</ul>';
      }
      if (!report.packages.length) html += '<p>' + esc(role.name) + ' has no promotion package.</p>';
      report.packages.forEach(function (p) {
        html += '<div class="package' + (p.met ? ' is-met' : '') + '" data-package="' + esc(p.name) + '" data-met="' + p.met + '" data-missing="' + p.missing + '">' +
          '<h3>' + esc(p.name) + ': ' + (p.met ? 'met' : p.missing + ' badge' + (p.missing === 1 ? '' : 's') + ' missing') + '</h3><ol class="rules">' +
          p.rules.map(function (r) {
            return '<li class="' + (r.met ? 'met' : 'missing') + '"><p><span class="mark" aria-hidden="true">' + (r.met ? '✓' : '✗') + '</span> ' + esc(r.text) +
              ' <span class="muted">(' + (r.met ? 'met' : r.missing + ' missing') + ')</span></p>' +
              (r.assigned.length ? '<p>Counted: ' + r.assigned.map(link).join(', ') + '</p>' : '') +
              (!r.met && r.candidates.length ? '<p>Would close it: ' + r.candidates.map(link).join(', ') + '</p>' : '') + '</li>';
          }).join('') + '</ol></div>';
      });
      var ranked = report.ready ? [] : rank(data, report, h).slice(0, 8);
      if (ranked.length) {
        html += '<h3>Badges that would close the most gaps</h3><ol class="ranked" data-ranked>' + ranked.map(function (r) {
          return '<li>' + link(r.id) + ': closes ' + r.rules + ' rule' + (r.rules === 1 ? '' : 's') + ', rigor ' + r.rigor +
            (r.ready ? ', prerequisites held' : ', first earn ' + r.missingPrerequisites.map(link).join(', ')) + '</li>';
        }).join('') + '</ol>';
      }
      out.innerHTML = html;
    }
    root.querySelector('[data-hold-current]').addEventListener('click', function () {
      var role = data.roles.filter(function (r) { return r.id === current.value; })[0];
      if (!role) return;
      role.required.forEach(function (id) { var box = badgeList.querySelector('#held-' + CSS.escape(id)); if (box) box.checked = true; });
      render();
    });
    // A target preset by the link from a role page stays until the reader picks another one.
    var pinned = !!preset.get('target');
    current.addEventListener('change', function () { if (!pinned) target.value = ''; render(); });
    target.addEventListener('change', function () { pinned = false; render(); });
    badgeList.addEventListener('change', render);
    root.querySelector('[data-clear]').addEventListener('click', function () {
      Array.prototype.forEach.call(badgeList.querySelectorAll('input:checked'), function (i) { i.checked = false; });
      render();
    });
    root.setAttribute('data-loaded', 'true');
    render();
  });
})();
