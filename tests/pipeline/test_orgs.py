"""The ``extractor_orgs`` component on ``spacy.blank("en")`` sentences."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from extractor.gazetteer import Link
from extractor.pipeline.orgs import PUBLISHER, OrgLinker, surface_variants

from .conftest import linked as _doc


@pytest.fixture(scope="module")
def nlp(linker: Language) -> Language:
    """This module's tests run the linker alone (see ``conftest.linker``)."""
    return linker


def _found(doc: Doc) -> list[tuple[str, str, str]]:
    return [(s.text, s.id_, s.label_) for s in doc.spans["orgs"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Only one ICS – Frimley – is assigned to Segment 1.", [("Frimley", "QNQ", "icb")]),
        (
            "Four ICSs (Devon, Hampshire & the Isle of Wight, Norfolk & Waveney, and Shropshire, Telford & "
            "Wrekin) are in Segment 4.",
            [("Devon", "QJK", "icb"), ("Hampshire & the Isle of Wight", "QRL", "icb"),
             ("Norfolk & Waveney", "QMM", "icb"), ("Shropshire, Telford & Wrekin", "QOC", "icb")],
        ),
        (
            "The South Central and South East Coast ambulance trusts were placed in segment 4.",
            [("South Central", "RYE", "ambulance"), ("South East Coast ambulance", "RYD", "ambulance")],
        ),
        (
            "None were in segment 4, apart from the London and South East Coast ambulance trusts.",
            [("London", "RRU", "ambulance"), ("South East Coast ambulance", "RYD", "ambulance")],
        ),
        ("East Kent Hospitals and Medway Hospitals were both rated.",
         [("East Kent Hospitals", "RVV", "acute"), ("Medway Hospitals", "RPA", "acute")]),
        ("GMMH and SECAmb responded.", [("GMMH", "RXV", "mental_health"), ("SECAmb", "RYD", "ambulance")]),
        ("On Monday the minister toured Queen Elizabeth Hospital in King's Lynn by bus.",
         [("Queen Elizabeth Hospital in King's Lynn", "RCX", "acute")]),
        ("the NCA and North Staffs Combined", [("NCA", "RM3", "acute"), ("North Staffs Combined", "RLY",
                                                                         "mental_health")]),
        ("Healthier Lancashire and South Cumbria published its plan.",
         [("Healthier Lancashire and South Cumbria", "QE1", "icb")]),
    ],
)
def test_mentions_are_found_and_linked(nlp: Language, text: str,
                                       expected: list[tuple[str, str, str]]) -> None:
    assert _found(_doc(nlp, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Trusts in London and Kent reported long waits.",
        "Patients in Devon waited longer than the national average.",
        "The Trust said it welcomed the report.",
        "The nhs is under pressure; uhl is a lower-case word here.",
    ],
)
def test_generic_words_do_not_become_organisations(nlp: Language, text: str) -> None:
    assert [s for s in _doc(nlp, text).spans["orgs"] if s.id_] == []


def test_ambiguous_mention_is_kept_unresolved_with_candidates(nlp: Language) -> None:
    doc = _doc(nlp, "Queen Elizabeth Hospital was named in the report.")
    (span,) = doc.spans["orgs"]
    assert (span.id_, span.label_) == ("", "")
    link = span._.link
    assert isinstance(link, Link)
    assert {"RCX", "RRK", "RR7"} <= set(link.candidates)


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("Lynn's Queen Elizabeth Hospital has left special measures, the King's Lynn paper says.",
     "Queen Elizabeth Hospital", "RCX"),
    ("King’s Lynn Queen Elizabeth Hospital leaves special measures. The QEH is now in segment 3.", "QEH", "RCX"),
    ("The QEH has moved to segment 3, the hospital in King's Lynn said on Friday.", "QEH", "RCX"),
    ("Queen Elizabeth Hospital was ranked 12th. Gateshead's health leaders welcomed it.",
     "Queen Elizabeth Hospital", "RR7"),
    ("Staff at Birmingham's Queen Elizabeth Hospital were thanked.", "Queen Elizabeth Hospital", "RRK"),
    ("Two BHT nurses were honoured. Buckinghamshire's hospitals are in segment 2.", "BHT", "RXQ"),
])
def test_an_ambiguous_name_means_the_candidate_whose_place_the_document_names(
        nlp: Language, text: str, mention: str, code: str) -> None:
    """A name several bodies share ("Queen Elizabeth Hospital", "QEH") means the one whose own
    name's place words ("King's Lynn", "Gateshead") all stand in the document."""
    links = [s._.link for s in _doc(nlp, text).spans["orgs"] if s.text == mention]
    assert links and {link.code for link in links} == {code}
    assert all("place the document names" in link.reason for link in links)


@pytest.mark.parametrize(("text", "code"), [
    ("Norfolk and Waveney ICB was told to improve. The Queen Elizabeth Hospital is also in segment 4.", "RCX"),
    ("The Queen Elizabeth Hospital was praised, as was its ICB, NHS Norfolk and Waveney.", "RCX"),
    ("North East and North Cumbria ICB named the Queen Elizabeth Hospital among its best.", "RR7"),
])
def test_an_ambiguous_name_means_the_candidate_in_the_icb_the_document_names(
        nlp: Language, text: str, code: str) -> None:
    links = [s._.link for s in _doc(nlp, text).spans["orgs"] if s.text == "Queen Elizabeth Hospital"]
    assert [link.code for link in links] == [code]
    assert "in the ICB the document names" in links[0].reason


@pytest.mark.parametrize("text", [
    "Queen Elizabeth Hospital was named in the report, as were hospitals in Birmingham and King's Lynn.",
    "The QEH was praised in a King's Fund report.",  # "King" without "Lynn" names no place
    "The QEH in Woolwich was praised.",  # Woolwich is not in the name of the trust that runs it
    "Norfolk and Waveney ICB and South East London ICB both named the Queen Elizabeth Hospital.",
])
def test_an_ambiguous_name_stays_unresolved_without_one_named_place(nlp: Language, text: str) -> None:
    spans = [s for s in _doc(nlp, text).spans["orgs"] if s.text in ("QEH", "Queen Elizabeth Hospital")]
    assert spans and all(not s.id_ for s in spans)


@pytest.mark.parametrize(("text", "mention", "code"), [
    # the trust that runs it, named in full
    ("Sandwell and West Birmingham Hospitals NHS Trust said City Hospital was busy.", "City Hospital", "RXK"),
    ("Queen's Hospital is in segment 4, Barking, Havering and Redbridge University Hospitals NHS Trust said.",
     "Queen's Hospital", "RF4"),
    # the site's own town
    ("Waits at City Hospital were the longest in Birmingham this winter.", "City Hospital", "RXK"),
    ("Romford's Queen's Hospital was full on Monday.", "Queen's Hospital", "RF4"),
    ("Queens Hospital (Romford) had its busiest day.", "Queens Hospital", "RF4"),
    # another trust of its ICB
    ("Walsall Healthcare NHS Trust and City Hospital both declared critical incidents.", "City Hospital", "RXK"),
    # its ICB
    ("NHS Black Country Integrated Care Board praised staff at City Hospital.", "City Hospital", "RXK"),
])
def test_a_generic_site_name_names_its_trust_when_the_page_says_where(
        nlp: Language, text: str, mention: str, code: str) -> None:
    links = [s._.link for s in _doc(nlp, text).spans["orgs"] if s.text == mention]
    assert links and {link.code for link in links} == {code}


@pytest.mark.parametrize(("text", "mention"), [
    ("City Hospital is in segment 4.", "City Hospital"),
    ("Nottingham University Hospitals NHS Trust runs the Queen's Medical Centre and City Hospital.", "City Hospital"),
    ("Operations were cancelled at City Hospital, Nottingham University Hospitals NHS Trust said.", "City Hospital"),
    ("City Hospital, the trust's second site, is in segment 4.", "City Hospital"),
    ("Queen's Hospital in Burton was praised by University Hospitals of Derby and Burton.", "Queen's Hospital"),
    ("Queen's Hospital was full, Leeds Teaching Hospitals NHS Trust said.", "Queen's Hospital"),
])
def test_a_bare_generic_site_name_stays_unresolved(nlp: Language, text: str, mention: str) -> None:
    spans = [s for s in _doc(nlp, text).spans["orgs"] if s.text == mention]
    assert all(not s.id_ for s in spans)
    assert all("generic site name" in s._.link.reason for s in spans)


@pytest.mark.parametrize(("text", "mention", "code"), [
    # also the name of the trust that ran it until 2006
    ("Published 2025. Nottingham City Hospital was busy.", "Nottingham City Hospital", "RCS"),
    ("City Hospital in Birmingham was busy.", "City Hospital in Birmingham", "RXK"),
    ("The Royal Victoria Infirmary was busy.", "Royal Victoria Infirmary", "RTD"),
])
def test_a_site_name_that_says_where_still_resolves_alone(nlp: Language, text: str, mention: str, code: str) -> None:
    assert [(s.text, s.id_) for s in _doc(nlp, text).spans["orgs"]] == [(mention, code)]


@pytest.mark.parametrize("text", [
    "Ministers praised Sherwood Forest, Wye Valley, and Norfolk and Suffolk trusts for their progress.",
    "Wye Valley and Norfolk and Suffolk trusts left the regime this autumn.",
    "Norfolk and Suffolk, Sherwood Forest and Wye Valley trusts left special measures in 2016.",
    "Trusts leaving were Sherwood Forest, Norfolk and Suffolk and Wye Valley trusts.",
])
def test_a_bare_place_listed_with_trusts_under_one_type_word_is_the_trust_of_that_name(
        nlp: Language, text: str) -> None:
    found = {s.text: s.id_ for s in _doc(nlp, text).spans["orgs"]}
    assert found.get("Norfolk and Suffolk") == "RMY" and found.get("Wye Valley") == "RLQ"


@pytest.mark.parametrize("text", [
    "Below them come Lancashire Teaching Hospitals (129th), Wye Valley NHS Trust (130th) and Mid and South "
    "Essex (131st).",
    "Lancashire Teaching Hospitals, Wye Valley NHS Trust and Mid and South Essex are all in segment 4.",
    "Mid and South Essex (4), Lancashire Teaching Hospitals (4) and Wye Valley NHS Trust (3) were listed.",
])
def test_a_bare_place_listed_with_two_trusts_is_the_trust_of_that_name(nlp: Language, text: str) -> None:
    """Without a type word, a list naming two trusts or more makes its bare place a trust too
    (bracketed ranks or segments between the names do not break the list)."""
    found = {s.text: s.id_ for s in _doc(nlp, text).spans["orgs"]}
    assert found.get("Mid and South Essex") == "RAJ"


@pytest.mark.parametrize("text", [
    "Wye Valley NHS Trust and Mid and South Essex were praised.",  # one trust named: not a list of trusts
    "Lancashire Teaching Hospitals, Wye Valley NHS Trust and Kent were praised.",
    "Lancashire Teaching Hospitals (129th), Wye Valley NHS Trust (130th) and the Isle of Wight (131st) were named.",
])
def test_a_bare_place_beside_fewer_trusts_or_not_a_whole_name_stays_a_place(nlp: Language, text: str) -> None:
    assert {s.text for s in _doc(nlp, text).spans["orgs"] if s.id_} <= {"Lancashire Teaching Hospitals",
                                                                         "Wye Valley NHS Trust"}


@pytest.mark.parametrize("text", [
    "Norfolk and Suffolk trusts reported long waits.",  # no body of the list named: geography
    "Wye Valley, Kent and London trusts were praised.",  # Kent Community Health is more than 'Kent'
    "Wye Valley and Devon trusts were praised.",
])
def test_a_listed_place_that_is_not_a_whole_trust_name_stays_a_place(nlp: Language, text: str) -> None:
    doc = _doc(nlp, text)
    assert all(s.text in ("Wye Valley",) for s in doc.spans["orgs"] if s.id_)


@pytest.mark.parametrize("text", [
    "They are Whittington Health in North East London, East Kent Hospitals and Medway Hospitals in Kent.",
    "Whittington Health in North East London, East Kent Hospitals and Medway trusts are named.",
])
def test_a_place_saying_where_a_listed_body_is_stays_a_place(nlp: Language, text: str) -> None:
    """"in North East London" places the body before it; a body of that name (North East London
    NHS Foundation Trust) is not meant, list or no list."""
    assert "North East London" not in {s.text for s in _doc(nlp, text).spans["orgs"] if s.id_}


def test_bare_place_names_can_be_kept_when_asked() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_orgs", config={"keep_unresolved_places": True})
    doc = nlp("Frimley is a town in Surrey.")
    assert [(s.text, s.id_) for s in doc.spans["orgs"]] == [("Frimley", "")]
    assert {"QNQ", "RDU"} <= set(doc.spans["orgs"][0]._.link.candidates)


def test_link_extension_explains(nlp: Language) -> None:
    doc = _doc(nlp, "Only one ICS – Frimley – is assigned to Segment 1.")
    link = doc.spans["orgs"][0]._.link
    assert link.code == "QNQ" and link.name == "NHS Frimley Integrated Care Board"
    assert "icb" in link.reason


def test_document_date_picks_the_name_of_the_time(nlp: Language) -> None:
    doc = _doc(nlp, "Western Sussex Hospitals was rated outstanding.", published="2016-10-21")
    (span,) = doc.spans["orgs"]
    assert span.id_ == "RYR"
    assert span._.link.name.startswith("Western Sussex Hospitals")


def test_running_twice_does_not_duplicate(nlp: Language) -> None:
    doc = _doc(nlp, "East Kent Hospitals and GMMH were rated.")
    again = nlp.get_pipe("extractor_orgs")(doc)
    assert len(again.spans["orgs"]) == 2
    keep = OrgLinker(nlp, overwrite=False)
    third = keep(again)
    assert len(third.spans["orgs"]) == 2


def test_overwrite_false_keeps_other_spans(nlp: Language) -> None:
    doc = nlp.make_doc("Medway Hospitals was rated by the Care Quality Commission.")
    doc.spans["orgs"] = [Span(doc, 6, 9, label="REGULATOR")]
    doc = OrgLinker(nlp, overwrite=False)(doc)
    assert [s.label_ for s in doc.spans["orgs"]] == ["acute", "REGULATOR"]


def _refs(doc: Doc) -> list[tuple[str, str, str]]:
    return [(s.text, s.id_, s.label_) for s in doc.spans["org_refs"]]


def test_self_references_resolve_to_the_publisher(nlp: Language) -> None:
    text = "The Trust has moved to segment 3. Our Trust board thanked staff."
    anon = _doc(nlp, text)
    assert _refs(anon) == [("The Trust", PUBLISHER, "trust"), ("Our Trust", PUBLISHER, "trust")]
    assert _found(anon) == []
    own = _doc(nlp, text, source="https://www.ekhuft.nhs.uk/news/segment-update")
    assert _refs(own) == [("The Trust", "RVV", "acute"), ("Our Trust", "RVV", "acute")]
    assert _found(own) == [], "self-references are kept apart from named mentions"
    assert "self-reference" in own.spans["org_refs"][0]._.link.reason
    titled = _doc(nlp, text, title="Medway NHS Foundation Trust: board statement")
    assert {s.id_ for s in titled.spans["org_refs"]} == {"RPA"}


@pytest.mark.parametrize("pronouns, expected", [(True, [("We", "RX1")]), (False, [])])
def test_pronouns_can_be_switched_off(pronouns: bool, expected: list) -> None:
    """'we' and 'us' name the home organisation; 'our' alone is a possessive, not a name."""
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_orgs", config={"pronouns": pronouns})
    doc = nlp.make_doc("We are proud of our staff.")
    if Doc.has_extension("source"):
        doc._.source = "https://www.nuh.nhs.uk/news"
    else:
        doc.user_data["source"] = "https://www.nuh.nhs.uk/news"
    doc = nlp.get_pipe("extractor_orgs")(doc)
    assert [(s.text, s.id_) for s in doc.spans["org_refs"]] == expected


def test_spans_and_links_survive_serialisation(nlp: Language) -> None:
    doc = _doc(nlp, "Only one ICS – Frimley – is assigned to Segment 1.")
    restored = next(iter(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab)))
    (span,) = restored.spans["orgs"]
    assert (span.id_, span.label_) == ("QNQ", "icb")
    assert span._.link.code == "QNQ"


def test_pipe_over_many_docs(nlp: Language) -> None:
    docs = list(nlp.pipe(["UHL and NUH were in segment 4."] * 5))
    assert all([s.id_ for s in d.spans["orgs"]] == ["RWE", "RX1"] for d in docs)


def test_surface_variants_cover_spelling() -> None:
    forms = surface_variants("Hampshire and Isle of Wight")
    assert "Hampshire & the Isle of Wight" in forms
    assert "King’s College Hospital" in surface_variants("King's College Hospital")
    assert "Kings College Hospital" in surface_variants("King's College Hospital")
    isles = surface_variants("NHS Cornwall and the Isles of Scilly Integrated Care Board")
    assert "NHS Cornwall and Isles of Scilly Integrated Care Board" in isles


def test_an_isles_name_written_without_the_is_found(nlp: Language) -> None:
    doc = nlp("NHS Cornwall and Isles of Scilly Integrated Care Board is in segment 3.")
    assert [s.id_ for s in doc.spans["orgs"]] == ["QT6"]


def test_type_words_do_not_cross_sentences() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("extractor_orgs")
    doc = nlp("Three were ambulance trusts. London saw long waits.")
    assert [s.id_ for s in doc.spans["orgs"]] == []
    doc = nlp("Three were ambulance trusts: London and South Central.")
    assert [s.id_ for s in doc.spans["orgs"]] == ["RRU", "RYE"]
