"""Data layer: the descriptor and schema checks (``datapackage``), cross-table rules (``rules``),
the whole validation (``validate``), typed loading (``load``) and tables about the data (``catalogue``).
Imports nothing above it.
"""
