"""The back end's Chinese messages in the user's language, at the UI edge.

Services raise errors whose `message` is a `Msg` (app/domain/messages.py): the Chinese text, plus
the template and arguments it was made from.  `shown_message` looks the template up in Qt's
catalogue (context "ServiceMessages", listed by the generated service_message_catalogue.py) and
fills it with the arguments, each translated in turn: a nested message, a field label, a catalogue
name (受理, 天河区 …), or a list of them joined by 、.  Data (an enterprise's name, a file name) passes
through.  In Chinese nothing is found, so the text is exactly what the back end made.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.messages import Msg, fill
from app.ui.catalogue_names import shown

CONTEXT = "ServiceMessages"


def _translated(text: str) -> str | None:
    found = QCoreApplication.translate(CONTEXT, text)
    if found != text:
        return found
    named = shown(text)
    return named if named != text else None


def shown_message(message: object) -> str:
    """`message` (a Msg, a plain str or an error with `.message`) as the user's language shows it."""
    if isinstance(message, BaseException):
        message = getattr(message, "message", None) or str(message)
    if isinstance(message, Msg):
        template = QCoreApplication.translate(CONTEXT, message.template)
        return fill(template, tuple(shown_message(arg) if isinstance(arg, str) else str(arg) for arg in message.args))
    text = str(message) if message is not None else ""
    if not text:
        return text
    found = _translated(text)
    if found is not None:
        return found
    if "、" in text:  # a list of labels: 初创期、成长期、成熟期
        parts = text.split("、")
        translated = [_translated(part) for part in parts]
        if all(translated):
            separator = QCoreApplication.translate(CONTEXT, "%1、%2").replace("%1", "").replace("%2", "")
            return separator.join(t or "" for t in translated)
    return text
