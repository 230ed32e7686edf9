"""Realistic, reproducible demo data for a profile (`station-desk demo-data`, the `--demo` profile)."""
