"""The HQ desk back end (no Qt): the client of the admin endpoints and what HQ renders locally."""
