"""``read_claims`` sends a sentence without quantity groups straight to the step that carries
state over to the next sentence, and a sentence without any span but organisation names
(found by one look-up in the set of sentences holding one) to a shorter form of that step.
These tests state that promise: with the shortcuts turned off (every sentence through every
step), the same claims and memberships come out."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import extractor.reading.claims as claims
from extractor.pipeline.extensions import sentences
from extractor.reading import read_tables
from extractor.records import DocResult


class _AlwaysTrue(list):
    """A list of groups that says it is not empty, so ``read_claims`` takes its full path."""

    def __bool__(self) -> bool:
        return True


def _records(nlp: Language, text: str) -> tuple[str, str]:
    doc = nlp(text)
    result = DocResult(framework=doc._.framework, period=doc._.period)
    claims.read_claims(doc, result, skip=read_tables(doc, DocResult()))
    return repr(result.claims), repr(result.memberships)


def _ungated(monkeypatch: pytest.MonkeyPatch) -> None:
    grouped = claims.group_quantities
    monkeypatch.setattr(claims, "group_quantities", lambda reader: _AlwaysTrue(grouped(reader)))
    monkeypatch.setattr(claims, "_holding", lambda doc: {sent.start for sent in sentences(doc)})


_TEXTS = [
    "There are 42 ICBs. None of them is in segment 4. They are listed below.",
    "In the Midlands, 12 trusts are in segment 3. The region has no ambulance trust in segment 4.",
    "Segment 1: 34 trusts (17%) – 14 acute, 20 non-acute and no ambulance trusts. The rest are in segment 2.",
    "Five trusts moved into segment 4 this year. They are Alpha Hospitals NHS Foundation Trust and Beta NHS Trust.",
    "Our system was placed in segment 2. The only local trust in segment 1 is Gamma NHS Trust. We welcome this.",
    "Of the 19 trusts in segment 4, 13 are acute. Two of the others are ambulance trusts. Nobody expected that.",
    "Since 2013, 40 trusts have been in special measures. Some left. Of the 22 trusts put in it, 14 remain in it.",
    "Two trusts are in segment 4. They are Alpha Hospitals and Beta Care. Three trusts are in segment 3.",
    "Four ICBs are in segment 4. They are Kent and Medway ICB and Frimley ICB. We noted this. Three are in segment 3.",
    "Two trusts are in segment 4. Alpha NHS Trust met Beta NHS Trust. These are Gamma NHS Trust and Delta NHS Trust.",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_gate_keeps_records(nlp: Language, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    gated = _records(nlp, text)
    _ungated(monkeypatch)
    assert _records(nlp, text) == gated


def test_gate_keeps_corpus_records(nlp: Language, repo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((repo_dir / "corpora").glob("*.txt"))]
    assert texts
    gated = [_records(nlp, text) for text in texts]
    _ungated(monkeypatch)
    assert [_records(nlp, text) for text in texts] == gated
