/* Citations of figures, written for this project (no third-party code), MIT-style use permitted.
 * Each row of a figures table (table[data-cite-site]) gets a "Cite" disclosure; opened, it shows
 * the figure's citation, built from what the row shows (its figure, what it counts, its source's
 * outlet, headline and date, its quote: ledger/render/figures.py figures_table), the row's id
 * (fig-FIGURE-ID) and data-issued and the table's data-cite-site and data-cite-base, the same text
 * as ledger/render/cite.py's plain(); its "Save as" buttons save the CSL-JSON item or BibTeX entry
 * (cite.py's csl() and bibtex()) as FIGURE-ID.json or FIGURE-ID.bib.
 * No network access, no dependencies. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

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

  ready(citations);
})();
