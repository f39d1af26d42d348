"""Analysis library of the report *The United States, the Soviet Union and Japan, 1900-1991*.

Layers, each importing only the ones below it (an import-linter contract, run by ``make lint``):

- ``authoring``: the chapter scaffold.
- ``report``: the chapter list, execution, assembly of the HTML, the PDF, the build.
- ``chapter_setup``: the façade every chapter imports (house style, loaders, helpers).
- ``present``: prose formatting, figures, charts, maps, bibliography.
- ``measures``: events and the index, material power, economy, other series, key figures.
- ``data``: descriptor, validation, loading, catalogue.
- ``paths``: every path of the project.
"""

__version__ = "0.1.0"
