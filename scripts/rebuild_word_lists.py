"""Rebuild the detector's word lists from their documented sources (see
vault/adapters/detection/data/SOURCES). Nothing is downloaded: pass the source files you fetched.

    python scripts/rebuild_word_lists.py surnames Names_2010_Census.csv
    python scripts/rebuild_word_lists.py places countryInfo.txt admin1CodesASCII.txt cities15000.txt
    python scripts/rebuild_word_lists.py given yob2000.txt yob2010.txt ...

`surnames` keeps the census's 20,000 most frequent surnames. `places` keeps GeoNames' countries,
first-order regions and the cities of 100,000+ people (name and ASCII name), and splits them into
places.txt and places_capitalised.txt by whether a word of theirs is an ordinary English word
(common_words.txt). `given` adds the SSA baby-name files' names given to 100+ children to the
list; the hand-compiled names of our other locales already in given_names.txt are kept.
wordlike_names.txt is derived again from the new name lists after any of them. The lists are
written sorted, lower case, one entry a line, under their header comment.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "vault" / "adapters" / "detection" / "data"
SURNAMES = 20_000
CITY_POPULATION = 100_000
GIVEN_MIN_COUNT = 100

HEADERS = {
    "surnames.txt": "# The 20,000 most frequent US census surnames (public domain), lower case.",
    "places.txt": (
        "# Countries, regions, US states and cities of 100,000+ people (GeoNames, CC BY 4.0), "
        "lower case; matched in any case: none of their words is an ordinary English word."
    ),
    "places_capitalised.txt": (
        "# Places matched only when capitalised (New Haven, Cape Town, Turkey): a word of theirs "
        "is also an ordinary English word. GeoNames, CC BY 4.0."
    ),
}


def read_list(path: Path) -> tuple[list[str], set[str]]:
    """(header comment lines, entries) of one list file."""
    header, entries = [], set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            header.append(line)
        elif entry := " ".join(line.split("#", 1)[0].split()).lower():
            entries.add(entry)
    return header, entries


def write_list(path: Path, header: Sequence[str], entries: Iterable[str]) -> int:
    words = sorted({" ".join(e.split()).lower() for e in entries if e.strip()})
    path.write_text("\n".join([*header, *words]) + "\n", encoding="utf-8")
    return len(words)


def census_surnames(path: Path, limit: int = SURNAMES) -> list[str]:
    """The `limit` most frequent surnames of a census surname CSV (columns name, rank)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("name") and r.get("rank", "").isdigit()]
    rows.sort(key=lambda r: int(r["rank"]))
    return [r["name"].lower() for r in rows if r["name"].isalpha()][:limit]


def geonames_places(
    countries: Path, admin1: Path, cities: Path, population: int = CITY_POPULATION
) -> set[str]:
    """Country names, first-order region names and big cities' names from GeoNames dumps."""
    out: set[str] = set()
    for line in countries.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) > 4:
                out.add(fields[4])
    for line in admin1.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) > 2:
            out.update(fields[1:3])
    for line in cities.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) > 14 and fields[14].isdigit() and int(fields[14]) >= population:
            out.update(fields[1:3])
    return {p.lower() for p in out if p.strip()}


def ssa_given_names(paths: Sequence[Path], minimum: int = GIVEN_MIN_COUNT) -> set[str]:
    """Names given to at least `minimum` children over the SSA files (rows: name,sex,count)."""
    counts: Counter[str] = Counter()
    for path in paths:
        for row in csv.reader(path.read_text(encoding="utf-8").splitlines()):
            if len(row) == 3 and row[2].isdigit():
                counts[row[0].lower()] += int(row[2])
    return {name for name, n in counts.items() if n >= minimum}


def rebuild_wordlike(data: Path) -> int:
    """Names that are also ordinary English words (common_words.txt)."""
    _, common = read_list(data / "common_words.txt")
    _, given = read_list(data / "given_names.txt")
    _, surnames = read_list(data / "surnames.txt")
    header, _ = read_list(data / "wordlike_names.txt")
    return write_list(data / "wordlike_names.txt", header, (given | surnames) & common)


def main(argv: Sequence[str], data: Path = DATA) -> str:
    """Run one rebuild; returns what it wrote. Raises SystemExit on bad arguments."""
    if not argv or argv[0] not in ("surnames", "places", "given"):
        raise SystemExit(__doc__)
    kind, files = argv[0], [Path(a) for a in argv[1:]]
    if kind == "surnames":
        if len(files) != 1:
            raise SystemExit("surnames takes the census surname CSV")
        n = write_list(data / "surnames.txt", [HEADERS["surnames.txt"]], census_surnames(files[0]))
        report = f"surnames.txt: {n}"
    elif kind == "places":
        if len(files) != 3:
            raise SystemExit("places takes countryInfo.txt, admin1CodesASCII.txt, cities15000.txt")
        places = geonames_places(files[0], files[1], files[2])
        _, common = read_list(data / "common_words.txt")
        wordy = {p for p in places if any(w in common for w in p.split())}
        a = write_list(data / "places.txt", [HEADERS["places.txt"]], places - wordy)
        b = write_list(data / "places_capitalised.txt", [HEADERS["places_capitalised.txt"]], wordy)
        report = f"places.txt: {a}, places_capitalised.txt: {b}"
    else:
        if not files:
            raise SystemExit("given takes one or more SSA yobYYYY.txt files")
        header, kept = read_list(data / "given_names.txt")
        n = write_list(data / "given_names.txt", header, kept | ssa_given_names(files))
        report = f"given_names.txt: {n}"
    return f"{report}; wordlike_names.txt: {rebuild_wordlike(data)}"


if __name__ == "__main__":
    print(main(sys.argv[1:]))
