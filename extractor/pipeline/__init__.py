"""The spaCy rule pipeline: one component per module, configured by ``models/config.cfg``.

``build_pipeline()`` returns a ``Language`` whose components fill ``doc.spans``
("quantities", "segments", "populations", "scopes", "ranks", "traps", "orgs") and ``doc._.framework``.
"""

from __future__ import annotations

import importlib
from functools import cache

import spacy
from spacy.language import Language
from spacy.util import load_config_from_str, load_model_from_config

from ..resources import asset
from .extensions import register_extensions
from .tokenizer import TextKeepingTokenizer

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


def build_pipeline(config_asset: str = "config.cfg") -> Language:
    """A fresh pipeline from the shipped config (no model download: ``spacy.blank('en')`` plus
    rules), with the English tokenizer made to keep each Doc's text and to cache more of its chunks."""
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
