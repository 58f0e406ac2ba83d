"""Payloads read as one (a batch's block) fold and split into digit runs exactly as each payload
read alone, joined by line breaks: the guard may read a block in one pass."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from vault.services.chat.guard import PayloadCheck

# What the fold rewrites, and what stands beside it: escapes of every kind, digit groups with
# odd separators, full-width digits, look-alike letters, format characters, other scripts.
_PIECES = st.sampled_from([
    "4111", "4111.1111.1111.1111", "415_555_0100", "12/34/56", " ", "-", ".", "/", "_",
    "%41%42", "%0A", "%C3%A9", "&#10;", "&amp;", "&#x41;", "\\u004a", "\\u000a", "\uff14\uff11",
    "j\u043ehn", "\u0418\u0432\u0430\u043d", "\u200b", "\u00a0", "\u5f20\u4f1f", "Ann", "@", "\n",
])  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=12).map("".join) | st.text(max_size=40)
_PAYLOADS = st.dictionaries(_TEXTS, _TEXTS | st.integers(), max_size=3).map(
    lambda body: json.dumps(body, ensure_ascii=False, separators=(",", ":"))
)


@given(st.lists(_PAYLOADS, min_size=1, max_size=5))
def test_a_block_reads_as_its_payloads_each_alone(payloads: list[str]) -> None:
    block = PayloadCheck.joined(payloads)
    alone = [PayloadCheck(payload) for payload in payloads]
    assert block.folded == "\n".join(check.folded for check in alone)
    assert block.digit_runs == [run for check in alone for run in check.digit_runs]
