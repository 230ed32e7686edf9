"""Shared widgets: list tables, search box, undo bar, form dialog, prompts, error dialog, pick-lists."""
