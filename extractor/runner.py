"""Run documents through the pipeline and collect the tables.

Every document given comes back in ``documents``: read failures from the source layer,
pipeline crashes and documents spaCy did not return are all rows with a coded error.
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from spacy.language import Language

from .errors import ErrorCode
from .pipeline import shared_pipeline
from .reading import is_relevant, read_doc
from .records import DocResult
from .results import ExtractionResult
from .schema import CHECKS, CLAIMS, DATASET, DOCUMENTS, MEMBERSHIPS, RANKINGS
from .sources import DEFAULT_MAX_BYTES, SourceDocument, iter_documents

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExtractOptions:
    """Settings of one run; defaults suit a laptop and the bundled corpora."""

    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 16
    reconcile: bool = True


class Collector:
    """Accumulates rows per table and assigns ids unique within the run."""

    def __init__(self) -> None:
        self.documents: list[dict] = []
        self.claims: list[dict] = []
        self.memberships: list[dict] = []
        self.rankings: list[dict] = []
        self.texts: dict[str, str] = {}
        self.org_mentions: Counter[tuple[str, str, str]] = Counter()
        self.org_names: dict[str, set[str]] = {}

    def add_failure(self, sd: SourceDocument) -> None:
        self.documents.append(_doc_row(sd, "", None))

    def add(self, sd: SourceDocument, result: DocResult, relevant: bool) -> None:
        if not relevant:
            sd.status, sd.error = "skipped", ErrorCode.IRRELEVANT.message()
        self.documents.append(_doc_row(sd, result.framework, result))
        self.texts[sd.doc_id] = sd.text
        for n, claim in enumerate(result.claims, 1):
            claim.doc_id, claim.claim_id = sd.doc_id, f"{sd.doc_id}-c{n}"
        for n, member in enumerate(result.memberships, 1):
            member.doc_id, member.membership_id = sd.doc_id, f"{sd.doc_id}-m{n}"
        for n, rank in enumerate(result.rankings, 1):
            rank.doc_id, rank.ranking_id = sd.doc_id, f"{sd.doc_id}-r{n}"
        self.claims.extend(c.to_row() for c in result.claims)
        self.memberships.extend(m.to_row() for m in result.memberships)
        self.rankings.extend(r.to_row() for r in result.rankings)


    def count_orgs(self, doc) -> None:
        for span in doc.spans.get("orgs", []):
            if span.id_:
                self.org_mentions[(span.id_, span.label_, doc._.doc_id)] += 1
                self.org_names.setdefault(span.id_, set()).add(span.text)


def _doc_row(sd: SourceDocument, framework: str, result: DocResult | None) -> dict:
    return {
        "doc_id": sd.doc_id, "source": sd.source, "status": sd.status, "error": sd.error,
        "title": sd.title, "published": sd.published, "framework": framework,
        "media_type": sd.media_type, "chars": len(sd.text),
        "claims": len(result.claims) if result else 0,
        "memberships": len(result.memberships) if result else 0,
        "rankings": len(result.rankings) if result else 0,
    }


def process(sources: Iterable[SourceDocument], nlp: Language | None = None, batch_size: int = 16,
            on_document: Callable[[SourceDocument], None] | None = None) -> Collector:
    """Run every readable document through ``nlp``; never lose one."""
    nlp = nlp or shared_pipeline()
    out = Collector()
    pending: dict[int, SourceDocument] = {}
    keys = itertools.count()

    def contexts() -> Iterator[tuple]:
        for sd in sources:
            if sd.status != "ok":
                out.add_failure(sd)
                if on_document:
                    on_document(sd)
                continue
            key = next(keys)
            pending[key] = sd
            doc = nlp.make_doc(sd.text)
            doc._.source, doc._.title, doc._.published, doc._.doc_id = sd.source, sd.title, sd.published, sd.doc_id
            yield doc, key

    for doc, key in nlp.pipe(contexts(), as_tuples=True, batch_size=batch_size):
        sd = pending.pop(key)
        try:
            result = read_doc(doc)
            if not sd.published and doc._.published:
                sd.published = doc._.published
            out.add(sd, result, is_relevant(doc, result))
            out.count_orgs(doc)
        except Exception as exc:  # one bad document must not stop the batch
            log.exception("record building crashed on %s", sd.source)
            sd.status, sd.error = "failed", ErrorCode.CRASHED.message(repr(exc))
            out.add_failure(sd)
        if on_document:
            on_document(sd)
    for sd in pending.values():
        sd.status, sd.error = "failed", ErrorCode.LOST.message()
        out.add_failure(sd)
    return out


def extract(paths: Iterable[str | Path], options: ExtractOptions | None = None,
            on_document: Callable[[SourceDocument], None] | None = None) -> ExtractionResult:
    """Read ``paths`` (files, folders, archives) and return every table of the contract."""
    options = options or ExtractOptions()
    collected = process(iter_documents(paths, max_bytes=options.max_bytes), batch_size=options.batch_size,
                        on_document=on_document)
    documents = DOCUMENTS.frame(collected.documents)
    claims = CLAIMS.frame(collected.claims)
    memberships = MEMBERSHIPS.frame(collected.memberships)
    rankings = RANKINGS.frame(collected.rankings)
    checks, dataset = CHECKS.empty(), DATASET.empty()
    if options.reconcile:
        checks, dataset = _reconcile(documents, claims, memberships, rankings)
    return ExtractionResult(documents=documents, claims=claims, memberships=memberships, rankings=rankings,
                            checks=checks, dataset=dataset, organisations=_organisations(collected),
                            texts=collected.texts)


def _reconcile(documents: pd.DataFrame, claims: pd.DataFrame, memberships: pd.DataFrame,
               rankings: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    from .reconcile import load_official, reconcile

    return reconcile(documents, claims, memberships, rankings, official=load_official())


def _organisations(collected: Collector) -> pd.DataFrame:
    """Every organisation the linker resolved in the run, with mention and document counts."""
    from .gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    totals: dict[str, list] = {}
    for (code, org_type, doc_id), n in collected.org_mentions.items():
        row = totals.setdefault(code, [org_type, 0, set()])
        row[1] += n
        row[2].add(doc_id)
    rows = []
    for code, (org_type, mentions, docs) in sorted(totals.items()):
        org = gazetteer.get(code)
        rows.append({"ods_code": code, "canonical_name": org.name if org else "", "org_type": org_type,
                     "mentions": mentions, "documents": len(docs),
                     "names": ";".join(sorted(collected.org_names.get(code, ())))})
    return pd.DataFrame(rows, columns=["ods_code", "canonical_name", "org_type", "mentions", "documents", "names"])
