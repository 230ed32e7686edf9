"""Excel in and out: reading messy workbooks, column mapping, importing enterprises and records, export."""
