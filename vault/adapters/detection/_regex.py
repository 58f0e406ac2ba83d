"""Regex building blocks shared by the rule modules."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

__all__ = ["trie"]


def trie(words: Collection[str]) -> str:
    """An alternation of `words` factored by shared prefixes ("ph(?:one)?"), so a position that
    starts no word fails on its first character instead of once per word."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
