"""Values under a key that says what they are: the whole value of an `address` key (in a
record, a form, a log line, a query string or an XML element) is one postal address, however
the detector's grammars would cut it."""

from __future__ import annotations

import re

from vault.adapters.detection._lexicon import key_alternation, load_words
from vault.adapters.detection._patterns import Candidate

__all__ = ["keyed_address_candidates"]

_KEYS = key_alternation("address_keys.txt")
# The key, then its value: quoted, an XML element's text, or the rest of a field. The value of a
# key that opens its line, field or sentence is the rest of it; one inside a sentence ("sent to
# the address: ...") is the grammar's to read, which knows where the sentence goes on.
_KEYED = re.compile(
    rf"(?i)(?<![^\W_])(?P<field>(?<=^)|(?<=[\n|&;{{,\t])|(?<=[.!?] ))?[ \t]*(?:{_KEYS})(?![^\W_])"
    r"(?:"
    # Perl's and Erlang's "=>", Erlang's binary "<<", R's type tag: address => <<"…"
    r"[\"']?[ \t]*[:=]>?[ \t]*(?:<<|chr[ ]+)?(?P<q>[\"'])(?P<quoted>[^\"'\n]{4,160})(?P=q)"
    r"|(?:\s[^<>]{0,80})?>(?P<element>[^<\n]{4,160})</"
    r"|(?(field)[ \t]*(?:\.{2,}|[:=])[ \t]*(?P<bare>[^\"'\s|&;<>{}\[\]][^\"'|&;<>{}\[\]\n]{3,160})|(?!))"
    r")",
    re.MULTILINE,
)
_HAS_DIGIT = re.compile(r"\d")
# The label of the field after the address on its line: a date's, a phone's, a visit's.
_NEXT_FIELD = re.compile(
    r"[ ]?,[ ]?(?i:"
    + "|".join(re.escape(w) for w in sorted(load_words("field_labels.txt"), key=len, reverse=True))
    + r")(?![^\W\d_])"
)
# A full stop after a word of five letters or more ("Bilbo.", not "Cad." or "apto."), or after
# a number when a capitalised word follows ("BKR 1234. Telefon", not "2. ezkerra").
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{5})\.(?=\s)|(?<=\d)\.(?=\s+[^\W\d_a-zß-ÿ])")
_NOT_AN_ADDRESS = re.compile(r"@|://|^(?:n/?a|none|null|unknown|same as above)$", re.IGNORECASE)
_SCORE = 0.88  # as a column header's: the key says what its value is
# "IP address:", "wallet address =": an address of another kind.
_OTHER_KIND = re.compile(
    r"(?i)(?:ip|ipv4|ipv6|mac|e-?mail|mail|web|wallet|crypto|bitcoin|btc|eth|ethereum|server|"
    r"host|memory|return|reply|sender|ip_|mac_|email_|mail_|wallet_)[ \t_-]?$"
)


def keyed_address_candidates(text: str) -> list[Candidate]:
    """The values of address keys that hold a number (a house, box or postcode) and are no
    mail address, link or placeholder."""
    out = []
    for m in _KEYED.finditer(text):
        if _OTHER_KIND.search(text, max(0, m.start() - 9), m.start()):
            continue
        group = next(g for g in ("quoted", "element", "bare") if m.group(g) is not None)
        start, end = m.span(group)
        if group == "bare":  # the sentence goes on after the address: "…/İstanbul. T.C. …"
            stop = _SENTENCE_END.search(text, start, end)
            end = stop.start() + 1 if stop else end
            field = _NEXT_FIELD.search(text, start, end)  # "…, кв. 17, запись на 25.06.2024"
            end = field.start() if field else end
        while end > start and text[end - 1] in " \t,.;":
            end -= 1
        value = text[start:end]
        if _HAS_DIGIT.search(value) and not _NOT_AN_ADDRESS.search(value):
            out.append(Candidate(start, end, "LOCATION", _SCORE, "keyed_address"))
    return out
