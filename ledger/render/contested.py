"""The explainer's "What is contested" section: counts of the same thing told differently by
different texts, side by side; and apart, figures that look comparable but measure something
else (differs_from), each pair with the reason a reader should not set one against the other."""
from __future__ import annotations

from .figures import cluster_block, figure_card
from .html import attrs, esc, headerlink
from .inline import Ctx, figure, prose


def contested_figures(ctx: Ctx) -> list:
    """The indexes of the clusters holding a contest (disputed_by), in ledger order."""
    return [i for i, c in enumerate(ctx.index.clusters) if c.contested]


# Units whose figure words are a bare number, so that the figure's noun follows it ("1,450
# foreigners"); the others already say what they count in ("80 percent", "$8 billion", "tier 3").
BARE_UNITS = ("people", "cases", "locations", "countries", "flights")


def contrast_pairs(ix) -> list:
    """Every differs_from pair once, as (figure id, other figure id, reason), the figure that
    declares it first (its reason is written from that side), in ledger order."""
    out, seen = [], set()
    for fid, f in ix.figures.items():
        for c in f.differs_from:
            key = frozenset((fid, c.figure))
            if c.figure in ix.figures and key not in seen:
                seen.add(key)
                out.append((fid, c.figure, c.reason))
    return out


def with_noun(ctx: Ctx, fid: str) -> str:
    """The figure element, followed by its noun where its words are a bare number."""
    f = ctx.index.figures[fid]
    return figure(ctx, fid, plain=True) + (f" {esc(f.noun)}" if f.unit in BARE_UNITS else "")


def _contrast_block(ctx: Ctx, fid: str, other: str, reason: str) -> str:
    ix = ctx.index
    f, o = ix.figures[fid], ix.figures[other]
    anchor = f"differs-{fid}"
    return (f'<section class="figure-compare figure-differs"{attrs(data_differs="true", aria_labelledby=anchor)}>'
            f'<h4{attrs(id=anchor)}>{with_noun(ctx, fid)} and {with_noun(ctx, other)} {headerlink(anchor)}</h4>'
            f'<p class="relation">{prose(ctx, reason, [f.source, o.source])}</p>'
            f'<div class="figure-cards">{figure_card(ctx, fid)}{figure_card(ctx, other)}</div></section>')


def contested(ctx: Ctx) -> str:
    """True contests side by side, then the different measures readers might confuse."""
    ix = ctx.index
    out = ['<h3 id="told-differently">Told differently by different texts</h3>']
    idx = contested_figures(ctx)
    if idx:
        out.append('<p>Each of these counts the same thing, of the same people, in the same place and period, '
                   'but the texts disagree on the number or on who gives it and where. Both are shown, each with '
                   'its own words and source; neither is chosen.</p>')
        out.extend(cluster_block(ctx, i) for i in idx)
    else:
        out.append('<p class="empty">No figures in the ledger are marked as contested.</p>')
    out.append('<h3 id="different-measures">Different measures, not contests</h3>')
    pairs = contrast_pairs(ix)
    if pairs:
        out.append('<p>These figures are easily set against each other, but each counts something else; the '
                   'reason is given for each pair.</p>')
        out.extend(_contrast_block(ctx, *p) for p in pairs)
    else:
        out.append('<p class="empty">The ledger records no figures that look comparable but measure something else.</p>')
    return "".join(out)
