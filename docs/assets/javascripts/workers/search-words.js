/* The site search's worker: the theme's own (mkdocs-material's lunr worker, whose file name this
 * page's address gives as ?theme=…), with one change to what a reader types.  Written for this
 * project (no third-party code).
 *
 * The theme runs every word of a query as a prefix and finds pages with any of them, so "Hun
 * Manet" finds every page with "hundreds".  Here a query of several words finds pages with all of
 * them, each a whole word but the last (still being typed, so still a prefix): "Hun Manet" is run
 * as "+Hun +Manet*".  A single word, and a query that uses the search's own syntax (+ - * ~ ^ :
 * or quotes), are run as typed.  ledger_site/theme_markup.py points the pages at this file. */
(function () {
  "use strict";
  var QUERY = 2;  // the theme's message type for a query (its worker's source: SearchMessageType)
  var theme = new URL(self.location.href).searchParams.get("theme") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(theme)) throw new Error("search-words.js: no theme worker named");

  function allWords(query) {
    if (typeof query !== "string" || /(^|\s)[+\-]|[*~^:"]/.test(query)) return query;
    var words = query.trim().split(/\s+/).filter(Boolean);
    if (words.length < 2) return query;
    return words.map(function (w, i) { return "+" + w + (i === words.length - 1 ? "*" : ""); }).join(" ");
  }

  // registered before the theme's worker adds its own listener, so it sees the query first
  self.addEventListener("message", function (ev) {
    if (ev.data && ev.data.type === QUERY) ev.data.data = allWords(ev.data.data);
  });
  importScripts(theme);
})();
