"""Measures layer: pure functions on the typed tables. ``events`` (the cooperation-conflict index),
``power`` (COW capabilities), ``economy`` (Maddison), ``series`` (other yearly series), ``key_figures``.
Imports only ``analysis.data`` and ``analysis.paths``.
"""
