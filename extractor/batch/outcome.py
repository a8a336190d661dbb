"""What one document leaves behind: its rows for every table, as plain picklable data.

Workers (local processes or Dask) send an :class:`Outcome` back instead of spaCy objects,
so the parent can journal it without the pipeline and the ids stay those a sequential
run gives (they derive from ``doc_id``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import ErrorCode
from ..records import DocResult
from ..sources import SourceDocument

if TYPE_CHECKING:  # the parent of a worker pool journals outcomes but never runs the
    from spacy.tokens import Doc  # pipeline: it need not pay for importing spaCy

log = logging.getLogger(__name__)

RECORD_TABLES = ("claims", "memberships", "rankings")


@dataclass
class Outcome:
    """One document's rows; ``orgs`` holds ``(ods_code, label, mentions, names)`` in first-seen order."""

    document: dict
    claims: list[dict] = field(default_factory=list)
    memberships: list[dict] = field(default_factory=list)
    rankings: list[dict] = field(default_factory=list)
    orgs: list[tuple[str, str, int, list[str]]] = field(default_factory=list)
    text: str = ""

    @property
    def has_records(self) -> bool:
        return bool(self.claims or self.memberships or self.rankings)

    def source_document(self) -> SourceDocument:
        """A text-free stand-in for progress callbacks, which take a :class:`SourceDocument`."""
        row = self.document
        return SourceDocument(doc_id=row["doc_id"], source=row["source"], title=row["title"] or "",
                              published=row["published"] or "", media_type=row["media_type"] or "",
                              status=row["status"], error=row["error"] or "")


def document_row(sd: SourceDocument, framework: str = "", result: DocResult | None = None) -> dict:
    return {
        "doc_id": sd.doc_id, "source": sd.source, "status": sd.status, "error": sd.error,
        "title": sd.title, "published": sd.published, "framework": framework,
        "media_type": sd.media_type, "chars": len(sd.text),
        "claims": len(result.claims) if result else 0,
        "memberships": len(result.memberships) if result else 0,
        "rankings": len(result.rankings) if result else 0,
    }


def failure_outcome(sd: SourceDocument) -> Outcome:
    return Outcome(document=document_row(sd))


def prepare(nlp, sd: SourceDocument) -> Doc:
    """A tokenised Doc carrying the source's metadata, which the components read."""
    doc = nlp.make_doc(sd.text)
    doc._.source, doc._.title, doc._.published, doc._.doc_id = sd.source, sd.title, sd.published, sd.doc_id
    doc._.url = sd.url
    return doc


def finish(sd: SourceDocument, doc: Doc) -> Outcome:
    """Build the records of a processed Doc; a crash costs this document only."""
    from ..reading import is_relevant, read_doc

    try:
        result = read_doc(doc)
        if not sd.published and doc._.published:
            sd.published = doc._.published
        if not is_relevant(doc, result):
            sd.status, sd.error = "skipped", ErrorCode.IRRELEVANT.message()
        return _outcome(sd, doc, result)
    except Exception as exc:  # one bad document must not stop the batch
        log.exception("record building crashed on %s", sd.source)
        sd.status, sd.error = "failed", ErrorCode.CRASHED.message(repr(exc))
        return failure_outcome(sd)


def process_one(nlp, sd: SourceDocument) -> Outcome:
    """Run one readable document through ``nlp``; failures and skips pass straight through."""
    if sd.status != "ok":
        return failure_outcome(sd)
    try:
        doc = nlp(prepare(nlp, sd))
    except Exception as exc:  # a component bug must cost one document, not the batch
        log.exception("the pipeline crashed on %s", sd.source)
        sd.status, sd.error = "failed", ErrorCode.CRASHED.message(repr(exc))
        return failure_outcome(sd)
    return finish(sd, doc)


def _outcome(sd: SourceDocument, doc: Doc, result: DocResult) -> Outcome:
    for n, claim in enumerate(result.claims, 1):
        claim.doc_id, claim.claim_id = sd.doc_id, f"{sd.doc_id}-c{n}"
    for n, member in enumerate(result.memberships, 1):
        member.doc_id, member.membership_id = sd.doc_id, f"{sd.doc_id}-m{n}"
    for n, rank in enumerate(result.rankings, 1):
        rank.doc_id, rank.ranking_id = sd.doc_id, f"{sd.doc_id}-r{n}"
    return Outcome(document=document_row(sd, result.framework, result),
                   claims=[c.to_row() for c in result.claims],
                   memberships=[m.to_row() for m in result.memberships],
                   rankings=[r.to_row() for r in result.rankings],
                   orgs=_org_mentions(doc), text=sd.text)


def _org_mentions(doc: Doc) -> list[tuple[str, str, int, list[str]]]:
    """Resolved organisation mentions, counted per (code, label) in the order first seen."""
    seen: dict[tuple[str, str], list] = {}
    for span in doc.spans.get("orgs", []):
        if span.id_:
            entry = seen.setdefault((span.id_, span.label_), [0, []])
            entry[0] += 1
            if span.text not in entry[1]:
                entry[1].append(span.text)
    return [(code, label, n, names) for (code, label), (n, names) in seen.items()]
