"""Text the shipped font cannot draw: replaced by a visible mark, and counted for a note.

WenQuanYi Micro Hei covers the common CJK set but not the extension planes (𠀀 U+20000)
or emoji.  ReportLab would print an empty box (or nothing) for those, silently.  The
builders pass every piece of user text through `Glyphs.clean` and print `Glyphs.note()`
near the top of the report when anything was replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from reportlab.pdfbase import pdfmetrics

from app.reports.fonts import register_cjk_font

REPLACEMENT = "〓"  # the typesetter's geta mark: visibly "a character was here"
# Invisible helpers of emoji and variant sequences: dropped, never worth a mark.
_SILENT = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF} | set(range(0xFE00, 0xFE10)) | set(range(0xE0100, 0xE01F0))
_KEEP = {"\n", "\t"}


@cache
def covered() -> frozenset[int]:
    """Code points the font has a glyph for (its cmap)."""
    font = pdfmetrics.getFont(register_cjk_font())
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


@dataclass
class Glyphs:
    """Collects what one report had to replace."""

    missing: dict[str, int] = field(default_factory=dict)

    def clean(self, text: str | None) -> str:
        """The text with control characters dropped and uncovered characters replaced."""
        if not text:
            return ""
        have = covered()
        out: list[str] = []
        for char in text:
            code = ord(char)
            if char in _KEEP:
                out.append(char)
            elif code < 0x20 or 0x7F <= code < 0xA0 or code in _SILENT:
                continue
            elif code in have:
                out.append(char)
            else:
                self.missing[char] = self.missing.get(char, 0) + 1
                out.append(REPLACEMENT)
        return "".join(out)

    def note(self) -> str | None:
        """A sentence for the reader, or None when nothing was replaced."""
        if not self.missing:
            return None
        total = sum(self.missing.values())
        shown = "、".join(f"U+{ord(c):04X}" for c in list(self.missing)[:8])
        more = " 等" if len(self.missing) > 8 else ""
        return (
            f"说明：原文中有 {total} 处字符超出打印字体的范围（{shown}{more}），"
            f"已显示为“{REPLACEMENT}”。请核对原始记录。"
        )
