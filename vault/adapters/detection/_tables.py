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
# A header cell: a name in any script ("주민등록번호", "nº_do_cpf", "Straße"), not a value.
_IDENT = re.compile(r"[^\W\d_][\w .#/º°'’-]{0,40}")
_SCORE = 0.8
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


def column_candidates(text: str) -> list[Candidate]:
    """Cells of name and address columns in every table whose header names them."""
    if not any(d in text for d in _DELIMITERS):
        return []
    out: list[Candidate] = []
    offset, table = 0, None
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if table is not None:
            delimiter, wanted, width = table
            spans = _fields(body, delimiter)
            if len(spans) != width:
                table = None
            elif _RULE_LINE.fullmatch(body):
                pass  # the line under a Markdown header
            else:
                for index, entity in wanted.items():
                    s, e = spans[index]
                    cell = body[s:e]
                    value = cell.strip().strip("\"'").strip()
                    if value and (entity == "LOCATION" or any(ch.isalpha() for ch in value)):
                        start = offset + s + cell.index(value)
                        out.append(Candidate(start, start + len(value), entity, _SCORE, "column"))
        if table is None:
            table = _header(body)
        offset += len(line)
    return out
