"""人员: the staff page and form."""
