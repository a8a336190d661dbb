"""The words a tokenizer makes of many short phrases, without a Doc for each phrase.

A matcher of the gazetteer's ~11,000 alias spellings needs each one's words as the
pipeline's tokenizer cuts them. Tokenizing each into a Doc cost ~0.3 s per process, most
of it making a lexeme (with every lexical flag the rulers add) for each new word.

spaCy's tokenizer cuts a text at single spaces into chunks and splits each chunk on its
own (``Tokenizer._tokenize_affixes``; how a chunk is split does not depend on its
neighbours, see :mod:`.tokenizer`), so a phrase's words are its chunks' words, and the
aliases share fewer than 2,000 chunks. A chunk stays one word when it is no special case
and the prefix, suffix and infix patterns find nothing in it: that is when
``Tokenizer._split_affixes`` cuts nothing off and ``_attach_tokens`` keeps the rest whole
(a ``token_match`` or ``url_match`` also keeps a chunk whole). Only the other chunks ("St.",
"Mary's", "(Surrey)") and phrases with other whitespace are tokenized.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokenizer import Tokenizer


def phrase_words(tokenizer: Tokenizer, phrases: Iterable[str]) -> list[list[str]]:
    """The token texts ``tokenizer`` makes of each phrase, in order."""
    chunks: dict[str, list[str]] = {}
    rules = tokenizer.rules
    out = []
    for phrase in phrases:
        if not _single_spaced(phrase):
            out.append([token.text for token in tokenizer(phrase)])
            continue
        words = []
        for chunk in phrase.split(" "):
            found = chunks.get(chunk)
            if found is None:
                found = chunks[chunk] = _chunk_words(tokenizer, rules, chunk)
            words.extend(found)
        out.append(words)
    return out


def _single_spaced(phrase: str) -> bool:
    """Whether the phrase's only whitespace is single spaces between words (where the
    tokenizer cuts without making a token)."""
    return bool(phrase) and phrase.split(" ") == phrase.split()


def _chunk_words(tokenizer: Tokenizer, rules: dict, chunk: str) -> list[str]:
    """The token texts of one chunk: itself when the tokenizer would split nothing off it
    (``rules``: its special cases)."""
    if (chunk not in rules and not Tokenizer.find_prefix(tokenizer, chunk)
            and not Tokenizer.find_suffix(tokenizer, chunk) and not Tokenizer.find_infix(tokenizer, chunk)):
        return [chunk]
    return [token.text for token in tokenizer(chunk)]
