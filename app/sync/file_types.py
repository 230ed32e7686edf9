"""The file channel's shared rules (docs/sync-protocol.md, "Files"): what a file may be,
how big, what it is for, and how its type is told from its first bytes.  Both the
station (before it queues a file) and HQ (before it stores one) judge by this module.
No Qt, no database."""

from __future__ import annotations

import hashlib
import re

from app.domain.messages import Msg

MIB = 1024 * 1024
MAX_FILE_BYTES = 20 * MIB  # one file, whatever it is
CHUNK_BYTES = 1 * MIB  # one upload request's body; the last chunk may be shorter
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")

PDF = "application/pdf"
JPEG, PNG, GIF, BMP, WEBP, HEIC = "image/jpeg", "image/png", "image/gif", "image/bmp", "image/webp", "image/heic"
DOC = "application/msword"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PHOTOS = frozenset({JPEG, PNG, GIF, BMP, WEBP, HEIC})
TYPE_LABELS = {PDF: "PDF", JPEG: "JPEG 图片", PNG: "PNG 图片", GIF: "GIF 图片", BMP: "BMP 图片", WEBP: "WebP 图片",
               HEIC: "HEIC 图片", DOC: "Word 文档(.doc/.wps)", DOCX: "Word 文档(.docx)"}

# What each file is for, and the types it may be.  A report's PDF names the report row
# (annual_report / info_report) and the submission it belongs to.
PURPOSES: dict[str, frozenset[str]] = {
    "report_pdf": frozenset({PDF}),
    "signage_photo": PHOTOS,
    "work_rules_document": PHOTOS | {PDF, DOC, DOCX},
}
PURPOSE_LABELS = {"report_pdf": "报告 PDF", "signage_photo": "挂牌照片", "work_rules_document": "工作制度文件"}
REPORT_TABLES = ("annual_report", "info_report")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc) and WPS (.wps) documents


def sniff(head: bytes) -> str | None:
    """The media type the first bytes of a file show (at least 16 bytes), or None when
    they show none this channel takes."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(b"BM") and len(head) >= 14:
        return BMP
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"heim", b"heis"):
        return HEIC
    if head.startswith(_OLE):
        return DOC
    if head.startswith(b"PK\x03\x04"):
        return DOCX  # a zip: HQ checks the whole file holds word/document.xml (is_docx)
    return None


def is_docx(data: bytes) -> bool:
    """A zip holding word/document.xml (an .odt or any other zip is not a Word document)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def claim_problem(purpose: str, media_type: str) -> str | None:
    """Why a file declared as `media_type` may not serve `purpose` (Chinese), or None."""
    allowed = PURPOSES.get(purpose)
    if allowed is None:
        return Msg("文件用途“%1”无效，可选：%2。", purpose[:30], '、'.join(PURPOSE_LABELS.values()))
    if media_type not in allowed:
        kinds = "、".join(sorted(TYPE_LABELS[t] for t in allowed))
        return Msg("%1只能是 %2，不能是“%3”。", PURPOSE_LABELS[purpose], kinds, media_type[:60])
    return None


def type_problem(purpose: str, media_type: str, head: bytes) -> str | None:
    """Why a file claimed as `media_type` for `purpose`, starting with `head`, is refused
    (Chinese), or None: the claim must be allowed and the bytes must show that type."""
    if problem := claim_problem(purpose, media_type):
        return problem
    found = sniff(head)
    if found != media_type:
        shown = TYPE_LABELS[found] if found else "无法识别的格式"
        return Msg("文件内容是%1，与声明的%2不符，请重新选择文件。", shown, TYPE_LABELS[media_type])
    return None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- the station's store ----------------------------------------------------------
# Files the station sends HQ live in its profile folder under their sha256 (and the
# suffix of their type, so the system opens them with the right program): exactly the
# bytes sent, never renamed or rewritten.
STORE_FOLDER = "files"
SUFFIXES = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png", GIF: ".gif", BMP: ".bmp", WEBP: ".webp", HEIC: ".heic",
            DOC: ".doc", DOCX: ".docx"}


def stored_name(sha256: str, media_type: str) -> str:
    """The file's path relative to the profile folder: "files/<sha256><suffix>"."""
    return f"{STORE_FOLDER}/{sha256}{SUFFIXES.get(media_type, '')}"
