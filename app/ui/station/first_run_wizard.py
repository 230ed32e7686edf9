"""First run: the station's identity and its first manager, or a look at the demo first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import districts
from app.domain.errors import ValidationError
from app.models.database import Database
from app.services.station.identity import NewStation, StationInfo, create_station, problems_of
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.db_operations import write_now
from app.ui.service_messages import shown_message
from app.ui.station.enrol_first import EnrolChoiceButton
from app.ui.widgets.dialog_fit import grow_to_content

ERROR_STYLE = f"color: {theme.ERROR};"


class FirstRunWizard(QDialog):
    """exec() returns Accepted (station created, see `.station`), DEMO_CHOSEN, PROFILE_CHOSEN
    (an HQ desk user's code made an HQ profile, see `.other_profile`), or Rejected."""

    DEMO_CHOSEN = 2
    PROFILE_CHOSEN = 3

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.station: StationInfo | None = None
        self.other_profile = ""
        self.setWindowTitle(self.tr("首次设置 — 中小企业服务站工作台"))

        heading = QLabel(self.tr("欢迎使用中小企业服务站工作台"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr("请填写本服务站的基本信息和站长（负责人），完成后即可开始登记服务。带 * 的为必填项。")
        )
        intro.setWordWrap(True)

        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("例如 GZ-TH-001"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("授牌名称，例如 天河区中小企业服务站"))
        self.district = QComboBox()
        for name in districts.NAMES:  # shown in the user's language, stored as the official name
            self.district.addItem(shown(name), name)
        self.district.setPlaceholderText(self.tr("请选择所在区"))
        self.district.setCurrentIndex(-1)
        self.district.setMinimumWidth(220)
        self.host_organisation = QLineEdit()
        self.host_organisation.setPlaceholderText(self.tr("例如 天河区工商业联合会"))
        self.manager_name = QLineEdit()
        self.manager_phone = QLineEdit()
        self.manager_phone.setPlaceholderText(self.tr("手机或座机"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fields: dict[str, QWidget] = {
            "code": self.code,
            "name": self.name,
            "district": self.district,
            "host_organisation": self.host_organisation,
            "manager_name": self.manager_name,
            "manager_phone": self.manager_phone,
        }
        labels = {
            "code": self.tr("服务站代码 *"),
            "name": self.tr("服务站名称 *"),
            "district": self.tr("所在区 *"),
            "host_organisation": self.tr("依托单位"),
            "manager_name": self.tr("站长/负责人姓名 *"),
            "manager_phone": self.tr("负责人电话"),
        }
        self.errors: dict[str, QLabel] = {}
        for key, widget in self.fields.items():
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(error)
            form.addRow(labels[key], cell)
            self.errors[key] = error
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        self.demo_button = QPushButton(self.tr("先看看演示数据"))
        self.demo_button.setToolTip(self.tr("打开单独的演示档案，随时可以回来完成设置。"))
        self.demo_button.clicked.connect(lambda: self.done(self.DEMO_CHOSEN))
        self.enrol_button = EnrolChoiceButton(db, self)  # 登记到服务总站 (app/ui/station/enrol_first.py)
        self.enrol_button.station_ready.connect(self._enrolled)
        self.enrol_button.profile_ready.connect(self._other_profile)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.reject)
        self.finish_button = QPushButton(self.tr("完成设置"))
        self.finish_button.setDefault(True)
        self.finish_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.enrol_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.finish_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self._tried = False  # 完成设置 was pressed once: from then on fixed fields lose their message
        for widget in self.fields.values():
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._recheck)
            else:
                widget.textChanged.connect(self._recheck)

    def new_station(self) -> NewStation:
        return NewStation(
            code=self.code.text(),
            name=self.name.text(),
            district=self.district.currentData() or "",
            host_organisation=self.host_organisation.text(),
            manager_name=self.manager_name.text(),
            manager_phone=self.manager_phone.text(),
        )

    def clear_errors(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.clear()
            label.hide()

    def show_error(self, message: str, field: str | None) -> None:
        label = self.errors.get(field or "", self.general_error)
        label.setText(message)
        label.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _recheck(self) -> None:
        """After a refused 完成设置: a message goes as soon as its field is fixed; the others stay."""
        if not self._tried:
            return
        still = {problem.field: shown_message(problem) for problem in problems_of(self.new_station())}
        for key, label in self.errors.items():
            label.setVisible(key in still)
            label.setText(still.get(key, ""))

    def submit(self) -> None:
        """Validate, then save in one transaction; on any ValidationError nothing is written."""
        self.clear_errors()
        self._tried = True
        new = self.new_station()
        problems = problems_of(new)
        for problem in reversed(problems):  # every message at once; the cursor in the first field named
            self.show_error(shown_message(problem), problem.field)
        if problems:
            self.station = None
            grow_to_content(self)
            return
        try:
            self.station = write_now(self.db, lambda s: create_station(s, new))
        except ValidationError as exc:
            self.station = None
            self.show_error(shown_message(exc), exc.field)
            return
        self.accept()

    def _enrolled(self, station: StationInfo) -> None:
        """Enrolled with HQ's station identity (and its manager): nothing left to set up here."""
        self.station = station
        self.accept()

    def _other_profile(self, name: str) -> None:
        """An HQ desk user's code: the launcher opens that profile in HQ mode."""
        self.other_profile = name
        self.done(self.PROFILE_CHOSEN)
