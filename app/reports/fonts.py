"""The shipped CJK font for PDFs.

ReportLab embeds TrueType outlines only: WenQuanYi Micro Hei (a .ttc, so
`subfontIndex=0`) works; Noto CJK's PostScript outlines are refused, and the
built-in `STSong-Light` is not embedded and prints blank on other machines.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app import paths

CJK_FONT = "WenQuanYiMicroHei"


@cache
def register_cjk_font() -> str:
    """Register once per process; returns the font name to use in styles."""
    pdfmetrics.registerFont(TTFont(CJK_FONT, str(paths.cjk_font_file()), subfontIndex=0))
    return CJK_FONT
