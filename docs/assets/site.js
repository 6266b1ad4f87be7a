/* Site behaviour, written for this project (no third-party code), MIT-style use permitted.
 * 1. Figure tooltips: shown by CSS on hover and keyboard focus; Escape dismisses the open one
 *    (WCAG 1.4.13), and it returns on the next hover or focus.
 * 2. Sortable tables: table.sortable > thead button; sorts by each cell's data-sort (or its
 *    text), as a number, a date (ISO) or text per th[data-sort-type]; aria-sort tells the order.
 * No network access, no dependencies. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  // -- 1. tooltips ---------------------------------------------------------------------------
  function tooltips() {
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape" && ev.key !== "Esc") return;
      document.querySelectorAll(".figure-ref:hover, .figure-ref:focus-within").forEach(function (el) {
        el.classList.add("tip-dismissed");
      });
    });
    function reset(ev) {
      var ref = ev.target.closest && ev.target.closest(".figure-ref");
      if (ref) ref.classList.remove("tip-dismissed");
    }
    document.addEventListener("focusin", reset);
    document.addEventListener("mouseover", function (ev) {
      var ref = ev.target.closest && ev.target.closest(".figure-ref");
      if (ref && !ref.contains(ev.relatedTarget)) ref.classList.remove("tip-dismissed");
    });
  }

  // -- 2. sortable tables ----------------------------------------------------------------------
  function key(cell, type) {
    var raw = cell ? (cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent) : "";
    raw = raw.trim();
    if (type === "number") {
      var n = parseFloat(raw);
      return isNaN(n) ? null : n;
    }
    return raw === "" ? null : raw.toLowerCase();
  }

  function sortTable(table, index, type, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var descending = th.getAttribute("aria-sort") === "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, i) { return { row: row, i: i, k: key(row.cells[index], type) }; });
    keyed.sort(function (a, b) {
      if (a.k === null && b.k === null) return a.i - b.i;
      if (a.k === null) return 1;          // empty cells last, whatever the order
      if (b.k === null) return -1;
      var c = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
      return (descending ? -c : c) || a.i - b.i;
    });
    var frag = document.createDocumentFragment();
    keyed.forEach(function (x) { frag.appendChild(x.row); });
    body.appendChild(frag);
    table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }

  function sortable() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var heads = table.querySelectorAll("thead th");
      heads.forEach(function (th, index) {
        var button = th.querySelector("button");
        if (!button) return;
        button.addEventListener("click", function () {
          sortTable(table, index, th.getAttribute("data-sort-type") || "text", th);
        });
      });
    });
  }

  ready(function () { tooltips(); sortable(); });
})();
