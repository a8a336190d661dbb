"""A quoted "we" on a page that is not the speaker's own is the body its attribution names.

A news page quoting a trust's chief executive ('"We are now in segment 3," said ...') has
no home organisation: the "we" is the speaker's body when the quotation's own sentence
says plainly who speaks for whom, and nobody otherwise.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline.speakers import Named, attributions, quotation, speaker

from .conftest import linked as _doc

MEDWAY = "Medway NHS Foundation Trust"
NEWS = "Local news\n\nHospital leaves the bottom segment\n\n"


@pytest.fixture(scope="module")
def nlp(linker: Language) -> Language:
    return linker


def _refs(doc: Doc) -> list[tuple[str, str]]:
    return [(s.text, s.id_) for s in doc.spans["org_refs"]]


@pytest.mark.parametrize("text, form", [
    (f'"We are delighted to be in segment 3," said Jane Roe, chief executive of {MEDWAY}.', "We"),
    (f"\u201cWe have left segment 4,\u201d said Jane Roe, {MEDWAY}'s chief executive.", "We"),
    (f'"Our trust is now in segment 3," said a spokesperson for {MEDWAY}.', "Our trust"),
    (f'"We have worked hard for this," {MEDWAY} chief executive Jane Roe said.', "We"),
    (f'"We are pleased," {MEDWAY} said in a statement.', "We"),
    (f'"We are pleased," said {MEDWAY}.', "We"),
    (f'"We are pleased," {MEDWAY} has said.', "We"),
    (f'Jane Roe, chief executive of {MEDWAY}, said: "We are now in segment 3."', "We"),
    (f'In a statement, {MEDWAY} said: "We accept that we are in segment 4."', "We"),
    (f'The chair of {MEDWAY}, Dr. Sam Lee, added: "Our trust has come a long way."', "Our trust"),
    (f'Speaking on Tuesday, Jane Roe, the interim chief executive at {MEDWAY}, told staff: "We are in segment 3."',
     "We"),
    # single marks, as British news writes them
    (f"'We are delighted to be in segment 3,' said Jane Roe, chief executive of {MEDWAY}.", "We"),
    (f"\u2018We have left segment 4 at last,\u2019 said Jane Roe, {MEDWAY}'s chief executive.", "We"),
    (f"Jane Roe, chief executive of {MEDWAY}, said: 'We're now in segment 3 and we're proud of it.'", "We"),
])
def test_the_attribution_names_the_speaker_s_body(nlp: Language, text: str, form: str) -> None:
    assert (form, "RPA") in _refs(_doc(nlp, NEWS + text))


@pytest.mark.parametrize("text", [
    f'{MEDWAY} has moved to segment 3. "We are delighted," its chief executive said.',
    f'{MEDWAY} has moved to segment 3. "We are delighted," said the trust\'s chair, Sam Lee.',
    f'{MEDWAY} has moved to segment 3. Its chief executive, Jane Roe, said: "We are delighted."',
])
def test_its_chief_executive_is_the_body_named_before(nlp: Language, text: str) -> None:
    assert ("We", "RPA") in _refs(_doc(nlp, NEWS + text))


@pytest.mark.parametrize("text", [
    # no body in the attribution, or a body that is not the speaker's
    f'{MEDWAY} is in segment 3. "We will keep pressing for better care," said councillor Bob Hart.',
    '"We are in segment 4," said Jane Roe, chief executive of a trust in Kent.',
    # two bodies: whose is the speaker?
    f'"We are in segment 3," said Jane Roe, who moved to {MEDWAY} from Dartford and Gravesham NHS Trust.',
    # a body named in the sentence but not speaking, with no role or speech verb beside it
    f'"We are in segment 3 now, unlike {MEDWAY}," the report concluded.',
    # no speech verb: not an attribution
    f'"We are in segment 3" was the headline above a story about {MEDWAY}.',
    # "its" with two bodies named before: which one?
    f'{MEDWAY} and Dartford and Gravesham NHS Trust met. "We are pleased," its chief executive said.',
])
def test_an_attribution_that_does_not_say_whose_names_nobody(nlp: Language, text: str) -> None:
    assert all(code in ("",) or code != "RPA" for _, code in _refs(_doc(nlp, NEWS + text))), _refs(
        _doc(nlp, NEWS + text))


@pytest.mark.parametrize("text", [
    # apostrophes are no quotation marks: the page's own "we" stays the publisher's
    f"We're pleased that the trusts' work has paid off, said {MEDWAY}'s chair. We are in segment 2.",
    f"The board's view: we are in segment 2, said the chief executive of {MEDWAY}.",
])
def test_apostrophes_open_no_quotation(text: str) -> None:
    assert quotation(text, text.index(" are in segment")) is None


def test_a_quoted_speaker_s_body_must_fit_the_form(nlp: Language) -> None:
    """'our ICB' quoted from a trust's chief executive is not that trust."""
    text = NEWS + f'"Our ICB has been placed in segment 3," said Jane Roe, chief executive of {MEDWAY}.'
    assert ("Our ICB", "RPA") not in _refs(_doc(nlp, text))


def test_a_home_page_keeps_its_own_we(nlp: Language) -> None:
    """On the trust's own page (its address), a quoted "we" is still the page's body."""
    text = 'News\n\n"We are delighted," said Jane Roe, chief executive of Dartford and Gravesham NHS Trust.'
    refs = _refs(_doc(nlp, text, url="https://www.medway.nhs.uk/news/segment"))
    assert refs == [("We", "RPA")]


@pytest.mark.parametrize("text, at, expected", [
    ('He said "we are here" today.', 10, (8, 20)),
    ("\u201cWe are here\u201d, he said.", 2, (0, 12)),
    ('"We are here and it goes on', 3, (0, 27)),
    ('He said we are here.', 9, None),
    ('"Done." Then we left.', 14, None),
    ("He said 'we are here,' today.", 10, (8, 21)),
    ("'Done,' he said. Then we left.", 22, None),
    ("It's the trust's view that we are here.", 27, None),
])
def test_quotation_bounds(text: str, at: int, expected: tuple[int, int] | None) -> None:
    assert quotation(text, at) == expected


def test_attributions_need_a_speech_verb() -> None:
    text = '"We are here," said Jo. "We are not," was the reply.'
    assert attributions(text, 2) == [(14, 23)]
    assert attributions(text, 26) == []


def test_speaker_reads_named_bodies_by_their_characters() -> None:
    text = '"We are here," said Jo, chief executive of Trust A.'
    named = [Named(text.index("Trust A"), text.index("Trust A") + 7, "AAA")]
    assert speaker(text, 2, named) == ("AAA", "", 14)
    assert speaker(text, 2, []) is None
