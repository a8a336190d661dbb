"""From one processed spaCy ``Doc`` to its records: claims, memberships, rankings, links.

This is the only place that knows the order of the record builders; each builder adds to
the same :class:`~extractor.records.DocResult`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..pipeline.extensions import doc_text
from ..records import DocResult
from .claims import read_claims
from .groups import read_collective_statements
from .linking import link_records
from .memberships import merge_moves, read_list_sentences, read_statements
from .rankings import consolidate, read_rankings
from .tables import read_tables


def read_doc(doc: Doc) -> DocResult:
    """Every claim, membership and ranking stated in ``doc``, linked to organisations."""
    result = DocResult(framework=doc._.framework, period=doc._.period)
    consumed = read_tables(doc, result)
    read_claims(doc, result, skip=consumed)
    read_statements(doc, result, skip=consumed)
    read_list_sentences(doc, result, skip=consumed)
    read_collective_statements(doc, result, skip=consumed)
    result.memberships = merge_moves(result.memberships)
    read_rankings(doc, result)
    link_records(doc, result)
    result.rankings = consolidate(result.rankings)
    return result


def is_relevant(doc: Doc, result: DocResult) -> bool:
    """A document is about oversight when it yields a record, names a segment or states a
    position in the league tables."""
    if result.claims or result.memberships or result.rankings:
        return True
    if any(s.label_ == "RANK" for s in doc.spans.get("ranks", [])) and "league table" in doc_text(doc).lower():
        return True
    return bool(doc.spans.get("segments")) and any(
        s._.segments and not s.id_.startswith("desc:") for s in doc.spans["segments"])
