"""The organisation linker's short cuts must answer as the full scans they replace: the
names an anaphor may take up are looked for only among those starting after its earliest
sentence, and a self-reference's exact-case words are checked by word id."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.gazetteer import HINT_GROUPS

CORPUS = sorted((Path(__file__).resolve().parents[2] / "corpora").glob("*.txt"))[:25]
FITS = ("any", "trust", "icb", "ambulance")


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    return [nlp(path.read_text(encoding="utf-8")) for path in CORPUS]


def _codes_named_before(doc: Doc, idx: int, fits: str) -> set[str]:
    """Codes of the names of kind ``fits`` lying in the sentence of ``idx`` or the two
    before (only those in its paragraph when it names some), found by scanning every name,
    spaCy's own sentences and the text's blank lines."""
    sents = list(doc.sents)
    k = next(j for j, s in enumerate(sents) if s.start <= idx < s.end)
    lo = sents[max(0, k - 2)].start
    kinds = HINT_GROUPS.get(fits)
    found = [s for s in doc.spans["orgs"] if lo <= s.start and s.end <= idx and s.id_
             and (kinds is None or s.label_ in kinds)]
    para = doc.text.rfind("\n\n", 0, doc[idx].idx)
    own = [s for s in found if para >= 0 and s.start_char >= para + 2]
    return {s.id_ for s in (own or found)}


def test_an_anaphor_takes_up_what_a_scan_of_every_name_finds(nlp: Language, docs: list[Doc]) -> None:
    linker = nlp.get_pipe("orgs")
    checked = 0
    for doc in docs:
        named = list(doc.spans["orgs"])
        starts = [s.start for s in named]
        for idx in range(0, len(doc), 7):
            for fits in FITS:
                link = linker._antecedent(doc, named, starts, idx, fits)
                codes = _codes_named_before(doc, idx, fits)
                assert (link.code if link else None) == (codes.pop() if len(codes) == 1 else None)
                checked += link is not None
    assert checked > 50


def test_exact_case_words_are_checked_as_the_tokens_say(nlp: Language, docs: list[Doc]) -> None:
    linker = nlp.get_pipe("orgs")
    seen = 0
    for doc in docs:
        for k, start, end in linker._matches(doc)[1]:
            rule, exact = linker._self_rules[k], linker._exact[k]
            by_tokens = any("TEXT" in spec and spec["TEXT"] != token.text
                            for spec, token in zip(rule["pattern"], doc[start:end], strict=True))
            assert any(doc[start + k].text != word for k, word in exact) == by_tokens
            seen += bool(exact)
    assert seen > 10
