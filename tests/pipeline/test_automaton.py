"""The rulers' automaton (``pipeline.automaton``) finds exactly the (start, end) of every match
spaCy's Matcher and PhraseMatcher find: every shipped pattern, on random runs of its own
words, the words its tests are about, and others."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from extractor.pipeline.automaton import Automaton, Unsupported, joined, units
from extractor.pipeline.lexicon import LEXICON
from extractor.pipeline.ruler import AssetSpanRuler

RULERS = ("quantities", "segments", "populations", "scopes", "ranks", "traps")
# words the regular expressions, flags and lengths of the patterns are about, and some they are not
NOISE = ("the", "The", "of", "and", "in", "a", "trusts", "Apple", "3", "4", "12", "1,200", "2013", "1999", "15th",
         "23rd", "1st", "45", "45%", "12.5", "3/4", "2pc", "nof4", "NOF4", "sof2", "nof-4", "segment-3", "one",
         "two", "five", "ten", "twenty", "first", "second", "tenth", "-", "–", ".", ",", ")", "%", "'", "“", " ",
         "\n", "  ", "xyz", "lowest", "top", "per", "cent", "out", "tiers", "SEGMENT", "Segment", "NPIP", "icbs",
         "ICB", "ics's", "'s", "=", "1000", "7th=", "99", "0")


def _words_of(token: dict) -> list[str]:
    """The words a pattern token names, as written and capitalised."""
    out = []
    for value in token.values():
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for listed in value.values():
                if isinstance(listed, list):
                    out.extend(v for v in listed if isinstance(v, str))
    return out + [w.capitalize() for w in out] + [w.upper() for w in out]


def _flat(pieces: list[list[str]]) -> list[str]:
    return [word for piece in pieces for word in piece]


def _passing(nlp: Language, token: dict) -> list[str]:
    """The words the token names, the literals of its expressions and the noise words that
    spaCy's Matcher finds the token (its ``OP`` aside) true of."""
    literals = [w for value in token.values() if isinstance(value, dict)
                for w in re.findall(r"[a-z]+", str(value.get("REGEX", "")))]
    doc = _doc(nlp, [*NOISE, *_words_of(token), *literals])
    matcher = Matcher(nlp.vocab, validate=False)
    matcher.add("t", [[{k: v for k, v in token.items() if k != "OP"}]])
    return sorted({doc[start].text for _, start, _ in matcher(doc)})


def _near_matches(nlp: Language, pattern: list[dict]) -> st.SearchStrategy[list[str]]:
    """Runs of words that follow the pattern token by token (one or two words each, none too
    for an optional one, of the words it is true of) between runs of any words: many
    matches, of every length, and many near misses."""
    pool = sorted({w for token in pattern for w in _words_of(token)} | set(NOISE))
    choices = [_passing(nlp, token) or list(NOISE) for token in pattern]
    least = [0 if str(token.get("OP", "")).startswith(("?", "*", "{0")) else 1 for token in pattern]
    walk = st.tuples(*[st.lists(st.sampled_from(words), min_size=n, max_size=2)
                       for words, n in zip(choices, least, strict=True)]).map(_flat)
    return st.lists(st.one_of(walk, st.lists(st.sampled_from(pool), max_size=3)), max_size=4).map(_flat)


def _token_patterns(nlp: Language) -> list[tuple[str, list[dict], list[dict]]]:
    """(ruler, pattern as stated, pattern as the ruler holds it: leading tests as lexeme
    flags) for every token pattern of the rulers."""
    out = []
    for name in RULERS:
        ruler = nlp.get_pipe(name)
        stated = ruler.asset_patterns() + (ruler.extra_patterns() if ruler.extra_patterns else [])
        assert len(stated) == len(ruler.patterns)
        out.extend((name, entry["pattern"], held["pattern"]) for entry, held in zip(stated, ruler.patterns, strict=True)
                   if not isinstance(held["pattern"], str))
    return out


def _doc(nlp: Language, words: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words)


def _found(automaton: Automaton, doc: Doc) -> set[tuple[int, int]]:
    return {(start, end) for start, end, *_ in automaton.matches(*LEXICON.sequence_of(doc))}


def test_every_shipped_token_pattern_is_taken(nlp):
    for name, _, pattern in _token_patterns(nlp):
        assert units(nlp.vocab, pattern), name
    assert all(nlp.get_pipe(name).automaton is not None for name in RULERS)


def _shipped_token_patterns() -> list[tuple[str, list[dict], list[dict]]]:
    from extractor.pipeline import shared_pipeline

    return _token_patterns(shared_pipeline())


@pytest.mark.parametrize(("name", "stated", "pattern"), _shipped_token_patterns(), ids=lambda v: str(v)[:12])
def test_a_token_pattern_matches_what_the_matcher_matches(nlp, name, stated, pattern):
    """Every shipped token pattern as its ruler holds it, on runs of words following it
    as stated."""
    automaton = Automaton(nlp.vocab, LEXICON)
    automaton.add(pattern, (0,))
    matcher = Matcher(nlp.vocab, validate=False)
    matcher.add("p", [pattern])
    @settings(max_examples=60, deadline=None)
    @given(_near_matches(nlp, stated))
    def same(words: list[str]) -> None:
        doc = _doc(nlp, words)
        assert _found(automaton, doc) == {(start, end) for _, start, end in matcher(doc) if start != end}

    same()


@pytest.mark.parametrize("name", RULERS)
def test_a_ruler_s_phrases_match_what_the_phrase_matcher_matches(nlp, name):
    ruler = nlp.get_pipe(name)
    assert isinstance(ruler, AssetSpanRuler)
    phrases = [entry for entry in ruler.patterns if isinstance(entry["pattern"], str)]
    if not phrases:
        pytest.skip(f"{name} has no phrase patterns")
    automaton = Automaton(nlp.vocab, LEXICON)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    strings = nlp.vocab.strings
    for entry in phrases:
        key = repr((entry["label"], entry.get("id", "")))
        automaton.add(ruler._phrase_tokens(entry["pattern"]), (strings.add(key),))
        matcher.add(key, [nlp.make_doc(entry["pattern"])])
    pool = sorted({t.text for entry in phrases for t in nlp.make_doc(entry["pattern"])} | set(NOISE))

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(pool + [w.upper() for w in pool]), max_size=30))
    def same(words: list[str]) -> None:
        doc = _doc(nlp, words)
        got = {(label, start, end) for start, end, label in automaton.matches(*LEXICON.sequence_of(doc))}
        assert got == set(matcher(doc))

    same()


@pytest.mark.parametrize(("token", "expected"), [
    ({"LOWER": "a"}, [0]), ({"OP": "?"}, [1]), ({"OP": "*"}, [2]), ({"OP": "+"}, [0, 2]),
    ({"OP": "{2}"}, [0, 0]), ({"OP": "{1,3}"}, [0, 1, 1]), ({"OP": "{,2}"}, [1, 1]), ({"OP": "{2,}"}, [0, 0, 2]),
])
def test_ops_expand_as_the_matcher_expands_them(nlp, token, expected):
    assert [kind for _, kind in units(nlp.vocab, [token])] == expected


@pytest.mark.parametrize("token", [{"POS": "NOUN"}, {"LOWER": "a", "OP": "!"}, {"_": {"x": 1}},
                                   {"LOWER": {"IS_SUBSET": ["a"]}}, {"OP": "{3,1}"}, {"IS_SENT_START": True}])
def test_a_token_asking_more_than_the_word_is_refused(nlp, token):
    with pytest.raises(Unsupported):
        units(nlp.vocab, [token])


def test_a_ruler_with_a_pattern_the_automaton_cannot_take_matches_with_spacy(nlp):
    """Such a ruler falls back on spaCy's matchers for every pattern, with the same results."""
    from spacy.pipeline.span_ruler import SpanRuler

    ruler = AssetSpanRuler(nlp, "fallback_test", spans_key="fallback", patterns_asset="patterns/segments.jsonl")
    ruler.add_patterns([{"label": "NOT_AND", "pattern": [{"LOWER": "segment"}, {"LOWER": "and", "OP": "!"}]}])
    assert ruler.automaton is None
    doc = nlp.make_doc("Trusts in segment 3 and the Recovery Support Programme")
    assert [(s.start, s.end, s.label_) for s in ruler.match(doc)] == \
        [(s.start, s.end, s.label_) for s in SpanRuler.match(ruler, doc)]


def test_a_pattern_added_after_matching_is_matched_too(nlp):
    """States are built when first needed and built afresh after a new pattern: one added
    after a Doc was matched finds its matches next time, and the earlier pattern's stay."""
    automaton = Automaton(nlp.vocab, LEXICON)
    automaton.add([{"LOWER": "segment"}, {"LIKE_NUM": True}], ("segment",))
    doc = _doc(nlp, ["moved", "to", "segment", "3", "of", "the", "oversight", "framework"])
    assert _found(automaton, doc) == {(2, 4)}
    automaton.add([{"LOWER": "oversight"}, {"LOWER": "framework", "OP": "?"}], ("framework",))
    assert _found(automaton, doc) == {(2, 4), (6, 7), (6, 8)}


def _parted(automaton: Automaton, doc: Doc, value: tuple) -> tuple[list, list]:
    """:meth:`Automaton.matches`, parted as ``matches_apart`` parts it."""
    found = automaton.matches(*LEXICON.sequence_of(doc))
    return ([(start, end) for start, end, *rest in found if tuple(rest) == value],
            [(rest[0], start, end) for start, end, *rest in found if tuple(rest) != value])


PHRASE_WORDS = ("the", "trust", "north", "east", "and", "of", "royal", "free", "we", "our", "board", "Trust", "NORTH")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PHRASE_WORDS[:10]), min_size=1, max_size=4), min_size=1, max_size=8),
       st.lists(st.sampled_from(PHRASE_WORDS), max_size=25))
def test_matches_apart_parts_what_matches_gives(nlp, phrases, words):
    """The linker's pass (phrases only: its walk stops at a word no phrase has second or
    later) finds what :meth:`Automaton.matches` finds, in the same order."""
    automaton = Automaton(nlp.vocab, LEXICON)
    for k, phrase in enumerate(phrases):
        automaton.add_phrase(phrase, (-1,) if k % 2 else (k,))
    doc = _doc(nlp, words or ["nothing"])
    assert automaton.matches_apart(*LEXICON.sequence_of(doc), (-1,)) == _parted(automaton, doc, (-1,))


def test_matches_apart_walks_every_start_when_a_pattern_tests_more_than_words(nlp):
    automaton = Automaton(nlp.vocab, LEXICON)
    automaton.add([{"LOWER": "segment"}, {"LIKE_NUM": True}], ("segment",))
    automaton.add_phrase(["the", "trust"], ("trust",))
    doc = _doc(nlp, ["the", "trust", "is", "in", "segment", "3", "and", "segment", "four"])
    assert automaton.matches_apart(*LEXICON.sequence_of(doc), ("trust",)) == \
        ([(0, 2)], [("segment", 4, 6), ("segment", 7, 9)])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from((*NOISE, "segment", "segments", "trusts", "NHS", "acute", "ranked", "joint")),
                max_size=30))
def test_joined_automata_find_what_each_finds_alone(nlp, words):
    """The rulers' automata joined (one walk over a Doc) find, part by part, what each
    finds alone."""
    members = [nlp.get_pipe(name).automaton for name in RULERS]
    whole = joined(members, nlp.vocab, LEXICON)
    doc = _doc(nlp, words or ["nothing"])
    parts = whole.matches_parted(*LEXICON.sequence_of(doc), len(members))
    assert [sorted(part) for part in parts] == [sorted(m.matches(*LEXICON.sequence_of(doc))) for m in members]


def test_a_ruler_given_a_pattern_after_matching_finds_it_with_the_others(nlp):
    """The rulers match jointly: a pattern one of them gains after a Doc was matched is found
    on the next Doc, and a ruler made afterwards for the same pipeline joins them; each
    finds what spaCy's SpanRuler finds with its patterns."""
    from spacy.lang.en import English
    from spacy.pipeline.span_ruler import SpanRuler

    def found(ruler: AssetSpanRuler, doc: Doc) -> list[tuple[int, int, str]]:
        spans = [(s.start, s.end, s.label_) for s in ruler.match(doc)]
        assert spans == [(s.start, s.end, s.label_) for s in SpanRuler.match(ruler, doc)]
        return spans

    own = English()
    first = AssetSpanRuler(own, "first", spans_key="first", patterns_asset="patterns/populations.jsonl")
    second = AssetSpanRuler(own, "second", spans_key="second", patterns_asset="patterns/scopes.jsonl")
    assert not any(label == "PLACE" for *_, label in found(first, own.make_doc("acute trusts in Birmingham")))
    first.add_patterns([{"label": "PLACE", "pattern": [{"LOWER": "birmingham"}]}])
    third = AssetSpanRuler(own, "third", spans_key="third", patterns_asset="patterns/segments.jsonl")
    doc = own.make_doc("acute trusts in Birmingham, in segment 3")
    assert (3, 4, "PLACE") in found(first, doc)
    assert found(second, doc)
    assert found(third, doc)
