"""From one processed spaCy ``Doc`` to its records: claims, memberships, rankings, links.

This is the only place that knows the order of the record builders; each builder adds to
the same :class:`~extractor.records.DocResult`. Once every record is built, each takes the
period its own words describe (``periods``) and each claim any reason to doubt it (``doubts``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..pipeline.extensions import doc_text, doc_value
from ..pipeline.segments import is_domain_segment, segments_of
from ..records import DocResult
from .claims import read_claims
from .doubts import mark_doubts
from .eras import settle_eras
from .groups import read_collective_statements
from .linking import drop_named_twice, link_records
from .memberships import merge_moves, read_list_sentences, read_statements
from .periods import assign_periods
from .rank_words import names_the_rankings
from .rankings import consolidate, drop_held_positions, read_rankings
from .tables import read_tables


def read_doc(doc: Doc) -> DocResult:
    """Every claim, membership and ranking stated in ``doc``, linked to organisations."""
    result = DocResult(framework=doc_value(doc, "framework"), period=doc_value(doc, "period"))
    consumed = read_tables(doc, result)
    read_claims(doc, result, skip=consumed)
    read_statements(doc, result, skip=consumed)
    read_list_sentences(doc, result, skip=consumed)
    read_collective_statements(doc, result, skip=consumed)
    result.memberships = merge_moves(result.memberships)
    read_rankings(doc, result)
    link_records(doc, result)
    drop_named_twice(result)
    result.rankings = consolidate(result.rankings)
    assign_periods(doc, result)
    settle_eras(result)
    result.rankings = drop_held_positions(result.rankings)
    mark_doubts(doc, result)
    return result


def is_relevant(doc: Doc, result: DocResult) -> bool:
    """A document is about oversight when it yields a record, names a segment in any of its
    forms ("segment 4", "NOF4", "special measures", "the Recovery Support Programme"; not
    financial special measures, which the traps component has already removed), or ranks
    or names organisations beside a league table, whether or not the rules could read a record."""
    if result.claims or result.memberships or result.rankings:
        return True
    if any(segments_of(s) and not is_domain_segment(s) for s in doc.spans.get("segments", [])):
        return True
    ranked = bool(doc.spans.get("orgs")) or (bool(doc.spans.get("ranks")) and bool(doc.spans.get("populations")))
    return ranked and (_LEAGUE.search(doc_text(doc)) is not None or names_the_rankings(doc_text(doc)))


# not a sports league's table ('the Premier League table')
_LEAGUE = re.compile(r"(?i)(?<!premier )(?<!champions )(?<!football )\bleague\s+tables?\b")
