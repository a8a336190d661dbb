"""Who a sentence is about when it says "we", "the Trust" or "it": memberships and rankings
through the whole pipeline, with the document's address set as the source layer sets it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

TRUST_SITE = "https://www.mtw.nhs.uk/news/oversight"          # RWF
ICB_SITE = "https://lancashireandsouthcumbria.icb.nhs.uk/news"  # QE1


def _read(nlp: Language, text: str, url: str = ""):
    doc = nlp.make_doc(text)
    doc._.url, doc._.published = url, "2025-09-10"
    return read_doc(nlp(doc))


@pytest.mark.parametrize("url, text, expected", [
    (TRUST_SITE, "We have moved into segment 2.", ("We", "RWF", 2)),
    (TRUST_SITE, "This quarter we were placed in segment two.", ("we", "RWF", 2)),
    (TRUST_SITE, "In Q2 2025/26, we remain in 'segment 3'.", ("we", "RWF", 3)),
    (TRUST_SITE, "NHS England has placed us in segment 2.", ("us", "RWF", 2)),
    (TRUST_SITE, "This quarter our trust was placed in segment two.", ("our trust", "RWF", 2)),
    (TRUST_SITE, "NHS England has placed the Trust in segment 3.", ("the Trust", "RWF", 3)),
    (TRUST_SITE, "The trust is at present placed in segment 2.", ("The trust", "RWF", 2)),
    (TRUST_SITE, "Our organisation remains in 'segment 3'.", ("Our organisation", "RWF", 3)),
    (TRUST_SITE, "The Foundation Trust is now in Segment One.", ("The Foundation Trust", "RWF", 1)),
    (ICB_SITE, "The ICB remains in segment 3.", ("The ICB", "QE1", 3)),
    (ICB_SITE, "In 2024/25 the integrated care board was moved to segment four.",
     ("the integrated care board", "QE1", 4)),
    (ICB_SITE, "This ICB has been in Segment Four since June.", ("This ICB", "QE1", 4)),
])
def test_a_self_reference_is_placed_as_the_home(nlp: Language, url: str, text: str, expected: tuple) -> None:
    got = [(m.name, m.ods_code, m.segment) for m in _read(nlp, text, url).memberships]
    assert got == [expected]
    assert _read(nlp, text).memberships == [] or all(not m.ods_code for m in _read(nlp, text).memberships)


@pytest.mark.parametrize("url, text, expected", [
    (TRUST_SITE, "We’re now ranked 41st of 134 acute trusts.", ("We", "RWF", 41)),
    (TRUST_SITE, "The framework ranks us 98th out of 134.", ("us", "RWF", 98)),
    (TRUST_SITE, "The data put our Trust at 64th of 134.", ("our Trust", "RWF", 64)),
    (TRUST_SITE, "This organisation was ranked 30th of 61.", ("This organisation", "RWF", 30)),
])
def test_a_self_reference_is_ranked_as_the_home(nlp: Language, url: str, text: str, expected: tuple) -> None:
    assert [(r.name, r.ods_code, r.rank) for r in _read(nlp, text, url).rankings] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Medway NHS Foundation Trust published its results on Tuesday. It remains in segment 3.",
     ("Medway NHS Foundation Trust", "RPA", 3)),
    ("Medway NHS Foundation Trust published its results on Tuesday. It has been moved to segment 2.",
     ("Medway NHS Foundation Trust", "RPA", 2)),
    ("Medway NHS Foundation Trust published its results on Tuesday. The trust remains in segment 3.",
     ("The trust", "RPA", 3)),
    ("Medway NHS Foundation Trust published results. Inspectors visited in June. The trust is in segment 3.",
     ("The trust", "RPA", 3)),
    ("Inspectors returned to Medway NHS Foundation Trust in June. It remains in segment 3.",
     ("Medway NHS Foundation Trust", "RPA", 3)),
    ("A question was asked about the rating of Medway NHS Foundation Trust. The trust is in segment 3.",
     ("The trust", "RPA", 3)),
    ("Kent and Medway ICB met on Tuesday. It remains in segment 3.", ("Kent and Medway ICB", "QKS", 3)),
    ("Kent and Medway ICB met on Tuesday. The ICB remains in segment 3.", ("The ICB", "QKS", 3)),
])
def test_it_and_the_trust_take_up_the_organisation_named_before(nlp: Language, text: str, expected: tuple) -> None:
    assert [(m.name, m.ods_code, m.segment) for m in _read(nlp, text).memberships] == [expected]


@pytest.mark.parametrize("text", [
    "Inspectors returned to Medway NHS Foundation Trust and Dartford and Gravesham NHS Trust. It is in segment 3.",
    "Medway NHS Foundation Trust and Dartford and Gravesham NHS Trust met. The trust is in segment 3.",
    "Kent and Medway ICB met on Tuesday. The trust remains in segment 3.",
    "We have moved into segment 2.",
    "The Trust is in segment 3.",
    "Our trust remains in segment 3.",
    "The organisation has moved into segment 2.",
    "The ICB remains in segment 3.",
])
def test_no_antecedent_and_no_home_places_nobody_by_code(nlp: Language, text: str) -> None:
    assert all(not m.ods_code for m in _read(nlp, text).memberships)


@pytest.mark.parametrize("text, expected", [
    ("The trust is currently placed in segment 2.", [("The trust", "", "trust", 2, None)]),
    ("NHS England agreed for our trust to be moved up from Segment 3 to Segment 2.",
     [("our trust", "", "trust", 2, 3)]),
    ("Our ICB remains in segment 3 of the framework.", [("Our ICB", "", "icb", 3, None)]),
    ("We have been placed in segment 4.", [("We", "", "", 4, None)]),
])
def test_an_unnamed_publisher_is_placed_as_written(nlp: Language, text: str, expected: list) -> None:
    """A page without an address or a name of its own: the record keeps the words, without a code."""
    got = [(m.name, m.ods_code, m.org_type, m.segment, m.from_segment) for m in _read(nlp, text).memberships]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("On the league table for the quarter we are compared with 61 peers. We ranked 30th.", ("We", "", 30)),
    ("Our trust is ranked 98th of 134 acute trusts.", ("Our trust", "", 98)),
])
def test_an_unnamed_publisher_is_ranked_as_written(nlp: Language, text: str, expected: tuple) -> None:
    assert [(r.name, r.ods_code, r.rank) for r in _read(nlp, text).rankings] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The regional team agreed for Medway NHS Foundation Trust to be moved from Segment 3 to Segment 2.",
     [("Medway NHS Foundation Trust", "RPA", 2, 3)]),
    ("NHS England has approved the plan for Medway NHS Foundation Trust to be taken out of segment 4.",
     [("Medway NHS Foundation Trust", "RPA", None, 4)]),
    ("It is time for Medway NHS Foundation Trust to leave segment 4.", []),  # a wish, not a decision
    ("The ICB for Kent and Medway was moved into segment 4 in June.", [("Kent and Medway", "QKS", 4, None)]),
    ("The integrated care board for Kent and Medway remains in segment 3.", [("Kent and Medway", "QKS", 3, None)]),
    ("A report for Kent and Medway ICB says the region is in segment 4.", []),  # for: the report's reader
    ("Funding for Medway NHS Foundation Trust to recover was agreed while Kent was in segment 4.", []),
])
def test_a_body_after_for_is_the_subject_of_a_passive_infinitive(nlp: Language, text: str, expected: list) -> None:
    got = [(m.name, m.ods_code, m.segment, m.from_segment) for m in _read(nlp, text, TRUST_SITE).memberships
           if m.ods_code != "RWF"]
    assert got == expected


@pytest.mark.parametrize("text", [
    "Our ranking is 55th of 134 acute trusts.",
    "Our position in the league table is 55th out of 134.",
    "Our league position is 55th out of 134 acute trusts.",
    "Our current ranking is 55th of the 134 acute trusts.",
    "Our standing in the league table improved from 70th to 55th of 134.",
])
@pytest.mark.parametrize("url, code", [(TRUST_SITE, "RWF"), ("", "")])
def test_our_ranking_is_the_publisher_s(nlp: Language, text: str, url: str, code: str) -> None:
    """'our' before a position noun owns the position: the home, else the page's unnamed publisher."""
    assert [(r.name, r.ods_code, r.rank, r.total) for r in _read(nlp, text, url).rankings] == [
        (text.split()[0], code, 55, 134)]


@pytest.mark.parametrize("text, name, segment", [
    ("Medway NHS Foundation Trust's segmentation remains at segment 2.", "Medway NHS Foundation Trust", 2),
    ("The Trust's current segment is segment 3.", "The Trust", 3),
    ("The Trust's NOF segmentation is segment 3.", "The Trust", 3),
    ("The Trust's oversight rating is segment 2.", "The Trust", 2),
    ("Our current segment is segment 3.", "Our", 3),
    ("Our segmentation remains at segment 2.", "Our", 2),
    ("Our NOF segment is segment 4.", "Our", 4),
    ("The average segment is segment 3.", None, None),  # nobody's own
])
def test_a_body_s_own_segment_is_its_placement(nlp: Language, text: str, name: str | None, segment: int | None) -> None:
    got = [(m.name, m.segment, m.from_segment) for m in _read(nlp, text, TRUST_SITE).memberships]
    assert got == ([(name, segment, None)] if name else [])


_ICB_MASTHEAD = "NHS Lancashire and South Cumbria Integrated Care Board\n\nOversight update\n\n"


@pytest.mark.parametrize("text, expected", [
    # a region is not the ICB: its trusts, its hospitals or its own position are nobody's placement here
    ("Two of the region’s trusts are in segment 4.", []),
    ("The region's trusts remain in segment 3.", []),
    ("The region’s acute trusts have moved to segment 3.", []),
    ("The region’s hospitals are all in segment 3.", []),
    ("The region’s position is segment 3.", []),
    ("Our region’s trusts remain in segment 3.", []),
    ("The trusts in our region remain in segment 3.", []),
    ("NHS England has placed the region's trusts in segment 3.", []),
    # ... while the ICB's own words still name it
    ("The ICB remains in segment 3.", [("The ICB", "QE1", 3)]),
    ("Our system is in segment 2.", [("Our system", "QE1", 2)]),
    ("We remain in segment 3.", [("We", "QE1", 3)]),
    ("Across the region, we are in segment 3.", [("we", "QE1", 3)]),
])
@pytest.mark.parametrize("head", ["", _ICB_MASTHEAD])
def test_the_region_is_not_the_icb_on_its_own_page(nlp: Language, text: str, expected: list, head: str) -> None:
    got = [(m.name, m.ods_code, m.segment) for m in _read(nlp, head + text, ICB_SITE).memberships]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("Published: 12 March 2022\nSussex Health and Care, our integrated care system, was placed in segment 3.",
     [("Sussex Health and Care", "QNX", 3)]),
    ("Published: 10 December 2025\nThe latest NHS league table places our Trust, Mid Cheshire Hospitals NHS "
     "Foundation Trust, in segment 3.", [("Mid Cheshire Hospitals NHS Foundation Trust", "RBT", 3)]),
    ("Published: 10 December 2025\nMedway NHS Foundation Trust, the trust that runs Medway Maritime Hospital, "
     "is in segment 3.", [("Medway NHS Foundation Trust", "RPA", 3)]),
    # two bodies, or one body in two segments, stay two rows
    ("Published: 10 December 2025\nMedway NHS Foundation Trust and Dartford and Gravesham NHS Trust are in "
     "segment 3.", [("Medway NHS Foundation Trust", "RPA", 3), ("Dartford and Gravesham NHS Trust", "RN7", 3)]),
])
def test_a_body_named_twice_in_its_sentence_is_one_row(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [(m.name, m.ods_code, m.segment) for m in read_doc(nlp(text)).memberships] == expected
