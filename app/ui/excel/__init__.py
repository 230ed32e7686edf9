"""Excel import dialog and its column-mapping widget, shared by the enterprise and record imports."""
