"""The bundled font is embedded in PDFs and its Chinese glyphs survive a round trip."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.reports.fonts import register_cjk_font

TEXT = "广州市民营和中小企业服务站"


def test_pdf_embeds_the_cjk_font_and_keeps_the_text(tmp_path: Path) -> None:
    font = register_cjk_font()
    target = tmp_path / "font.pdf"
    pdf = canvas.Canvas(str(target), pagesize=A4)
    pdf.setFont(font, 24)
    pdf.drawString(72, 720, TEXT)
    pdf.save()
    assert shutil.which("pdffonts") and shutil.which("pdftotext"), "poppler-utils is installed by installer/setup.sh --test"
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    line = next(row for row in fonts.splitlines() if "WenQuanYi" in row)
    assert " yes " in f" {line} "  # the 'emb' column
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert TEXT in text
