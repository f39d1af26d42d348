"""data/nuclear_stockpiles.csv against values read in the FAS export and its OWID preparation.

The values below were read on 2026-12-01 with grep in the FAS export nuclear_weapons_stockpiles_raw.csv (UTF-16,
tab-separated, converted with iconv), github.com/owid/notebooks @ d630acfedbb1ae105e3c19f8ebe887da6134009a, folder
"BastianHerre/nuclear_weapons/Federation of American Scientists (2023) nuclear weapons inventories" (git blob
77c3e976eb1f72b39ca3f404e4309b80df331d37), not with the extraction script. The table is extracted from OWID's
nuclear_weapons_stockpiles.csv in the same folder (blob a753d8acadd78f9f0a092102cdd076def809a607) by
tools/extract/nuclear_stockpiles.py; set OWID_STOCKPILES_CSV to that file to check that it reproduces the table,
and FAS_STOCKPILES_RAW to the FAS export to compare every value with it.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from pathlib import Path

import pytest
from conftest import extracted

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT / "data" / "nuclear_stockpiles.csv"

# (country_code, year): the FAS cell ("" = empty; OWID's do-file writes 0 there).
FAS_CELLS = {
    ("USA", "1945"): "2",
    ("USA", "1949"): "170",
    ("USA", "1967"): "31255",
    ("USA", "1986"): "23317",
    ("USA", "1991"): "19008",
    ("RUS", "1945"): "",
    ("RUS", "1949"): "1",
    ("RUS", "1967"): "8400",
    ("RUS", "1986"): "40159",
    ("RUS", "1991"): "29154",
}
FAS_NAMES = {"US": "USA", "Russia": "RUS"}


@pytest.fixture(scope="module")
def rows() -> dict[tuple[str, str], str]:
    with CSV.open(newline="", encoding="utf-8") as handle:
        return {(r["country_code"], r["year"]): r["warheads"] for r in csv.DictReader(handle)}


def test_counts(rows):
    assert Counter(code for code, _ in rows) == {"USA": 47, "RUS": 47}
    assert {int(year) for _, year in rows} == set(range(1945, 1992))


@pytest.mark.parametrize(("key", "cell"), FAS_CELLS.items(), ids=["-".join(key) for key in FAS_CELLS])
def test_values_are_the_fas_cells(rows, key, cell):
    assert rows[key] == (cell or "0")


def test_owid_zeros_are_the_empty_fas_cells(rows):
    assert [year for (code, year), value in rows.items() if value == "0"] == ["1945", "1946", "1947", "1948"]
    assert all(code == "RUS" for (code, _), value in rows.items() if value == "0")


@pytest.mark.skipif(not os.environ.get("OWID_STOCKPILES_CSV"), reason="release file not given (OWID_STOCKPILES_CSV)")
def test_extraction_reproduces_the_table(tmp_path):
    assert extracted(tmp_path, "nuclear_stockpiles", os.environ["OWID_STOCKPILES_CSV"]) == CSV.read_bytes()


@pytest.mark.skipif(not os.environ.get("FAS_STOCKPILES_RAW"), reason="FAS export not given (FAS_STOCKPILES_RAW)")
def test_every_value_is_the_fas_value(rows):
    fas = {}
    text = Path(os.environ["FAS_STOCKPILES_RAW"]).read_bytes().decode("utf-16")
    for line in text.splitlines()[1:]:
        year, name, value = (line.split("\t") + [""])[:3]
        if name in FAS_NAMES and 1945 <= int(year) <= 1991:
            fas[FAS_NAMES[name], year] = value.strip()
    assert fas.keys() == rows.keys()
    assert {key: value for key, value in fas.items() if value != rows[key]} == {
        ("RUS", str(year)): "" for year in range(1945, 1949)
    }
