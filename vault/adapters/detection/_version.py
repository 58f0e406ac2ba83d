"""The detector's version as every dataset version records it: what decides which spans are found."""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
import json
from collections.abc import Collection, Iterator, Mapping
from importlib.resources.abc import Traversable
from typing import Any

__all__ = ["MAX_LENGTH", "detector_version"]

MAX_LENGTH = 64  # the catalog's detector_version column
_PACKAGE = "vault.adapters.detection"


def detector_version(
    nlp: Any,
    *,
    entities: Collection[str],
    threshold: float,
    allow_list: Collection[str],
    deny_list: Mapping[str, Collection[str]],
    regions: Collection[str] | None,
) -> str:
    """`presidio-<version>/<spaCy model>-<version>/rules-<digest>`, at most MAX_LENGTH chars.

    The digest covers our recognizers (the detection package's code and data files) and this
    detector's configuration, so two detectors that could find different spans never share a
    version; it holds no allow- or deny-list word, only a hash over them."""
    presidio = importlib.metadata.version("presidio-analyzer")
    meta = getattr(nlp, "meta", {}) or {}
    model = f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
    digest = hashlib.sha256()
    for name, blob in _registry_files():
        digest.update(name.encode() + b"\0" + hashlib.sha256(blob).digest())
    config = {
        "entities": sorted(entities),
        "threshold": threshold,
        "allow": sorted(allow_list),
        "deny": {entity: sorted(words) for entity, words in sorted(deny_list.items())},
        "regions": sorted(regions) if regions is not None else None,
    }
    digest.update(json.dumps(config, sort_keys=True).encode())
    head = f"presidio-{presidio}/{model}/rules-"
    return head + digest.hexdigest()[: max(8, MAX_LENGTH - len(head))]


def _registry_files() -> Iterator[tuple[str, bytes]]:
    """(relative path, bytes) of the package's source and data files, in a stable order."""

    def walk(node: Traversable, prefix: str) -> Iterator[tuple[str, bytes]]:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            path = f"{prefix}{child.name}"
            if child.is_dir():
                if child.name != "__pycache__":
                    yield from walk(child, path + "/")
            elif not child.name.endswith((".pyc", ".pyo")):
                yield path, child.read_bytes()

    yield from walk(importlib.resources.files(_PACKAGE), "")
