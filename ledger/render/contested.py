"""The explainer's "What is contested" section: counts of the same thing told differently by
different texts, side by side; and apart, figures that look comparable but measure something
else (differs_from), each pair with the reason a reader should not set one against the other."""
from __future__ import annotations

from .figures import cluster_block, contrasts, figure_card
from .html import attrs, esc, headerlink
from .inline import Ctx, figure, prose


def contested_figures(ctx: Ctx) -> list:
    """The indexes of the clusters holding a contest (disputed_by), in ledger order."""
    return [i for i, c in enumerate(ctx.index.clusters) if c.contested]


def contrast_pairs(ix) -> list:
    """Every differs_from pair once, as (figure id, other figure id, reason), in ledger order."""
    out, seen = [], set()
    for fid in ix.figures:
        for other, reason in contrasts(ix, fid):
            key = frozenset((fid, other))
            if key not in seen:
                seen.add(key)
                out.append((fid, other, reason))
    return out


def _contrast_block(ctx: Ctx, fid: str, other: str, reason: str) -> str:
    ix = ctx.index
    f, o = ix.figures[fid], ix.figures[other]
    anchor = f"differs-{fid}"
    return (f'<section class="figure-compare figure-differs"{attrs(data_differs="true", aria_labelledby=anchor)}>'
            f'<h4{attrs(id=anchor)}>{figure(ctx, fid, plain=True)} {esc(f.noun)} and {figure(ctx, other, plain=True)} '
            f'{esc(o.noun)} {headerlink(anchor)}</h4>'
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
