"""data/alignment.csv against lines read in the UNGA ideal-point release (June 2024).

The lines below were read on 2026-12-01 with grep in IdealpointestimatesAll_Jun2024.csv
(github.com/tongyu03/DSE3101-Predictive-Modelling-of-Global-Trade-Flows @ 98ab7b673cf2c6415f6e86ba2e63eee0b51f07ae,
git blob 5069a71844526bc34d44a02ea4f901bb93e2971f), not with the extraction script; the columns kept are
(row id, ccode, session, NVotesAll, IdealPointAll, USAgree, RUSSAgree). tools/extract/alignment.py writes the CSV;
set UNGA_IDEALPOINTS_CSV to that file to check that it reproduces the table.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest
from conftest import extracted

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT / "data" / "alignment.csv"

# (ccode, session): (NVotesAll, IdealPointAll, USAgree, RUSSAgree) as written in the release.
RELEASE = {
    (2, 1): ("42", "1.67635", "1", "0.2142857"),
    (2, 3): ("103", "1.886102", "1", "0.127451"),
    (2, 46): ("72", "3.009034", "1", "0.2428571"),
    (365, 1): ("42", "-2.055966", "0.2142857", "1"),
    (365, 3): ("102", "-2.67668", "0.127451", "1"),
    (365, 46): ("71", "0.7134383", "0.2428571", "1"),
    (740, 11): ("16", "0.6111358", "0.75", "0.5"),
    (740, 20): ("40", "1.140655", "0.575", "0.425"),
    (740, 46): ("73", "1.323657", "0.3472222", "0.5211268"),
}


@pytest.fixture(scope="module")
def rows() -> dict[tuple[int, int, int], dict[str, str]]:
    with CSV.open(newline="", encoding="utf-8") as handle:
        return {(int(r["session"]), int(r["ccode1"]), int(r["ccode2"])): r for r in csv.DictReader(handle)}


def test_counts(rows):
    assert len(rows) == 115
    assert Counter((one, two) for _, one, two in rows) == {(2, 365): 45, (740, 2): 35, (740, 365): 35}
    assert not [key for key in rows if key[0] == 19]  # session 19 is not in the release
    assert min(session for session, one, _ in rows if one == 740) == 11
    assert all(int(r["year"]) == 1945 + session for (session, _, _), r in rows.items())


@pytest.mark.parametrize(("key", "cells"), RELEASE.items(), ids=[f"{c}-{s}" for c, s in RELEASE])
def test_values_are_the_release_text(rows, key, cells):
    code, session = key
    votes, ideal, us_agree, russ_agree = cells
    for (s, one, two), row in rows.items():
        if s != session or code not in (one, two):
            continue
        side = "1" if code == one else "2"
        assert row[f"NVotesAll_{side}"] == votes
        assert row[f"IdealPointAll_{side}"] == ideal
        if side == "1":
            assert row["agree"] == (us_agree if two == 2 else russ_agree)
            assert row["agree_source"] == ("USAgree" if two == 2 else "RUSSAgree")


def test_us_soviet_agreement_is_the_same_read_from_either_side(rows):
    # RUSSAgree in the USA row equals USAgree in the Russia row (release lines above).
    for session in (1, 3, 46):
        assert RELEASE[(2, session)][3] == RELEASE[(365, session)][2] == rows[(session, 2, 365)]["agree"]


def test_agree_is_a_share_of_exactly_matching_votes(rows):
    # Voeten's UN_DataProcessing.R computes USAgree/RUSSAgree as the share of common votes cast identically;
    # the dyadic file's agree counts yes/abstain as half. A share of whole votes has a denominator no larger than
    # the votes both cast; a half-vote score would often need twice that.
    for row in rows.values():
        common = min(int(row["NVotesAll_1"]), int(row["NVotesAll_2"]))
        share = Fraction(row["agree"]).limit_denominator(common)
        assert abs(float(share) - float(row["agree"])) < 1e-6, row


@pytest.mark.skipif(not os.environ.get("UNGA_IDEALPOINTS_CSV"), reason="release file not given (UNGA_IDEALPOINTS_CSV)")
def test_extraction_reproduces_the_table(tmp_path):
    assert extracted(tmp_path, "alignment", os.environ["UNGA_IDEALPOINTS_CSV"]) == CSV.read_bytes()
