"""The enterprise registry (企业库): create, edit, delete, names, duplicates, quality, and search."""
