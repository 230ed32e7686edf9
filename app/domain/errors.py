"""Errors raised by the domain's parsers; their messages are shown to the user as they are."""

from __future__ import annotations


class FieldError(ValueError):
    """One input field could not be accepted.

    ``field`` is the Chinese field label (成立日期, 营业收入 …); ``detail`` says what
    is wrong and how to fix it; ``str(error)`` is ``"{field}：{detail}"``.
    """

    def __init__(self, field: str, detail: str) -> None:
        self.field = field
        self.detail = detail
        prefix = f"{field}："
        self.message = detail if detail.startswith(prefix) else prefix + detail
        super().__init__(self.message)

    def __reduce__(self):  # type: ignore[no-untyped-def]  # keep picklable (worker processes)
        return (type(self), (self.field, self.detail))
