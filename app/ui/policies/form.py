"""新增/修改政策: the form a manager of a station not yet enrolled fills in.  Saves itself off
the GUI thread and shows a refused field's message inside the dialog."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain.districts import NAMES as DISTRICT_NAMES
from app.domain.enterprise_size import SIZE_LABELS
from app.models.database import Database
from app.services.actor import Actor
from app.services.policies import library as policies
from app.services.policies.library import PolicyInput, PolicyRow
from app.services.station import profile_files
from app.ui.catalogue_names import shown
from app.ui.records.form_fields import parse_day
from app.ui.widgets.form_dialog import FormDialog, Work


class PolicyForm(FormDialog):
    """saved(PolicyRow)."""

    def __init__(self, db: Database, categories: dict[str, str], actor: Actor, parent: QWidget | None = None,
                 *, row: PolicyRow | None = None, today: date | None = None) -> None:
        super().__init__(db, self.tr("修改政策") if row else self.tr("新增政策"), parent, min_width=560)
        self._actor, self._row, self._today = actor, row, today
        self.title_edit, self.issuer, self.issued_on, self.expires_on = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.category = QComboBox()
        for code, label in categories.items():
            self.category.addItem(shown(label), code)
        for edit in (self.issued_on, self.expires_on):
            edit.setPlaceholderText(self.tr("例如 2026-07-01"))
        self.expires_on.setPlaceholderText(self.tr("长期有效请留空"))
        self.industries = QLineEdit()
        self.industries.setPlaceholderText(self.tr("门类字母或行业代码，如“C,65”；留空表示全部行业"))
        self.size_boxes = {size.value: QCheckBox(label) for size, label in SIZE_LABELS.items()}
        sizes = QHBoxLayout()
        for box in self.size_boxes.values():
            sizes.addWidget(box)
        sizes.addWidget(QLabel(self.tr("（都不选表示全部规模）")))
        sizes.addStretch(1)
        self.district_boxes = {name: QCheckBox(shown(name)) for name in DISTRICT_NAMES}
        districts = QGridLayout()
        for k, box in enumerate(self.district_boxes.values()):
            districts.addWidget(box, k // 6, k % 6)
        districts.addWidget(QLabel(self.tr("（都不选表示全市）")), 1, 5)
        self.summary = self.text_box(5)
        self.attachment = QLineEdit()
        self.attachment.setPlaceholderText(self.tr("网址（http:// 或 https://），或选择本机文件（可留空）"))
        self.attachment.setToolTip(self.tr("选择的文件会复制到本档案的 policy_files 文件夹（最大 20 MB）。"))
        self.fields["attachment"] = self.attachment
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self._browse)
        attachment = QHBoxLayout()
        attachment.addWidget(self.attachment, 1)
        attachment.addWidget(browse)

        rows: list[tuple[str, Any]] = [
            (self.tr("政策标题"), self.title_edit), (self.tr("政策类别"), self.category),
            (self.tr("发布机关"), self.issuer), (self.tr("发布日期"), self.issued_on),
            (self.tr("失效日期"), self.expires_on), (self.tr("适用行业"), self.industries),
            (self.tr("适用规模"), sizes), (self.tr("适用区域"), districts), (self.tr("政策摘要"), self.summary),
            (self.tr("附件"), attachment),
        ]
        for label, widget in rows:
            self.form.addRow(label, widget)
        if row is not None:
            self._load(row)

    def _load(self, row: PolicyRow) -> None:
        self.title_edit.setText(row.title)
        self.category.setCurrentIndex(self.category.findData(row.category))
        self.issuer.setText(row.issuer)
        self.issued_on.setText(row.issued_on.isoformat() if row.issued_on else "")
        self.expires_on.setText(row.expires_on.isoformat() if row.expires_on else "")
        self.industries.setText(row.industries)
        for code, box in self.size_boxes.items():
            box.setChecked(code in row.sizes.split(","))
        for name, box in self.district_boxes.items():
            box.setChecked(name in row.districts.split(","))
        self.summary.setPlainText(row.summary)
        self.attachment.setText(row.attachment)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择政策附件"))
        if path:
            self.attachment.setText(path)

    def policy_input(self) -> PolicyInput:
        """What the fields say; a badly typed date raises ValidationError naming it."""
        issued = parse_day(self.issued_on.text(), self.tr("发布日期：请按“2026-07-01”的格式填写，或留空。"), "issued_on")
        expires = parse_day(self.expires_on.text(), self.tr("失效日期：请按“2026-07-01”的格式填写；长期有效请留空。"), "expires_on")
        return PolicyInput(
            self.title_edit.text(), self.category.currentData() or "", self.issuer.text(), issued, expires,
            self.industries.text(), ",".join(c for c, b in self.size_boxes.items() if b.isChecked()),
            ",".join(n for n, b in self.district_boxes.items() if b.isChecked()), self.summary.toPlainText(),
            self.attachment.text(),
        )

    def work(self) -> Work:
        data = self.policy_input()
        actor, row, today = self._actor, self._row, self._today
        profile = profile_files.profile_dir_for(self._db.path)  # a picked file is copied in there
        if row is None:
            return lambda s: policies.create(s, data, actor, today=today, profile_dir=profile)
        return lambda s: policies.update(s, row.id, data, actor, row.version, today=today, profile_dir=profile)
