"""The station's signage (标识牌): one landscape page, A4 or A3, with an optional QR code.

The convention asks every station to hang the network's name; the station's own name,
host organisation and contact details follow.  Sizes scale with the page width, and a
long station name is set smaller or on two lines rather than running off the sign.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.domain.messages import Msg, joined
from app.reports.blocks import NBSP
from app.reports.document import write_atomically
from app.reports.glyphs import Glyphs
from app.reports.kinsoku import KinsokuParagraph
from app.reports.station_data import NETWORK, StationContact
from app.reports.styles import ACCENT, GREY, INK, landscape_size, styles

CONTACT_FIELDS = ((Msg("依托单位"), "host_organisation"), (Msg("地址"), "address"), (Msg("联系电话"), "phone"),
                  (Msg("联系人"), "contact_person"))  # Msg: named in the UI's language when missing


def missing_contacts(contact: StationContact) -> list[str]:
    """The contact details the signage would print without (labels, in print order)."""
    return [label for label, attr in CONTACT_FIELDS if not str(getattr(contact, attr)).strip()]


def has_qr(contact: StationContact, qr: bool) -> bool:
    """A QR code is printed only when it carries a way to reach the station, not just its name."""
    return qr and any(str(getattr(contact, attr)).strip() for _, attr in CONTACT_FIELDS[1:])


def signage_warnings(contact: StationContact, *, qr: bool) -> list[str]:
    """What to tell before printing a signage with contact details missing."""
    missing = missing_contacts(contact)
    if not missing:
        return []
    found = [Msg("标识牌缺少%1，打印件上不会有这些项。请先在“本站信息”中填写，再打印。", joined(missing, "、"))]
    if qr and not has_qr(contact, qr):
        found.append(Msg("没有地址、联系电话或联系人，二维码不会印出。"))
    return found


def write_signage(out: Path, contact: StationContact, size: str, *, qr: bool) -> int:
    return write_atomically(out, lambda target: _draw(target, contact, size, has_qr(contact, qr)))


def _draw(target: str, contact: StationContact, size: str, qr: bool) -> int:
    font = styles().font
    width, height = landscape_size(size)
    k = width / 842  # 1 on A4 landscape, 1.41 on A3
    glyphs = Glyphs()
    c = Canvas(target, pagesize=(width, height), initialFontName=font)
    # ReportLab garbles characters beyond U+FFFF in the metadata: use the cleaned name there too
    c.setTitle(f"{NETWORK} {Glyphs().clean(contact.name)}")
    c.setAuthor("Station Desk")

    # frame
    c.setStrokeColor(ACCENT)
    c.setLineWidth(6 * k)
    c.rect(18 * k, 18 * k, width - 36 * k, height - 36 * k)
    c.setLineWidth(1.2 * k)
    c.rect(28 * k, 28 * k, width - 56 * k, height - 56 * k)

    # the network's name on a red band, set heavier by stroking the glyph outlines
    band_top, band_h = height - 40 * k, 118 * k
    c.saveState()
    c.setFillColor(ACCENT)
    c.rect(40 * k, band_top - band_h, width - 80 * k, band_h, stroke=0, fill=1)
    title_size = _fit_size(NETWORK, font, 52 * k, width - 140 * k)
    text = c.beginText()
    text.setTextRenderMode(2)
    text.setFont(font, title_size)
    text.setFillColor(colors.white)
    c.setStrokeColor(colors.white)
    c.setLineWidth(title_size * 0.025)
    text.setTextOrigin((width - stringWidth(NETWORK, font, title_size)) / 2, band_top - band_h / 2 - title_size * 0.36)
    text.textOut(NETWORK)
    text.setTextRenderMode(0)  # the text mode outlives the text object in PDF
    c.drawText(text)
    c.restoreState()

    lines = [(_spread(label, font), glyphs.clean(value).replace("\n", " ")) for label, value in (
        ("依托单位", contact.host_organisation), ("地址", contact.address), ("联系电话", contact.phone),
        ("联系人", contact.contact_person)) if value.strip()]

    # the station's own name: one line as large as fits, else wrapped (and smaller if need be);
    # without contact lines (or a QR code) it takes their room rather than leave it blank
    name = glyphs.clean(contact.name).replace("\n", " ")
    rows = max(len(lines), 4 if qr else 0)
    box_w, box_top = width - 120 * k, band_top - band_h - 14 * k
    box_bottom = 60 * k + rows * 30 * k + 20 * k if rows else 60 * k
    size = _fit_size(name, font, 60 * k, box_w)
    if size >= 40 * k:
        c.setFont(font, size)
        c.setFillColor(INK)
        c.drawCentredString(width / 2, (box_top + box_bottom) / 2 - size * 0.36, name)
    else:
        _paragraph(c, name, font, 40 * k, INK, (width - box_w) / 2, box_top, box_w, box_top - box_bottom)
    qr_side = 150 * k if qr else 0

    # contact lines bottom-left, QR bottom-right
    info_w = width - 120 * k - (qr_side + 30 * k if qr else 0)
    y = 60 * k + (len(lines) - 1) * 30 * k
    if lines:
        c.setStrokeColor(ACCENT)
        c.setLineWidth(1 * k)
        c.line(60 * k, y + 44 * k, 60 * k + info_w, y + 44 * k)
    for label, value in lines:
        _paragraph(c, f"{label}：{value}", font, 17 * k, INK, 60 * k, y + 24 * k, info_w, 28 * k, center=False)
        y -= 30 * k
    if qr:
        _qr(c, contact.qr_text(), width - 60 * k - qr_side, 46 * k, qr_side)
        c.setFont(font, 9 * k)
        c.setFillColor(GREY)
        c.drawCentredString(width - 60 * k - qr_side / 2, 38 * k, "扫码获取联系方式")
    note = glyphs.note()
    if note:
        c.setFont(font, 7 * k)
        c.setFillColor(GREY)
        c.drawString(40 * k, 32 * k, note)
    c.showPage()
    c.save()
    return 1


def _spread(label: str, font: str, chars: int = 4) -> str:
    """A label spread over the width of `chars` characters, as on a form ("地　　址"), with
    no-break spaces: a paragraph collapses runs of ordinary and ideographic spaces."""
    gaps = len(label) - 1
    if gaps < 1 or len(label) >= chars:
        return label
    per_gap = round((chars - len(label)) * stringWidth("中", font, 10) / stringWidth(NBSP, font, 10) / gaps)
    return (NBSP * per_gap).join(label)


def _fit_size(text: str, font: str, size: float, width: float) -> float:
    while size > 8 and stringWidth(text, font, size) > width:
        size *= 0.95
    return size


def _paragraph(c: Canvas, text: str, font: str, size: float, colour: colors.Color, x: float, top: float,
               width: float, height: float, center: bool = True) -> None:
    """Draw `text` wrapped into the box under `top`, shrinking until it fits."""
    while True:
        style = ParagraphStyle("sign", fontName=font, fontSize=size, leading=size * 1.25, textColor=colour,
                               alignment=TA_CENTER if center else 0, wordWrap="CJK")
        para = KinsokuParagraph.of(text, style)
        _, h = para.wrap(width, height)
        if h <= height or size <= 6:
            para.drawOn(c, x, top - h if center else top - min(h, height))
            return
        size *= 0.9


def _qr(c: Canvas, value: str, x: float, y: float, side: float) -> None:
    """The code as one filled path of dark runs.  Rendering the widget's Drawing instead
    encodes twice and draws ~1,000 shapes one by one (0.4 s of a 0.45 s signage)."""
    widget = QrCodeWidget(value, barLevel="M")
    widget.qr.make()
    count = widget.qr.getModuleCount()
    box = side / (count + 2 * widget.barBorder)
    path = c.beginPath()
    for r, row in enumerate(widget.qr.modules):
        col = 0
        for dark, run in groupby(bool(m) for m in row):
            n = len(list(run))
            if dark:
                path.rect(x + (col + widget.barBorder) * box, y + side - (r + widget.barBorder + 1) * box, n * box, box)
            col += n
    c.saveState()
    c.setFillColor(colors.black)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
