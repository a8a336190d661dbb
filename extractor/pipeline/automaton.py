"""A ruler's token and phrase patterns matched as one automaton over a Doc's word numbers.

spaCy's Matcher costs a Python call and a Token per word it walks, and its PhraseMatcher a
pass over the Doc; the rulers ran one of each per Doc, the Matcher on many stretches. Every
test of our patterns asks something of the word alone (its text, lower form, length or a
lexeme flag), so a pattern is a regular expression over words, and all the patterns of a
ruler are one nondeterministic automaton: its states are the places (pattern, token) a
match may have reached. Its deterministic form (each state a set of places) is built
lazily, each step decided once per (state, word) and kept, so a Doc is matched by a few
dict lookups per word tried, with no Token made.

A match may start at a word only where the start state steps somewhere on it: that step
is kept in an array indexed by the word's number in the lexicon (numbers given once per
process, with the word's text), so the starts of a Doc come from one array lookup. From
each start the automaton walks on until no place is left, and reports every pattern
whose last place it reaches at every word: all the lengths of a match, as the Matcher
gives them, not only the longest.

The Matcher's meaning of a token is kept to the letter (see :func:`word_test`): ``LOWER``
is ``str.lower`` of the text, ``TEXT``/``ORTH`` the text, ``LENGTH`` its length, and a
lexeme flag (``IS_ALPHA``, ``LIKE_NUM``, a ``FLAGnn`` of :func:`.ruler.with_flags`) the
vocabulary's own getter, which is how spaCy sets the flag on the word; ``REGEX`` is
``re.search``; ``OP`` ``?``, ``*``, ``+``, ``{n,m}`` as the Matcher expands them. A token
asking anything else (a tag, the sentence, an extension, ``!``) raises :class:`Unsupported`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

import numpy
from spacy.attrs import IDS
from spacy.vocab import Vocab

ONE, OPTIONAL, ANY = 0, 1, 2  # a unit of a pattern: one word, at most one, any number
_LOWER_ATTRS = frozenset({"LOWER"})
_TEXT_ATTRS = frozenset({"ORTH", "TEXT"})
_COMPARE = {"==": int.__eq__, "!=": int.__ne__, ">=": int.__ge__, "<=": int.__le__, ">": int.__gt__,
            "<": int.__lt__}
_FLAG_IDS = 64  # attribute ids below this are lexeme flags (spaCy's ``flags_t``)

Place = tuple[int, int]  # (pattern, unit): where a match of a pattern has got to


class Unsupported(ValueError):
    """A pattern token asks more of a word than its text (or uses an ``OP`` not handled)."""


class Lexicon(Protocol):
    texts: list[str]

    def words_of(self, doc) -> numpy.ndarray: ...


class WordTest:
    """A pattern token's test on a word's text. When it is only "the word (lower-cased or
    as written) is one of ``words``", ``fold`` and ``words`` say so, so that the tests of
    many tokens are one dict lookup (:class:`_StepIndex`)."""

    def __init__(self, checks: list[Callable[[str], bool]], fold: str | None = None,
                 words: frozenset[str] | None = None) -> None:
        self.checks = checks
        self.fold = fold  # "LOWER" or "ORTH" when ``words`` is the whole test
        self.words = words

    def __call__(self, text: str) -> bool:
        # a loop, not ``all()`` of a generator: every new word meets many tests, and a
        # word new to the process (most words of a first pass) costs them all
        for check in self.checks:  # noqa: SIM110 (see above)
            if not check(text):
                return False
        return True


def _word_list(attr: str, value: object) -> tuple[str, frozenset[str]] | None:
    """("LOWER" or "ORTH", the words) when ``{attr: value}`` accepts exactly a set of words."""
    kind = "LOWER" if attr in _LOWER_ATTRS else "ORTH" if attr in _TEXT_ATTRS else None
    if kind is None:
        return None
    if isinstance(value, str):
        return kind, frozenset((value,))
    if isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
        return kind, frozenset(value["IN"])
    return None


def _string_check(attr: str, op: str, value: object) -> Callable[[str], bool]:
    """``{attr: {op: value}}`` on a string attribute, as spaCy's set and regex predicates."""
    fold = str.lower if attr in _LOWER_ATTRS else str
    if op in ("IN", "NOT_IN") and isinstance(value, list) and all(isinstance(v, str) for v in value):
        members, wanted = frozenset(value), op == "IN"
        return lambda text: (fold(text) in members) is wanted
    if op == "REGEX" and isinstance(value, str):
        pattern = re.compile(value)
        return lambda text: pattern.search(fold(text)) is not None
    raise Unsupported(f"{attr}: {op}")


def _attr_checks(vocab: Vocab, attr: str, value: object) -> list[Callable[[str], bool]]:
    """The checks spaCy's Matcher makes of ``{attr: value}``, on the word's text."""
    if attr in _LOWER_ATTRS or attr in _TEXT_ATTRS:
        fold = str.lower if attr in _LOWER_ATTRS else str
        if isinstance(value, str):
            return [lambda text: fold(text) == value]
        if isinstance(value, dict):
            return [_string_check(attr, op, arg) for op, arg in value.items()]
    elif attr == "LENGTH":
        if isinstance(value, int) and not isinstance(value, bool):
            return [lambda text: len(text) == value]
        if isinstance(value, dict) and all(op in _COMPARE and type(arg) is int for op, arg in value.items()):
            return [lambda text, op=_COMPARE[op], arg=arg: op(len(text), arg) for op, arg in value.items()]
    elif isinstance(value, bool) and IDS.get(attr, _FLAG_IDS) < _FLAG_IDS:
        getter = vocab.lex_attr_getters.get(IDS[attr])
        if getter is not None:
            return [lambda text: bool(getter(text)) is value]
    raise Unsupported(f"{attr}: {value!r}")


def word_test(vocab: Vocab, token: dict) -> WordTest:
    """The test the Matcher makes of a word for ``token`` (all its attributes must hold)."""
    tests = {attr: value for attr, value in token.items() if attr != "OP"}
    if len(tests) == 1:
        (attr, value), = tests.items()
        listed = _word_list(attr, value)
        if listed is not None:
            fold, words = listed
            folder = str.lower if fold == "LOWER" else str
            return WordTest([lambda text: folder(text) in words], fold, words)
    return WordTest([check for attr, value in tests.items() for check in _attr_checks(vocab, attr, value)])


def units(vocab: Vocab, pattern: list[dict], tests: dict[str, WordTest] | None = None) -> list[tuple[WordTest, int]]:
    """The pattern as (test, ONE/OPTIONAL/ANY) units, its ``OP``s expanded as the Matcher
    expands them (``+`` is one then any; ``{n,m}`` n ones then m - n optionals). ``tests``
    keeps the test of each token asked already: the same token in many patterns is then
    one test."""
    out: list[tuple[WordTest, int]] = []
    tests = {} if tests is None else tests
    for token in pattern:
        key = json.dumps({attr: value for attr, value in token.items() if attr != "OP"}, sort_keys=True, default=repr)
        test = tests.get(key)
        if test is None:
            test = tests[key] = word_test(vocab, token)
        out.extend((test, kind) for kind in op_units(token.get("OP")))
    return out


def op_units(op: object) -> list[int]:
    """The units (ONE, OPTIONAL, ANY) spaCy's Matcher expands a token's ``OP`` into
    (``_get_operators``): ``+`` is one then any; ``{n,m}`` n ones then m - n optionals."""
    if op in (None, "1"):
        return [ONE]
    if op in ("?", "*", "+"):
        return {"?": [OPTIONAL], "*": [ANY], "+": [ONE, ANY]}[op]
    if isinstance(op, str) and op.startswith("{") and op.endswith("}"):
        return _min_max(op)
    raise Unsupported(f"OP {op!r}")


def _min_max(op: str) -> list[int]:
    """The units of ``{n}``, ``{n,m}``, ``{n,}`` or ``{,m}`` (spaCy's ``_get_operators``)."""
    spec = op[1:-1] if "," in op else f"{op[1:-1]},{op[1:-1]}"
    least, most = spec.split(",")
    if not (least.isdecimal() or most.isdecimal()) or (least.isdecimal() and most.isdecimal()
                                                        and int(least) > int(most)):
        raise Unsupported(f"OP {op!r}")
    head = [ONE] * int(least or 0)
    return head + ([OPTIONAL] * (int(most) - int(least or 0)) if most else [ANY])


class _StepIndex:
    """The tests of the places of one state, grouped so that a word is tried against all the
    word-list tests at once (a dict lookup on its lower form, one on its text)."""

    def __init__(self, places: Iterable[tuple[Place, WordTest]]) -> None:
        self.by_lower: dict[str, list[Place]] = {}
        self.by_orth: dict[str, list[Place]] = {}
        self.others: dict[WordTest, list[Place]] = {}  # the same test (the same token) is tried once
        for place, test in places:
            if test.words is None:
                self.others.setdefault(test, []).append(place)
                continue
            table = self.by_lower if test.fold == "LOWER" else self.by_orth
            for word in test.words:
                table.setdefault(word, []).append(place)

    def passed(self, text: str) -> list[Place]:
        """The places whose test ``text`` passes."""
        out = [*self.by_lower.get(text.lower(), ()), *self.by_orth.get(text, ())]
        for test, places in self.others.items():
            if test(text):
                out.extend(places)
        return out


class _Alone:
    """The closures (:meth:`Automaton._closures_of`) of pattern ``p`` when its every unit is
    ONE: each place alone, as no unit may be passed over. Made when asked, so that a
    gazetteer's thousands of phrases cost no set for each of their words."""

    __slots__ = ("p",)

    def __init__(self, p: int) -> None:
        self.p = p

    def __getitem__(self, j: int) -> frozenset[Place]:
        return frozenset(((self.p, j),))


class Automaton:
    """Patterns of word tests, each with a value to report (the ruler's (label, id)), matched
    over whole Docs. :meth:`matches` gives every (start, end, value) of a non-empty match,
    as the Matcher gives (key, start, end) for every match of every pattern."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self.vocab = vocab
        self.lexicon = lexicon
        self.patterns: list[list[tuple[WordTest, int]]] = []
        self.values: list[tuple] = []
        self._tests: dict[str, WordTest] = {}  # by token (its OP aside), as JSON
        self._phrase_units: dict[str, tuple[WordTest, int]] = {}  # the unit of ``{"LOWER": word}``, by word
        self._closures: list[list[frozenset[Place]] | _Alone] = []  # by pattern, see :meth:`_closures_of`
        self._forget()

    def add(self, pattern: list[dict], value: tuple) -> None:
        """Take in a token pattern (:class:`Unsupported` if a token asks more than the word)."""
        self.patterns.append(units(self.vocab, pattern, self._tests))
        self.values.append(value)
        self._closures.append(self._closures_of(len(self.patterns) - 1, self.patterns[-1]))
        self._stale = True

    def add_phrase(self, words: Iterable[str], value: tuple) -> None:
        """Take in a phrase of lower-case words, matched as a ``LOWER`` PhraseMatcher matches
        it: :meth:`add` of ``[{"LOWER": word} for word in words]``, each word's test made
        once (a gazetteer's thousands of phrases share a few thousand words)."""
        known = self._phrase_units
        pattern = []
        for word in words:
            unit = known.get(word)
            if unit is None:
                unit = known[word] = (word_test(self.vocab, {"LOWER": word}), ONE)
            pattern.append(unit)
        self._closures.append(_Alone(len(self.patterns)))
        self.patterns.append(pattern)
        self.values.append(value)
        self._stale = True

    def _fresh(self) -> None:
        """Start the states afresh if patterns came since they were built: a new pattern
        changes them all, and a ruler adds its patterns one by one (at once, they cost a
        pass over every pattern for each one added)."""
        if self._stale:
            self._forget()

    def _forget(self) -> None:
        """Drop the states built so far."""
        self._stale = False
        self._ids: dict[frozenset[Place], int] = {}
        self._places: list[frozenset[Place]] = []
        self._moves: list[dict[int, int]] = []  # by state: word number -> next state, -1 for none
        self._accepts: list[tuple] = []  # by state: the values of the patterns whose match ends there
        self._indexes: list[_StepIndex | None] = []
        start = frozenset(place for p in range(len(self.patterns)) for place in self._closures[p][0])
        self._intern(start)
        self.first = numpy.zeros(0, dtype=numpy.int32)  # by word number: the state after it from the start, or -1
        self.starts = numpy.zeros(0, dtype=bool)  # by word number: whether ``first`` holds a state
        # by word number: 1 if the word may be the second or a later word of a match (see _later)
        self._going_on = bytearray()
        self._later_words = self._later()

    @staticmethod
    def _closures_of(p: int, pattern: list[tuple[WordTest, int]]) -> list[frozenset[Place]]:
        """For each unit of pattern ``p`` (and its end), the places reached from it without a
        word: itself, and past every optional or any-number unit that follows."""
        out: list[frozenset[Place]] = [frozenset({(p, len(pattern))})]
        for j in range(len(pattern) - 1, -1, -1):
            out.append(frozenset({(p, j)}) | out[-1] if pattern[j][1] != ONE else frozenset({(p, j)}))
        return out[::-1]

    def _intern(self, places: frozenset[Place]) -> int:
        found = self._ids.get(places)
        if found is None:
            found = self._ids[places] = len(self._places)
            self._places.append(places)
            self._moves.append({})
            self._accepts.append(tuple({self.values[p] for p, j in places if j == len(self.patterns[p])}))
            self._indexes.append(None)
        return found

    def _step(self, state: int, word: int) -> int:
        """The state after ``word`` from ``state`` (-1: no place left), decided and kept."""
        index = self._indexes[state]
        if index is None:
            index = self._indexes[state] = _StepIndex(
                ((p, j), self.patterns[p][j][0]) for p, j in self._places[state] if j < len(self.patterns[p]))
        reached: set[Place] = set()
        for p, j in index.passed(self.lexicon.texts[word]):
            reached |= self._closures[p][j + 1]
            if self.patterns[p][j][1] == ANY:
                reached |= self._closures[p][j]
        found = self._intern(frozenset(reached)) if reached else -1
        self._moves[state][word] = found
        return found

    def _learn(self) -> None:
        """The first step of the words the lexicon numbered since the last call."""
        known = self.first.size
        if known < len(self.lexicon.texts):
            new = [self._step(0, word) for word in range(known, len(self.lexicon.texts))]
            self.first = numpy.concatenate((self.first, numpy.array(new, dtype=numpy.int32)))
            self.starts = self.first >= 0
            later, texts = self._later_words, self.lexicon.texts
            self._going_on.extend(later is None or texts[word].lower() in later for word in range(known, len(texts)))
            self._moves[0].clear()  # the array holds them

    def _later(self) -> frozenset[str] | None:
        """The lower-case words the second or a later word of a match may be, when every
        pattern is a sequence of single ``LOWER`` word lists (phrases: a state reached by a
        word holds only places past a pattern's first unit, which no other word passes).
        None when a pattern has another kind of test or unit: then any word may go on."""
        later: set[str] = set()
        for pattern in self.patterns:
            for k, (test, kind) in enumerate(pattern):
                if kind != ONE or test.words is None or test.fold != "LOWER":
                    return None
                if k:
                    later.update(test.words)
        return frozenset(later)

    def matches(self, words: numpy.ndarray, sequence: list[int]) -> list[tuple]:
        """(start, end, *value) of every match in the words (``words`` as an array and as a
        list of their numbers in the lexicon): from every word the start state steps on,
        walked while any place is left, reporting at each word the patterns ending there."""
        if not self.patterns:
            return []
        self._fresh()
        self._learn()
        firsts = self.first[words]
        at = (firsts >= 0).nonzero()[0]
        out: list[tuple] = []
        moves, accepts, length = self._moves, self._accepts, len(sequence)
        for start, state in zip(at.tolist(), firsts[at].tolist(), strict=True):
            end = start + 1
            while True:
                for value in accepts[state]:
                    out.append((start, end, *value))
                if end == length:
                    break
                word = sequence[end]
                found = moves[state].get(word)
                state = self._step(state, word) if found is None else found
                if state < 0:
                    break
                end += 1
        return out

    def matches_parted(self, words: numpy.ndarray, sequence: list[int], parts: int) -> list[list[tuple]]:
        """:meth:`matches` of an automaton whose every value is (part, value) (see :func:`joined`):
        ``(start, end, *value)`` of each match in the list of its part, the parts in one walk."""
        out: list[list[tuple]] = [[] for _ in range(parts)]
        if not self.patterns:
            return out
        self._fresh()
        self._learn()
        firsts = self.first[words]
        at = (firsts >= 0).nonzero()[0]
        moves, accepts, length = self._moves, self._accepts, len(sequence)
        for start, state in zip(at.tolist(), firsts[at].tolist(), strict=True):
            end = start + 1
            while True:
                for part, value in accepts[state]:
                    out[part].append((start, end, *value))
                if end == length:
                    break
                word = sequence[end]
                found = moves[state].get(word)
                state = self._step(state, word) if found is None else found
                if state < 0:
                    break
                end += 1
        return out

    def matches_apart(self, words: numpy.ndarray, sequence: list[int],
                      value: tuple) -> tuple[list[tuple[int, int]], list[tuple[int, int, object]]]:
        """:meth:`matches` of an automaton whose values are 1-tuples, parted: (start, end) of
        the matches reporting ``value``, and (other value, start, end) of the rest, each in
        the order :meth:`matches` gives them. The organisation linker's aliases and
        self-references: one pass, with no tuple made per match to be parted afterwards, and
        the starts found by one boolean array lookup (a comparison of the Doc's states with
        -1 costs about as much as walking a paragraph's few starts)."""
        if not self.patterns:
            return [], []
        if self._stale or self.first.size < len(self.lexicon.texts):
            self._fresh()
            self._learn()
        at = self.starts[words].nonzero()[0]
        kept: list[tuple[int, int]] = []
        rest: list[tuple[int, int, object]] = []
        moves, accepts, length, step = self._moves, self._accepts, len(sequence), self._step
        going_on = self._going_on  # a byte per word: most starts die at their second word, told here
        for start, state in zip(at.tolist(), self.first[words[at]].tolist(), strict=True):
            end = start + 1
            while True:
                for found in accepts[state]:
                    if found == value:
                        kept.append((start, end))
                    else:
                        rest.append((found[0], start, end))
                if end == length:
                    break
                word = sequence[end]
                if not going_on[word]:
                    break
                nxt = moves[state].get(word, -2)
                state = step(state, word) if nxt == -2 else nxt
                if state < 0:
                    break
                end += 1
        return kept, rest


def joined(automata: Sequence[Automaton], vocab: Vocab, lexicon: Lexicon) -> Automaton:
    """One automaton holding the patterns of all ``automata``, those of the k-th reporting
    ``(k, value)``: :meth:`Automaton.matches_parted` then finds what each one's
    :meth:`Automaton.matches` finds, in one walk over a Doc. Matches of different automata
    often start at the same word ("the" opens quantities, populations, scopes and ranks),
    so the joined walk starts about half as often as the walks one by one."""
    whole = Automaton(vocab, lexicon)
    for k, automaton in enumerate(automata):
        for pattern, value, closures in zip(automaton.patterns, automaton.values, automaton._closures, strict=True):
            p = len(whole.patterns)
            whole.patterns.append(pattern)
            whole.values.append((k, value))
            whole._closures.append(_Alone(p) if isinstance(closures, _Alone) else whole._closures_of(p, pattern))
    whole._stale = True
    return whole
