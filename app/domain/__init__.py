"""Pure domain rules (no database, no Qt): credit codes, size standard, districts, catalogues."""
