"""新建/编辑企业: checks while typing (code shape, industry, size, similar names); on save the
service decides, and its errors land beside the field they name."""

from __future__ import annotations

import html
import uuid
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialogButtonBox, QGridLayout, QVBoxLayout, QWidget

from app.domain import credit_code, districts, industries
from app.domain.errors import UserError
from app.domain.messages import joined
from app.models.database import Database
from app.services.enterprises import registry as enterprise_service
from app.services.enterprises.registry import (
    STALE_MESSAGE,
    CheckCharacterWarning,
    DuplicateCheck,
    DuplicateEnterpriseError,
    EnterpriseDetail,
    size_preview,
)
from app.services.station.identity import current_station
from app.ui import theme
from app.ui.db_operations import read_in_background, write_in_background
from app.ui.enterprises.form_fields import ERROR_STYLE, NOTE_STYLE, EnterpriseFields
from app.ui.service_messages import shown_message
from app.ui.widgets.error_dialog import show_error
from app.ui.widgets.prompts import confirm, inform
from app.ui.widgets.unsaved_input import Snapshot, may_discard, typed_text


def _station_district(session: Any) -> str | None:
    station = current_station(session)
    return station.district if station is not None else None


class EnterpriseForm(EnterpriseFields):
    enterprise_saved = Signal(object)  # EnterpriseDetail
    open_existing = Signal(object)  # uuid of an enterprise already registered
    loaded = Signal()  # an edit's data is in the fields
    duplicates_checked = Signal(object)  # DuplicateCheck (tests wait on it)

    def __init__(self, db: Database, enterprise_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.editing: EnterpriseDetail | None = None
        self._busy = False
        self.setWindowTitle(self.tr("编辑企业") if enterprise_id else self.tr("新建企业"))
        self.setMinimumWidth(720)
        grid = QGridLayout()
        self.layout_fields(grid)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.set_tab_order()
        self.name.setFocus()

        self._dup_timer = QTimer(self, singleShot=True, interval=300)
        self._dup_timer.timeout.connect(self._check_duplicates)
        self._dup_generation = 0
        self.name.textChanged.connect(lambda _t: self._dup_timer.start())
        self.credit_code.textChanged.connect(self._code_changed)
        self.industry.textChanged.connect(self._industry_changed)
        for line in (self.employees, self.revenue, self.assets):
            line.textChanged.connect(self._update_size)
        self.similar_note.linkActivated.connect(lambda link: self._open(uuid.UUID(link)))
        self.code_note.linkActivated.connect(lambda link: self._open(uuid.UUID(link)))
        self._code_changed("")
        self._industry_changed("")
        self._pristine: Snapshot | None = typed_text(self)
        self._station_district: str | None = None
        self._district_guessed = False  # 所在区 was filled in by the form, not chosen by the user
        self.district.activated.connect(self._district_chosen)
        if enterprise_id is not None:
            self.setEnabled(False)
            self._load(enterprise_id)
        else:
            read_in_background(self, self._db, _station_district, on_success=self._station_district_read)

    # -- loading --------------------------------------------------------------------
    def _load(self, enterprise_id: uuid.UUID) -> None:
        read_in_background(self, self._db, lambda s: enterprise_service.get(s, enterprise_id), on_success=self._loaded)

    def _loaded(self, detail: EnterpriseDetail) -> None:
        self.editing = detail
        self.fill(detail.to_input(), detail.industry_label)
        self.setEnabled(detail.editable)
        if not detail.editable:
            self.general_error.setText(self.tr("这家企业的资料由服务总站或其他服务站维护，本站只能查看。"))
            self.general_error.show()
        self.name.setFocus()
        self._pristine = typed_text(self)
        self.loaded.emit()

    # -- 所在区: from the credit code's region, else the station's own district ----------------
    def _station_district_read(self, district: str | None) -> None:
        self._station_district = district if district in districts.DISTRICTS else None
        self._guess_district()

    def _district_chosen(self, _index: int) -> None:
        self._district_guessed = False

    def _guess_district(self) -> None:
        if self.editing is not None or (self.district.currentIndex() >= 0 and not self._district_guessed):
            return  # an edit keeps its stored district; a district the user chose is never overwritten
        guess = districts.district_from_credit_code(credit_code.normalise(self.credit_code.text()))
        guess = guess or self._station_district
        if guess is not None:
            self.district.setCurrentIndex(self.district.findData(guess))
            self._district_guessed = True

    def reject(self) -> None:
        if may_discard(self, self._pristine):
            super().reject()

    # -- live feedback --------------------------------------------------------------
    def _code_changed(self, text: str) -> None:
        self._dup_timer.start()
        if hasattr(self, "_district_guessed"):  # not during __init__'s first call
            self._guess_district()
        code = credit_code.normalise(text)
        style, note = NOTE_STYLE, self.tr("不知道可以留空，以后补填。")
        if code:
            result = credit_code.check(code)
            if result.status is credit_code.CodeCheck.VALID:
                style, note = f"color: {theme.OK};", self.tr("✓ 代码格式和校验位正确")
            elif result.status is credit_code.CodeCheck.BAD_CHECK:
                style, note = f"color: {theme.WARNING};", shown_message(result.message)
            elif any(ch not in credit_code.VALUES for ch in code):
                # check() reports the length first; padded, it names the bad characters at once.
                style, note = ERROR_STYLE, shown_message(credit_code.check(code[:18].ljust(18, "0")).message)
            elif len(code) < 18:
                note = self.tr("已输入 %1/18 位").replace("%1", str(len(code)))
            else:
                style, note = ERROR_STYLE, shown_message(result.message)
        self.code_note.setStyleSheet(style)
        self.code_note.setText(html.escape(note))

    def _industry_changed(self, _text: str) -> None:
        section, code = self.industry_parts()
        if not section and not code:
            self.industry_note.setText(self.tr("可输入门类（C）、大类代码（65）或名称（零售业）"))
            self.industry_note.setStyleSheet(NOTE_STYLE)
        elif not section:
            self.industry_note.setText(self.tr("无法识别这个行业，请从列表中选择"))
            self.industry_note.setStyleSheet(ERROR_STYLE)
        else:
            shown = f"{code or section} {industries.label(section, code or None)}"
            self.industry_note.setText(self.tr("识别为：%1").replace("%1", html.escape(shown)))
            self.industry_note.setStyleSheet(f"color: {theme.OK};")
        self._update_size()

    def _update_size(self) -> None:
        section, code = self.industry_parts()
        preview = size_preview(section, code, self.employees.text(), self.revenue.text(), self.assets.text())
        if preview.label:
            text = self.tr("企业规模：%1").replace("%1", preview.label)
        else:
            text = self.tr("企业规模：待定，还需填写%1").replace("%1", shown_message(joined(preview.missing, "、")))
        self.size_note.setText(html.escape(text))

    def _check_duplicates(self) -> None:
        self._dup_generation += 1
        generation = self._dup_generation
        code, name = self.credit_code.text(), self.name.text()
        exclude = self.editing.id if self.editing else None
        read_in_background(self, self._db, lambda s: enterprise_service.find_duplicates(s, code, name, exclude),
                           on_success=lambda c: self._duplicates(generation, c))

    def _duplicates(self, generation: int, check: DuplicateCheck) -> None:
        if generation != self._dup_generation:
            return
        if check.same_code is not None:
            self.code_note.setStyleSheet(ERROR_STYLE)
            self.code_note.setText(self.tr("这个代码已登记为“%1”。<a href=\"%2\">打开该企业</a>")
                                   .replace("%1", html.escape(check.same_code.name)).replace("%2", str(check.same_code.id)))
        links = "、".join(f'<a href="{s.id}">{html.escape(s.name)}</a>' for s in check.similar_names[:5])
        self.similar_note.setText(self.tr("可能重复：%1").replace("%1", links))
        self.similar_note.setVisible(bool(check.similar_names))
        self.duplicates_checked.emit(check)

    def _open(self, enterprise_id: uuid.UUID) -> None:
        self.open_existing.emit(enterprise_id)
        self.reject()

    # -- saving ---------------------------------------------------------------------
    def save(self, *, confirmed: bool = False) -> None:
        if self._busy:
            return
        self.clear_errors()
        data, editing = self.collect(), self.editing

        def write(session: Any) -> EnterpriseDetail:
            if editing is None:
                return enterprise_service.create(session, data, confirm_check_warning=confirmed)
            return enterprise_service.update(session, editing.id, data, editing.version,
                                             confirm_check_warning=confirmed)

        self._busy = True
        write_in_background(self, self._db, write, title=self.tr("保存企业"),
                            on_success=self._saved, on_failure=self._failed)

    def _saved(self, detail: EnterpriseDetail) -> None:
        self._busy = False
        self.editing = detail
        self.enterprise_saved.emit(detail)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, CheckCharacterWarning):
            if confirm(self, self.tr("校验位不符"), exc.message + "\n\n" + self.tr("确认代码无误并保存吗？该企业将列入数据质量复核。")):
                self.save(confirmed=True)
            else:
                self.show_field_error(exc)
        elif isinstance(exc, DuplicateEnterpriseError):
            self.show_field_error(exc)
            if confirm(self, self.tr("企业已登记"), exc.message + "\n\n" + self.tr("现在打开已登记的企业吗？")):
                self._open(exc.existing_id)
        elif isinstance(exc, UserError) and exc.message == STALE_MESSAGE and self.editing is not None:
            inform(self, self.tr("企业已被修改"), self.tr("这家企业刚被其他操作修改过，已重新载入最新资料，请核对后再保存。"))
            self._load(self.editing.id)
        elif isinstance(exc, UserError):
            self.show_field_error(exc)
        else:
            show_error(self, self.tr("保存失败，请重试。"), repr(exc))

