"""Keeps PySide6 from holding a copy of every module's source in memory.

PySide6 (6.11, shibokensupport/feature.py) asks of every module imported after it whether
the module mentions "PySide6", to know which modules may use `from __feature__ import …`.
It finds out with `inspect.getsource(module)`, which leaves every line of every such module
in `linecache`: ~20 MB with the 企业 list open (issue 14), and ~30 ms of start-up spent
splitting files into lines.  The same question is answered here by reading the file once,
caching nothing.  The app uses no `__feature__`, so even a wrong answer would change nothing.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType


def _mentions_pyside(module: ModuleType) -> bool:
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # no source: inspect.getsource raised, and PySide answered False too
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def stop_caching_sources() -> bool:
    """Install the cheaper check; False when this PySide6 does not have the hook (nothing to do)."""
    import PySide6.QtCore  # noqa: F401 - shibokensupport exists once PySide6 is loaded

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _mentions_pyside
    linecache.clearcache()  # what modules imported before this one left (a cache: tracebacks read again)
    return True
