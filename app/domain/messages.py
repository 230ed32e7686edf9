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


# --- a message across the wire (HQ's error answers): its text, plus how it was made -----------------
MAX_WIRE_DEPTH = 8


def wire_form(message: object) -> dict[str, Any] | None:
    """How `message` was made, as JSON ({"template": …, "args": [...]}, nested messages alike), or
    None for plain text.  HQ adds it to an error answer beside the text (app/hq/http_io.py)."""
    if not isinstance(message, Msg):
        return None
    return {"template": message.template,
            "args": [wire_form(a) or str(a) if isinstance(a, Msg) else str(a) for a in message.args]}


def from_wire(form: object, text: str) -> str:
    """The message HQ sent as `text`, as a Msg when `form` rebuilds exactly that text (so the UI can show
    it in the user's language); otherwise, or for anything malformed, `text` as sent."""
    try:
        rebuilt = _rebuild(form, 0)
    except (TypeError, ValueError, RecursionError):
        return text
    return rebuilt if rebuilt == text else text


def _rebuild(form: object, depth: int) -> str:
    if isinstance(form, str):
        return form
    if depth > MAX_WIRE_DEPTH or not isinstance(form, dict):
        raise ValueError("not a message form")
    template, args = form.get("template"), form.get("args")
    if not isinstance(template, str) or not isinstance(args, list) or len(args) > 9:
        raise ValueError("not a message form")
    return Msg(template, *(_rebuild(arg, depth + 1) for arg in args))
