"""A page that never says whose it is: "our trust" still stands for its publisher.

Board papers lose their letterhead when copied into plain text, trust web pages are often
saved without their address, and an archive may hold a trust's page under a host that
names nobody. Their "our trust", "we" and "the Trust" are then kept
as self-references to an unnamed publisher (``PUBLISHER``), so the record builders can
place them as written; where the page's "we" may be someone else's, they are not.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline.orgs import PUBLISHER

from .conftest import linked as _doc


@pytest.fixture(scope="module")
def nlp(linker: Language) -> Language:
    return linker


# A heading and an opening paragraph naming nobody (a body named in the first 300 characters
# is taken as the page's own by the record builders).
OPENING = ("Chief executive's report\n\n" + "This report updates the board on national, regional and local "
           "matters since its last meeting held in public, and should be read with the performance report. " * 3
           + "\n\n")


def _refs(doc: Doc) -> list[tuple[str, str]]:
    return [(s.text, s.id_) for s in doc.spans["org_refs"]]


@pytest.mark.parametrize("text, form", [
    ("Our trust has moved into segment 2.", "Our trust"),
    ("The regional team agreed for our trust to be moved up from Segment 3 to Segment 2.", "our trust"),
    ("In 2024/25 our Foundation Trust remained in segment 3.", "our Foundation Trust"),
    ("Our ICB is in segment 2 of the framework.", "Our ICB"),
    ("Since June our integrated care board has been in Segment Four.", "our integrated care board"),
    ("Our organisation was ranked 30th of 61.", "Our organisation"),
])
def test_first_person_forms_stand_for_the_publisher_beside_other_names(nlp: Language, text: str, form: str) -> None:
    """'our trust' is the publisher's even when the page names other bodies (its ICB, a partner)."""
    doc = _doc(nlp, OPENING + "We work with Kent and Medway ICB and Dartford and Gravesham NHS Trust. " + text)
    assert (form, PUBLISHER) in _refs(doc)


@pytest.mark.parametrize("text, form", [
    ("The trust is currently placed in segment 2.", "The trust"),
    ("The Trust has moved to segment 3.", "The Trust"),
    ("We ranked 30th of 61 trusts.", "We"),
    ("NHS England has placed us in segment 2.", "us"),
    ("This organisation remains in 'segment 3'.", "This organisation"),
    ("The ICB remains in segment 3.", "The ICB"),
])
def test_definite_forms_and_pronouns_stand_for_the_publisher_on_a_page_naming_nobody(
        nlp: Language, text: str, form: str) -> None:
    assert _refs(_doc(nlp, text)) == [(form, PUBLISHER)]


@pytest.mark.parametrize("text", [
    "Medway NHS Foundation Trust met on Monday. In a statement, we said we are in segment 2.",
    "Dartford and Gravesham NHS Trust and Medway NHS Foundation Trust met. The Trust is in segment 3.",
])
def test_definite_forms_and_pronouns_beside_names_are_not_the_publisher(nlp: Language, text: str) -> None:
    """Beside named bodies, 'we' may be any of them: it stays unresolved, as does 'the Trust'
    when two trusts are named before it."""
    assert all(code != PUBLISHER for _, code in _refs(_doc(nlp, text)))


def test_the_trust_named_before_is_taken_up_by_the_trust_not_by_our_trust(nlp: Language) -> None:
    """'the Trust' after a named trust is that trust; 'our trust' is still the page's own."""
    text = OPENING + "Medway NHS Foundation Trust published its results. {} remains in segment 3."
    assert _refs(_doc(nlp, text.format("The Trust"))) == [("The Trust", "RPA")]
    assert _refs(_doc(nlp, text.format("Our trust"))) == [("Our trust", PUBLISHER)]


@pytest.mark.parametrize("text", [
    '"We are in the bottom segment," said the finance director of one trust.',
    "“In our case we are in segment 4,” a chief executive said.",
    "“Our trust has been moved to segment 2,” said the chair.",
    "The director said: \u201cCut the deficit. Keep people safe. Our trust is in segment 4 and we know it.\u201d",
    '"Cut the deficit," he said. "In our case we are in segment 4."',
])
def test_a_quoted_speaker_is_not_the_publisher(nlp: Language, text: str) -> None:
    assert _refs(_doc(nlp, text)) == []


@pytest.mark.parametrize("text", [
    "The board agreed the plan for segment 2.",
    "Our board noted that the rating is segment 3.",
])
def test_the_board_never_stands_for_an_unnamed_publisher(nlp: Language, text: str) -> None:
    """Boards meet in trusts and ICBs alike: 'the board' says nothing of which it is."""
    assert _refs(_doc(nlp, text)) == []


@pytest.mark.parametrize("opening", [
    "Medway NHS Foundation Trust: news\n\n",
    "Update from the chief executive of Medway NHS Foundation Trust\n\n",
    "Board of Directors\nMedway NHS Foundation Trust\n11 December 2025\n\n",
])
def test_a_body_named_in_the_heading_is_the_page_s_own(nlp: Language, opening: str) -> None:
    """A masthead makes its body the home; a heading naming one makes the record builders take
    it as the publisher: no unnamed one then."""
    assert all(ref != PUBLISHER for _, ref in _refs(_doc(nlp, opening + "Our trust has moved into segment 2.")))
    assert ("Our trust", PUBLISHER) in _refs(_doc(nlp, OPENING + "Our trust works with Medway NHS Foundation Trust."))


@pytest.mark.parametrize("opening, text, expected", [
    ("Medway NHS Foundation Trust: news\n\n", "The regional team agreed for our trust to be moved to Segment 2.",
     ("our trust", "RPA")),
    ("Chief executive's report, Buckinghamshire Healthcare NHS Trust\n\n",
     "NHS England has agreed that our Foundation Trust moves up from segment 3.", ("our Foundation Trust", "RXQ")),
    ("Board of Directors\nMedway NHS Foundation Trust\n\n", "This year our organisation was ranked 30th of 61.",
     ("our organisation", "RPA")),
    ("Kent and Medway ICB: board papers\n\n", "Since June our ICB has been in Segment 2.", ("our ICB", "QKS")),
])
def test_our_trust_anywhere_is_the_body_the_heading_names(nlp: Language, opening: str, text: str,
                                                          expected: tuple[str, str]) -> None:
    """On a page with no home whose heading names a body, a first-person form in mid-sentence
    stands for that body, as a sentence opening with it does for the record builders."""
    assert expected in _refs(_doc(nlp, opening + OPENING + text))


def test_our_trust_is_not_the_icb_the_heading_names(nlp: Language) -> None:
    """The heading's body must be of the form's kind: "our trust" is no ICB."""
    doc = _doc(nlp, "Kent and Medway ICB: board papers\n\n" + OPENING + "Our trust was moved to Segment 2.")
    assert [ref for form, ref in _refs(doc) if form == "Our trust"] == []
