"""The organisation linker alone, after a sentencizer (as in the full pipeline, where
"the trust" looks back over sentences), with the package's Doc extensions registered."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline.extensions import register_extensions


@pytest.fixture(scope="module")
def linker() -> Language:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("extractor_orgs")
    nlp.initialize()
    return nlp


def linked(nlp: Language, text: str, **meta: str) -> Doc:
    """``text`` through ``nlp`` with document metadata (``url``, ``title``, ``source`` ...) set first."""
    doc = nlp.make_doc(text)
    for key, value in meta.items():
        doc._.set(key, value)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
