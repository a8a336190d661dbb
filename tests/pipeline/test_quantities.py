"""``extractor_quantities`` on real phrasings: which span it marks and what it is worth.

Each phrase is put in a short sentence built by the shared pipeline, so tokenisation,
the share phrase list and the token patterns are all exercised together.
"""

from __future__ import annotations

import itertools

import pytest
from spacy.language import Language
from spacy.tokens import Span

from extractor.pipeline.quantities import Quantity, quantity_of, share_patterns


def quantities(nlp: Language, text: str) -> list[Span]:
    """The quantity spans of ``text`` (each Span keeps its Doc alive, the SpanGroup does not)."""
    doc = nlp(text)
    return [doc[s.start:s.end] for s in doc.spans["quantities"]]


def labelled(nlp: Language, text: str) -> list[tuple[str, str, Quantity | None]]:
    doc = nlp(text)
    return [(s.text, s.label_, s._.quantity) for s in doc.spans["quantities"]]


# (sentence, the words of the quantity, kind, value, total)
READ = [
    ("The trust treated 1,234 patients.", "1,234", "CARD", 1234, None),
    ("There are 42 integrated care boards.", "42", "CARD", 42, None),
    ("Only 209 trusts were assessed.", "209", "CARD", 209, None),
    ("One hundred and six trusts were rated.", "One hundred and six", "CARD", 106, None),
    ("a hundred trusts were rated", "a hundred", "CARD", 100, None),
    ("Twenty-three systems fell into segment 3.", "Twenty-three", "CARD", 23, None),
    ("forty two trusts improved", "forty two", "CARD", 42, None),
    ("A dozen trusts moved up.", "A dozen", "CARD", 12, None),
    ("None of the ambulance trusts were in segment 4.", "None", "CARD", 0, None),
    ("Only one ICS is in Segment 1.", "one", "CARD", 1, None),
    ("Just one trust in the region left.", "one", "CARD", 1, None),
    ("A further 20 trusts were in segment 3.", "20", "CARD", 20, None),
    ("a single trust made it", "a single", "CARD", 1, None),
    ("a couple of trusts slipped back", "a couple of", "CARD", 2, None),
    ("Not a single ICB was in segment 1.", "Not a single", "CARD", 0, None),
    ("Four ICSs were rated in segment 4.", "Four", "CARD", 4, None),
    ("36% of trusts were in segment 2.", "36%", "PERCENT", 36, None),
    ("28 per cent of trusts are in segment 3.", "28 per cent", "PERCENT", 28, None),
    ("40pc of trusts are in segment 2.", "40pc", "PERCENT", 40, None),
    ("17 percent of providers are in segment 1.", "17 percent", "PERCENT", 17, None),
    ("12.5% of systems", "12.5%", "PERCENT", 12.5, None),
    ("Over half (11/19) of the trusts", "11/19", "RATIO", 11, 19),
    ("nine in 10 trusts are in the bottom two segments", "nine in 10", "RATIO", 9, 10),
    ("one in four trusts is in segment 3", "one in four", "RATIO", 1, 4),
    ("three in five acute trusts", "three in five", "RATIO", 3, 5),
    ("two-thirds of trusts", "two-thirds", "SHARE", None, None),
    ("two thirds of trusts", "two thirds", "SHARE", None, None),
    ("More than half of the 42 ICSs", "More than half", "SHARE", None, None),
    ("just over a third of trusts", "just over a third", "SHARE", None, None),
    ("nearly half of all trusts", "nearly half", "SHARE", None, None),
    ("the vast majority of trusts", "the vast majority", "SHARE", None, None),
    ("a quarter of acute trusts", "a quarter", "SHARE", None, None),
    ("three-quarters of systems", "three-quarters", "SHARE", None, None),
    ("more than a fifth of trusts", "more than a fifth", "SHARE", None, None),
]


@pytest.mark.parametrize(("text", "phrase", "kind", "value", "total"), READ)
def test_quantity_read(nlp: Language, text: str, phrase: str, kind: str, value, total) -> None:
    doc = nlp(text)
    start = text.index(phrase)
    spans = [s for s in doc.spans["quantities"] if s.start_char == start]
    assert spans, [(s.text, s.label_) for s in doc.spans["quantities"]]
    span = spans[0]
    assert span.text == phrase
    qty = span._.quantity
    assert qty is not None and qty.kind == kind
    if kind == "SHARE":
        # the phrase list's spelling is kept: "two thirds" and "two-thirds" are one entry
        assert qty.text.replace("-", " ") == phrase.lower().replace("-", " ")
    else:
        assert qty.value == value
        assert qty.total == total


@pytest.mark.parametrize(("text", "count"), [
    ("Only one ICS is in Segment 1.", 1),
    ("11/19 trusts", 11),
    ("None of the ambulance trusts", 0),
    ("nine in 10 trusts", 9),
])
def test_quantity_count(nlp: Language, text: str, count: int) -> None:
    counts = [qty.count for _, _, qty in labelled(nlp, text)]
    assert count in counts


def test_share_and_percent_have_no_count(nlp: Language) -> None:
    found = labelled(nlp, "More than half and 36% of trusts")
    assert [label for _, label, _ in found] == ["SHARE", "PERCENT"]
    assert all(qty.count is None for _, _, qty in found)


# Numbers that are not counts of anything the contract wants.
NOT_READ = [
    ("The board met on 21/10/2016.", "21/10/2016"),
    ("Plans for 2025/26 were approved.", "2025/26"),
    ("In Q3 2023/24 the figures changed.", "2023/24"),
    ("It reported a £3.4 million deficit.", "£3.4 million"),
    ("Published 3 March 2024", "3 March 2024"),
]


@pytest.mark.parametrize(("text", "phrase"), NOT_READ)
def test_not_read_as_ratio_or_percent(nlp: Language, text: str, phrase: str) -> None:
    start = text.index(phrase)
    end = start + len(phrase)
    for span in quantities(nlp, text):
        if span.start_char < end and start < span.end_char:
            assert span.label_ not in {"RATIO", "PERCENT", "SHARE"}, span.text


def test_year_slash_is_not_a_ratio(nlp: Language) -> None:
    doc = nlp("In 2025/26 the segments changed.")
    assert not [s for s in doc.spans["quantities"] if s.label_ == "RATIO"]


def test_ratio_bigger_part_is_no_quantity(nlp: Language) -> None:
    doc = nlp.make_doc("19/11")
    assert quantity_of(Span(doc, 0, len(doc), label="RATIO")) is None


def test_unknown_label_is_no_quantity(nlp: Language) -> None:
    doc = nlp.make_doc("36%")
    assert quantity_of(Span(doc, 0, len(doc), label="MONEY")) is None


def test_share_patterns_cover_hyphen_variants() -> None:
    phrases = {p["pattern"] for p in share_patterns()}
    assert {"two-thirds", "two thirds", "more than half", "more-than-half"} <= phrases
    assert all(p["label"] == "SHARE" and p["id"] for p in share_patterns())


def test_running_twice_does_not_duplicate(nlp: Language) -> None:
    doc = nlp("40% (84) of trusts are in segment 2.")
    before = [(s.start, s.end, s.label_) for s in doc.spans["quantities"]]
    doc = nlp.get_pipe("quantities")(doc)
    assert [(s.start, s.end, s.label_) for s in doc.spans["quantities"]] == before


def test_spans_do_not_overlap(nlp: Language) -> None:
    found = quantities(nlp, "more than half (23) of the 42 ICSs and nine in 10 trusts")
    spans = sorted(found, key=lambda s: s.start)
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start


@pytest.mark.parametrize(("text", "label", "span_id"), [
    ("36%", "PERCENT", ""), ("1,200", "CARD", ""), ("nine in 10", "RATIO", ""), ("Two-Thirds", "SHARE", ""),
    ("two thirds", "SHARE", "two-thirds"), ("a dozen", "CARD", ""), ("19/11", "RATIO", ""), ("36%", "MONEY", ""),
])
def test_a_value_parsed_once_is_the_value_of_the_same_words_anywhere(nlp: Language, text, label, span_id) -> None:
    """Values are kept by (label, id, words) across Docs: the same words with the same label
    and id are worth the same in another Doc and at another place, and as parsed afresh."""
    from extractor.pipeline.quantities import _parse

    first, second = nlp.make_doc(text), nlp.make_doc(f"In all , {text} .")
    one = quantity_of(Span(first, 0, len(first), label=label, span_id=span_id))
    other = quantity_of(Span(second, 3, len(second) - 1, label=label, span_id=span_id))
    assert one == other == _parse(label, text, span_id)
