"""报送审阅 as the HQ desk reads it (GET/POST /v1/admin/inbox/..., docs/admin-api.md): the
submissions, a report's PDF as the station submitted it (checked against its sha256 on
arrival), accept / return, and the 督促 list, with its Excel export."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.messages import Msg
from app.domain.periods import CHINA_TIME
from app.domain.sheet_text import text_cells
from app.hqdesk.client import HqDeskClient, HqDeskError

KIND_LABELS = {"summary": "年度服务工作总结", "plan": "年度服务工作计划", "info": "定期信息报送"}
STATUS_LABELS = {"draft": "草稿", "submitted": "已提交", "accepted": "已通过", "returned": "已退回"}
BROKEN = "服务总站返回的报送列表格式不对，请联系服务总站。"


@dataclass(frozen=True)
class Submission:
    report_id: str
    kind: str
    key: str
    station_code: str
    station_name: str
    district: str
    status: str
    submitted_at: datetime | None
    review_comment: str
    pdf_version: int | None
    pdf_sha256: str | None
    pdf_current: bool

    @property
    def id(self) -> str:
        return self.report_id

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def period_label(self) -> str:
        return f"{self.key}年" if self.kind != "info" else self.key

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def submitted_text(self) -> str:
        return self.submitted_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M") if self.submitted_at else "-"

    @property
    def can_review(self) -> bool:
        return self.status == "submitted"


@dataclass(frozen=True)
class OwedReport:
    station_code: str
    station_name: str
    district: str
    kind: str
    label: str
    due: str
    days_late: int
    state_label: str

    @property
    def id(self) -> tuple[str, str, str]:
        return self.station_code, self.kind, self.label

    @property
    def lateness(self) -> str:
        if self.days_late > 0:
            return Msg("逾期 %1 天", self.days_late)
        return "今天到期" if self.days_late == 0 else Msg("%1 天后到期", -self.days_late)


@dataclass(frozen=True)
class Pdf:
    data: bytes
    sha256: str
    version: int


def submissions(client: HqDeskClient, *, kind: str | None = None, status: str | None = None, station: str | None = None,
                district: str | None = None) -> list[Submission]:
    rows = client.get_json("/inbox/submissions", kind=kind, status=status, station=station, district=district)
    try:
        return [_submission(r) for r in rows]
    except (KeyError, TypeError, ValueError) as exc:
        raise HqDeskError(BROKEN, detail=repr(exc)) from exc


def _submission(r: dict[str, Any]) -> Submission:
    at = r.get("submitted_at")
    return Submission(str(r["report_id"]), str(r["kind"]), str(r["key"]), str(r["station_code"]), str(r["station_name"]),
                      str(r["district"]), str(r["status"]), datetime.fromisoformat(at) if at else None,
                      str(r.get("review_comment") or ""), r.get("pdf_version"), r.get("pdf_sha256"), bool(r["pdf_current"]))


def report_pdf(client: HqDeskClient, submission: Submission) -> Pdf:
    """The newest PDF of the report, refused unless its bytes hash to what HQ lists."""
    if submission.pdf_version is None or submission.pdf_sha256 is None:
        raise HqDeskError("这份报告的 PDF 还没有传到服务总站：服务站下次同步时会自动上传，请稍后刷新。")
    data = client.get_bytes(f"/inbox/reports/{submission.report_id}/pdf", version=submission.pdf_version)
    if hashlib.sha256(data).hexdigest() != submission.pdf_sha256:
        raise HqDeskError("下载的 PDF 与服务总站登记的校验值不符（传输中损坏），请重试。")
    return Pdf(data, submission.pdf_sha256, submission.pdf_version)


def save_pdf(pdf: Pdf, folder: Path, submission: Submission) -> Path:
    """Write the PDF into `folder` under a readable name; the bytes are written as received."""
    name = f"{submission.station_code}-{submission.key}-{submission.kind}-v{pdf.version}.pdf"
    target = folder / "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
    target.write_bytes(pdf.data)
    return target


def accept(client: HqDeskClient, report_id: str, comment: str = "") -> dict[str, Any]:
    answer: dict[str, Any] = client.post_json(f"/inbox/reports/{report_id}/accept", {"comment": comment})
    return answer


def return_report(client: HqDeskClient, report_id: str, comment: str) -> dict[str, Any]:
    if not comment.strip():
        raise HqDeskError("退回报告时必须填写退回意见，写明需要服务站修改什么。")
    answer: dict[str, Any] = client.post_json(f"/inbox/reports/{report_id}/return", {"comment": comment})
    return answer


def owed_reports(client: HqDeskClient, district: str | None = None) -> list[OwedReport]:
    rows = client.get_json("/inbox/reminders", district=district)
    try:
        return [OwedReport(str(r["station_code"]), str(r["station_name"]), str(r["district"]), str(r["kind"]),
                           str(r["label"]), str(r["due"]), int(r["days_late"]), str(r["state_label"])) for r in rows]
    except (KeyError, TypeError, ValueError) as exc:
        raise HqDeskError("服务总站返回的督促名单格式不对，请联系服务总站。", detail=repr(exc)) from exc


OWED_HEADERS = ("服务站编号", "服务站名称", "所在区", "应报材料", "截止日期", "逾期情况", "状态")


def owed_rows(owed: list[OwedReport]) -> list[tuple[str, ...]]:
    return [(o.station_code, o.station_name, o.district, o.label, o.due, o.lateness, o.state_label) for o in owed]


def export_owed_xlsx(owed: list[OwedReport], out: Path, as_of: str) -> Path:
    """The 督促 list as an Excel workbook (one sheet, a title row with the date it was made)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "督促名单"
    sheet.append([f"服务站报送督促名单（截至 {as_of}）"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(OWED_HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in owed_rows(owed):
        sheet.append(text_cells(sheet, row))
    for column, width in zip("ABCDEFG", (14, 28, 10, 34, 12, 14, 14), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"
    book.save(out)
    return out
