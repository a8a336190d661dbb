"""Who "we" are: self-references resolve to the document's home organisation.

Each form is tried in phrasings of our own (tense, voice, word order, numerals and words,
quotes, hyphens, what stands between the parts); each must come back as a self-reference
with the home's ODS code, and nowhere else.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline.orgs import PUBLISHER

from .conftest import linked as _doc


@pytest.fixture(scope="module")
def nlp(linker: Language) -> Language:
    """This module's tests run the linker alone (see ``conftest.linker``)."""
    return linker

TRUST_SITE = "https://www.mtw.nhs.uk/news/oversight"          # RWF, an acute trust
ICB_SITE = "https://lancashireandsouthcumbria.icb.nhs.uk/news"  # QE1, an ICB


def _refs(doc: Doc) -> list[tuple[str, str]]:
    return [(s.text, s.id_) for s in doc.spans["org_refs"]]


FORMS = {
    "we": (TRUST_SITE, "RWF", [
        ("We have moved into segment 2.", "We"),
        ("This quarter we were placed in segment two.", "we"),
        ("In Q2 2025/26, we remain in 'segment 3'.", "we"),
        ("NHS England confirmed that we will be moved to segment 1.", "we"),
        ("Following the review we — like most acute trusts — are in segment 2.", "we"),
        ("We’re now ranked 41st of 134 acute trusts.", "We"),
        ("Since April, we have been in Segment Four.", "we"),
        ("“We are proud to have left the Recovery Support Programme,” said the chief executive.", "We"),
        ("As of today we sit in the third segment.", "we"),
    ]),
    "us": (TRUST_SITE, "RWF", [
        ("NHS England has placed us in segment 2.", "us"),
        ("The results put us at number 27 overall.", "us"),
        ("The regional team moved us out of segment 4 in June.", "us"),
        ("Segment 3 means the region works with us closely.", "us"),
        ("The framework ranks us 98th out of 134.", "us"),
        ("Last year's data placed us in 'segment three'.", "us"),
        ("It will keep us in segment 1 for now.", "us"),
        ("The board was told that the panel had allocated us to segment four.", "us"),
    ]),
    "our trust": (TRUST_SITE, "RWF", [
        ("Our Trust has moved into segment 2.", "Our Trust"),
        ("The regulator signed off a move for our trust out of Segment 4 and into Segment 3.", "our trust"),
        ("This quarter our trust was placed in segment two.", "our trust"),
        ("The data put our Trust at 64th of 134.", "our Trust"),
        ("Colleagues across our trust have worked hard to leave segment 4.", "our trust"),
        ("In 2024/25, our trust remained in 'segment 3'.", "our trust"),
        ("Our trust is one of 20 in segment 1.", "Our trust"),
        ("Since June this trust has been in segment 2.", "this trust"),
    ]),
    "the Trust": (TRUST_SITE, "RWF", [
        ("The Trust has moved into segment 2.", "The Trust"),
        ("NHS England has placed the Trust in segment 3.", "the Trust"),
        ("Following the review, the Trust was moved to segment two.", "the Trust"),
        ("The Trust’s position in the league table is 41st.", "The Trust"),
        ("In the latest results the Trust remains in 'segment 4'.", "the Trust"),
        ("The Foundation Trust is now in Segment One.", "The Foundation Trust"),
        ("The trust is at present placed in segment 2.", "The trust"),
        ("Staff welcomed the news that the trust has left segment 4.", "the trust"),
        ("It means the Trust — for the first time — sits in segment 1.", "the Trust"),
    ]),
    "the organisation": (TRUST_SITE, "RWF", [
        ("The organisation has moved into segment 2.", "The organisation"),
        ("NHS England placed the organisation in segment three.", "the organisation"),
        ("Our organisation remains in 'segment 3'.", "Our organisation"),
        ("This organisation was ranked 30th of 61.", "This organisation"),
        ("In June the organization was taken out of segment 4.", "the organization"),
        ("The decision moves the organisation to Segment Two.", "the organisation"),
        ("For the organisation, segment 1 is the goal.", "the organisation"),
        ("Across the organisation, teams helped it leave segment 4.", "the organisation"),
    ]),
    "the ICB": (ICB_SITE, "QE1", [
        ("The ICB remains in segment 3.", "The ICB"),
        ("NHS England has placed the ICB in segment 4.", "the ICB"),
        ("In 2024/25 the ICB was moved to segment two.", "the ICB"),
        ("Our ICB has entered the Recovery Support Programme.", "Our ICB"),
        ("The integrated care board is in 'segment 3'.", "The integrated care board"),
        ("This ICB has been in Segment Four since June.", "This ICB"),
        ("The ICS was placed in segment 4 last year.", "The ICS"),
        ("The Integrated Care Board — like 22 others — sits in segment 3.", "The Integrated Care Board"),
    ]),
    "the board": (ICB_SITE, "QE1", [  # an integrated care *board*: a trust's board is not the trust
        ("The Board has agreed the plan to leave segment 4.", "The Board"),
        ("The board was told of the move to segment 2.", "The board"),
        ("Our board welcomed the new segment.", "Our board"),
        ("Papers to the Board set out the segment 3 position.", "the Board"),
        ("NHS England wrote to the board about segment four.", "the board"),
        ("In June the Board noted the ranking of 41st.", "the Board"),
        ("The Board, in public session, heard that segment 1 was in reach.", "The Board"),
        ("Members of the board asked about the 'segment 2' decision.", "the board"),
    ]),
    "our system": (ICB_SITE, "QE1", [
        ("Our system has been placed in segment 2.", "Our system"),
        ("NHS England has moved our system to segment 3.", "our system"),
        ("This quarter our system remains in 'segment 4'.", "our system"),
    ]),
}
CASES = [(form, site, code, text, said) for form, (site, code, rows) in FORMS.items() for text, said in rows]


@pytest.mark.parametrize("form, site, code, text, said", CASES)
def test_self_reference_resolves_to_the_home_organisation(nlp, form, site, code, text, said) -> None:
    doc = _doc(nlp, text, url=site)
    assert (said, code) in _refs(doc), form
    assert doc._.home == code


@pytest.mark.parametrize("form, site, code, text, said", CASES)
def test_self_reference_is_nobody_without_a_home(nlp, form, site, code, text, said) -> None:
    """No code without a home: at most the page's unnamed publisher (see test_orgs_publisher.py)."""
    doc = _doc(nlp, text, url="https://www.example-news.co.uk/health/oversight")
    assert {ref for _, ref in _refs(doc)} <= {PUBLISHER} and doc._.home == ""


@pytest.mark.parametrize("site, text", [
    (TRUST_SITE, "The ICB remains in segment 3."),                       # a trust is not an ICB
    (TRUST_SITE, "The integrated care board is in segment 3."),
    (ICB_SITE, "The Trust remains in segment 3."),                       # nor an ICB a trust
    (ICB_SITE, "Our trust was placed in segment 2."),
    (ICB_SITE, "The board of NHS England met on Tuesday."),              # another body's board
    (ICB_SITE, "The board papers are published online."),
    (TRUST_SITE, "The Board has agreed the plan to leave segment 4."),   # a trust's board is not the trust
    (TRUST_SITE, "Our staff and our patients come first."),              # 'our' is a possessive
    (TRUST_SITE, "Medway NHS Foundation Trust remains in segment 3."),   # a name is not a self-reference
    (TRUST_SITE, "Our system partners are in segment 3."),              # a trust's system is not the trust
    (ICB_SITE, "Our system partners are in segment 3."),                 # nor are the ICB's partners the ICB
])
def test_forms_that_do_not_name_the_home(nlp, site: str, text: str) -> None:
    assert _refs(_doc(nlp, text, url=site)) == []


@pytest.mark.parametrize("meta, text, expected", [
    ({"title": "Medway NHS Foundation Trust: oversight update"}, "The Trust remains in segment 3.",
     [("The Trust", "RPA")]),
    ({"title": "Medway NHS Foundation Trust: oversight update"}, "The trust remains in segment 3.", []),
    ({}, "Medway NHS Foundation Trust\n\nThe Trust remains in segment 3.", [("The Trust", "RPA")]),
    ({}, "News | Medway NHS Foundation Trust\nWe remain in segment 3.", [("We", "RPA")]),
    ({}, "We remain in segment 3.\n\nPublished by Medway NHS Foundation Trust", [("We", "RPA")]),
    ({}, "Medway NHS Foundation Trust and Dartford and Gravesham NHS Trust\nWe remain in segment 3.", []),
    ({}, "This week Medway NHS Foundation Trust was assigned segment 3.\nWe welcome it.", []),
    ({"url": "https://www.mtw.nhs.uk/x", "title": "Medway NHS Foundation Trust"}, "We remain in segment 3.",
     [("We", "RWF")]),
])
def test_the_home_comes_from_address_title_or_masthead(nlp, meta: dict, text: str, expected: list) -> None:
    assert _refs(_doc(nlp, text, **meta)) == expected


@pytest.mark.parametrize("text, acronym, code", [
    ("Mid Yorkshire Teaching NHS Trust (MYTT) is in segment 3. MYTT was placed there in June.", "MYTT", "RXF"),
    ("Medway NHS Foundation Trust (MFT) has left segment 4; MFT is now in segment 3.", "MFT", "RPA"),
    ("Buckinghamshire Healthcare NHS Trust (BHT) moved to segment 2. BHT thanked staff.", "BHT", "RXQ"),
    ("The Newcastle upon Tyne Hospitals NHS Foundation Trust (NUTH) ... later, NUTH said.", "NUTH", "RTD"),
    ("Maidstone and Tunbridge Wells NHS Trust (MaTW) is ranked 12th. MaTW welcomed it.", "MaTW", "RWF"),
    ("Kent Community Health NHS Foundation Trust (KCH) was 3rd; KCH is in segment 1.", "KCH", "RYY"),
    ("East Kent Hospitals University NHS Foundation Trust (EKH) — EKH remains in segment 4.", "EKH", "RVV"),
    ("University Hospitals of Leicester NHS Trust (UHLT). In 2025 UHLT was 103rd.", "UHLT", "RWE"),
])
def test_an_acronym_the_document_introduces_names_that_body(nlp, text: str, acronym: str, code: str) -> None:
    doc = _doc(nlp, text)
    later = [s for s in doc.spans["orgs"] if s.text == acronym]
    assert later and all(s.id_ == code for s in later)


@pytest.mark.parametrize("text", [
    "NHS Kent and Medway Integrated Care Board (ICB) met. Each ICB is in a segment; one ICB is in segment 1.",
    "Kent and Medway ICS (ICS) met. Two ICS leaders spoke.",
    "Medway NHS Foundation Trust (NHS) met. The NHS is busy.",
    "Medway NHS Foundation Trust (CQC) met. The CQC visited.",
])
def test_a_type_word_in_brackets_is_not_an_acronym(nlp, text: str) -> None:
    doc = _doc(nlp, text)
    assert len({s.id_ for s in doc.spans["orgs"]}) == 1 and len(doc.spans["orgs"]) == 1


def test_a_shared_initialism_means_the_body_named_in_full(nlp) -> None:
    bare = _doc(nlp, "BHT is in segment 2.")
    assert [s.id_ for s in bare.spans["orgs"]] == [""], "three trusts answer to BHT"
    named = _doc(nlp, "Buckinghamshire Healthcare NHS Trust reported today. BHT is in segment 2.")
    assert [s.id_ for s in named.spans["orgs"]] == ["RXQ", "RXQ"]


@pytest.mark.parametrize("text, said, code", [
    ("Medway NHS Foundation Trust published its results. The trust has moved to segment 3.", "The trust", "RPA"),
    ("Medway NHS Foundation Trust published its results. Regulators said the trust was in segment 3.",
     "the trust", "RPA"),
    ("Staff at Medway NHS Foundation Trust were told on Monday. The Trust remains in 'segment 4'.", "The Trust",
     "RPA"),
    ("A question was asked about Medway NHS Foundation Trust. Inspectors visited in June. The trust is in "
     "segment three.", "The trust", "RPA"),
    ("Medway NHS Foundation Trust — in Gillingham — said this trust had left segment 4.", "this trust", "RPA"),
    ("Medway NHS Foundation Trust (MFT) said the foundation trust was now ranked 41st.", "the foundation trust",
     "RPA"),
    ("NHS Kent and Medway Integrated Care Board met on Tuesday. The ICB was placed in segment 3.", "The ICB", "QKS"),
    ("Kent and Medway ICB published a statement; the integrated care board is in segment four.",
     "the integrated care board", "QKS"),
    ("Medway NHS Foundation Trust and Kent and Medway ICB met. The ICB is in segment 2.", "The ICB", "QKS"),
    ("Kent and Medway ICB met. The organisation is in segment 2.", "The organisation", "QKS"),
])
def test_the_trust_takes_up_the_one_trust_named_before(nlp, text: str, said: str, code: str) -> None:
    assert (said, code) in _refs(_doc(nlp, text))


@pytest.mark.parametrize("text", [
    "Medway NHS Foundation Trust and Dartford and Gravesham NHS Trust met. The trust is in segment 3.",
    "Kent and Medway ICB met. The trust is in segment 3.",                                 # an ICB is not a trust
    "Medway NHS Foundation Trust met. The ICB is in segment 3.",                           # nor a trust an ICB
    "Medway NHS Foundation Trust met in May. It rained. The sun came out. Then it rained. The trust is in "
    "segment 3.",                                                                          # too far back
    "Medway NHS Foundation Trust met. The board is in session.",                           # 'the board' needs a home
    "Medway NHS Foundation Trust met. We are in segment 3.",                               # so does 'we'
])
def test_no_antecedent_no_reference(nlp, text: str) -> None:
    assert _refs(_doc(nlp, text)) == []


def test_the_home_outranks_the_trust_named_before(nlp) -> None:
    doc = _doc(nlp, "Medway NHS Foundation Trust met. The Trust is in segment 3.", url=TRUST_SITE)
    assert _refs(doc) == [("The Trust", "RWF")]
    lower = _doc(nlp, "Medway NHS Foundation Trust met. The trust is in segment 3.",
                 title="Maidstone and Tunbridge Wells NHS Trust")
    assert _refs(lower) == [("The trust", "RPA")], "lower case names the home only on its own site"


CHAIN = "Medway NHS Foundation Trust has left special measures."


@pytest.mark.parametrize("text, said", [
    (f"{CHAIN} NHS England said the trust had met its conditions. Its deficit fell. The trust is in segment 3.",
     "The trust"),
    (f"{CHAIN} Staff were pleased. Regulators praised the trust. Its debts shrank. The trust was placed in "
     "segment two.", "The trust"),
    (f"{CHAIN} The Trust thanked staff. A new ward opened. Its board met. Waiting lists fell. The Trust now sits "
     "in 'segment 3'.", "The Trust"),
    (f"{CHAIN} Beds were added. Inspectors said this trust had improved; its finances recovered. NHS England "
     "has moved the trust to segment 2.", "the trust"),
    (f"{CHAIN} The trust was told in May. Nothing changed in June. The trust heard again in July. Nothing "
     "changed in August. Then the trust was ranked 41st.", "the trust"),
    ("Kent and Medway ICB met on Monday. Its plan was agreed. NHS England said the ICB had improved. Costs fell. "
     "The ICB remains in segment 3.", "The ICB"),
])
def test_a_resolved_anaphor_carries_the_chain(nlp, text: str, said: str) -> None:
    code = "QKS" if "ICB" in said else "RPA"
    assert (said, code) in _refs(_doc(nlp, text))


@pytest.mark.parametrize("text, said", [
    # two trusts in the window: which one?
    (f"{CHAIN} NHS England said the trust had met its conditions. Dartford and Gravesham NHS Trust did not. "
     "The trust is in segment 3.", "The trust"),
    # the chain broke: nothing resolved within reach
    (f"{CHAIN} It rained. The sun came out. Then it rained. The trust said little. Costs fell. The trust is in "
     "segment 3.", "The trust"),
    # a resolved ICB does not carry a trust
    ("Kent and Medway ICB met. It said the ICB had improved. Costs fell. Beds rose. The trust is in segment 3.",
     "The trust"),
    # the earlier anaphor was itself ambiguous, so it carries nothing
    ("Medway NHS Foundation Trust and Dartford and Gravesham NHS Trust met. The trust is in segment 3. Costs "
     "fell. Beds rose. The trust is in segment 2.", "The trust"),
])
def test_no_chain_through_doubt(nlp, text: str, said: str) -> None:
    assert all(ref != said for ref, _code in _refs(_doc(nlp, text)))


@pytest.mark.parametrize("text", [
    "Shropshire health system and a hospital trust were told. Shropshire Community Health NHS Trust was not.",
    "Shropshire ICS and one hospital trust enter the programme.",
    "Leaders of the Shropshire health and care system met trust chiefs.",
    "Shropshire system partners and the community trust met.",
])
def test_a_bare_county_before_system_words_names_no_trust(nlp, text: str) -> None:
    doc = _doc(nlp, text)
    assert [s.id_ for s in doc.spans["orgs"] if s.text == "Shropshire"] == []


HOME_TITLE = "Maidstone and Tunbridge Wells NHS Trust climbs the table"  # RWF, the home by its title
OPENER = "Maidstone and Tunbridge Wells NHS Trust is ranked 60th of 134 and sits in segment 3."


@pytest.mark.parametrize("paragraph, said, code", [
    ("Further north, Medway NHS Foundation Trust had a better quarter. The trust is now in segment 2.",
     "The trust", "RPA"),
    ("Medway NHS Foundation Trust is also busy. The trust is in segment 4.", "The trust", "RPA"),
    ("Medway NHS Foundation Trust, which runs Medway Maritime Hospital, did better. NHS England has moved the "
     "trust to segment 2.", "the trust", "RPA"),
    ("Meanwhile Medway NHS Foundation Trust said it had been busy too; the trust was placed in segment four.",
     "the trust", "RPA"),
    ("Medway Maritime Hospital. The trust that runs it is in segment 4.", "The trust", "RPA"),
    ("In Kent, Medway NHS Foundation Trust fell to 101st. It rained. The trust had been in segment 3.",
     "The trust", "RPA"),
    ("NHS Kent and Medway Integrated Care Board met on Monday. The ICB remains in segment 2.", "The ICB", "QKS"),
])
def test_the_trust_is_the_body_its_own_paragraph_names(nlp, paragraph: str, said: str, code: str) -> None:
    """A paragraph that names a body takes up that one, not a body named in the paragraph before
    (or in the page's title): regional round-ups go from one trust to the next this way."""
    for meta in ({}, {"title": HOME_TITLE}):
        assert (said, code) in _refs(_doc(nlp, f"{OPENER}\n\n{paragraph}", **meta))


@pytest.mark.parametrize("text", [
    # two bodies of the kind in the anaphor's own paragraph: which one?
    f"{OPENER}\n\nMedway NHS Foundation Trust and Dartford and Gravesham NHS Trust met. The trust is in segment 3.",
    # no blank line: both are in reach, as before
    f"{OPENER} Medway NHS Foundation Trust is also busy. The trust is in segment 4.",
    # the paragraph names no trust before the anaphor: the window holds two
    f"{OPENER} Medway NHS Foundation Trust is also busy.\n\nThe trust is in segment 4.",
    # a body of another kind in the paragraph does not make the window the paragraph
    "Medway NHS Foundation Trust met Dartford and Gravesham NHS Trust.\n\nNHS Kent and Medway ICB met. The trust "
    "is in segment 4.",
])
def test_a_paragraph_decides_only_when_it_names_one_body_of_the_kind(nlp, text: str) -> None:
    assert all(ref != "The trust" for ref, _code in _refs(_doc(nlp, text)))


def test_the_home_on_its_own_site_keeps_the_trust_across_paragraphs(nlp) -> None:
    text = f"{OPENER}\n\nMedway NHS Foundation Trust is also busy. The Trust is in segment 3."
    assert ("The Trust", "RWF") in _refs(_doc(nlp, text, url=TRUST_SITE))
    assert ("The Trust", "RWF") in _refs(_doc(nlp, text, title=HOME_TITLE))
