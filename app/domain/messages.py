"""Chinese user messages that remember how they were made, so the UI can show them in English.

A `Msg` is a `str` (the Chinese text, exactly as before: logs, stored sync problems and the
Chinese UI see no difference) that also keeps its template, with Qt-style placeholders
%1…%9, and the arguments.  The back end never imports Qt: app/ui/service_messages.py looks the
template up in Qt's catalogue (context "ServiceMessages") and translates the arguments that are
themselves messages or field labels.  tools/service_messages.py lists every template for
pyside6-lupdate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, args: tuple[str, ...]) -> str:
    """Qt's QString::arg for %1…%9, all at once (an argument holding "%2" stays as it is)."""

    def one(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return args[n - 1] if n <= len(args) else match.group(0)

    return _PLACEHOLDER.sub(one, template) if args else template


class Msg(str):
    """The Chinese message `template` filled with `args`; ``str(msg)`` is what Chinese shows."""

    template: str
    args: tuple[Any, ...]

    def __new__(cls, template: str, *args: Any) -> Msg:
        self = super().__new__(cls, fill(template, tuple(str(a) for a in args)))
        self.template, self.args = template, args
        return self

    def __add__(self, other: str) -> Msg:
        return Msg("%1%2", self, other)

    def __radd__(self, other: str) -> Msg:
        return Msg("%1%2", other, self)

    def __reduce__(self) -> tuple[Any, ...]:  # keep picklable (worker processes)
        return (Msg, (self.template, *self.args))


# The separators `joined` may use; tools/service_messages.py lists their templates for translation.
SEPARATORS = ("，", "；", "、", "\n")


def joined(parts: Sequence[str], sep: str = "，") -> str:
    """``sep.join(parts)`` that stays a Msg, so each part is still translated on its own."""
    if sep not in SEPARATORS:
        raise ValueError(f"add {sep!r} to SEPARATORS")
    if not parts:
        return ""
    result = parts[0]
    for part in parts[1:]:
        result = Msg("%1" + sep + "%2", result, part)
    return result
