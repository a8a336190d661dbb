"""``extractor.sentences``: sentence and block boundaries for news text, board papers and tables.

Full stops end sentences (not after "St." or "No."), and line breaks end a block when
they close a sentence, a heading, a list item or a table row. A single line break inside
running text (a wrapped PDF line) does not, so a claim that spans a wrap stays whole.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise

import numpy
import regex
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import doc_text

_MAY_END = regex.compile(r"[\n.!?”\"’)]").finditer
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
        starts = doc.to_array(IDX).tolist()
        # every ender character lies inside a token's text (line breaks in space tokens)
        holders = sorted({bisect_right(starts, m.start()) - 1 for m in _MAY_END(text)})
        found = [0]
        for i in holders:
            if i + 1 < len(doc) and self._starts(doc, text, doc[i], doc[i + 1]):
                found.append(i + 1)
        # set in one go: spaCy's setter checks the whole Doc for a parse on each token it marks
        marks = doc.to_array(SENT_START)
        marks[found] = 1
        marks[self._bound(doc, [*found, len(doc)])] = 1
        if len(doc) > 1 and marks[1] == 0:
            # spaCy asks whether sentences are set (on every ``.sent``) by scanning from the
            # second token to the first one marked: mark it, so the answer is immediate
            marks[1] = _NOT_START
        doc.from_array([SENT_START], marks)
        return doc

    @staticmethod
    def _bound(doc: Doc, starts: list[int]) -> list[int]:
        """Where to cut any 'sentence' longer than ``MAX_SENTENCE`` tokens, after a comma or
        semicolon where there is one: text without full stops (a scraped list, hostile input)
        would otherwise make claim building, which looks across a sentence, quadratic."""
        cuts = []
        for a, b in pairwise(starts):
            cut = a
            while b - cut > MAX_SENTENCE:
                window = range(cut + MAX_SENTENCE, cut + MAX_SENTENCE // 2, -1)
                cut = next((k for k in window if doc[k - 1].text in {",", ";"}), cut + MAX_SENTENCE)
                cuts.append(cut)
        return cuts

    def _starts(self, doc: Doc, text: str, prev, tok) -> bool:
        if prev.is_space and "\n" in prev.text:
            if "\n\n" in prev.text or prev.text.count("\n") > 1:
                return True
            line, nxt = _line_of(text, prev.idx)
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
        if prev.text in _ENDERS or (prev.text in {"”", "\"", "’", ")"} and prev.i > 0
                                    and doc[prev.i - 1].text in _ENDERS):
            if not prev.whitespace_:
                return False
            if prev.text == "." and prev.i > 0 and doc[prev.i - 1].lower_ in _ABBREV:
                return False
            if prev.text in {".", ")"} and prev.i > 0 and doc[prev.i - 1].like_num and (
                    prev.i == 1 or "\n" in doc[prev.i - 2].text or "\n" in doc[prev.i - 2].whitespace_):
                return False
            return tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text[:1] in "\"“‘'(£"
        if prev.text.endswith(".") and len(prev.text) > 1 and prev.whitespace_ and not prev.like_num:
            return prev.lower_.rstrip(".") not in _ABBREV and tok.text[:1].isupper() and prev.text.count(".") == 1
        return False


@Language.factory("extractor_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
