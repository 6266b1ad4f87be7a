/* Site behaviour, written for this project (no third-party code), MIT-style use permitted.
 * 1. Figure popovers: shown by CSS on hover and keyboard focus, and by a first tap on a touch
 *    screen (the second tap follows the link); kept inside the window (opening above the figure
 *    near the foot of the screen); Escape dismisses the open one (WCAG 1.4.13), and it returns on
 *    the next hover or focus.  A figure shown twice in a block has one popover, after its first
 *    link (ledger/render/inline.py figure): each of its links names it (aria-describedby), and
 *    the popover moves to the link being hovered, focused or tapped.
 * 2. Tables: on a phone, wide ones read as cards, each cell labelled with its column (site.css).
 *    Sortable ones: table.sortable > thead button; sorts by each cell's data-sort (else the
 *    data-value of its figure, the datetime of its first <time> or its text), as a number, a date
 *    (ISO) or text per th[data-sort-type]; aria-sort tells the order.
 * 3. Chronology filters: form.chronology-filters narrows [data-filter-item] events (and, on the
 *    index, [data-filter-group] years) by kind and actor, and its year opens that year's page;
 *    the choices live in the address (?kind=…&actor=…) so that other years' pages keep them; a
 *    permanent link (#ev-…) to an event they hide clears them, and the page opens at the event.
 *    The actors to choose from are one list for the whole chronology (assets/filter-actors.js).
 * (Citations, built in the browser from a figures row: docs/assets/cite.js.)
 * No network access, no dependencies. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  // -- 1. figure popovers ----------------------------------------------------------------------
  function refOf(node) {
    return node && node.closest ? node.closest(".figure-ref") : null;
  }

  // a figure's popover stands after the link being used: brought from its other link when needed
  function own(ref) {
    var link = ref.querySelector("a.figure-link[aria-describedby]");
    if (!link || ref.querySelector(".figure-tip")) return;
    var tip = document.getElementById(link.getAttribute("aria-describedby"));
    if (tip && tip.classList.contains("figure-tip")) ref.appendChild(tip);
  }

  // keep an open popover inside the window: below its figure, or above it when there is not room
  // below (a figure near the foot of a phone's screen) and more room above; never wider or taller
  // than the window (it scrolls inside when it must); shifted left or right to stay on screen
  function place(ref) {
    var tip = ref && ref.querySelector(".figure-tip");
    if (!tip) return;
    tip.style.left = "";
    tip.style.maxHeight = "";
    ref.classList.remove("tip-above");
    var r = tip.getBoundingClientRect();
    if (!r.width) return;
    var margin = 8, header = document.querySelector(".md-header");
    var top = Math.max(margin, header ? header.getBoundingClientRect().bottom + margin : margin);
    var bottom = document.documentElement.clientHeight - margin;
    var link = ref.querySelector("a.figure-link") || ref, a = link.getBoundingClientRect();
    var below = bottom - a.bottom, above = a.top - top;
    if (r.bottom > bottom && above > below) {
      ref.classList.add("tip-above");
      if (r.height > above) tip.style.maxHeight = Math.floor(above) + "px";
    } else if (r.bottom > bottom) {
      tip.style.maxHeight = Math.max(Math.floor(below), 48) + "px";
    }
    r = tip.getBoundingClientRect();
    var right = document.documentElement.clientWidth - margin, shift = 0;
    if (r.right > right) shift = r.right - right;
    if (r.left - shift < margin) shift = r.left - margin;
    if (shift) tip.style.left = -shift + "px";
  }

  function closeOpen(except) {
    document.querySelectorAll(".figure-ref.tip-open").forEach(function (el) {
      if (el !== except) el.classList.remove("tip-open");
    });
  }

  function tooltips() {
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape" && ev.key !== "Esc") return;
      document.querySelectorAll(".figure-ref:hover, .figure-ref:focus-within, .figure-ref.tip-open").forEach(function (el) {
        el.classList.remove("tip-open");
        el.classList.add("tip-dismissed");
      });
    });
    function reset(ev) {
      var ref = refOf(ev.target);
      if (ref) {
        own(ref);
        ref.classList.remove("tip-dismissed");
        place(ref);
      }
    }
    document.addEventListener("focusin", reset);
    // the page scrolled or the window resized under an open popover: place it again
    var pending = false;
    function again() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        document.querySelectorAll(".figure-ref:hover, .figure-ref:focus-within, .figure-ref.tip-open").forEach(place);
      });
    }
    window.addEventListener("scroll", again, { passive: true });
    window.addEventListener("resize", again);
    document.addEventListener("mouseover", function (ev) {
      var ref = refOf(ev.target);
      if (ref && !ref.contains(ev.relatedTarget)) reset(ev);
    });
    // a touch screen has no hover: the first tap on a figure shows its quote, the second follows it
    var touch = false;
    document.addEventListener("pointerdown", function (ev) { touch = ev.pointerType === "touch"; }, true);
    document.addEventListener("keydown", function () { touch = false; }, true);  // Enter follows at once
    document.addEventListener("click", function (ev) {
      var link = ev.target.closest && ev.target.closest(".figure-ref > a.figure-link");
      var ref = link ? link.parentNode : null;
      closeOpen(ref);
      if (!ref || !touch || ref.classList.contains("tip-open")) return;
      ev.preventDefault();
      own(ref);
      ref.classList.remove("tip-dismissed");
      ref.classList.add("tip-open");
      link.focus();
      place(ref);
    });
  }

  // -- 2. sortable tables ----------------------------------------------------------------------
  // a cell's sort key: its data-sort when it has one; else, by the column's type, the data-value of
  // the figure in it, the machine date of its first <time> (none: no date), or its text
  function key(cell, type) {
    var raw = "", el;
    if (!cell) raw = "";
    else if (cell.hasAttribute("data-sort")) raw = cell.getAttribute("data-sort");
    else if (type === "number") raw = (el = cell.querySelector("[data-value]")) ? el.getAttribute("data-value") : "";
    else if (type === "date") raw = (el = cell.querySelector("time[datetime]")) ? el.getAttribute("datetime") : "";
    else raw = cell.textContent;
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

  // the figures table's rows of one event share a cell that is the same for them (a cell with
  // rowspan: ledger/render/figures.py, shared_cells); sorting, citing and the phone's cards read
  // a row's own cells, so each row gets its copy back.  Where each cell stands is laid out first
  // (a row may miss cells of several rows above it), then the copies are put in, column by column.
  function unshare() {
    document.querySelectorAll("table.data-table").forEach(function (table) {
      if (!table.querySelector("td[rowspan]")) return;
      Array.prototype.forEach.call(table.tBodies, function (body) {
        var rows = Array.prototype.slice.call(body.rows);
        var grid = rows.map(function () { return []; });
        rows.forEach(function (row, i) {
          var column = 0;
          Array.prototype.forEach.call(row.cells, function (cell) {
            while (grid[i][column]) column++;
            for (var k = 0; k < cell.rowSpan && i + k < rows.length; k++) grid[i + k][column] = cell;
            column++;
          });
        });
        rows.forEach(function (row, i) {
          grid[i].forEach(function (cell, column) {
            if (cell.parentNode === row) return;
            var copy = cell.cloneNode(true);
            copy.removeAttribute("rowspan");
            row.insertBefore(copy, row.cells[column] || null);
          });
        });
        body.querySelectorAll("td[rowspan]").forEach(function (cell) { cell.removeAttribute("rowspan"); });
      });
    });
  }

  // on a phone a wide table reads as a list of cards (site.css): each cell says which column it is
  function labelCells() {
    document.querySelectorAll(".table-wrap > table").forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
      if (!heads.length) return;
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          Array.prototype.forEach.call(row.cells, function (cell, i) {
            if (heads[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", heads[i]);
          });
        });
      });
      table.classList.add("cells-labelled");
    });
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

  // -- 3. chronology filters ---------------------------------------------------------------------
  function hasWord(list, word) {
    return (" " + (list || "") + " ").indexOf(" " + word + " ") >= 0;
  }

  function filters() {
    var form = document.querySelector("form.chronology-filters");
    if (!form) return;
    var items = document.querySelectorAll("[data-filter-item]");
    var groups = document.querySelectorAll("[data-filter-group]");
    var links = document.querySelectorAll("[data-filter-group] a, .year-pager a");
    var field = { year: form.elements.year, kind: form.elements.kind, actor: form.elements.actor };
    var status = form.querySelector(".filter-status");
    // the actors to choose from: one list for the whole chronology (assets/filter-actors.js,
    // loaded by the page before this script), added as options: text, never markup
    if (field.actor && Array.isArray(window.ledgerFilterActors)) {
      window.ledgerFilterActors.forEach(function (a) { field.actor.add(new Option(a[1], a[0])); });
    }
    form.hidden = false;

    function get(name) { return field[name] ? field[name].value : ""; }
    function set(name, value) {
      var sel = field[name];
      if (!sel) return;
      var ok = Array.prototype.some.call(sel.options, function (o) { return o.value === value; });
      sel.value = ok ? value : "";
    }
    function chosen(name) {
      var sel = field[name];
      return sel.value ? sel.options[sel.selectedIndex].text : "";
    }
    function query() {  // the choices that other years' pages keep
      var q = new URLSearchParams();
      if (get("kind")) q.set("kind", get("kind"));
      if (get("actor")) q.set("actor", get("actor"));
      var s = q.toString();
      return s ? "?" + s : "";
    }
    function remember() {
      if (window.history && history.replaceState) {
        // an event the choices hide is no longer the page's target: following its link again reveals it
        var hash = location.hash, target = null;
        try { target = hash && document.getElementById(decodeURIComponent(hash.slice(1))); } catch (e) { target = null; }
        if (target && !target.getClientRects().length) hash = "";
        history.replaceState(history.state, "", location.pathname + query() + hash);
      }
      var tail = query();  // links to other years keep kind and actor
      links.forEach(function (a) {
        if (!a.hasAttribute("data-href")) a.setAttribute("data-href", a.getAttribute("href"));
        var base = a.getAttribute("data-href").split("?")[0];
        a.setAttribute("href", base.split("#")[0] + tail + (base.indexOf("#") >= 0 ? base.slice(base.indexOf("#")) : ""));
      });
    }
    function apply() {
      var k = get("kind"), a = get("actor");
      var shown = 0, shownGroups = 0;
      items.forEach(function (el) {
        var ok = (!k || el.getAttribute("data-kind") === k) && (!a || hasWord(el.getAttribute("data-actors"), a));
        el.hidden = !ok;
        if (ok) shown++;
      });
      groups.forEach(function (g) {
        var ok = (!k || hasWord(g.getAttribute("data-kinds"), k)) && (!a || hasWord(g.getAttribute("data-actors"), a));
        g.hidden = !ok;
        if (ok) shownGroups++;
      });
      var words = [chosen("kind"), chosen("actor")].filter(Boolean);
      if (!words.length) status.textContent = "";
      else if (groups.length ? !shownGroups : !shown) status.textContent = "No event matches: " + words.join(", ") + ".";
      else status.textContent = "Showing only the events that match: " + words.join(", ") + ", on this page.";
    }
    function reveal() {
      var id;
      try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
      var el = id && document.getElementById(id);
      if (!el) return;
      var item = el.closest("[data-filter-item], [data-filter-group]");
      if (item && (item.hidden || (item.parentNode.closest && item.parentNode.closest("[hidden]")))) {
        set("kind", "");
        set("actor", "");
        apply();
        remember();
        status.textContent = "The choices were cleared to show the event linked to.";
      }
      el.scrollIntoView();
    }

    var params = new URLSearchParams(location.search);
    if (params.get("kind")) set("kind", params.get("kind"));
    if (params.get("actor")) set("actor", params.get("actor"));
    apply();
    reveal();
    remember();
    window.addEventListener("hashchange", reveal);

    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    form.addEventListener("change", function (ev) {
      if (ev.target === field.year) {
        var href = field.year.options[field.year.selectedIndex].getAttribute("data-href");
        location.href = (href || location.pathname) + query();
        return;
      }
      apply();
      remember();
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { apply(); remember(); }, 0);  // after the form has reset its fields
    });
  }

  ready(function () { tooltips(); unshare(); labelCells(); sortable(); filters(); });
})();
