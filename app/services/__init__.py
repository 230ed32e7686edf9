"""Use cases.  Each function takes an open Session (one transaction per user action,
opened by the caller) and returns plain dataclasses — never live ORM objects."""
