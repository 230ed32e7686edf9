"""The back end's Chinese messages in the user's language, at the UI edge.

Services raise errors whose `message` is a `Msg` (app/domain/messages.py): the Chinese text, plus
the template and arguments it was made from.  `shown_message` looks the template up in Qt's
catalogue (context "ServiceMessages", listed by the generated service_message_catalogue.py) and
fills it with the arguments, each translated in turn: a nested message, a field label, a catalogue
name (受理, 天河区 …), or a list of them joined by 、.  Data (an enterprise's name, a file name) passes
through.  In Chinese nothing is found, so the text is exactly what the back end made.

A message that was stored and read back (the sync log, a refused row's reason) is a plain str again;
it is matched against the templates, the most specific first.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication

from app.domain.messages import Msg, fill
from app.ui.catalogue_names import shown
from app.ui.service_message_catalogue import MESSAGES

CONTEXT = "ServiceMessages"


def _translated(text: str) -> str | None:
    found = QCoreApplication.translate(CONTEXT, text)
    if found != text:
        return found
    named = shown(text)
    return named if named != text else None


def shown_name(text: str) -> str:
    """A name from the back end's lists (an industry, a field label) as shown; cheap enough for a table cell."""
    return (_translated(text) if text else None) or text


@cache
def _patterns() -> list[tuple[str, re.Pattern[str], str]]:
    """(longest literal piece, pattern, template) for every template with words of its own, longest words first.

    The piece is a cheap `in` test before the regular expression (a dialog may list thousands of messages)."""
    found = []
    for template in MESSAGES:
        pieces = re.split(r"(%[1-9])", template)
        words = [p for p in pieces if p and not re.fullmatch(r"%[1-9]", p)]
        if "%" not in template or sum(map(len, words)) < 2:
            continue
        pattern = "".join(f"(?P<a{p[1]}>.+?)" if re.fullmatch(r"%[1-9]", p) else re.escape(p) for p in pieces)
        try:
            found.append((max(words, key=len), re.compile(pattern, re.DOTALL), template, sum(map(len, words))))
        except re.error:  # the same placeholder twice
            continue
    return [(needle, p, t) for needle, p, t, _ in sorted(found, key=lambda item: -item[3])]


def _read_back(text: str, depth: int) -> str | None:
    if depth > 3:
        return None
    for needle, pattern, template in _patterns():
        if needle not in text:
            continue
        match = pattern.fullmatch(text)
        if match is None:
            continue
        english = QCoreApplication.translate(CONTEXT, template)
        if english == template:
            return None  # Chinese: leave the text exactly as it is
        args = {int(k[1:]): v for k, v in match.groupdict().items()}
        return fill(english, tuple(shown_message(args.get(n, ""), depth + 1) for n in range(1, max(args) + 1)))
    return None


def shown_message(message: object, depth: int = 0) -> str:
    """`message` (a Msg, a plain str or an error with `.message`) as the user's language shows it."""
    if isinstance(message, BaseException):
        message = getattr(message, "message", None) or str(message)
    if isinstance(message, Msg):
        template = QCoreApplication.translate(CONTEXT, message.template)
        return fill(template, tuple(shown_message(arg, depth) if isinstance(arg, str) else str(arg) for arg in message.args))
    text = str(message) if message is not None else ""
    if not text:
        return text
    found = _translated(text)
    if found is not None:
        return found
    matched = _read_back(text, depth)
    if matched is not None:
        return matched
    if "、" in text:  # a list of labels: 初创期、成长期、成熟期
        parts = text.split("、")
        translated = [_translated(part) for part in parts]
        if all(translated):
            separator = QCoreApplication.translate(CONTEXT, "%1、%2").replace("%1", "").replace("%2", "")
            return separator.join(t or "" for t in translated)
    return text
