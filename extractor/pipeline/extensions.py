"""Custom attributes the pipeline reads and writes, registered once.

Document metadata (``source``, ``title``, ``published``) is set by the runner from the
source layer; ``framework`` and ``period`` are set by the framework component. Values of
matched spans are getters, so they are computed from the span's words when asked and
never go stale or need serialising.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_ATTRS = {"source": "", "title": "", "published": "", "doc_id": "", "framework": "", "period": ""}


def register_extensions() -> None:
    """Register every extension the package uses (idempotent, never ``force=True``)."""
    for name, default in DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    from .quantities import quantity_of
    from .segments import segments_of

    if not Span.has_extension("quantity"):
        Span.set_extension("quantity", getter=quantity_of)
    if not Span.has_extension("segments"):
        Span.set_extension("segments", getter=segments_of)


def doc_text(doc: Doc) -> str:
    """``doc.text`` joins every token on each access; record builders read it often, so the
    string is made once per document."""
    key = "extractor.text"
    text = doc.user_data.get(key)
    if text is None:
        text = doc.user_data[key] = doc.text
    return text
