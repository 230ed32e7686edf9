"""本站信息: the station's own profile, with the signage photo and the filed work rules.

Opened from the staff page.  The profile is read off the GUI thread; picked files are
checked at once (type by name and by content, 20 MB), copied into the profile's file store
when saved and queued for HQ: the next sync uploads them, and their state is shown.  Once the
station is enrolled, the name (like code, district and status) is HQ's and read-only; the
rest is the station's to report (docs/sync-protocol.md, "Ownership").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.domain.errors import UserError
from app.models.database import Database
from app.services.station import profile as station_profile
from app.services.station.file_store import UploadState
from app.services.station.profile import DOCUMENT_SUFFIXES, PHOTO_SUFFIXES, ProfileInput, StationProfile
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.db_operations import read_in_background
from app.ui.service_messages import shown_message
from app.ui.widgets.form_dialog import FormDialog, Work

translate = QCoreApplication.translate
STATUS_LABELS = {"approved": translate("StationProfileDialog", "已授牌"),
                 "suspended": translate("StationProfileDialog", "暂停"),
                 "revoked": translate("StationProfileDialog", "已撤销")}


class StationProfileDialog(FormDialog):
    def __init__(self, db: Database, profile: str, parent: QWidget | None = None) -> None:
        super().__init__(db, self.tr("本站信息"), parent, min_width=560)
        self.profile_name = profile
        self.profile: StationProfile | None = None
        self.signage_file: Path | None = None
        self.work_rules_file: Path | None = None
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"background: {theme.INFO_BACKGROUND}; border: 1px solid {theme.INFO_BORDER};"
                                " border-radius: 4px; padding: 6px 10px;"
                                f" color: {theme.INFO_TEXT};")
        self.note.hide()
        self.body.insertWidget(0, self.note)
        self.identity = QLabel()
        self.form.addRow(self.tr("服务站"), self.identity)
        self.name, self.host, self.address, self.phone, self.contact = (QLineEdit() for _ in range(5))
        self.premises = self.text_box(2, self.tr("例如：独立办公场地 120 平方米，含洽谈室一间"))
        self.equipment = self.text_box(2, self.tr("例如：电脑 4 台、打印机、投影仪"))
        self.signage_on, self.rules_on = QLineEdit(), QLineEdit()
        for box in (self.signage_on, self.rules_on):
            box.setPlaceholderText(self.tr("例如 2025-09-01"))
        self.signage_name, self.rules_name = QLabel(), QLabel()
        self.signage_preview = QLabel()
        self.signage_button = QPushButton(self.tr("选择照片…"))
        self.signage_button.clicked.connect(self._pick_signage)
        self.rules_button = QPushButton(self.tr("选择文件…"))
        self.rules_button.clicked.connect(self._pick_rules)
        self.rules_open = QPushButton(self.tr("打开"))
        self.rules_open.clicked.connect(self._open_rules)
        rows = [("name", self.tr("服务站名称 *"), self.name), ("host_organisation", self.tr("依托单位"), self.host),
                ("address", self.tr("地址"), self.address), ("phone", self.tr("联系电话"), self.phone),
                ("contact_person", self.tr("联系人"), self.contact), ("premises", self.tr("场地情况"), self.premises),
                ("equipment", self.tr("设施设备"), self.equipment), ("signage_hung_on", self.tr("挂牌日期"), self.signage_on),
                ("signage_photo", self.tr("挂牌照片"), self._line(self.signage_name, self.signage_button)),
                ("work_rules_filed_on", self.tr("工作制度备案日期"), self.rules_on),
                ("work_rules_document", self.tr("工作制度文件"), self._line(self.rules_name, self.rules_button, self.rules_open))]
        for field, label, widget in rows:
            self.add_row(field, label, widget)
            if field == "signage_photo":
                self.form.addRow("", self.signage_preview)
        limit = QLabel(self.tr("照片和文件会复制到本档案的 files 文件夹，每个不超过 20 MB，同步时上传服务总站。"))
        limit.setWordWrap(True)
        limit.setStyleSheet(f"color: {theme.TEXT_MUTED};")
        self.form.addRow("", limit)
        self.ok_button.setEnabled(False)  # until the profile has been read
        self._read()

    @staticmethod
    def _line(*widgets: QWidget) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for n, widget in enumerate(widgets):
            layout.addWidget(widget, 1 if n == 0 else 0)
        return box

    def _read(self) -> None:
        read_in_background(self, self._db, station_profile.read, on_success=self.show_profile, on_failure=self._failed)

    def show_profile(self, profile: StationProfile) -> None:
        self.profile = profile
        status = STATUS_LABELS.get(profile.status, profile.status)
        self.identity.setText(f"{profile.code} · {shown(profile.district)} · {status}")
        for box, value in ((self.name, profile.name), (self.host, profile.host_organisation),
                           (self.address, profile.address), (self.phone, profile.phone),
                           (self.contact, profile.contact_person)):
            box.setText(value)
        self.premises.setPlainText(profile.premises)
        self.equipment.setPlainText(profile.equipment)
        self.signage_on.setText(profile.signage_hung_on.isoformat() if profile.signage_hung_on else "")
        self.rules_on.setText(profile.work_rules_filed_on.isoformat() if profile.work_rules_filed_on else "")
        self._show_files()
        self.ok_button.setEnabled(profile.editable)
        if profile.hq_fields_locked:
            self.note.setText(self.tr("本站已接入服务总站：服务站名称、编码、所在区和状态以服务总站登记为准，由服务总站维护，"
                                      "不能在本地修改，如需更正请联系服务总站。其余信息由本站填报，同步后报送服务总站；"
                                      "挂牌照片和工作制度文件保存时留存在本机，同步时上传服务总站备案。"))
            self.note.show()
            self.name.setReadOnly(True)
            self.name.setStyleSheet(f"background: {theme.READ_ONLY_BACKGROUND}; color: {theme.TEXT_SECONDARY};")
            self.name.setToolTip(self.tr("由服务总站维护"))

    def _stored(self, relative: str | None) -> Path | None:
        return station_profile.stored_path(self.profile_name, relative)

    def _show_files(self) -> None:
        profile = self.profile
        signage = self.signage_file or (self._stored(profile.signage_photo) if profile else None)
        rules = self.work_rules_file or (self._stored(profile.work_rules_document) if profile else None)
        none = self.tr("（未上传）")
        self.signage_name.setText(self._file_text(signage, self.signage_file, profile.signage_upload if profile else None)
                                  if signage else none)
        self.rules_name.setText(self._file_text(rules, self.work_rules_file, profile.rules_upload if profile else None)
                                if rules else none)
        self.rules_open.setEnabled(rules is not None and rules.exists())
        pixmap = QPixmap(str(signage)) if signage and signage.exists() else QPixmap()
        self.signage_preview.setPixmap(pixmap.scaledToHeight(120) if not pixmap.isNull() else QPixmap())
        self.signage_preview.setVisible(not pixmap.isNull())

    def _file_text(self, path: Path, picked: Path | None, upload: UploadState | None) -> str:
        """The file's name and how its trip to HQ goes (pending, sent, refused)."""
        if picked is not None:
            return self.tr("%1（保存后同步上传）").replace("%1", picked.name)
        if upload is None or upload.state == "none":
            return path.name
        name = upload.name or path.name
        if upload.state == "sent":
            state = self.tr("已上传服务总站")
        elif upload.state == "refused":
            state = self.tr("服务总站未接收：%1").replace("%1", shown_message(upload.message))
        elif upload.sent_bytes:
            state = self.tr("等待同步上传，已传 %1%").replace("%1", str(upload.sent_bytes * 100 // max(upload.size, 1)))
        else:
            state = self.tr("等待同步上传")
        return f"{name}（{state}）"

    # -- files -----------------------------------------------------------------------------
    def choose_signage(self, path: Path) -> bool:
        """Take a picked photo if it passes the checks (else the reason is shown); True if taken."""
        return self._choose(path, "signage_photo", PHOTO_SUFFIXES)

    def choose_work_rules(self, path: Path) -> bool:
        return self._choose(path, "work_rules_document", DOCUMENT_SUFFIXES)

    def _choose(self, path: Path, field: str, suffixes: frozenset[str]) -> bool:
        try:
            station_profile.check_file(path, field, suffixes)
        except UserError as exc:
            self._failed(exc)
            return False
        if field == "signage_photo":
            self.signage_file = path
        else:
            self.work_rules_file = path
        self.error_label.hide()
        self._show_files()
        return True

    def _pick_signage(self) -> None:
        patterns = " ".join(f"*{s}" for s in sorted(PHOTO_SUFFIXES))
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择挂牌照片"), "", self.tr("图片 (%1)").replace("%1", patterns))
        if name:
            self.choose_signage(Path(name))

    def _pick_rules(self) -> None:
        patterns = " ".join(f"*{s}" for s in sorted(DOCUMENT_SUFFIXES))
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择工作制度文件"), "", self.tr("文件 (%1)").replace("%1", patterns))
        if name:
            self.choose_work_rules(Path(name))

    def _open_rules(self) -> None:
        path = self.work_rules_file or (self._stored(self.profile.work_rules_document) if self.profile else None)
        if path is not None and path.exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # -- saving ----------------------------------------------------------------------------
    def work(self) -> Work:
        data = ProfileInput(
            self.name.text(), self.host.text(), self.address.text(), self.phone.text(), self.contact.text(),
            self.premises.toPlainText(), self.equipment.toPlainText(),
            self.day(self.signage_on.text(), self.tr("挂牌日期"), "signage_hung_on"),
            self.day(self.rules_on.text(), self.tr("工作制度备案日期"), "work_rules_filed_on"),
            self.signage_file, self.work_rules_file,
        )
        profile, version = self.profile_name, self.profile.version if self.profile else None
        return lambda session: station_profile.update(session, profile, data, version)
