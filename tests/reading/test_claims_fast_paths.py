"""Claims take cheap pre-tests before dearer ones, read traps from their own one-pass list,
and read a Doc's spans and words by offsets and lists where they made Spans and Tokens or
read every span again. These tests state what each promises, on every document of
``corpora/`` and a few sentences of their own: the pre-test fails only where the test it
guards would say no, the traps found are those ``traps_in`` finds, and each cheaper read
gives what the slower way it replaces gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

import extractor.reading.claims as claims
import extractor.reading.claims.members as members
from extractor.pipeline.extensions import sentences, spans_in
from extractor.pipeline.segments import placing_segments
from extractor.pipeline.traps import traps_in
from extractor.reading import read_tables
from extractor.reading.claims.relations import _LEAGUE_LEAD, _LEAGUE_TYPES, league_of_sentence
from extractor.reading.claims.scope import GENERIC_PLACES, home_scope
from extractor.reading.claims.sentence import (
    _BARE,
    _HYPHENS,
    _SCALE_VERBS,
    MODIFIED_NOUNS,
    SKIP_TO_POPULATION,
    TIER,
    SentenceReader,
    _by_sentence,
    _hyphened_unit,
    _scale_point,
    first_word,
    lower_at,
    overlaps,
    places,
    punct_at,
    text_of,
    title_at,
    token_lists,
    trapped,
    word_at,
)
from extractor.records import DocResult

_OWN = [
    "Segments run from 1 to 4, where 1 is best and 4 is worst. The four-tier scale has 12 trusts in segment 2.",
    "Five ICBs are in segment 4: Devon, Kent and Medway, and Frimley. Two trusts are in segment 3 at 10:30 today.",
    "The number of trusts in special measures went up from 11 in 2014 to 19 by May 2019.",
    "Since 2013, 40 trusts have entered special measures; about 15 trusts are expected to enter segment 5.",
    "NHS Kent and Medway ICB\nBoard paper\nKent and Medway's four trusts: two are in segment 3.",
    "Segment 4 for finance: 3 trusts. The finance domain segment 2 holds five ICBs; tier 1 of cancer has two.",
    "London's  acute trusts ( 12 ) are in segment 2 , while the capital's 14 ICB executives met .",
    "Of England's 42 ICBs, one of the few organisations in segment 1 is Frimley. Nobody is going to segment 2.",
    "Tier 1 of elective recovery holds 3 trusts. 14 acute, 20 non-acute and two ambulance trusts are in tier 2.",
    "In the acute league table, 16 trusts are in segment 1.  Across the mental health trusts' rankings, 4 are.",
]


@pytest.fixture(scope="module")
def docs(nlp: Language, repo_dir: Path) -> list[Doc]:
    texts = [*_OWN, *(p.read_text(encoding="utf-8") for p in sorted((repo_dir / "corpora").glob("*.txt")))]
    return list(nlp.pipe(texts))


def _readers(doc: Doc) -> list[SentenceReader]:
    return [SentenceReader(doc, sent) for sent in sentences(doc)]


def test_traps_are_those_traps_in_finds(docs: list[Doc]) -> None:
    for doc in docs:
        for sent in sentences(doc):
            for label in ("NOT_COUNT", "HISTORY", "HEDGE", "SINCE", "ENTRY"):
                for start, end in ((sent.start, sent.end), (sent.start, sent.start + 3), (sent.end - 2, sent.end)):
                    assert trapped(doc, label, start, end) == bool(traps_in(doc, label, start, end))


def test_count_pre_tests_fail_only_where_their_test_says_no(docs: list[Doc]) -> None:
    for doc in docs:
        for reader in _readers(doc):
            for q in reader.quantities:
                prev, nxt = lower_at(doc, q.start - 1), lower_at(doc, q.end)
                if not (prev == "from" or nxt in _SCALE_VERBS):
                    assert not _scale_point(doc, q, prev, nxt, reader.sent.end)
                if nxt not in _HYPHENS:
                    assert not _hyphened_unit(doc, q)
                if prev != "to":
                    assert reader.trend_subject(q) is None


def _records(docs: list[Doc]) -> list[tuple[str, str]]:
    out = []
    for doc in docs:
        result = DocResult(framework=doc._.framework, period=doc._.period)
        claims.read_claims(doc, result, skip=read_tables(doc, DocResult()))
        out.append((repr(result.claims), repr(result.memberships)))
    return out


def test_league_is_read_only_after_an_opening_word(docs: list[Doc]) -> None:
    for doc in docs:
        for sent in sentences(doc):
            reader = SentenceReader(doc, sent)
            m = _LEAGUE_LEAD.match(reader.lead)
            assert league_of_sentence(reader) == (_LEAGUE_TYPES[m.group(1)] if m else "")


def test_colon_list_reads_the_same_without_its_text_test(docs: list[Doc], monkeypatch: pytest.MonkeyPatch) -> None:
    gated = _records(docs)
    monkeypatch.setattr(members, "text_of", lambda doc, start, end: ":")
    assert _records(docs) == gated


def _home_scope_from_groups(doc: Doc) -> str:
    """:func:`home_scope` as it read every span of both groups."""
    head_end = min(len(doc.text), 400)
    orgs = list(doc.spans.get("orgs", []))
    for span in sorted([*doc.spans.get("scopes", []), *orgs], key=lambda s: s.start_char):
        if span.end_char > head_end:
            break
        if span.text.lower() in GENERIC_PLACES:
            continue
        if span.label_ == "icb" or (span.label_ == "SCOPE" and not overlaps(span, orgs)):
            return span.text
    return ""


def test_home_scope_reads_the_opening_spans_as_the_groups_give_them(docs: list[Doc]) -> None:
    assert any(home_scope(doc)[0] for doc in docs)
    for doc in docs:
        assert home_scope(doc)[0] == _home_scope_from_groups(doc)


def test_ids_compared_by_hash_are_the_strings(docs: list[Doc]) -> None:
    for doc in docs:
        for span in doc.spans.get("segments", []):
            assert (span.id == TIER) == (span.id_ == "tier")
        for span in doc.spans.get("populations", []):
            assert (span.id == _BARE) == (span.id_ == "bare")
    assert any(span.id_ == "bare" for doc in docs for span in doc.spans.get("populations", []))


def test_spans_sorted_into_sentences_are_those_spans_in_finds(docs: list[Doc]) -> None:
    for doc in docs:
        for key in ("segments", "populations", "scopes", "orgs", "quantities", "ranks"):
            by_sentence = _by_sentence(doc, spans_in(doc, key, 0, len(doc)))
            for sent in sentences(doc):
                assert by_sentence.get(sent.start, []) == spans_in(doc, key, sent.start, sent.end)


def test_places_is_placing_segments(docs: list[Doc]) -> None:
    for doc in docs:
        token_lists(doc).forget_segments()
        usable = placing_segments(doc)
        for span in doc.spans.get("segments", []):
            assert places(span) == ((span.start, span.end) in usable)


def test_skipped_sentences_start_inside_a_skipped_range(docs: list[Doc]) -> None:
    for doc in docs:
        sents = sentences(doc)
        tables = read_tables(doc, DocResult())
        n = len(doc.text)
        for skip in (tables, [(0, n // 3), (n // 2, n // 2 + 40)], [(n // 4, n // 4)], [], None):
            expected = {si for si, sent in enumerate(sents)
                        if skip and any(a <= sent.start_char < b for a, b in skip)}
            assert claims._skipped(sents, skip) == expected


def test_counting_reads_the_unparsed_quantities_as_the_parsed(docs: list[Doc]) -> None:
    for doc in docs:
        for sent in sentences(doc):
            reader = SentenceReader(doc, sent)
            counted = [q for q in reader.unparsed if reader.is_count_candidate(q)]
            assert counted == [q for q in reader.quantities if reader.is_count_candidate(q)]


def _population_after_by_tokens(reader: SentenceReader, i: int, limit: int = 4) -> Span | None:
    """:meth:`SentenceReader.population_after` as it read Tokens."""
    doc, j = reader.doc, i
    while j < reader.sent.end and j - i <= limit:
        pop = reader.population_at(j)
        if pop is not None and lower_at(doc, pop.end) in MODIFIED_NOUNS:
            return None
        if pop is not None and lower_at(doc, pop.end) not in {"'s", "’s", "'", "’"}:
            return None if overlaps(pop, reader.orgs) else pop
        place = reader._scope_starts.get(j)
        if place is not None:
            j = place.end
            continue
        tok = doc[j]
        if tok.is_title and j + 1 < reader.sent.end and doc[j + 1].text in {"'s", "’s", "'", "’"}:
            j += 1
            continue
        skippable = tok.lower_ in SKIP_TO_POPULATION or (tok.is_punct and tok.text in "’'")
        if not skippable and not (tok.is_title and reader._inside_population_name(j)):
            return None
        j += 1
    return None


def test_words_read_from_lists_are_the_tokens(docs: list[Doc]) -> None:
    for doc in docs:
        for sent in sentences(doc):
            reader = SentenceReader(doc, sent)
            assert first_word(doc, sent.start, sent.end) == next((t.i for t in sent if not t.is_space), None)
            for i in range(sent.start, sent.end):
                token = doc[i]
                assert (word_at(doc, i), punct_at(doc, i), title_at(doc, i)) == (token.text, token.is_punct,
                                                                                token.is_title)
                assert lower_at(doc, i).isspace() == token.is_space
                assert reader.population_after(i) is _population_after_by_tokens(reader, i)
                for b in (i + 1, i + 3, len(doc) + 2):
                    assert text_of(doc, i, b) == doc[i:min(b, len(doc))].text
