"""``extractor.sentences``: sentence and block boundaries for news text, board papers and tables.

Full stops end sentences (not after "St." or "No."), and line breaks end a block when
they close a sentence, a heading, a list item or a table row. A single line break inside
running text (a wrapped PDF line) does not, so a claim that spans a wrap stays whole.
"""

from __future__ import annotations

import re
from itertools import pairwise

import numpy
import regex
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import doc_text, keep_sentence_starts, token_ids
from .lexicon import LEXICON

_MAY_END = re.compile(r"[\n.!?”\"’)]").search
_ABBREV = {"st", "dr", "mr", "mrs", "ms", "no", "vs", "prof", "e.g", "i.e", "approx", "inc", "ltd", "co"}
_ENDERS = {".", "!", "?"}
MAX_SENTENCE = 300  # tokens; real sentences are far shorter, tables are cut at their lines
_NOT_START = numpy.uint64(2**64 - 1)  # -1, "not a sentence start", as Doc arrays hold it
_TABLE_LINE = regex.compile(r"\|| {2,}\S|\t")
_QUOTED = regex.compile(r'"[^"\n]*"')
_PROSE_COMMA = regex.compile(r",\s")


def is_csv_line(line: str) -> bool:
    """A comma-separated row: three fields or more, and outside quotes no comma followed by
    a space, which is how prose uses its commas (quoted fields may hold both)."""
    bare = _QUOTED.sub('""', line.strip())
    return bare.count(",") >= 2 and "|" not in bare and "\t" not in bare and _PROSE_COMMA.search(bare) is None
_BULLET = regex.compile(r"^\s*(?:[-•*–·▪]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")


def _line_of(text: str, idx: int) -> tuple[str, str]:
    """The line ending at ``idx`` and the line starting after it."""
    start = text.rfind("\n", 0, idx) + 1
    end = text.find("\n", idx + 1)
    nxt = text[idx:end if end != -1 else len(text)].strip("\n")
    return text[start:idx], nxt


class _Words:
    """The few facts the splitter tests about a token, read from the Doc's cached arrays:
    a Token object made for every candidate end costs more than the tests themselves."""

    def __init__(self, doc: Doc) -> None:
        self.vocab, self.strings = doc.vocab, doc.vocab.strings
        self.orth, self.lower, self.idx = token_ids(doc, "ORTH"), token_ids(doc, "LOWER"), token_ids(doc, "IDX")

    def text(self, i: int) -> str:
        """``doc[i].text``."""
        return self.strings[self.orth[i]]

    def lower_(self, i: int) -> str:
        """``doc[i].lower_``."""
        return self.strings[self.lower[i]]

    def ws(self, i: int) -> bool:
        """Whether ``doc[i].whitespace_`` is a space, for a token that has a next one: the
        text keeps every character, so a space follows exactly when the next token starts
        after the token's own end."""
        return self.idx[i + 1] > self.idx[i] + len(self.text(i))

    def like_num(self, i: int) -> bool:
        """``doc[i].like_num``, a flag of the word's lexeme."""
        return self.vocab[self.orth[i]].like_num


class _EnderWords:
    """Whether a word holds a character a sentence may end at, by its number in the lexicon.

    A Doc's candidate ends are then one array lookup over its word numbers (which the rulers
    read next), where searching its text for those characters and finding the token of each
    by binary search cost a call per character; a word's answer is worked out once per process."""

    def __init__(self) -> None:
        self.flags = numpy.zeros(0, dtype=bool)

    def holders(self, doc: Doc) -> list[int]:
        """The tokens holding a possible ender: every ender character lies inside a token's
        text (line breaks in space tokens; a token's own whitespace is a space at most)."""
        texts = LEXICON.texts
        words = LEXICON.words_of(doc)
        known = self.flags.size
        if known < len(texts):
            new = numpy.fromiter((_MAY_END(text) is not None for text in texts[known:]), bool, len(texts) - known)
            self.flags = numpy.concatenate((self.flags, new))
        return numpy.flatnonzero(self.flags[words]).tolist()


_ENDER_WORDS = _EnderWords()


class SentenceSplitter:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Mark sentence starts only: a token can start one only after a possible ender.

        Tokens left unmarked continue the sentence (``doc.sents`` reads only the starts),
        so the cost follows the number of candidate ends, not of tokens.
        """
        if not len(doc):
            return doc
        text = doc_text(doc)
        doc[0].is_sent_start = True  # through spaCy's setter, which refuses a parsed Doc
        words = _Words(doc)
        found = [0]
        for i in _ENDER_WORDS.holders(doc):
            if i + 1 < len(doc) and self._starts(words, text, i):
                found.append(i + 1)
        # set in one go: spaCy's setter checks the whole Doc for a parse on each token it marks
        marks = doc.to_array(SENT_START)
        marks[found] = 1
        marks[self._bound(words, [*found, len(doc)])] = 1
        if len(doc) > 1 and marks[1] == 0:
            # spaCy asks whether sentences are set (on every ``.sent``) by scanning from the
            # second token to the first one marked: mark it, so the answer is immediate
            marks[1] = _NOT_START
        doc.from_array([SENT_START], marks)
        keep_sentence_starts(doc, marks)
        return doc

    @staticmethod
    def _bound(words: _Words, starts: list[int]) -> list[int]:
        """Where to cut any 'sentence' longer than ``MAX_SENTENCE`` tokens, after a comma or
        semicolon where there is one: text without full stops (a scraped list, hostile input)
        would otherwise make claim building, which looks across a sentence, quadratic."""
        cuts = []
        for a, b in pairwise(starts):
            cut = a
            while b - cut > MAX_SENTENCE:
                window = range(cut + MAX_SENTENCE, cut + MAX_SENTENCE // 2, -1)
                cut = next((k for k in window if words.text(k - 1) in {",", ";"}), cut + MAX_SENTENCE)
                cuts.append(cut)
        return cuts

    @staticmethod
    def _starts(words: _Words, text: str, p: int) -> bool:
        """Whether the token after token ``p`` starts a sentence."""
        prev, nxt_word = words.text(p), words.text(p + 1)
        if prev.isspace() and "\n" in prev:  # ``is_space``, a lexeme flag, is ``str.isspace``
            if "\n\n" in prev or prev.count("\n") > 1:
                return True
            line, nxt = _line_of(text, words.idx[p])
            stripped = line.rstrip()
            if not stripped:
                return True
            if stripped[-1] in ".!?:;\"”’)" or _TABLE_LINE.search(line) or _TABLE_LINE.search(nxt) \
                    or is_csv_line(line) or is_csv_line(nxt):
                return True
            if _BULLET.match(nxt) or _BULLET.match(line):
                return True
            starts_new = nxt[:1].isupper() or nxt[:1].isdigit()
            return len(stripped) < 70 and stripped[-1] != "," and (starts_new or not stripped[-1].islower())
        if prev in _ENDERS or (prev in {"”", "\"", "’", ")"} and p > 0 and words.text(p - 1) in _ENDERS):
            if not words.ws(p):
                return False
            if prev == "." and p > 0 and words.lower_(p - 1) in _ABBREV:
                return False
            if prev in {".", ")"} and p > 0 and words.like_num(p - 1) and (
                    p == 1 or "\n" in words.text(p - 2)):
                return False
            return nxt_word[:1].isupper() or nxt_word[:1].isdigit() or nxt_word[:1] in "\"“‘'(£"
        if prev.endswith(".") and len(prev) > 1 and words.ws(p) and not words.like_num(p):
            return words.lower_(p).rstrip(".") not in _ABBREV and nxt_word[:1].isupper() and prev.count(".") == 1
        return False


@Language.factory("extractor_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
