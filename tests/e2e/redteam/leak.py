"""Can a planted value be read back from bytes that left the vault? In any form a reader could undo.

`leak_forms(sent, value)` names every form in which `value` is still in `sent`: as it is, as JSON
escapes, percent or base64 or HTML entities, in another case, and after normalizing what was sent
(decoded JSON, percent, entities, base64 and data: URLs undone; NFKC; format characters dropped;
Cyrillic and Greek look-alikes mapped to Latin; case folded; separators removed). A value with nine
or more digits also leaks when its digits run unbroken in the digits of one JSON string (or number).
The forms are names only: callers report them, never the value.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["leak_forms", "normalize"]

# Cyrillic and Greek capitals that look like Latin ones, mapped before case folding (a folded
# Greek Eta would read as "n"); then the small letters that look like Latin ones.
_CAPITAL_LOOKALIKES = str.maketrans(
    dict(zip("АВЕЅІЈКМНОРСТХУ", "ABESIJKMHOPCTXY", strict=True))
    | dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True))
)
_SMALL_LOOKALIKES = str.maketrans(
    dict(zip("аеёорсухіїјѕԁһӏԛԝкмтвн", "aeeopcyxiijsdhlqwkmtbh", strict=True))
    | dict(zip("αβεηικνορτυχγζωμ", "abenikvoptuxyzwu", strict=True))
)
_SEPARATORS = re.compile(r"[\s\-./_\u00a0]+")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/_-]{8,}={0,2}")
_MIN_NORMALIZED = 5
_MIN_DIGITS = 9
_MAX_DEPTH = 3


def normalize(text: str) -> str:
    """NFKC, no format characters, look-alikes to Latin, case folded, no separators."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = text.translate(_CAPITAL_LOOKALIKES).casefold().translate(_SMALL_LOOKALIKES)
    return _SEPARATORS.sub("", text)


def _digits(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdecimal())


def _encoded_forms(value: str) -> dict[str, list[str]]:
    """The value written the ways a byte-level reader would recognize it."""
    raw = value.encode()
    b64 = [
        base64.b64encode(raw).decode(),
        base64.urlsafe_b64encode(raw).decode(),
    ]
    b64 += [form.rstrip("=") for form in b64]
    percent = [
        urllib.parse.quote(value, safe=""),
        urllib.parse.quote(value),
        urllib.parse.quote_plus(value),
        "".join(f"%{b:02X}" for b in raw),
        "".join(f"%{b:02x}" for b in raw),
    ]
    return {
        "raw": [value],
        "json-escaped": [json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1]],
        "percent": [p for p in percent if p != value],
        "base64": b64,
        "html-entity": [
            form
            for form in (
                html.escape(value),
                "".join(f"&#{ord(c)};" for c in value),
                "".join(f"&#x{ord(c):x};" for c in value),
            )
            if form != value
        ],
    }


def _json_atoms(value: Any) -> Iterator[str]:
    """Every string, key and number inside a decoded JSON document."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _json_atoms(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_atoms(item)
    elif isinstance(value, str):
        yield value
    elif isinstance(value, bool) or value is None:
        return
    else:
        yield str(value)


def _documents(text: str) -> Iterator[str]:
    """The atoms of each JSON document in `text` (bodies joined by newlines); any text that is
    not JSON counts as one atom of its own."""
    decoder = json.JSONDecoder()
    position = 0
    while position < len(text):
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return
        try:
            document, position = decoder.raw_decode(text, position)
        except ValueError:
            end = text.find("\n", position)
            end = len(text) if end < 0 else end + 1
            yield text[position:end]
            position = end
            continue
        yield from _json_atoms(document)


def _base64_decodings(text: str) -> Iterator[str]:
    for run in _BASE64_RUN.findall(text):
        pieces = {run, *run.split("/"), *run.split("_"), *run.split("-")}
        for piece in pieces:
            for offset in range(4):
                chunk = piece[offset:].rstrip("=")
                if len(chunk) < 8:
                    continue
                chunk += "=" * (-len(chunk) % 4)
                for decode in (base64.b64decode, base64.urlsafe_b64decode):
                    try:
                        decoded = decode(chunk).decode("utf-8")
                    except (binascii.Error, ValueError):
                        continue
                    if decoded.isprintable() or decoded.strip().isprintable():
                        yield decoded


def _decodings(text: str) -> set[str]:
    """What `text` says once one layer of an encoding is undone."""
    found = {
        urllib.parse.unquote(text),
        urllib.parse.unquote_plus(text),
        html.unescape(text),
        _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text),
        *_base64_decodings(text),
    }
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        found.update(_documents(stripped))
    found.discard(text)
    return found


def _variants(atom: str) -> Iterator[tuple[str, str]]:
    """(how it was decoded, text) for `atom` and every decoding of it, a few layers deep."""
    seen = {atom}
    layer = [("", atom)]
    yield "", atom
    for _ in range(_MAX_DEPTH):
        following: list[tuple[str, str]] = []
        for how, text in layer:
            for decoded in _decodings(text):
                if decoded not in seen:
                    seen.add(decoded)
                    following.append((how or "decoded", decoded))
        yield from following
        layer = following


def leak_forms(sent: bytes | str, value: str, *, joined: bool = False) -> list[str]:
    """The names of the forms in which `value` can be read back from `sent`; empty if none.

    `joined` also reads all strings of `sent` as one text, for a value the caller split across
    messages or content parts.
    """
    text = sent.decode("utf-8", "replace") if isinstance(sent, bytes) else sent
    forms: list[str] = []
    for form, encodings in _encoded_forms(value).items():
        if any(encoding and encoding in text for encoding in encodings):
            forms.append(form)
    if value.casefold() in text.casefold() and "raw" not in forms:
        forms.append("case")

    wanted = normalize(value)
    digits = _digits(value)
    atoms = list(_documents(text))
    found: set[str] = set()
    groups: Iterable[list[str]] = [atoms, ["".join(atoms)]] if joined else [atoms]
    for index, group in enumerate(groups):
        prefix = "joined-" if index else ""
        for atom in group:
            for how, variant in _variants(atom):
                suffix = f"-{how}" if how else ""
                if len(wanted) >= _MIN_NORMALIZED and wanted in normalize(variant):
                    found.add(f"{prefix}normalized{suffix}")
                if len(digits) >= _MIN_DIGITS and digits in _digits(variant):
                    found.add(f"{prefix}digits{suffix}")
    return forms + sorted(found)
