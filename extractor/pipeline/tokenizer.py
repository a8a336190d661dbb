"""The pipeline's tokenizer: spaCy's English tokenizer, keeping its text and caching more chunks.

spaCy splits a text at whitespace into chunks and keeps how it split each chunk, so that a
chunk met again is not cut by the prefix, suffix, URL and infix regexes a second time. In
spaCy 3.8 (``Tokenizer._tokenize_affixes``) the flag that keeps a chunk holding a special
case ("'s", "a.m.", ":)") out of that cache is set for the rest of the Doc by its first
such chunk: after it, no chunk of the Doc is cached. On the bench's pages 12,127 prefix
searches a pass (55,536 chunks) came from chunks spaCy had split before. A chunk spaCy
splits afresh twice is therefore tokenized once more on its own, where the flag is its
own, and spaCy caches it if it holds no special case, as it would have.

The tokens are those of spaCy's tokenizer either way: how a chunk is split does not depend
on the flag or on the chunk's neighbours (the flag is only read to decide whether to cache),
and a cached chunk gives the lexemes its splitting gave.
"""

from __future__ import annotations

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .extensions import TEXT_KEY


def _number_emoticon(text: str) -> bool:
    """spaCy's emoticons that hold a digit ("8)", "8D", ":3", "<3", "0.0"); not "10am", "5p.m."."""
    return any(c.isdigit() for c in text) and not text.rstrip(".").lower().endswith(("am", "pm", "a.m", "p.m"))


PRIMED_AT_MOST = 10_000  # chunks tokenized on their own per tokenizer; spaCy caches 10,000 chunks by default


class TextKeepingTokenizer(Tokenizer):
    """spaCy's tokenizer, which also keeps the string it was given where ``doc_text`` looks
    for it (``doc.text`` would rebuild the same string from a Token made for every word;
    spaCy's tokenisation is non-destructive, so the string is the Doc's text), and which
    has spaCy cache the chunks it keeps splitting afresh (see the module's docstring)."""

    _split: list[str] | None = None  # strings split afresh during the current call; None: not noted

    def __call__(self, string: str) -> Doc:
        if self._split is None:
            self._split, self._seen, self._primed = [], set(), set()
        doc = super().__call__(string)
        if self._split:
            self._prime()
        doc.user_data[TEXT_KEY] = string
        return doc

    def find_prefix(self, string: str) -> int:
        """spaCy's; the string is noted: spaCy asks this first about every chunk it splits
        afresh (then about what is left of it after each affix it cuts)."""
        split = self._split
        if split is not None:
            split.append(string)
        return Tokenizer.find_prefix(self, string)

    def _prime(self) -> None:
        """Tokenize on its own, once, each string noted by this call that has been split
        afresh before (a chunk met once may never recur)."""
        split, self._split = self._split, None  # priming splits strings too: not noted
        seen, primed = self._seen, self._primed
        for string in split:
            if string in primed:
                continue
            if string not in seen:
                if len(seen) >= PRIMED_AT_MOST:
                    seen.clear()
                seen.add(string)
            elif len(primed) < PRIMED_AT_MOST:
                primed.add(string)
                Tokenizer.__call__(self, string)
        self._split = []

    @classmethod
    def like(cls, tokenizer: Tokenizer) -> TextKeepingTokenizer:
        """One that splits text as ``tokenizer`` does (same affix patterns), without the special
        cases that make an emoticon of a number: "(8)" is a bracketed count, not "(" and "8)"."""
        rules = {text: pieces for text, pieces in (tokenizer.rules or {}).items() if not _number_emoticon(text)}
        return cls(tokenizer.vocab, rules=rules, prefix_search=tokenizer.prefix_search,
                   suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                   token_match=tokenizer.token_match, url_match=tokenizer.url_match,
                   faster_heuristics=tokenizer.faster_heuristics)
