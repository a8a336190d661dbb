"""``extractor_sentences``: sentence and block boundaries for news text, board papers and
tables. A claim read across a wrong boundary pairs a count with another sentence's
segment, so the splitter is tested on the layouts the sources produce."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.language import Language


def sentences(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


CASES = [
    ("Four ICSs are in segment 4. Only one is in segment 1.",
     ["Four ICSs are in segment 4.", "Only one is in segment 1."]),
    ("Is it fair? The trust says no! It will appeal.",
     ["Is it fair?", "The trust says no!", "It will appeal."]),
    ("The trust at St. Helens is in segment 3.", ["The trust at St. Helens is in segment 3."]),
    ("See item No. 4 of the agenda.", ["See item No. 4 of the agenda."]),
    ("Dr. Smith said so. The board agreed.", ["Dr. Smith said so.", "The board agreed."]),
    ("The growth was 2.5 per cent. Then it fell.", ["The growth was 2.5 per cent.", "Then it fell."]),
    ("“We are in segment 2.” The chair was pleased.",
     ["“We are in segment 2.”", "The chair was pleased."]),
    ("The report (published today.) said 23 of 42 ICSs are in segment 3.",
     ["The report (published today.) said 23 of 42 ICSs are in segment 3."]),
    ("It fell by 3. 23 trusts are in segment 3.", ["It fell by 3.", "23 trusts are in segment 3."]),
    ("Headline about segments\n\nBody text follows here.",
     ["Headline about segments", "Body text follows here."]),
    ("More than half (23) of the 42 integrated care systems in England\nfall into segment 3 this quarter.",
     ["More than half (23) of the 42 integrated care systems in England\nfall into segment 3 this quarter."]),
    ("Segment summary:\nSegment 1: 30 trusts\nSegment 2: 84 trusts",
     ["Segment summary:", "Segment 1: 30 trusts", "Segment 2: 84 trusts"]),
    ("Organisation | Segment\nEast Kent Hospitals | 4\nMedway | 3",
     ["Organisation | Segment", "East Kent Hospitals | 4", "Medway | 3"]),
    ("Trust                 Segment\nBarts Health          3\nKing's College         4",
     ["Trust                 Segment", "Barts Health          3", "King's College         4"]),
    ("They are:\n- Devon\n- Norfolk and Waveney\n- Frimley",
     ["They are:", "- Devon", "- Norfolk and Waveney", "- Frimley"]),
    ("The trusts are\n1. East Kent\n2. Medway", ["The trusts are", "1. East Kent", "2. Medway"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentences(nlp: Language, text: str, expected: list[str]) -> None:
    assert sentences(nlp, text) == expected


def test_sentences_cover_the_text(nlp: Language) -> None:
    text = "Four ICSs are in segment 4.\n\nOnly one is in segment 1. The rest vary."
    doc = nlp(text)
    assert "".join(s.text_with_ws for s in doc.sents) == text


def test_first_token_starts_a_sentence(nlp: Language) -> None:
    assert nlp("segment 3")[0].is_sent_start


def test_text_without_full_stops_is_cut_into_bounded_sentences(nlp):
    """A scraped list or hostile page with no full stops must not become one 100k-token sentence."""
    from extractor.pipeline.sentences import MAX_SENTENCE

    text = ", ".join(["the trust in segment 3 and 12 trusts of the 42 ICBs"] * 2000)
    doc = nlp(text)
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) <= MAX_SENTENCE and sum(lengths) == len(doc)
    assert all(doc[s.start - 1].text == "," for s in list(doc.sents)[1:])  # cut after commas where it can


WORDS = [
    "It fell by 3. 23 trusts are in segment 3.", "St. Helens and Dr. Smith (No. 4).\n\n1. East Kent",
    "Trust  |  Segment\n  Medway  3 \n", "Twelve, 12.5% and ten. “Quoted.” Yes! ", "a", "  \n",
]


@pytest.mark.parametrize("text", WORDS)
def test_the_splitter_reads_what_the_tokens_say(nlp: Language, text: str) -> None:
    """The splitter reads words from the Doc's arrays, not Tokens: the two must agree,
    including a following space worked out from where the next token starts."""
    from extractor.pipeline.sentences import _Words

    doc = nlp.make_doc(text)
    words = _Words(doc)
    for token in doc:
        i = token.i
        assert (words.text(i), words.lower_(i), words.like_num(i)) == (token.text, token.lower_, token.like_num)
        if i + 1 < len(doc):
            assert words.ws(i) == bool(token.whitespace_)


@pytest.mark.parametrize("text", [*WORDS, CASES[0][0], CASES[-3][0], ", ".join(["the trust in segment 3"] * 300)])
def test_the_kept_sentence_starts_are_the_docs(nlp: Language, text: str) -> None:
    """The splitter keeps the sentence starts it marks: they are those the Doc's array says."""
    import numpy
    from spacy.attrs import SENT_START

    from extractor.pipeline.extensions import sentence_starts

    doc = nlp(text)
    assert sentence_starts(doc) == numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    assert sentence_starts(doc) == [s.start for s in doc.sents]


def _starts_asking_every_token(nlp: Language, text: str) -> list[int]:
    """The splitter's starts, as ``_starts`` says them for every token (no ``_MAY_END`` search)."""
    from extractor.pipeline.sentences import SentenceSplitter, _Words

    doc = nlp.make_doc(text)
    words = _Words(doc)
    found = [0] + [i + 1 for i in range(len(doc) - 1) if SentenceSplitter._starts(words, text, i)]
    return sorted({*found, *SentenceSplitter._bound(words, [*found, len(doc)])})


PIECES = ["Trust", "segment", "3", "4.5", "St.", "e.g.", "U.K.", ".", "!", "?", "...", "”", "“", '"', "’", "'s", ")",
          "(", ",", ";", ":", "-", "|", "1.", "a)", "\n", "\n\n", "  ", "\t"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " ", "  ", "\n", " \n"])), max_size=40))
@example([("segment", ""), (".", " "), ("”", " "), ("Trust", "")])
@example([("3", ""), ("!", ""), (")", " "), ("Trust", "")])
@example([("segment", ""), ("...", ""), ("’", "\n"), ("Trust", "")])
def test_the_splitter_asks_only_where_a_sentence_can_end(nlp: Language, parts: list[tuple[str, str]]) -> None:
    """Only the tokens holding a ``_MAY_END`` match are asked about: the starts are those of
    asking about every token."""
    from spacy.attrs import SENT_START

    text = "".join(piece + gap for piece, gap in parts)
    if not text:
        return
    doc = nlp.get_pipe("sentences")(nlp.make_doc(text))
    marked = [i for i, mark in enumerate(doc.to_array(SENT_START).tolist()) if mark == 1]
    assert marked == _starts_asking_every_token(nlp, text)
