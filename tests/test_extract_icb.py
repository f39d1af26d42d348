"""data/crises.csv against values read in the ICB v14 actor-level release (icb2v14.csv).

The expected values below were read in icb2v14.csv, repository
Lukitkat/Projeto-Final---Visualizacao-de-dados, commit 51b59a24657da365aa0b99f064b3d69c27a79235
(the lines of crisno 55, 63, 72, 88, 196; e.g. the line beginning
"ICB2,196,450,2,USA,1962,10,16,CUBAN MISSILES,4,1962,10,16,365,"). The crisis names and trigger
years agree with icb1v14.csv in the same repository and in
CenterForPeaceAndSecurityStudies/ICBEdataset (replication_paper/data/in/icb1v14.csv, commit 2ee6a523),
e.g. "ICB1,63,CHANGKUFENG,4,365,1938,7,13,1938,8,11,...".
Set ICB2V14_CSV to a copy of the release file to also re-run the extraction and compare.
"""

from __future__ import annotations

import csv
import importlib.util
import os
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT / "data" / "crises.csv"
THREE = {"2", "365", "740"}


def _rows():
    with open(CSV, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _row(crisno, cracid):
    [row] = [r for r in _rows() if r["crisno"] == crisno and r["cracid"] == cracid]
    return row


def test_counts_and_coverage():
    rows = _rows()
    assert len(rows) == 46
    assert len({r["crisno"] for r in rows}) == 29
    assert {r["cracid"] for r in rows} == THREE
    assert all(1900 <= int(r["systrgyr"]) <= 1991 for r in rows)
    assert all(r["sources"] == "icb_v14;brecher_wilkenfeld_2000" for r in rows)
    assert len({(r["crisno"], r["cracid"]) for r in rows}) == len(rows)


def test_every_crisis_meets_the_selection_rule():
    by_crisis = defaultdict(list)
    for r in _rows():
        by_crisis[r["crisno"]].append(r)
    for crisno, rows in by_crisis.items():
        actors = {r["cracid"] for r in rows}
        triggered = any(r["trigent"] in THREE - {r["cracid"]} for r in rows)
        assert len(actors) >= 2 or triggered, crisno


def test_cuban_missile_crisis():
    usa, rus = _row("196", "2"), _row("196", "365")
    assert usa["crisname"] == rus["crisname"] == "CUBAN MISSILES"
    assert (usa["cracno"], usa["actor"], usa["systrgyr"], usa["systrgmo"], usa["systrgda"]) == (
        "450",
        "USA",
        "1962",
        "10",
        "16",
    )
    assert (usa["triggr"], usa["yrtrig"], usa["motrig"], usa["datrig"], usa["trigent"]) == (
        "4",
        "1962",
        "10",
        "16",
        "365",
    )
    assert (rus["cracno"], rus["triggr"], rus["motrig"], rus["datrig"], rus["trigent"]) == ("452", "7", "10", "22", "2")
    assert (usa["outcom"], rus["outcom"]) == ("1", "4")
    assert (usa["yrterm"], usa["moterm"], usa["daterm"]) == ("1962", "11", "20")
    assert (usa["viol"], rus["viol"]) == ("2", "1")


def test_changkufeng_1938_and_nomonhan_1939():
    jpn, rus = _row("63", "740"), _row("63", "365")
    assert jpn["crisname"] == "CHANGKUFENG"
    assert (jpn["systrgyr"], jpn["systrgmo"], jpn["systrgda"]) == ("1938", "7", "13")
    assert (jpn["trigent"], rus["trigent"]) == ("365", "740")
    assert (rus["yrtrig"], rus["motrig"], rus["datrig"]) == ("1938", "7", "31")
    assert (jpn["yrterm"], jpn["moterm"], jpn["daterm"]) == ("1938", "8", "11")
    jpn, rus = _row("72", "740"), _row("72", "365")
    assert rus["crisname"] == "NOMONHAN"
    assert (rus["systrgyr"], rus["systrgmo"], rus["systrgda"]) == ("1939", "5", "28")
    assert (jpn["yrtrig"], jpn["motrig"], jpn["datrig"]) == ("1939", "6", "18")
    assert (rus["yrterm"], rus["moterm"], rus["daterm"]) == ("1939", "9", "15")
    assert (rus["viol"], jpn["viol"]) == ("4", "4")


def test_other_published_rows():
    assert _row("55", "740")["crisname"] == "AMUR RIVER INCIDENT"
    pearl = _row("88", "2")
    assert (pearl["yrtrig"], pearl["motrig"], pearl["datrig"], pearl["trigent"]) == ("1941", "12", "7", "740")
    # The release flags the Soviet Berlin Wall row "UCB2" and gives day code 66, not a calendar day.
    berlin = _row("185", "365")
    assert (berlin["icb2"], berlin["systrgda"]) == ("UCB2", "66")


@pytest.mark.skipif(not os.environ.get("ICB2V14_CSV"), reason="release file not given (ICB2V14_CSV)")
def test_extraction_reproduces_the_table(tmp_path):
    spec = importlib.util.spec_from_file_location("icb", ROOT / "tools" / "extract" / "icb.py")
    icb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(icb)
    icb.main(os.environ["ICB2V14_CSV"], tmp_path / "crises.csv")
    assert (tmp_path / "crises.csv").read_bytes() == CSV.read_bytes()
