"""Claims take cheap pre-tests before dearer ones and read traps from their own one-pass
list. These tests state what each promises, on every document of ``corpora/`` and a few
sentences of their own: the pre-test fails only where the test it guards would say no, and
the traps found are those ``traps_in`` finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import extractor.reading.claims as claims
import extractor.reading.claims.members as members
from extractor.pipeline.extensions import sentences
from extractor.pipeline.traps import traps_in
from extractor.reading import read_tables
from extractor.reading.claims.sentence import (
    _HYPHENS,
    _SCALE_VERBS,
    SentenceReader,
    _hyphened_unit,
    _scale_point,
    lower_at,
    trapped,
)
from extractor.records import DocResult

_OWN = [
    "Segments run from 1 to 4, where 1 is best and 4 is worst. The four-tier scale has 12 trusts in segment 2.",
    "Five ICBs are in segment 4: Devon, Kent and Medway, and Frimley. Two trusts are in segment 3 at 10:30 today.",
    "The number of trusts in special measures went up from 11 in 2014 to 19 by May 2019.",
    "Since 2013, 40 trusts have entered special measures; about 15 trusts are expected to enter segment 5.",
]


@pytest.fixture(scope="module")
def docs(nlp: Language, repo_dir: Path) -> list[Doc]:
    texts = [*_OWN, *(p.read_text(encoding="utf-8") for p in sorted((repo_dir / "corpora").glob("*.txt")))]
    return list(nlp.pipe(texts))


def _readers(doc: Doc) -> list[SentenceReader]:
    return [SentenceReader(doc, sent) for sent in sentences(doc)]


def test_traps_are_those_traps_in_finds(docs: list[Doc]) -> None:
    for doc in docs:
        for sent in sentences(doc):
            for label in ("NOT_COUNT", "HISTORY", "HEDGE", "SINCE", "ENTRY"):
                for start, end in ((sent.start, sent.end), (sent.start, sent.start + 3), (sent.end - 2, sent.end)):
                    assert trapped(doc, label, start, end) == bool(traps_in(doc, label, start, end))


def test_count_pre_tests_fail_only_where_their_test_says_no(docs: list[Doc]) -> None:
    for doc in docs:
        for reader in _readers(doc):
            for q in reader.quantities:
                prev, nxt = lower_at(doc, q.start - 1), lower_at(doc, q.end)
                if not (prev == "from" or nxt in _SCALE_VERBS):
                    assert not _scale_point(doc, q, prev, nxt, reader.sent.end)
                if nxt not in _HYPHENS:
                    assert not _hyphened_unit(doc, q)
                if prev != "to":
                    assert reader.trend_subject(q) is None


def _records(docs: list[Doc]) -> list[tuple[str, str]]:
    out = []
    for doc in docs:
        result = DocResult(framework=doc._.framework, period=doc._.period)
        claims.read_claims(doc, result, skip=read_tables(doc, DocResult()))
        out.append((repr(result.claims), repr(result.memberships)))
    return out


def test_colon_list_reads_the_same_without_its_text_test(docs: list[Doc], monkeypatch: pytest.MonkeyPatch) -> None:
    gated = _records(docs)
    monkeypatch.setattr(members, "text_of", lambda doc, start, end: ":")
    assert _records(docs) == gated
