import pandas as pd
import pytest

from analysis.measures import economy, power, series


def _capabilities():
    rows = []
    for year, usa, jpn, rus in [(1940, (100, 10), (50, 30), (50, 60)), (1941, (200, 20), (100, 20), (100, 60))]:
        for abb, (irst, tpop) in zip(("USA", "JPN", "RUS"), (usa, jpn, rus)):
            rows.append(
                {
                    "stateabb": abb,
                    "year": year,
                    "milex": irst,
                    "milper": irst,
                    "irst": irst,
                    "pec": irst,
                    "tpop": tpop,
                    "upop": tpop,
                }
            )
    frame = pd.DataFrame(rows)
    for column in power.COMPONENTS:
        frame[column] = frame[column].astype("Float64")
    return frame


def test_component_shares_are_shares_of_the_three():
    shares = power.component_shares(_capabilities()).set_index(["year", "stateabb"])
    assert shares.loc[(1940, "USA"), "irst"] == pytest.approx(0.5)  # 100 / 200
    assert shares.loc[(1941, "JPN"), "tpop"] == pytest.approx(0.2)  # 20 / 100


def test_component_share_is_missing_when_a_country_lacks_it():
    frame = _capabilities()
    frame.loc[(frame["year"] == 1940) & (frame["stateabb"] == "RUS"), "milex"] = pd.NA
    shares = power.component_shares(frame).set_index(["year", "stateabb"])
    assert pd.isna(shares.loc[(1940, "USA"), "milex"])
    assert shares.loc[(1941, "USA"), "milex"] == pytest.approx(0.5)


def test_relative_capability_is_the_mean_of_shares():
    relative = power.relative_capability(_capabilities()).set_index(["year", "stateabb"])["capability_share"]
    # USA 1940: four components at 0.5 and two at 10/100 = 0.1 -> (4*0.5 + 2*0.1) / 6
    assert relative[(1940, "USA")] == pytest.approx((4 * 0.5 + 2 * 0.1) / 6)
    assert relative.groupby(level="year").sum().tolist() == pytest.approx([1.0, 1.0])


def test_ratio_and_growth():
    caps = _capabilities()
    assert power.ratio(caps, 1941, "USA", "JPN", "irst") == pytest.approx(2.0)
    assert power.ratios(caps, 1941, "USA", "RUS")["tpop"] == pytest.approx(20 / 60)
    assert power.growth_factor(caps, "JPN", "irst", 1940, 1941) == pytest.approx(2.0)


def _economy():
    return pd.DataFrame(
        {
            "countrycode": ["USA", "USA", "JPN", "JPN", "SUN", "SUN", "RUS"],
            "year": [1950, 1960, 1950, 1960, 1950, 1960, 1960],
            "gdppc": [10000.0, 12100.0, 2000.0, 4000.0, 3000.0, 3300.0, 9999.0],
            "pop": [150000.0, 180000.0, 80000.0, 90000.0, 180000.0, 210000.0, 1.0],
        }
    )


def test_for_report_maps_sun_to_rus_and_drops_the_federation():
    frame = economy.for_report(_economy())
    assert set(frame["country"]) == {"USA", "JPN", "RUS"}
    assert 9999.0 not in set(frame["gdppc"])


def test_gdp_relative_and_growth():
    frame = economy.with_gdp(economy.for_report(_economy()))
    gdp = economy.wide(frame, "gdp_million_2011usd")
    assert gdp.loc[1950, "USA"] == pytest.approx(1_500_000.0)  # 10,000 $ x 150,000 thousand / 1000
    relative = economy.relative_to(frame)
    assert relative.loc[1960, "JPN"] == pytest.approx(4000 / 12100)
    assert economy.annual_growth(frame, "USA", 1950, 1960) == pytest.approx(1.21**0.1 - 1)


def test_alignment_pivots_pairs_and_keeps_missing_years():
    agreement = pd.DataFrame(
        {"year": [1960, 1960, 1962], "ccode1": [740, 2, 740], "ccode2": [2, 365, 365], "agree": [0.8, 0.3, 0.5]}
    )
    table = series.alignment(agreement)
    assert table.loc[1960, "USA-JPN"] == 0.8
    assert table.loc[1962, "JPN-RUS"] == 0.5
    assert 1961 in table.index and table.loc[1961].isna().all()


def test_period_means_and_trade_totals():
    table = pd.DataFrame({"a": [1.0, 3.0, None]}, index=[1, 2, 3])
    assert series.period_means(table, {"p": (1, 3)}).loc["p", "a"] == 2.0
    trade = pd.DataFrame(
        {"stateabb": ["USA", "JPN"], "year": [1950, 1950], "imports": [1.5, None], "exports": [2.0, 4.0]}
    )
    totals = series.trade_totals(trade)
    assert totals.loc[1950, "USA"] == 3.5
    assert pd.isna(totals.loc[1950, "JPN"])


def test_stockpiles_and_troops():
    nuclear = pd.DataFrame({"year": [1950, 1950], "country_code": ["USA", "RUS"], "warheads": [299, 5]})
    assert series.stockpiles(nuclear).loc[1950, "RUS"] == 5
    troops = pd.DataFrame({"year": [1950], "troops": [136554]})
    assert series.troops(troops)[1950] == 136554
