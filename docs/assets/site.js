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
 * 4. Citations: each row of a figures table (table[data-cite-site]) gets a "Cite" disclosure; opened,
 *    it shows the figure's citation, built from what the row shows (its figure, what it counts,
 *    its source's outlet, headline and date, its quote: ledger/render/figures.py figures_table),
 *    the row's id (fig-FIGURE-ID) and data-issued and the table's data-cite-site and data-cite-base, the same text as
 *    ledger/render/cite.py's plain(); its "Save as" buttons save the CSL-JSON item or BibTeX
 *    entry (cite.py's csl() and bibtex()) as FIGURE-ID.json or FIGURE-ID.bib.
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

  // -- 4. citations ------------------------------------------------------------------------------
  var BIB = { "\\": "\\textbackslash{}", "{": "\\textbraceleft{}", "}": "\\textbraceright{}", "%": "\\%", "&": "\\&",
              "$": "\\$", "#": "\\#", "_": "\\_", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" };
  var MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

  // text for a BibTeX field in braces (cite.py _bib): TeX's specials escaped, white space as one space
  function bib(text) {
    return text.split(/\s+/).filter(Boolean).join(" ").replace(/[\\{}%&$#_~^]/g, function (c) { return BIB[c]; });
  }

  var MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"];

  // a cell's words as ledger/render/words.py prose_text gives them: a popover left out, a quote in
  // curly quotes; `until` stops at the first such element (the measure ends at the cell's first <br>)
  function words(node, until) {
    var out = "";
    for (var n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) { out += n.nodeValue; continue; }
      if (n.nodeType !== 1) continue;
      if (until && n.tagName === until) break;
      if (n.classList.contains("figure-tip")) continue;
      out += n.tagName === "Q" ? "\u201c" + words(n) + "\u201d" : words(n);
    }
    return out;
  }

  // cite.py source_line: 'Outlet, "Headline", 8 February 2026' from the row's source link, which
  // reads 'Outlet, headline or label, date' (ledger/render/citation.py row_source_link): the
  // outlet is its first text, before the headline's or the date's element
  function sourceWords(link) {
    if (!link) return "";
    var first = link.firstChild, what = link.querySelector(".source-what, cite");
    var when = link.querySelector("time, .date-invalid");
    var outlet = first && first.nodeType === 3 ? first.nodeValue.replace(/, $/, "") : "";
    var who = outlet !== "unknown" ? outlet : "";
    var title = what ? (what.getAttribute("title") || (what.tagName === "CITE" ? what.textContent : "")) : "";
    var name = title ? "\u201c" + title + "\u201d" : what ? what.textContent : "";
    return ([who, name].filter(Boolean).join(", ") || "a text whose outlet is not known") + (when ? ", " + when.textContent : "");
  }

  // the figure's CSL-JSON item (cite.py csl), from its row
  function citation(table, row) {
    var id = row.id.slice("fig-".length), site = table.getAttribute("data-cite-site");
    var title = (row.cells[0].querySelector(".figure").textContent + " " + words(row.cells[1], "BR")).trim();
    var item = { id: id, type: "dataset", title: title, "container-title": site, publisher: site,
                 URL: table.getAttribute("data-cite-base") + "#fig-" + id,
                 note: "Original source: " + sourceWords(row.cells[4].querySelector("a")) +
                       ". Quote: \u201c" + row.cells[5].querySelector("q").textContent + "\u201d" };
    var day = row.getAttribute("data-issued");
    if (day) item.issued = { "date-parts": [day.split("-").map(Number)] };
    return item;
  }

  // the citation to copy (cite.py plain): the address only when it is absolute
  function plain(item) {
    var d = item.issued && item.issued["date-parts"][0];
    var when = d ? " Last changed " + d[2] + " " + MONTH_NAMES[d[1] - 1] + " " + d[0] + "." : "";
    var address = /^[a-z][a-z0-9+.-]*:/i.test(item.URL) ? " " + item.URL + "." : "";
    return item.publisher + ". \u201c" + item.title + ".\u201d" + when + address + " " + item.note + ".";
  }

  function bibtex(item) {
    var fields = [["title", "{" + bib(item.title) + "}"], ["organization", "{" + bib(item.publisher) + "}"],
                  ["howpublished", "{" + bib(item.publisher) + "}"],
                  ["url", "{" + item.URL.replace(/\\/g, "%5C").replace(/{/g, "%7B").replace(/}/g, "%7D").replace(/ /g, "%20") + "}"]];
    if (item.issued) {
      var d = item.issued["date-parts"][0];
      fields.push(["year", "{" + d[0] + "}"], ["month", MONTHS[d[1] - 1]], ["day", "{" + d[2] + "}"]);
    }
    fields.push(["note", "{" + bib(item.note) + "}"]);
    return "@misc{" + item.id + ",\n" + fields.map(function (f) { return "  " + f[0] + " = " + f[1]; }).join(",\n") + "\n}\n";
  }

  function save(name, text, type) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);  // once the download has started
  }

  function button(format, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.setAttribute("data-cite-format", format);
    b.textContent = label;
    return b;
  }

  function citations() {
    document.querySelectorAll("table[data-cite-site]").forEach(function (table) {
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          var details = document.createElement("details"), summary = document.createElement("summary");
          details.className = "cite";
          summary.textContent = "Cite";
          details.appendChild(summary);
          row.cells[0].appendChild(details);
        });
      });
      // opened, a row's disclosure gets its citation (built from the row as it is then) and buttons
      table.addEventListener("toggle", function (ev) {
        var details = ev.target;
        if (!details.open || !details.classList || !details.classList.contains("cite") || details.querySelector("samp")) return;
        var p = document.createElement("p"), samp = document.createElement("samp"), files = document.createElement("p");
        samp.className = "cite-text";
        samp.textContent = plain(citation(table, details.closest("tr")));
        p.appendChild(samp);
        files.className = "cite-files";
        files.append("Save as ", button("csl", "CSL-JSON"), " \u00b7 ", button("bibtex", "BibTeX"));
        details.append(p, files);
      }, true);
      table.addEventListener("click", function (ev) {
        var button = ev.target.closest && ev.target.closest("button[data-cite-format]");
        var row = button && button.closest("tr[id^='fig-']");
        if (!row) return;
        var item = citation(table, row);
        if (button.getAttribute("data-cite-format") === "bibtex")
          save(item.id + ".bib", bibtex(item), "application/x-bibtex");
        else
          save(item.id + ".json", JSON.stringify(item, null, 2) + "\n", "application/vnd.citationstyles.csl+json");
      });
    });
  }

  ready(function () { tooltips(); labelCells(); sortable(); filters(); citations(); });
})();
