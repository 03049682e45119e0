/* Nätverksarkivet: search, from disk (file://) as from a server.
 *
 * The index is built with the site (generator/render/search.py) and split into small
 * scripts under sok/ that register themselves with window.arkivSok; this file loads only
 * the ones a query needs (<script> tags: no fetch, no worker, no WebAssembly), so opening
 * a page costs one small manifest and nothing is rebuilt per page. Query words are stemmed
 * with the same Snowball Swedish algorithm as the index (vendor/snowball). What a query
 * does:
 *   - every word must match (its stem; inflections both ways: jobbspåren ~ jobbspår);
 *   - the last word also matches as a prefix while typing (arbetsförm...);
 *   - "words in quotes" must stand together in the text;
 *   - words without å/ä/ö also find the words with them (molndal -> Mölndal);
 *   - filters: kind, year, network, municipality.
 * The results link to the page section (#punkt-4, #beslut-4-1) with ?h=words, and the target
 * page marks the words (like Material's search.highlight). Keyboard: / or s opens, arrows
 * move, Enter opens, Escape closes. */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = new URL("../../", script.src); // this file is assets/javascripts/sok.js
  var PAGE = 25; // results shown at a time
  var PREFIX_TERMS = 120; // at most this many index terms per prefix
  var PHRASE_CHECKS = 400; // candidates checked for a phrase, best first
  var WORD = /[\p{L}\p{N}]+/gu;

  var state = {
    manifest: null, keyIndex: null, shards: {}, chunks: {}, facets: null, waiting: {},
    kindOf: null, yearOf: null, stop: null, total: null, hits: null, best: null
  };

  /* --- loading the index's scripts -------------------------------------------------- */

  function load(path, key) {
    if (state.waiting[key]) return state.waiting[key];
    state.waiting[key] = new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = new URL(path, ROOT).href;
      tag.charset = "utf-8";
      tag.async = true;
      tag.onload = function () { tag.remove(); resolve(); };
      tag.onerror = function () {
        tag.remove();
        delete state.waiting[key];
        reject(new Error("sökindexet kunde inte läsas: " + path));
      };
      document.head.appendChild(tag);
    });
    return state.waiting[key];
  }

  window.arkivSok = {
    manifest: function (m) {
      state.manifest = m;
      state.keyIndex = new Map(m.shards.map(function (key, i) { return [key, i]; }));
      state.stop = new Set(m.stop);
      var n = m.entries;
      state.kindOf = new Uint8Array(n);
      state.yearOf = new Uint16Array(n);
      m.ranges.forEach(function (r) { state.kindOf.fill(r[0], r[2], r[3]); state.yearOf.fill(r[1], r[2], r[3]); });
      state.total = new Float64Array(n);
      state.hits = new Uint8Array(n);
      state.best = new Float32Array(n);
    },
    t: function (i, terms, aliases) { state.shards[i] = { terms: terms, aliases: aliases }; },
    d: function (i, rows) { state.chunks[i] = rows; },
    f: function (data) {
      var places = {};
      Object.keys(data.municipalities).forEach(function (k) {
        var ids = data.municipalities[k], set = new Set(), id = 0;
        for (var j = 0; j < ids.length; j++) { id += ids[j]; set.add(id); }
        places[k] = set;
      });
      state.facets = { networks: data.networks, municipalities: places };
    }
  };

  function manifest() { return load("sok/index.js", "manifest"); }

  function loadShards(indices) {
    var wanted = [];
    indices.forEach(function (i) { if (i >= 0 && !state.shards[i]) wanted.push(load("sok/t/" + i + ".js", "t" + i)); });
    return Promise.all(wanted);
  }

  function loadChunks(ids) {
    var chunk = state.manifest.chunk, wanted = new Set();
    ids.forEach(function (id) { var c = Math.floor(id / chunk); if (!state.chunks[c]) wanted.add(c); });
    return Promise.all(Array.from(wanted, function (c) { return load("sok/d/" + c + ".js", "d" + c); }));
  }

  function entry(id) {
    var chunk = state.manifest.chunk, row = state.chunks[Math.floor(id / chunk)][id % chunk];
    return { id: id, url: row[0], title: row[1], kind: row[2], context: row[3], text: row[4] };
  }

  /* --- words ------------------------------------------------------------------------- */

  function words(text) { return text.normalize("NFC").toLowerCase().match(WORD) || []; }
  function fold(word) { return word.normalize("NFD").replace(/\p{M}/gu, ""); }
  function stem(word) { return window.arkivStemSv(word); }
  function indexed(word) { return word.length > 1 && !state.stop.has(word); }

  /* The query's parts: words (the last one a prefix while the user is still typing it) and
   * phrases (the words between quotes, in order). */
  function parse(query) {
    var parts = query.split('"'), found = [], phrases = [];
    parts.forEach(function (part, i) {
      var inQuotes = i % 2 === 1, list = words(part);
      if (inQuotes && list.length > 1) phrases.push(list);
      list.forEach(function (w) { if (indexed(w)) found.push({ word: w, prefix: false, exact: inQuotes }); });
    });
    var last = found[found.length - 1];
    var open = parts.length % 2 === 1 && !/[\s"]$/.test(query);
    if (last && !last.exact && open && words(parts[parts.length - 1]).slice(-1)[0] === last.word) last.prefix = true;
    return { words: found, phrases: phrases };
  }

  function keyOf(term) {
    for (var length = term.length; length > 0; length--) {
      var i = state.keyIndex.get(term.slice(0, length));
      if (i !== undefined) return i;
    }
    return -1;
  }

  function keysWithPrefix(prefix) {
    var found = [keyOf(prefix)];
    state.manifest.shards.forEach(function (key, i) { if (key.length > prefix.length && key.indexOf(prefix) === 0) found.push(i); });
    return found;
  }

  function postings(term) {
    var shard = state.shards[keyOf(term)];
    return shard && Object.prototype.hasOwnProperty.call(shard.terms, term) ? shard.terms[term] : null;
  }

  function aliases(form) {
    var shard = state.shards[keyOf(form)];
    return shard && Object.prototype.hasOwnProperty.call(shard.aliases, form) ? shard.aliases[form] : [];
  }

  /* Index terms a query word stands for, each with a factor: its stem and the stems its
   * forms point to (1), the folded forms' stems (0.9), and, for a prefix, the terms and
   * forms (also without å/ä/ö) that begin with it (0.7). */
  function alternatives(part) {
    var w = part.word, s = stem(w), f = fold(w), fs = fold(s);
    var need = new Set([keyOf(s), keyOf(w), keyOf(f), keyOf(fs)]);
    if (part.prefix) keysWithPrefix(w).forEach(function (i) { need.add(i); });
    return loadShards(need).then(function () {
      var alts = new Map(), via = [];
      function add(term, factor) { if (!(alts.get(term) >= factor)) alts.set(term, factor); }
      add(s, 1);
      aliases(w).forEach(function (t) { via.push([t, 1]); });
      [f, fs].forEach(function (x) {
        if (x !== w) add(x, 0.9);
        aliases(x).forEach(function (t) { via.push([t, 0.9]); });
      });
      if (part.prefix && w.length > 1) {
        var expanded = [];
        need.forEach(function (i) {
          var shard = state.shards[i];
          if (!shard) return;
          Object.keys(shard.terms).forEach(function (t) {
            if (t.indexOf(w) === 0) expanded.push([t, shard.terms[t].length]);
          });
          Object.keys(shard.aliases).forEach(function (a) {
            // word forms and forms without å/ä/ö (typing `molnd` finds Mölndal)
            if (a.indexOf(w) === 0) shard.aliases[a].forEach(function (t) { via.push([t, 0.7]); });
          });
        });
        expanded.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
        expanded.slice(0, PREFIX_TERMS).forEach(function (x) { add(x[0], x[0] === s ? 1 : 0.7); });
      }
      if (via.length > PREFIX_TERMS * 4) via = via.slice(0, PREFIX_TERMS * 4);
      return loadShards(new Set(via.map(function (x) { return keyOf(x[0]); }))).then(function () {
        via.forEach(function (x) { add(x[0], x[1]); });
        var found = new Map();
        alts.forEach(function (factor, term) { if (postings(term)) found.set(term, factor); });
        return found;
      });
    });
  }

  /* --- ranking and filters --------------------------------------------------------------- */

  function idf(df) {
    var n = state.manifest.entries;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  function passes(id, filters) {
    if (filters.kind !== "" && state.kindOf[id] !== +filters.kind) return false;
    if (filters.year !== "" && state.yearOf[id] !== +filters.year) return false;
    if (filters.network !== "" && state.facets.networks[id] !== +filters.network) return false;
    if (filters.municipality !== "") {
      var set = state.facets.municipalities[filters.municipality];
      if (!set || !set.has(id)) return false;
    }
    return true;
  }

  function rank(parts, lists, filters) {
    var total = state.total, hits = state.hits, best = state.best, touched = [];
    lists.forEach(function (alts) {
      touched = [];
      alts.forEach(function (factor, term) {
        var p = postings(term), weight = idf(p.length / 2) * factor, id = 0;
        for (var j = 0; j < p.length; j += 2) {
          id += p[j];
          var v = p[j + 1] * weight;
          if (best[id] === 0) touched.push(id);
          if (v > best[id]) best[id] = v;
        }
      });
      for (var k = 0; k < touched.length; k++) {
        var id = touched[k];
        total[id] += best[id];
        hits[id]++;
        best[id] = 0;
      }
    });
    var found = [];
    for (var k = 0; k < touched.length; k++) {
      var id = touched[k];
      if (hits[id] === lists.length && passes(id, filters)) found.push([id, total[id]]);
    }
    // reset for the next query: every id a word touched is among the first word's or
    // reachable below, so clear all that were touched by any word
    total.fill(0);
    hits.fill(0);
    found.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return found.map(function (x) { return x[0]; });
  }

  function containsPhrase(e, phrase) {
    var lists = [words(e.title)].concat(e.text.split("\n").map(words));
    return lists.some(function (list) {
      outer: for (var i = 0; i + phrase.length <= list.length; i++) {
        for (var j = 0; j < phrase.length; j++) if (list[i + j] !== phrase[j]) continue outer;
        return true;
      }
      return false;
    });
  }

  /* The ranked entry ids for a query: {ids, terms, capped}. */
  function search(query, filters) {
    return manifest().then(function () {
      var q = parse(query);
      if (!q.words.length) return { ids: [], terms: null, capped: false };
      var needFacets = filters.network !== "" || filters.municipality !== "";
      return Promise.all([
        Promise.all(q.words.map(alternatives)),
        needFacets && !state.facets ? load("sok/f.js", "f") : null
      ]).then(function (done) {
        var lists = done[0];
        if (lists.some(function (alts) { return alts.size === 0; })) return { ids: [], terms: null, capped: false };
        var ids = rank(q.words, lists, filters);
        var matcher = makeMatcher(q, lists);
        if (!q.phrases.length) return { ids: ids, matcher: matcher, capped: false };
        var checked = ids.slice(0, PHRASE_CHECKS);
        return loadChunks(checked).then(function () {
          var kept = checked.filter(function (id) {
            var e = entry(id);
            return q.phrases.every(function (phrase) { return containsPhrase(e, phrase); });
          });
          return { ids: kept, matcher: matcher, capped: ids.length > PHRASE_CHECKS };
        });
      });
    });
  }

  /* Which query word a word of a text stands for (its index, or -1): its stem (or folded
   * stem) is one of that word's terms, or it begins with the word being typed. */
  function makeMatcher(q, lists) {
    var sets = lists.map(function (alts) {
      var terms = new Set(), folded = new Set();
      alts.forEach(function (_f, t) { terms.add(t); folded.add(fold(t)); });
      return { terms: terms, folded: folded };
    });
    return function (word) {
      if (!indexed(word)) return -1;
      var s = stem(word), fs = fold(s), f = fold(word);
      for (var i = 0; i < sets.length; i++) {
        if (sets[i].terms.has(s) || sets[i].folded.has(fs)) return i;
        var p = q.words[i];
        if (p.prefix && (word.indexOf(p.word) === 0 || f.indexOf(p.word) === 0)) return i;
      }
      return -1;
    };
  }

  /* --- the snippet ------------------------------------------------------------------------- */

  function escape(text) {
    return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  function tokensOf(line) {
    var found = [], m, re = new RegExp(WORD.source, "gu"), lower = line.toLowerCase();
    while ((m = re.exec(lower)) !== null) found.push([m.index, m.index + m[0].length, m[0].normalize("NFC")]);
    return found;
  }

  /* The words around the hits in the entry's text: the line (paragraph, list item or table
   * row) with the most different query words, first of equals; at most ~10 words before the
   * first hit and ~22 after it; hits marked. */
  function snippet(text, matcher) {
    var lines = text.split("\n"), pick = 0, tokens = null, first = -1, most = 0;
    for (var i = 0; i < lines.length; i++) {
      var list = tokensOf(lines[i]), seen = new Set(), at = -1;
      for (var j = 0; j < list.length; j++) {
        var hit = matcher(list[j][2]);
        if (hit >= 0) { seen.add(hit); if (at < 0) at = j; }
      }
      if (seen.size > most) { most = seen.size; pick = i; tokens = list; first = at; }
    }
    if (first < 0) { tokens = tokensOf(lines[0] || ""); first = 0; pick = 0; }
    var line = lines[pick] || "";
    if (!tokens.length) return escape(line.slice(0, 200));
    var from = Math.max(0, first - 10), to = Math.min(tokens.length - 1, first + 22);
    var start = from === 0 ? 0 : tokens[from][0], end = to === tokens.length - 1 ? line.length : tokens[to][1];
    var html = from > 0 ? "… " : "", at2 = start;
    for (var k = from; k <= to; k++) {
      var t = tokens[k];
      html += escape(line.slice(at2, t[0]));
      var word = line.slice(t[0], t[1]);
      html += matcher(t[2]) >= 0 ? "<mark>" + escape(word) + "</mark>" : escape(word);
      at2 = t[1];
    }
    html += escape(line.slice(at2, end));
    if (end < line.length) html += " …";
    return html;
  }

  /* --- the search box ------------------------------------------------------------------------ */

  function ui() {
    var form = document.querySelector("form[data-arkiv-sok]");
    var toggle = document.getElementById("__search");
    if (!form || !toggle) return;
    var input = form.querySelector("input[type=text]");
    var box = document.querySelector("[data-arkiv-sok-resultat]");
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var selects = {};
    box.querySelectorAll("select[data-filter]").forEach(function (s) { selects[s.getAttribute("data-filter")] = s; });
    var sequence = 0, shown = [], current = null;

    function filters() {
      return {
        kind: selects.kind.value, year: selects.year.value,
        network: selects.network.value, municipality: selects.municipality.value
      };
    }

    function fillFilters() {
      var m = state.manifest;
      if (selects.kind.options.length > 1) return;
      function add(select, value, label) {
        var o = document.createElement("option");
        o.value = value;
        o.textContent = label;
        select.appendChild(o);
      }
      m.kinds.forEach(function (k, i) { add(selects.kind, String(i), k[1]); });
      var years = Array.from(new Set(m.ranges.map(function (r) { return r[1]; }))).filter(Boolean).sort(function (a, b) { return b - a; });
      years.forEach(function (y) { add(selects.year, String(y), String(y)); });
      m.networks.forEach(function (n, i) { add(selects.network, String(i + 1), n); });
      m.municipalities.forEach(function (x, i) { add(selects.municipality, String(i), x[1]); });
    }

    function setMeta(text) { meta.textContent = text; }

    function highlightParam(query) {
      var q = parse(query), list = q.words.map(function (p) { return p.word; });
      return list.length ? "?h=" + encodeURIComponent(list.join(" ")) : "";
    }

    function link(e, query) {
      var hash = e.url.indexOf("#"), path = hash < 0 ? e.url : e.url.slice(0, hash), anchor = hash < 0 ? "" : e.url.slice(hash);
      return new URL(path, ROOT).href + highlightParam(query) + anchor;
    }

    // `mine` is the query's number: a newer query may start while this one's chunks load,
    // and then this one must not add its results to the newer query's list.
    function render(result, query, from, mine) {
      var ids = result.ids.slice(from, from + PAGE);
      return loadChunks(ids).then(function () {
        if (mine !== sequence) return;
        var m = state.manifest, html = "";
        ids.forEach(function (id) {
          var e = entry(id);
          html += '<li class="md-search-result__item arkiv-sok-traff">' +
            '<a href="' + escape(link(e, query)) + '" class="md-search-result__link" tabindex="-1" data-arkiv-traff>' +
            '<article class="md-search-result__article md-typeset">' +
            '<div class="arkiv-sok-rubrik">' + escape(e.title) + "</div>" +
            '<div class="arkiv-sok-sammanhang"><span class="arkiv-sok-typ">' + escape(m.kinds[e.kind][1]) + "</span> " +
            escape(e.context) + "</div>" +
            '<p class="arkiv-sok-utdrag">' + snippet(e.text, result.matcher) + "</p>" +
            "</article></a></li>";
        });
        var more = list.querySelector(".arkiv-sok-fler");
        if (more) more.remove();
        list.insertAdjacentHTML("beforeend", html);
        shown = result.ids.slice(0, from + ids.length);
        if (result.ids.length > from + PAGE) {
          list.insertAdjacentHTML("beforeend", '<li class="arkiv-sok-fler"><button type="button" class="md-button">Visa fler träffar</button></li>');
          list.querySelector(".arkiv-sok-fler button").addEventListener("click", function () {
            render(result, query, from + PAGE, mine);
          });
        }
      });
    }

    function run() {
      var query = input.value, mine = ++sequence;
      if (!query.trim()) {
        list.innerHTML = "";
        setMeta("Skriv sökord");
        box.setAttribute("data-arkiv-fraga", "");
        return Promise.resolve();
      }
      return search(query, filters()).then(function (result) {
        if (mine !== sequence) return;
        current = result;
        list.innerHTML = "";
        var n = result.ids.length;
        setMeta(n === 0 ? "Inga träffar" : (n === 1 ? "1 träff" : (result.capped ? "Minst " : "") + n.toLocaleString("sv-SE") + " träffar"));
        return render(result, query, 0, mine).then(function () {
          if (mine === sequence) box.setAttribute("data-arkiv-fraga", query);
        });
      }).catch(function (error) {
        if (mine !== sequence) return;
        setMeta("Sökningen misslyckades: " + error.message);
        box.setAttribute("data-arkiv-fraga", query);
      });
    }

    function open() {
      toggle.checked = true;
      input.focus();
    }

    function close() {
      toggle.checked = false;
      input.blur();
    }

    manifest().then(function () {
      fillFilters();
      box.setAttribute("data-arkiv-sok-klar", "");
    }, function () { setMeta("Sökindexet saknas"); });
    input.addEventListener("focus", function () { toggle.checked = true; });
    input.addEventListener("input", run);
    Object.keys(selects).forEach(function (k) { selects[k].addEventListener("change", run); });
    toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = list.querySelector("a[data-arkiv-traff]");
      if (first) first.click();
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { run(); input.focus(); }, 0);
    });

    function links() { return Array.prototype.slice.call(list.querySelectorAll("a[data-arkiv-traff]")); }

    document.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var active = document.activeElement;
      if (!toggle.checked) {
        var typing = active && (/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable);
        if (!typing && (ev.key === "/" || ev.key === "s" || ev.key === "f")) {
          ev.preventDefault();
          open();
        }
        return;
      }
      if (ev.key === "Escape") {
        ev.preventDefault();
        close();
      } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        if (active && active.tagName === "SELECT") return;
        var all = links(), at = all.indexOf(active);
        if (!all.length) return;
        ev.preventDefault();
        var next = ev.key === "ArrowDown" ? at + 1 : at - 1;
        if (next < 0) input.focus();
        else all[Math.min(next, all.length - 1)].focus();
      } else if (ev.key === "Enter" && active === input) {
        ev.preventDefault();
        var first = links()[0];
        if (first) first.click();
      }
    });

    // for tests and the benchmark: what the box shows now
    window.arkivSok.shown = function () { return shown.slice(); };
    window.arkivSok.current = function () { return current; };
  }

  /* --- marking the words on the page a result leads to --------------------------------------- */

  function highlight() {
    var h = new URLSearchParams(location.search).get("h");
    var content = document.querySelector("article.md-content__inner");
    if (!h || !content) return;
    var list = words(h).filter(function (w) { return w.length > 1; });
    if (!list.length) return;
    var stems = new Set(list.map(function (w) { return fold(stem(w)); }));
    var last = fold(list[list.length - 1]);
    function hit(word) {
      var f = fold(word);
      return stems.has(fold(stem(word))) || (last.length > 2 && f.indexOf(last) === 0);
    }
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var p = node.parentNode;
        return p && /^(SCRIPT|STYLE|MARK|TEXTAREA|BUTTON)$/.test(p.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [], node, marks = 0;
    while ((node = walker.nextNode())) nodes.push(node);
    nodes.forEach(function (text) {
      if (marks > 1000) return;
      var value = text.nodeValue, re = new RegExp(WORD.source, "gu"), m, at = 0, parts = null;
      while ((m = re.exec(value)) !== null) {
        if (!hit(m[0].toLowerCase().normalize("NFC"))) continue;
        parts = parts || document.createDocumentFragment();
        parts.appendChild(document.createTextNode(value.slice(at, m.index)));
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = m[0];
        parts.appendChild(mark);
        at = m.index + m[0].length;
        marks++;
      }
      if (parts) {
        parts.appendChild(document.createTextNode(value.slice(at)));
        text.parentNode.replaceChild(parts, text);
      }
    });
  }

  window.arkivSok.search = search;
  // every result of a query as entries {url, title, kind, context, text} (tests, benchmark)
  window.arkivSok.results = function (query, filters) {
    filters = filters || { kind: "", year: "", network: "", municipality: "" };
    return search(query, filters).then(function (r) {
      return loadChunks(r.ids).then(function () {
        return r.ids.map(function (id) {
          var e = entry(id);
          e.kind = state.manifest.kinds[e.kind][0];
          return e;
        });
      });
    });
  };
  window.arkivSok.parse = parse;
  window.arkivSok.stem = stem;

  function start() {
    ui();
    if (typeof window.arkivStemSv === "function") highlight();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
