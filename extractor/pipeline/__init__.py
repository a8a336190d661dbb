"""The spaCy rule pipeline: one component per module, configured by ``models/config.cfg``.

``build_pipeline()`` returns a ``Language`` whose components fill ``doc.spans``
("quantities", "segments", "populations", "scopes", "ranks", "traps", "orgs") and ``doc._.framework``.
"""

from __future__ import annotations

import importlib
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import load_config_from_str, load_model_from_config

from ..resources import asset
from .extensions import TEXT_KEY, register_extensions

COMPONENT_MODULES = ("sentences", "framework", "quantities", "segments", "populations", "scopes", "ranks", "traps",
                     "orgs")


def _register_factories() -> set[str]:
    """Import every component module so its factory is registered; report which exist."""
    available = set()
    for module in COMPONENT_MODULES:
        try:
            importlib.import_module(f"{__name__}.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{module}":
                raise
            continue
        available.add(f"extractor_{module}")
    return available


class TextKeepingTokenizer(Tokenizer):
    """spaCy's tokenizer, which also keeps the string it was given where ``doc_text`` looks
    for it: ``doc.text`` would rebuild the same string from a Token made for every word.
    spaCy's tokenisation is non-destructive, so the string is the Doc's text."""

    def __call__(self, string: str) -> Doc:
        doc = super().__call__(string)
        doc.user_data[TEXT_KEY] = string
        return doc

    @classmethod
    def like(cls, tokenizer: Tokenizer) -> TextKeepingTokenizer:
        """One that splits text as ``tokenizer`` does (same rules and affix patterns)."""
        return cls(tokenizer.vocab, rules=tokenizer.rules, prefix_search=tokenizer.prefix_search,
                   suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                   token_match=tokenizer.token_match, url_match=tokenizer.url_match,
                   faster_heuristics=tokenizer.faster_heuristics)


def build_pipeline(config_asset: str = "config.cfg") -> Language:
    """A fresh pipeline from the shipped config (no model download: ``spacy.blank('en')`` plus
    rules), with the English tokenizer made to keep each Doc's text."""
    register_extensions()
    available = _register_factories()
    config = load_config_from_str(asset(config_asset).read_text(encoding="utf-8"))
    names = [n for n in config["nlp"]["pipeline"] if config["components"][n]["factory"] in available]
    config["nlp"]["pipeline"] = names
    config["components"] = {n: config["components"][n] for n in names}
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    nlp.tokenizer = TextKeepingTokenizer.like(nlp.tokenizer)
    return nlp


@cache
def shared_pipeline() -> Language:
    """One pipeline per process: building it reads every pattern file."""
    return build_pipeline()


__all__ = ["TextKeepingTokenizer", "build_pipeline", "shared_pipeline", "spacy"]
