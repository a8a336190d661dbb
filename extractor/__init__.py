"""extractor: read what is published about NHS England oversight segments and turn it into
an audited dataset.

Main flow (``runner.extract``), one folder a step: ``sources`` read files, folders and
archives into text → ``pipeline`` (spaCy rule components) marks quantities, segments,
populations and organisations → ``reading`` turns the marks into records: count claims
(``reading.claims``), memberships (``reading.memberships``, ``reading.groups``,
``reading.tables``, ``reading.lists``), rankings (``reading.rankings``) and linked names
(``reading.linking``), each with the period its words describe (``reading.periods``) and
any reason to doubt a claim (``reading.doubts``) → ``reconcile`` checks and reconciles them
and follows each organisation through the periods (``reconcile.timeline``) → ``results``
writes the tables (``export.sqlite`` the one-file database), ``report`` the audit page.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["ExtractOptions", "ExtractionResult", "__version__", "build_pipeline", "extract", "extract_to"]


def __getattr__(name: str):
    """Import lazily so ``import extractor`` (and ``--help``) stays fast."""
    if name in ("extract", "extract_to", "ExtractOptions"):
        from . import runner

        return getattr(runner, name)
    if name == "ExtractionResult":
        from .results import ExtractionResult

        return ExtractionResult
    if name == "build_pipeline":
        from .pipeline import build_pipeline

        return build_pipeline
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
