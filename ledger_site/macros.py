"""The macros each page may call, by name: name -> (renderer, is it a block?).  Each renderer is a
pure function of ledger.render taking the page's render context first; ledger_site/wiring.py
wraps each as a macro returning a placeholder, and adds the one that reads mkdocs' own config
(dataset_jsonld)."""
from __future__ import annotations

from ledger.render import (
    actors,
    charts,
    chronology,
    contested,
    corrections,
    coverage,
    deportchart,
    explainer,
    feed,
    figures,
    html,
    inline,
    method,
    reference,
    sources,
    whatsnew,
)

RENDERERS = {
    # inline
    "fig": (inline.figure, False),
    "date": (lambda ctx, text: inline.date(text), False),
    "ledger_span": (explainer.ledger_span, False),
    "event_kinds": (explainer.event_kinds_overview, False),
    "feed_link": (lambda ctx, text="Atom feed": f'<a{html.attrs(href=ctx.links.file(feed.FEED_PATH), type="application/atom+xml")}>{html.esc(text)}</a>', False),
    # blocks
    "chronology_index": (chronology.chronology_index, True),
    "chronology_year": (chronology.chronology_year, True),
    "actors_page": (actors.actors_page, True),
    "figures_table": (figures.figures_table, True),
    "figures_compare": (figures.figures_compare, True),
    "contested": (contested.contested, True),
    "sources_page": (sources.sources_page, True),
    "whats_new": (whatsnew.whats_new, True),
    "corrections_page": (corrections.corrections_page, True),
    "story_lead": (explainer.story_lead, True),
    "scale_overview": (explainer.scale_overview, True),
    "actors_overview": (explainer.actors_overview, True),
    "recent_events": (explainer.recent_events, True),
    "date_examples": (method.date_examples, True),
    "bound_examples": (method.bound_examples, True),
    "schema_reference": (reference.schema_reference, True),
    "skeleton": (reference.skeleton, True),
    "downloads": (method.downloads, True),
    "sources_register": (method.sources_register, True),
    "licence": (method.licence_statement, True),
    "problem_codes": (reference.problem_codes, True),
    "deportations_chart": (deportchart.deportations_chart, True),
    "deportations_not_drawn": (deportchart.deportations_not_drawn, True),
    "counted_chart": (charts.counted_chart, True),
    "coverage_limits": (coverage.coverage_limits, True),
    "leads_list": (coverage.leads_list, True),
}
