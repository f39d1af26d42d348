"""Authoring tools: the chapter scaffold. May use every layer below it."""
