"""The station's own setup: first-run wizard, 本站信息 dialog, demo banner and demo generation."""
