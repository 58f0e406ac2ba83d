"""Delimited tables (CSV, TSV, pipes): cells under a name or address header are PII, whatever they hold."""

from __future__ import annotations

import re

from vault.adapters.detection._patterns import Candidate

__all__ = ["column_candidates"]

_KEY = re.compile(r"[^a-z]")
_HEADER_ENTITY = {
    **dict.fromkeys(
        [
            "name",
            "firstname",
            "lastname",
            "fullname",
            "givenname",
            "familyname",
            "surname",
            "middlename",
            "customer",
            "customername",
            "contact",
            "contactname",
            "employee",
            "employeename",
            "owner",
            "ownername",
            "author",
            "patient",
            "patientname",
            "assignee",
            "recipient",
            "sender",
            "holder",
            "cardholder",
            "accountholder",
            "person",
            "personname",
            "client",
            "clientname",
            "member",
            "membername",
            "guest",
            "guestname",
            "student",
            "studentname",
        ],
        "PERSON",
    ),
    **dict.fromkeys(
        [
            "address",
            "street",
            "streetaddress",
            "address1",
            "address2",
            "addressline1",
            "addressline2",
            "addr",
            "city",
            "town",
            "country",
            "zip",
            "zipcode",
            "postcode",
            "postalcode",
            "location",
            "homeaddress",
            "mailingaddress",
            "shippingaddress",
            "billingaddress",
            "residence",
        ],
        "LOCATION",
    ),
}
_DELIMITERS = (",", "\t", ";", "|")
_KEY_VALUE_HEADERS = [
    [key, value]
    for key in ("field", "key", "attribute", "property", "name", "item", "parameter", "label")
    for value in ("value", "values", "details", "detail", "data", "info", "entry")
]
# A header cell: a name in any script ("주민등록번호", "nº_do_cpf", "Straße"), not a value.
_IDENT = re.compile(r"[^\W\d_][\w .#/º°'’-]{0,40}")
# A header or key says what its cells are: above a listed name's reading ('Calle 1, …'), below
# the checksummed and shaped identifiers.
_SCORE = 0.88
_RULE_LINE = re.compile(r"[|:\- \t+=]+")


def _fields(line: str, delimiter: str) -> list[tuple[int, int]]:
    """`[start, end)` of each field of one line; double quotes may hold delimiters."""
    out, start, quoted = [], 0, False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            out.append((start, i))
            start = i + 1
    out.append((start, len(line)))
    return out


def _header(line: str) -> tuple[str, dict[int, str], int] | None:
    for delimiter in _DELIMITERS:
        if delimiter not in line:
            continue
        fields = [line[s:e].strip().strip("\"'") for s, e in _fields(line, delimiter)]
        named = fields
        if delimiter == "|":  # a Markdown row starts and ends with its delimiter
            named = fields[
                1 if not fields[0] else 0 : -1 if len(fields) > 1 and not fields[-1] else None
            ]
        if len(named) < 2 or not all(_IDENT.fullmatch(f) for f in named):
            continue
        wanted = {
            i: _HEADER_ENTITY[key]
            for i, f in enumerate(fields)
            if (key := _KEY.sub("", f.lower())) in _HEADER_ENTITY
        }
        if wanted:
            return delimiter, wanted, len(fields)
    return None


def _key_value_header(line: str) -> tuple[str, dict[int, str], int] | None:
    """A two-column table of keys and their values ("| Field | Value |"): its rows are
    records of one thing each, never headers."""
    for delimiter in _DELIMITERS:
        if delimiter not in line:
            continue
        spans = _fields(line, delimiter)
        named = [line[s:e].strip().strip("\"'").lower() for s, e in spans]
        if [n for n in named if n] in _KEY_VALUE_HEADERS:
            return delimiter, {}, len(spans)
    return None


def _cell(body: str, span: tuple[int, int]) -> tuple[int, str]:
    """A cell's value without its padding and quotes, and where it starts in the line."""
    cell = body[span[0] : span[1]]
    value = cell.strip().strip("\"'").strip()
    return span[0] + (cell.index(value) if value else 0), value


def _row_candidates(
    body: str, offset: int, table: tuple[str, dict[int, str], int]
) -> list[Candidate] | None:
    """The PII cells of one row of `table`, or None where the row is no longer one of it."""
    delimiter, wanted, width = table
    spans = _fields(body, delimiter)
    if len(spans) != width:
        return None
    if _RULE_LINE.fullmatch(body):
        return []  # the line under a Markdown header
    if not wanted:  # keys and values: the key says what its value is
        cells = [span for span in spans if body[span[0] : span[1]].strip()]
        if len(cells) != 2:
            return []
        key = _KEY.sub("", _cell(body, cells[0])[1].lower())
        columns = {1: _HEADER_ENTITY[key]} if key in _HEADER_ENTITY else {}
    else:
        cells, columns = spans, wanted
    out = []
    for index, entity in columns.items():
        start, value = _cell(body, cells[index])
        if value and (entity == "LOCATION" or any(ch.isalpha() for ch in value)):
            out.append(
                Candidate(offset + start, offset + start + len(value), entity, _SCORE, "column")
            )
    return out


def column_candidates(text: str) -> list[Candidate]:
    """Cells of name and address columns in every table whose header names them, and the
    values of name and address keys in a table of keys and values."""
    if not any(d in text for d in _DELIMITERS):
        return []
    out: list[Candidate] = []
    offset, table = 0, None
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if table is not None:
            row = _row_candidates(body, offset, table)
            if row is None:
                table = None
            else:
                out.extend(row)
        if table is None:
            table = _key_value_header(body) or _header(body)
        offset += len(line)
    return out
