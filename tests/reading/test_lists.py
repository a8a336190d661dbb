"""Splitting written lists of organisation names into items.

Names carry commas and ampersands of their own ("Shropshire, Telford & Wrekin"), so the
gazetteer's matches decide where names are and only the uncovered text is split by
punctuation. Offsets must always point back at the words in the document.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extractor.reading.lists import names_before, split_names, split_text

SPLITS = [
    ("Barts Health; Medway; East Kent", ["Barts Health", "Medway", "East Kent"]),
    ("East Kent Hospitals and Medway Hospitals", ["East Kent Hospitals", "Medway Hospitals"]),
    ("Barking Havering and Redbridge Hospitals", ["Barking Havering and Redbridge Hospitals"]),
    ("Frimley Health and Surrey Heartlands", ["Frimley Health", "Surrey Heartlands"]),
    ("Guy's and St Thomas' NHS Foundation Trust and King's College Hospital NHS Foundation Trust",
     ["Guy's and St Thomas' NHS Foundation Trust", "King's College Hospital NHS Foundation Trust"]),
    ("University Hospitals of Leicester", ["University Hospitals of Leicester"]),
    ("Kings College Hospital in London", ["Kings College Hospital"]),
    ("the London and South East Coast", ["London and South East Coast"]),
    ("and Frimley", ["Frimley"]),
    ("  Frimley ,  Devon ", ["Frimley", "Devon"]),
    ("", []),
    ("lower case words only", []),
    ("Isle of Wight NHS Trust", ["Isle of Wight NHS Trust"]),
    ("Countess of Chester Hospital", ["Countess of Chester Hospital"]),
]


@pytest.mark.parametrize(("text", "names"), SPLITS)
def test_split_text(text: str, names: list[str]) -> None:
    assert [item.text for item in split_text(text, 0)] == names


@pytest.mark.parametrize(("text", "_names"), SPLITS)
def test_split_text_offsets(text: str, _names: list[str]) -> None:
    prefix = "Some words before. "
    doc_text = prefix + text
    for item in split_text(text, len(prefix)):
        assert doc_text[item.start:item.end] == item.text


_NAME = st.sampled_from(["Frimley", "Barts Health", "East Kent Hospitals", "Medway", "Norfolk & Waveney",
                         "Kent and Medway", "Mid Yorkshire Teaching", "King's College Hospital"])
_GLUE = st.sampled_from([", ", "; ", ", and ", " and ", " & ", ",  "])


@settings(max_examples=200, deadline=None)
@given(names=st.lists(_NAME, min_size=1, max_size=6), glue=st.lists(_GLUE, min_size=6, max_size=6),
       offset=st.integers(min_value=0, max_value=5000))
def test_split_text_offsets_property(names: list[str], glue: list[str], offset: int) -> None:
    text = names[0] + "".join(g + n for g, n in zip(glue, names[1:], strict=False))
    items = split_text(text, offset)
    assert items, text
    for item in items:
        assert text[item.start - offset:item.end - offset] == item.text
        assert item.text == item.text.strip() and item.text[0].isupper()
    starts = [item.start for item in items]
    assert starts == sorted(starts)


def region_between(nlp: Language, text: str, opener: str, closer: str):
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == opener)
    j = next(t.i for t in doc if t.text == closer and t.i > i)
    return doc, doc[i + 1:j]


def test_split_names_trusts_the_gazetteer(nlp: Language) -> None:
    doc, region = region_between(
        nlp, "Four ICSs (Devon, Hampshire & the Isle of Wight, Norfolk & Waveney, and Shropshire, Telford & "
             "Wrekin) are in segment 4.", "(", ")")
    items = split_names(region, list(doc.spans["orgs"]))
    assert [i.text for i in items] == ["Devon", "Hampshire & the Isle of Wight", "Norfolk & Waveney",
                                      "Shropshire, Telford & Wrekin"]
    assert all(doc.text[i.start:i.end] == i.text for i in items)


def test_split_names_falls_back_to_punctuation(nlp: Language) -> None:
    text = "Three trusts (Alpha Vale Hospitals, Beta Moor Healthcare and Gamma Coast Hospitals) are in NOF4"
    doc, region = region_between(nlp, text, "(", ")")
    items = split_names(region, [])
    assert [i.text for i in items] == ["Alpha Vale Hospitals", "Beta Moor Healthcare",
                                      "Gamma Coast Hospitals"]
    assert all(doc.text[i.start:i.end] == i.text for i in items)


def test_names_before_a_shared_type_word(nlp: Language) -> None:
    doc = nlp("apart from the London and South East Coast ambulance trusts")
    start = next(t.i for t in doc if t.lower_ == "the")
    end = next(t.i for t in doc if t.lower_ == "ambulance")
    items = names_before(doc[start:end], list(doc.spans["orgs"]))
    assert [i.text for i in items] == ["London", "South East Coast"]


def test_names_before_without_gazetteer(nlp: Language) -> None:
    doc = nlp("the Northshire and Southvale ambulance trusts")
    items = names_before(doc[0:4], [])
    assert [i.text for i in items] == ["Northshire", "Southvale"]
    assert all(doc.text[i.start:i.end] == i.text for i in items)
