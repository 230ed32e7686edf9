"""Qt user interface: the only layer that imports PySide6."""

from app.ui.pyside_sources import stop_caching_sources

stop_caching_sources()
