"""The membership builders skip sentences that cannot yield a record; these tests state that
promise: with each pre-test (gate) turned off, or a fast path replaced by the plain word-by-word
reading it stands for, every document of ``corpora/`` and the sentences below give the same
records."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.pipeline.extensions import doc_cache, sentences, span_text, spans_in
from extractor.pipeline.segments import placing_segments
from extractor.reading import memberships, read_doc, subjects, tables
from extractor.reading.claims import read_claims
from extractor.records import DocResult

CORPORA = Path(__file__).resolve().parents[2] / "corpora"

# own sentences: lists placed by their own segment, by the sentence before, by a programme, and none
LISTS = [
    "The providers in segment 3 are Barts Health, Medway NHS Foundation Trust and Wye Valley NHS Trust.",
    "Two trusts sit in segment 4. They are East Kent Hospitals and Barts Health.",
    "The trusts in the programme include Medway NHS Foundation Trust, Barts Health and Wye Valley NHS Trust.",
    "The trusts in special measures are Medway NHS Foundation Trust and Barts Health.",
    "These boards were thanked: Kent and Medway ICB, Frimley ICB and Dorset ICB.",
    "Barts Health now sits in segment 4 alongside Medway NHS Foundation Trust and Wye Valley NHS Trust.",
    "The meeting was held in public. The minutes include a list of Barts Health and Medway items.",
]


def _texts() -> list[str]:
    return [*LISTS, *(p.read_text(encoding="utf-8") for p in sorted(CORPORA.glob("*.txt")))]


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    return list(nlp.pipe(_texts()))


def _records(docs: list[Doc]) -> list[list[tuple]]:
    return [[(m.name, m.segment, m.from_segment, m.start) for m in read_doc(doc).memberships] for doc in docs]


def test_list_sentences_gate_skips_only_sentences_without_a_list(docs: list[Doc],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    gated = _records(docs)
    monkeypatch.setattr(memberships, "_may_list", lambda *args: True)
    assert _records(docs) == gated


def test_list_candidates_are_every_sentence_may_list_passes(docs: list[Doc]) -> None:
    for doc in docs:
        by_sentence = memberships.sentence_segments(doc)
        passed = [si for si, sent in enumerate(sentences(doc))
                  if memberships._may_list(doc, sent, by_sentence[si], by_sentence[si - 1] if si else [])]
        candidates = memberships._list_candidates(doc, by_sentence)
        assert set(passed) <= set(candidates) and candidates == sorted(candidates)


@pytest.mark.parametrize("text", ["İn the programme are Barts Health and Medway NHS Foundation Trust.",
                                  "  \n The Trusts in the RSP include Barts Health and Wye Valley NHS Trust.",
                                  "THESE trusts were thanked: Barts Health and Medway NHS Foundation Trust."])
def test_list_candidates_keep_odd_openings(nlp: Language, text: str) -> None:
    doc = nlp(text)
    by_sentence = memberships.sentence_segments(doc)
    for si, sent in enumerate(sentences(doc)):
        if memberships._may_list(doc, sent, by_sentence[si], by_sentence[si - 1] if si else []):
            assert si in memberships._list_candidates(doc, by_sentence)


@pytest.mark.parametrize("claims_first", [False, True])
def test_sentence_segments_are_each_sentences_placing_segments(docs: list[Doc], claims_first: bool) -> None:
    """Asked alone, or after the claims have answered for the segments of their sentences."""
    for doc in docs:
        usable = placing_segments(doc)
        expected = [[s for s in spans_in(doc, "segments", sent.start, sent.end) if (s.start, s.end) in usable]
                    for sent in sentences(doc)]
        if claims_first:
            read_claims(doc, DocResult())
        doc_cache(doc, "members").pop("sentence_segments", None)
        assert memberships.sentence_segments(doc) == expected


def _marker_word_by_word(sent: Span) -> tuple[int, int] | None:
    """The marker search as first written: every word of the sentence in turn."""
    toks = [t for t in sent if not t.is_space]
    lead = span_text(sent).lstrip().lower()
    for k, tok in enumerate(toks):
        word = tok.lower_
        two = f"{word} {toks[k + 1].lower_}" if k + 1 < len(toks) else ""
        if two in memberships.LIST_MARKERS:
            return tok.i, toks[k + 1].i + 1
        if word not in memberships.LIST_MARKERS:
            continue
        if word in {"are", "were"} and not (lead.startswith(memberships._SUBJECT_STARTS) and k <= 8):
            continue
        if k + 1 < len(toks) and (toks[k + 1].is_title or toks[k + 1].lower_ == "the"):
            return tok.i, toks[k + 1].i
    return None


def test_marker_reads_as_word_by_word(docs: list[Doc]) -> None:
    for doc in docs:
        for sent in sentences(doc):
            assert memberships._marker(doc, sent) == _marker_word_by_word(sent), sent.text


def _all_records(docs: list[Doc]) -> list[tuple[list, list, list]]:
    out = []
    for doc in docs:
        result = read_doc(doc)
        out.append(([(c.org_type, c.segments, c.count, c.total, c.start) for c in result.claims],
                    [(m.name, m.segment, m.from_segment, m.start) for m in result.memberships],
                    [(r.name, r.rank, r.start) for r in result.rankings]))
    return out


def test_table_line_gates_skip_only_lines_that_cannot_head_a_list(docs: list[Doc], nlp: Language,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Every line read as a possible list heading, label line and ranked line reads the same
    (in fresh Docs, whose per-Doc findings are made with the gates off)."""
    gated = _all_records(docs)
    monkeypatch.setattr(tables, "_segment_lines", lambda doc: list(range(len(tables._lines(doc)[0]))))
    monkeypatch.setattr(tables, "_may_label", lambda line: True)
    monkeypatch.setattr(tables, "_may_rank", lambda line: True)
    monkeypatch.setattr(tables, "_may_hold_label_lines", lambda text: True)
    assert _all_records(list(nlp.pipe(_texts()))) == gated


ODD_LINES = ["12. Barts Health (3)", "  #4 Medway NHS Foundation Trust", "No. 7 Wye Valley NHS Trust",
             "n 3 Barts Health", "=12 Barts Health", "\u2003\u20033 Barts Health", "\u0663 Barts Health (2)",
             "SEGMENT 4 – 12 trusts", "Acute trusts in ſegment 2: 14", "The trusts in Segment 1 – 4 (12%)",
             "Rank out of 134", ""]


def test_line_pre_tests_never_turn_down_a_line_the_pattern_reads() -> None:
    for line in [*ODD_LINES, *(line for text in _texts() for line in text.split("\n"))]:
        assert tables._may_rank(line) or not tables._RANK_LINE.match(line), line
        assert tables._may_label(line) or not tables._LABEL_LINE.match(line), line
        assert tables._may_hold_label_lines(line) or not tables._LABEL_LINE.match(line), line


def _is_quantity_one_by_one(doc: Doc, i: int) -> bool:
    """A token inside a count, percentage or ratio, asked token by token as first written."""
    return any(q.start <= i < q.end and q.label_ in {"CARD", "PERCENT", "RATIO"}
               for q in spans_in(doc, "quantities", max(0, i - 8), i + 8))


def test_quantity_tokens_of_a_range_are_those_asked_one_by_one(docs: list[Doc]) -> None:
    for doc in docs:
        for sent in sentences(doc):
            for start, end in ((sent.start, sent.end), (sent.start + 2, sent.end - 3)):
                expected = {i for i in range(start, end) if _is_quantity_one_by_one(doc, i)}
                assert memberships._quantity_tokens(doc, start, end) == expected


def _capitalised_run_of_list(doc: Doc, toks: list[int]) -> Span | None:
    """The run of capitalised words as first written: over the list of all the words."""
    end = 0
    for k, i in enumerate(toks):
        tok = doc[i]
        if tok.is_title or tok.is_upper or (tok.lower_ in subjects._JOINERS and k + 1 < len(toks)
                                            and doc[toks[k + 1]].is_title):
            end = k + 1
            continue
        break
    return doc[toks[0]:toks[end - 1] + 1] if end else None


def test_capitalised_run_read_word_by_word_is_the_run_of_all_words(docs: list[Doc]) -> None:
    for doc in docs:
        for sent in sentences(doc):
            toks = subjects.words_in(doc, sent.start, sent.end)
            if toks:
                assert subjects._capitalised_run(doc, toks[0], sent.end) == _capitalised_run_of_list(doc, toks)


@pytest.mark.parametrize("name", ["Frimley", "Kent and Medway", "Homerton", "The Board", "Segment", "Only Frimley",
                                  "Shropshire, Telford and Wrekin", "Barts Health", "Nowhere Hospital", "NHS England"])
@pytest.mark.parametrize("hint", [None, "icb", "acute"])
def test_a_name_without_an_alias_hit_resolves_to_nobody(name: str, hint: str | None) -> None:
    """What _resolve_span relies on to skip resolving: no alias hit, no organisation."""
    from extractor.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    if not gazetteer.lookup(name)[0]:
        assert not gazetteer.resolve(name, org_type=hint, context=f"{name} is in segment 2 among ICBs").code


@pytest.mark.parametrize(("lines", "read"), [
    (["Organisation,Segment,Region", "Barts Health,4,London", "Medway,3,South East", "Wye Valley,2,Midlands"], 4),
    (["Organisation,Segment,Region", "Barts Health,4,London", "Then prose, with commas, as prose has."], 0),
    (["Barts Health,4,London", "", "Medway,3,South East", "Wye Valley,2,Midlands"], 0),
])
def test_csv_rows_need_three_comma_separated_lines(lines: list[str], read: int) -> None:
    """Fewer than three comma-separated lines are no run, so _csv_rows stops before reading them."""
    assert len(tables._csv_rows(lines)) == read


def test_texts_without_row_marks_hold_no_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_texts(), "Barts Health\tsegment 4\nMedway\tsegment 3", "A | B\nC | D", "Plain prose.\nMore prose."]
    gated = [tables._blocks(text) for text in texts]
    monkeypatch.setattr(tables, "_may_hold_rows", lambda text: True)
    assert [tables._blocks(text) for text in texts] == gated


OPENINGS = ["It remains in segment 4.", "  The Integrated Care Board is in segment 2.", "We were placed in segment 3.",
            "İt remains in segment 4.", "ΑΣ'''''''''''''''''''''''''''''''''''''''''' the trust", "Our ICB exits",
            "THE TRUST moved to segment 3.", "\n\nThey are both in segment 1.", "Both are in segment 1."]


@pytest.mark.parametrize("text", OPENINGS)
def test_opening_tests_as_the_whole_lowered_sentence(nlp: Language, text: str) -> None:
    openings = (*subjects.PRONOUNS, "our organisation ", "our trust ", "our icb ")
    for sent in sentences(nlp(text)):
        whole = span_text(sent).lstrip().lower()
        assert [subjects.opening(sent).startswith(o) for o in openings] == [whole.startswith(o) for o in openings]


# sentences with a segment and no named body but an 'it' or 'the trust' a verb or noun governs,
# and relative clauses ending in a segment
BODILESS = [
    "Medway NHS Foundation Trust was inspected in May. The regulator then took it out of special measures.",
    "Barts Health was praised. Inspectors welcomed the trust's exit from segment 4.",
    "Inspectors visited the site twice. Nobody was placed in segment 4 after that.",
    "The report thanks Barts Health, Medway and Wye Valley trusts which have now left special measures.",
    "Services run at Wye Valley NHS Trust, which is also in segment 4.",
    "Our Trust's current segment is segment 3, and it remains so.",
]


def test_statement_gates_skip_only_segments_no_frame_reads(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the bodiless-sentence and relative-word gates off, every text reads the same (in fresh
    Docs, whose per-Doc findings are made with the gates off)."""
    texts = [*BODILESS, *_texts()]
    gated = _all_records(list(nlp.pipe(texts)))
    monkeypatch.setattr(memberships, "_bodiless", lambda *args: False)
    monkeypatch.setattr(memberships, "_has_relative", lambda *args: True)
    monkeypatch.setattr(memberships, "_STAND_IN_WORDS", _MeetsEverything())
    assert _all_records(list(nlp.pipe(texts))) == gated


class _MeetsEverything:
    """A word set no sentence is disjoint from: a gate testing ``isdisjoint`` with it never skips."""

    def isdisjoint(self, other: object) -> bool:
        return False


def _lede_word_by_word(sents: list[Span], si: int) -> Span | None:
    """``lede_sentence`` as first written: the sentence's first four words, then the tests."""
    words = [t.lower_ for t in sents[si] if not t.is_space][:4]
    if not words or words[0] not in {"a", "an"} or not memberships._INDEFINITE_NOUNS & set(words) \
            or si + 1 >= len(sents):
        return None
    return sents[si + 1]


def test_lede_sentence_reads_as_word_by_word(docs: list[Doc], nlp: Language) -> None:
    ledes = ["A hospital trust once rated the worst has left special measures. Barts Health was praised.",
             "  An ICB in the north is in segment 4. Frimley ICB is not.", "A trust\n"]
    for doc in [*docs, *nlp.pipe(ledes)]:
        sents = sentences(doc)
        for si in range(len(sents)):
            assert memberships.lede_sentence(sents, si) == _lede_word_by_word(sents, si)


def test_bodies_ending_at_a_token_are_those_spans_in_gives(docs: list[Doc], nlp: Language) -> None:
    """The sentence's mentions hold the bodies ``spans_in`` of each key finds, in its order."""
    for doc in [*docs, *nlp.pipe(BODILESS)]:
        for sent in sentences(doc):
            for end in range(sent.start, sent.end + 1):
                expected = next((o for key in ("orgs", "org_refs") for o in spans_in(doc, key, sent.start, end)
                                 if o.end == end and o.id_), None)
                assert memberships._body_ending_at(doc, sent, end) == expected
            for start in range(sent.start, sent.end + 1):
                expected = {o.start: o for key in ("orgs", "org_refs") for o in spans_in(doc, key, start, sent.end)
                            if o.id_}
                assert {o.start: o for o in subjects.mentions(doc, sent) if o.start >= start and o.id_} == expected


OPENINGS = ["We were placed in segment 3.", "Our Trust remains in segment 2.", "The Trust is in segment 4.",
            "The Integrated Care Board sits in segment 3.", "It remains in segment 4.", "Both stay in segment 1.",
            "They have left special measures.", "This trust moved to segment 2.", "Barts Health is in segment 4."]


def test_a_subject_read_from_an_opening_comes_after_one_of_the_subject_openings(docs: list[Doc],
                                                                                 nlp: Language) -> None:
    """What _pronoun_stand_in relies on to skip pronoun_subject."""
    for doc in [*docs, nlp(" ".join(OPENINGS)), *nlp.pipe(OPENINGS)]:
        sents = sentences(doc)
        for si, sent in enumerate(sents):
            if subjects.pronoun_subject(doc, sent, sents[si - 1] if si else None) is not None:
                assert subjects.opening(sent).startswith(subjects.SUBJECT_OPENINGS), sent.text


CSV_LINES = ["a,b,c", "a, b,c", "a,b,c, ", "  a,b, c  ", '"x, y",b,c', 'a,"b, c",d', "a,b,\tc", "a,b", "x,y,z ,",
             "Barts Health,4,London", "One, two and three, said the trust.", '"a","b","c"', ",,", ", ,"]


def test_csv_line_pre_test_answers_as_is_csv_line() -> None:
    from extractor.pipeline.sentences import is_csv_line

    for line in [*CSV_LINES, *(line for text in _texts() for line in text.split("\n"))]:
        assert tables._may_be_csv(line) == (line.count(",") >= 2 and is_csv_line(line)), line
