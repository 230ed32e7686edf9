"""报表: the reports page, narrative editor, plan tables, parameters and PDF preview."""
