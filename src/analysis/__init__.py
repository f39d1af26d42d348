"""Analysis library of the report *The United States, the Soviet Union and Japan, 1900-1991*.

One concern a module:

- ``paths``: every path of the project, built from the package's own location.
- ``chapters``: the one ordered list of chapters (``notebooks/chapters.toml``).
- ``datapackage``: loading and validation of the tables in ``data/`` against
  ``data/datapackage.json``; ``load`` returns typed DataFrames.
- ``events``: the cooperation-conflict index of the three dyads.
- ``power``: material capabilities (Correlates of War) shares and ratios.
- ``economy``: GDP and GDP per capita (Maddison) ratios and growth.
- ``series``: other yearly series (troops, stockpiles, UN alignment, trade).
- ``timeline``: event selections for timeline figures.
- ``figures``: the house style and the one way to show a figure.
- ``maps``: maps drawn from coastline data shipped offline.
- ``text``: numbers and dates formatted for prose; facts published to the report.
- ``bibliography``: the BibTeX file, parsed and rendered.
"""

__version__ = "0.1.0"
