"""The word-list rebuild script reads the documented sources' formats and writes sorted lists."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).parent.parent.parent / "scripts" / "rebuild_word_lists.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rebuild_word_lists", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / "common_words.txt").write_text("# words\nturkey\nnew\nwill\nbaker\n")
    (tmp_path / "given_names.txt").write_text("# given\naapo\nwill\n")
    (tmp_path / "surnames.txt").write_text("# surnames\nold\n")
    (tmp_path / "wordlike_names.txt").write_text("# wordlike\n")
    return tmp_path


def test_surnames_keep_the_most_frequent(data: Path, tmp_path: Path) -> None:
    source = tmp_path / "Names_2010_Census.csv"
    source.write_text("name,rank,count\nSMITH,1,2442977\nBAKER,3,9\nJOHNSON,2,1932812\n")
    script = _script()
    report = script.main(["surnames", str(source)], data=data)
    assert (data / "surnames.txt").read_text().splitlines() == [
        script.HEADERS["surnames.txt"], "baker", "johnson", "smith",
    ]  # fmt: skip
    assert "wordlike_names.txt: 2" in report  # baker and will are also words
    assert script.census_surnames(source, limit=1) == ["smith"]


def test_places_split_by_ordinary_words(data: Path, tmp_path: Path) -> None:
    countries = tmp_path / "countryInfo.txt"
    countries.write_text("#ISO\tISO3\tnum\tfips\tCountry\nTR\tTUR\t792\tTU\tTurkey\n")
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("US.CT\tConnecticut\tConnecticut\t4831725\n")
    cities = tmp_path / "cities15000.txt"
    row = ["1", "New Haven", "New Haven"] + [""] * 11 + ["130250"]
    small = ["2", "Tinytown", "Tinytown"] + [""] * 11 + ["900"]
    cities.write_text("\t".join(row) + "\n" + "\t".join(small) + "\n")
    _script().main(["places", str(countries), str(admin1), str(cities)], data=data)
    assert (data / "places.txt").read_text().splitlines()[1:] == ["connecticut"]
    assert (data / "places_capitalised.txt").read_text().splitlines()[1:] == ["new haven", "turkey"]


def test_given_names_keep_the_hand_compiled_ones(data: Path, tmp_path: Path) -> None:
    yob = tmp_path / "yob2000.txt"
    yob.write_text("Emily,F,25953\nRareName,F,5\n")
    _script().main(["given", str(yob)], data=data)
    assert (data / "given_names.txt").read_text().splitlines() == [
        "# given",
        "aapo",
        "emily",
        "will",
    ]


def test_bad_arguments_exit_with_the_usage(data: Path) -> None:
    with pytest.raises(SystemExit):
        _script().main(["nope"], data=data)
    with pytest.raises(SystemExit):
        _script().main(["places", "one"], data=data)
