"""The process's one numbering of words, shared by every matcher of the pipeline and the
reading step.

The rulers' automata (:mod:`.automaton`), the linker and the reading step's phrase matcher
(:mod:`extractor.reading.phrases`) all keep what they know of a word in arrays indexed by
the word's number here, so each Doc's words are numbered once (:meth:`SharedLexicon.words_of`)
and every matcher reads the same numbers.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ID, ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.util import OOV_RANK
from spacy.vocab import Vocab

from .extensions import doc_cache, token_ids


class SharedLexicon:
    """A small number for every word (ORTH id) seen, in order of first sight, with its text.

    The groups of every ruler ask what each word of a Doc is to them: as numbers, a group
    keeps its answers in an array indexed by word, and finds the words of a Doc it can
    match with one array lookup instead of a Python pass over the Doc's tokens. The text
    is kept with the number, as a group may learn a word first seen in another vocabulary.
    """

    def __init__(self) -> None:
        self.numbers: dict[int, int] = {}
        self.texts: list[str] = []

    def words_of(self, doc: Doc) -> numpy.ndarray:
        """The number of each token's word, made once per Doc.

        Each word's number is also written in its lexeme's ``rank`` (spaCy's slot for the
        row of a word in a vectors table: our vocabularies have no vectors, and the rank
        is otherwise unset), so a Doc's numbers are its ``ID`` array, read in C; a dict
        lookup per token, which reads three scattered Python objects, cost more than the
        matching. A vocabulary with vectors keeps its ranks: its words are looked up."""
        cache = doc_cache(doc, "lexicon.words")
        found = cache.get("numbers")
        if found is None:
            if len(doc.vocab.vectors):
                found = self._looked_up(doc)
            else:
                ranks = doc.to_array(ID)
                if (ranks == OOV_RANK).any():  # words this vocabulary has not been given a number for
                    self._rank(doc.vocab, doc.to_array(ORTH)[ranks == OOV_RANK])
                    ranks = doc.to_array(ID)
                found = ranks.astype(numpy.int64)
            cache["numbers"] = found
        return found

    def _looked_up(self, doc: Doc) -> numpy.ndarray:
        orths = token_ids(doc)
        self._add(orths, doc.vocab.strings)
        return numpy.fromiter(map(self.numbers.__getitem__, orths), numpy.int64, len(orths))

    def _rank(self, vocab: Vocab, orths: numpy.ndarray) -> None:
        """Number the words of ``orths`` (if new) and write their numbers in their lexemes."""
        orths = list(dict.fromkeys(orths.tolist()))
        self._add(orths, vocab.strings)
        for orth in orths:
            vocab[orth].rank = self.numbers[orth]

    def sequence_of(self, doc: Doc) -> tuple[numpy.ndarray, list[int]]:
        """:meth:`words_of`, and the same numbers as a list (for reading one at a time)."""
        cache = doc_cache(doc, "lexicon.words")
        found = cache.get("sequence")
        if found is None:
            numbers = self.words_of(doc)
            found = cache["sequence"] = (numbers, numbers.tolist())
        return found

    def _add(self, orths: list[int], strings: StringStore) -> None:
        """Number the words of ``orths`` not seen before."""
        numbers, texts = self.numbers, self.texts
        for orth in orths:
            if orth not in numbers:
                numbers[orth] = len(texts)
                texts.append(strings[orth])


LEXICON = SharedLexicon()
