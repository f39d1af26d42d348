"""Presentation layer: ``text`` (numbers and dates for prose, published facts), ``figures`` (house
style, the one way to show a figure or a table), ``charts``, ``maps``, ``bibliography``.
Imports the measures and data layers, never the report.
"""
