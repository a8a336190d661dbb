"""Imported by the workers' fork server (:data:`.pool.PRELOAD`) and by nothing else: its
import builds the pipeline and puts one short page through the whole worker path, so every
worker forked from the server starts with all of it in memory.

A worker that built its own pipeline spent about 0.4 s of CPU on that and 0.5 s more on
its first document, where the linker compiles its automaton, the gazetteer loads and the
pre-filter compiles its patterns (measured on the archive of ``benchmarks/``): every
worker of a run paid it at once, on the same cores as the run. The server now pays it
once, while the parent is still importing its own modules.

A fork server stops at the first error of a module it preloads other than an
``ImportError``, so nothing here may raise: if warming fails, each worker builds its
pipeline itself, as before, and reports what went wrong there.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)

# Written for this module: one of each thing the pipeline and the readers look for.
_PAGE = b"""<html><head><title>Oversight segments</title></head><body><main><article>
<h1>Oversight segments</h1><p>Published 9 September 2025</p>
<p>Frimley Health NHS Foundation Trust has moved up to segment 2 of the NHS Oversight
Framework. Nine of the 42 ICBs (21%) sit in segment 2, and 31 of the 134 acute trusts were
placed in segment 4. We are ranked 40th of 134.</p>
<ul><li>Frimley ICB</li><li>Kent and Medway ICB</li></ul>
<table><tr><th>Organisation</th><th>Segment</th></tr><tr><td>Frimley ICB</td><td>1</td></tr></table>
</article></main></body></html>"""


def warm_up() -> bool:
    """Build the shared pipeline and run one page through the reader and the pipeline;
    then keep all of it out of the collector's full passes. Whether it worked."""
    try:
        from ..pipeline import shared_pipeline
        from ..sources import SourceDocument
        from ..sources.html import read_html
        from ..sources.relevance import maybe_relevant, names_oversight
        from .outcome import process_one

        text, title, published, _ = read_html(_PAGE, "utf-8")
        maybe_relevant(_PAGE)
        names_oversight(f"{title}\n{text}")
        page = SourceDocument(doc_id="warm-up", source="warm-up", text=text, title=title,
                              published=published, media_type="text/html")
        outcome = process_one(shared_pipeline(), page)
        if outcome.document.get("status") != "ok":
            log.debug("the fork server's warm-up page came back %s", outcome.document)
            return False
    except Exception:  # see the module's docstring: the workers will say what is wrong
        log.debug("the fork server could not warm the pipeline up", exc_info=True)
        return False
    finally:
        gc.collect()
        gc.freeze()
    return True


warm_up()
