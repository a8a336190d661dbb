"""Locate the pipeline assets shipped in ``models/``.

``models/`` sits at the top of the repository and is installed as the package
``extractor.models`` (see ``pyproject.toml``), so ``importlib.resources`` finds it in a
source checkout, an editable install and a wheel alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from importlib.abc import Traversable


def models_dir() -> Traversable:
    """The root of the shipped assets.

    An installed copy (wheel or editable) has them as ``extractor.models``. A process that
    imports the package straight from a source checkout (``python -m`` or a worker started
    with the checkout as its working directory) finds no such subpackage: there the
    checkout's own ``models/`` beside ``extractor/`` is the same data.
    """
    try:
        return resources.files("extractor.models")
    except ModuleNotFoundError:
        checkout = resources.files("extractor").joinpath("..", "models")
        if checkout.joinpath("config.cfg").is_file():
            return checkout
        raise


def asset(*parts: str) -> Traversable:
    """A file under ``models/``; raises ``FileNotFoundError`` naming it when missing."""
    node = models_dir()
    for part in parts:
        node = node / part
    if not node.is_file():
        raise FileNotFoundError(f"pipeline asset models/{'/'.join(parts)} is missing from the install")
    return node


def iter_jsonl(*parts: str) -> Iterator[dict]:
    """Yield the JSON objects of a JSONL asset, skipping blank lines."""
    with asset(*parts).open("r", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


@cache
def load_jsonl(*parts: str) -> tuple[dict, ...]:
    """The whole JSONL asset, cached: assets are read-only during a run."""
    return tuple(iter_jsonl(*parts))
