/* The site search's worker: answers the theme's search box (mkdocs-material's search UI, which
 * talks to a worker in four messages: SETUP, READY, QUERY, RESULT) from the site's Pagefind index
 * (<site>/pagefind/, written by ledger_site/sitesearch.py), instead of the theme's own worker,
 * which would load the text of the whole site first.  Pagefind loads only the index chunks of
 * the words typed and the text of the results shown.  Written for this project (no third-party
 * code); ledger_site/theme_markup.py points the pages at this file.
 *
 * A result is a page (its title and the words around the match), followed by the entries whose
 * text matched (an event, an actor, a source under its heading; a figure in its row of the figures
 * table), each opening at its own anchor.  Titles and excerpts are escaped here (excerpt, below). */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // the theme's message types, in its order
  var SHOWN = 10;       // results whose text is loaded and shown (each loads a fragment)
  var SECTIONS = 4;     // entries shown under a page; the rest fold under "more on this page"
  var ROOT = new URL("../../../", self.location.href);  // this file is assets/javascripts/workers/
  var pagefind = null;
  var latest = 0;       // the newest query: an older one's answer is dropped

  function esc(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Pagefind's addresses start at the site's root ("/chronology/2022/#ev-x"); the theme resolves
  // a result's location against the site's base, so it gets "chronology/2022/#ev-x"
  function local(url) {
    return String(url || "").replace(/^\/+/, "");
  }

  function words(query) {
    return query.trim().split(/\s+/).filter(Boolean);
  }

  function setup() {
    return import(new URL("pagefind/pagefind.js", ROOT).href).then(function (mod) {
      pagefind = mod;
      return pagefind.options({ baseUrl: "/" });  // addresses from the root; local() below
    }).then(function () { return pagefind.init(); });
  }

  function item(location, title, text, score, terms) {
    return { location: location, title: title, text: text || "", score: score, terms: terms };
  }

  // A word as compared with what was typed: lower case, without the punctuation around it or a
  // possessive ("Manet's" is "manet"); "2,700" stays "2,700".
  function norm(word) {
    return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").replace(/['\u2019]s$/, "");
  }

  function commonPrefix(a, b) {
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  }

  function matchesOne(w, typed) {
    for (var i = 0; i < typed.length; i++) {
      var t = typed[i], last = i === typed.length - 1;
      if (w === t) return i;
      if (w.indexOf(t) === 0 && (last || /^(s|es|d|ed|ing)$/.test(w.slice(t.length)))) return i;
      if (last && t.length >= 4 && commonPrefix(w, t) >= Math.max(4, Math.min(w.length, t.length) - 3)) return i;
    }
    return -1;
  }

  // Which typed word a word Pagefind matched stands for (-1: none).  Pagefind matches every word
  // as a prefix and by its stem, so "Hun Manet" would find "hundreds": here every typed word but
  // the last must match a whole word (or the same word with an ending: "deport", "deported");
  // the last, still being typed, may be a prefix.  A word is taken whole ("2,700") and in its
  // parts between punctuation ("alert('x')" holds "alert"), as Pagefind indexes it.
  function matches(word, typed) {
    var found = matchesOne(norm(word), typed);
    var parts = word.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    for (var i = 0; found === -1 && parts.length > 1 && i < parts.length; i++) {
      if (parts[i]) found = matchesOne(parts[i], typed);
    }
    return found;
  }

  // The words around the first match, each escaped, the matched ones marked.  Built here from
  // the result's own text and match positions: Pagefind's excerpt escapes < and > but not &, so a
  // source's literal "&lt;" would show as "<".
  function excerpt(words, locations, typed) {
    var marked = locations.filter(function (i) { return matches(words[i] || "", typed) !== -1; });
    if (!marked.length) return null;
    var start = Math.max(0, marked[0] - 8), end = Math.min(words.length, start + 30);
    var set = {};
    marked.forEach(function (i) { set[i] = true; });
    var out = [];
    for (var i = start; i < end; i++) out.push(set[i] ? "<mark>" + esc(words[i]) + "</mark>" : esc(words[i]));
    return (start > 0 ? "… " : "") + out.join(" ") + (end < words.length ? " …" : "");
  }

  // Whether the positions hold every typed word but the last as a whole word (the last is
  // Pagefind's own match).
  function hasAll(words, locations, typed) {
    var seen = {};
    locations.forEach(function (i) { seen[matches(words[i] || "", typed)] = true; });
    for (var i = 0; i < typed.length - 1; i++) if (!seen[i]) return false;
    return true;
  }

  // The entries of a page a match can open: its headings with an id (an event, an actor, a
  // source, a section) and the rows with an id (a figure in the figures table), in page order.
  function entries(data) {
    return (data.anchors || []).filter(function (a) {
      return a.id && (/^h[1-6]$/i.test(a.element) || /^tr$/i.test(a.element));
    }).sort(function (a, b) { return a.location - b.location; });
  }

  // The page's matches, entry by entry: each match belongs to the last entry that starts before it.
  function sections(data, words, typed) {
    var list = entries(data), at = {}, order = [];
    (data.locations || []).forEach(function (loc) {
      var lo = 0, hi = list.length - 1, found = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (list[mid].location <= loc) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
      }
      if (found === -1) return;
      if (!at[found]) { at[found] = []; order.push(found); }
      at[found].push(loc);
    });
    var out = [];
    order.forEach(function (k) {
      var a = list[k], locs = at[k];
      if (!hasAll(words, locs, typed)) return;
      var text = excerpt(words, locs, typed);
      if (text === null) return;
      // a row has no heading: its first words (a figure's value and what it counts) name it
      var next = k + 1 < list.length ? list[k + 1].location : words.length;
      var title = a.text || words.slice(a.location, Math.min(next, a.location + 12)).join(" ");
      out.push({ id: a.id, title: title, text: text, hits: locs.length, location: a.location });
    });
    // the entries with most matches first, then in page order
    return out.sort(function (x, y) { return y.hits - x.hits || x.location - y.location; });
  }

  function group(data, score, typed, terms) {
    var words = String(data.content || "").split(/[\r\n\s]+/g);
    if (!hasAll(words, data.locations || [], typed)) return null;
    var url = local(data.url).replace(/#.*$/, "");
    var title = esc((data.meta && data.meta.title) || url);
    var page = item(url, title, excerpt(words, data.locations || [], typed), score, terms);
    return [page].concat(sections(data, words, typed).map(function (s, i) {
      // the first few entries score as the page (shown), the rest lower (folded by the theme)
      return item(url + "#" + encodeURIComponent(s.id), esc(s.title), s.text,
                  i < SECTIONS ? score : score / 2, terms);
    }));
  }

  function search(query, id) {
    var typed = words(query).map(norm).filter(Boolean);
    if (!typed.length) return Promise.resolve({ items: [] });
    var terms = {};
    typed.forEach(function (w) { terms[w] = true; });
    return pagefind.search(typed.join(" ")).then(function (found) {
      if (id !== latest) return null;
      // more than are shown are loaded: a result without every typed word is dropped
      var results = found.results.slice(0, typed.length > 1 ? SHOWN * 2 : SHOWN);
      return Promise.all(results.map(function (r) { return r.data(); })).then(function (all) {
        var n = all.length, items = [];
        all.forEach(function (data, i) {
          var g = items.length < SHOWN && group(data, n - i, typed, terms);
          if (g) items.push(g);
        });
        return { items: items };
      });
    });
  }

  self.addEventListener("message", function (ev) {
    var message = ev.data || {};
    if (message.type === SETUP) {
      setup().then(function () { self.postMessage({ type: READY }); }, function (err) {
        console.warn("site search: the index could not be loaded", err);
      });
    } else if (message.type === QUERY) {
      var id = ++latest;
      search(String(message.data || ""), id).then(function (result) {
        if (result && id === latest) self.postMessage({ type: RESULT, data: result });
      }, function (err) {
        console.warn("site search: the query failed", err);
        if (id === latest) self.postMessage({ type: RESULT, data: { items: [] } });
      });
    }
  });
})();
