"""The enterprise form's fields: layout, filling, reading back, and errors beside a field."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.domain import districts, industries
from app.domain.catalogue import ENTERPRISE_STATUSES
from app.domain.errors import UserError
from app.domain.industry_data import DIVISIONS, SECTIONS
from app.services.enterprises.registry import EnterpriseInput
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.service_messages import shown_message

ERROR_STYLE = f"color: {theme.ERROR};"
NOTE_STYLE = f"color: {theme.TEXT_MUTED};"


def industry_choices() -> list[str]:
    """What the industry field completes: sections (C 制造业) and divisions (65 软件和信息技术服务业)."""
    return [f"{k} {v}" for k, v in SECTIONS.items()] + [f"{k} {v}" for k, v in DIVISIONS.items()]


def small_label(style: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    return label


class EnterpriseFields(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Created in keyboard order: Tab walks them so.
        self.credit_code, self.name = QLineEdit(), QLineEdit()
        self.credit_code.setPlaceholderText(self.tr("18位，如 91440101MA5CXXXXXX；不知道可留空"))
        self.credit_code.setMaxLength(40)
        self.name.setPlaceholderText(self.tr("与营业执照一致"))
        self.industry = QLineEdit()
        self.industry.setPlaceholderText(self.tr("输入行业名称或代码，如 软件、C、6510"))
        completer = QCompleter(industry_choices(), self.industry)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.industry.setCompleter(completer)
        self.district = QComboBox()
        self.district.setPlaceholderText(self.tr("请选择"))
        for name in districts.NAMES:  # shown in the user's language, stored as the official name
            self.district.addItem(shown(name), name)
        self.address, self.legal_representative = QLineEdit(), QLineEdit()
        self.contact_name, self.contact_phone = QLineEdit(), QLineEdit()
        self.contact_phone.setPlaceholderText(self.tr("多个号码用“/”分隔"))
        self.employees, self.revenue, self.assets, self.size_year = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.employees.setPlaceholderText(self.tr("人"))
        self.revenue.setPlaceholderText(self.tr("万元"))
        self.assets.setPlaceholderText(self.tr("万元"))
        self.size_year.setPlaceholderText(self.tr("如 2025"))
        self.status = QComboBox()
        for code, label in ENTERPRISE_STATUSES.items():
            self.status.addItem(shown(label), code)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 14)
        self.code_note, self.industry_note, self.size_note = (small_label(NOTE_STYLE) for _ in range(3))
        self.similar_note = small_label(f"color: {theme.WARNING};")
        self.similar_note.hide()
        self.general_error = small_label(ERROR_STYLE)
        self.general_error.hide()

    def layout_fields(self, grid: QGridLayout) -> None:
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        rows: list[list[tuple[str, QWidget, tuple[str, ...], QLabel | None]]] = [
            [(self.tr("企业名称"), self.name, ("name",), self.similar_note)],
            [(self.tr("统一社会信用代码"), self.credit_code, ("credit_code",), self.code_note)],
            [(self.tr("行业"), self.industry, ("industry_section", "industry_code"), self.industry_note),
             (self.tr("所在区"), self.district, ("district",), None)],
            [(self.tr("地址"), self.address, ("address",), None),
             (self.tr("经营状态"), self.status, ("status",), None)],
            [(self.tr("法定代表人"), self.legal_representative, ("legal_representative",), None),
             (self.tr("联系人"), self.contact_name, ("contact_name",), None)],
            [(self.tr("联系电话"), self.contact_phone, ("contact_phone",), None),
             (self.tr("规模数据年份"), self.size_year, ("size_year",), None)],
            [(self.tr("从业人员（人）"), self.employees, ("employees",), None),
             (self.tr("营业收入（万元）"), self.revenue, ("revenue",), None)],
            [(self.tr("资产总额（万元）"), self.assets, ("assets",), self.size_note)],
            [(self.tr("备注"), self.notes, ("notes",), None)],
        ]
        self.error_labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        line = 0
        for row in rows:
            wide = len(row) == 1
            for number, (label, widget, fields, note) in enumerate(row):
                column = number * 2
                grid.addWidget(QLabel(label), line, column)
                grid.addWidget(widget, line, column + 1, 1, 3 if wide else 1)
                error = small_label(ERROR_STYLE)
                error.hide()
                grid.addWidget(error, line + 1, column + 1, 1, 3 if wide else 1)
                if note is not None:
                    grid.addWidget(note, line + 2, column + 1, 1, 3 if wide else 1)
                for name in fields:
                    self.error_labels[name] = error
                    self._widgets[name] = widget
            line += 3
        grid.addWidget(self.general_error, line, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def set_tab_order(self) -> None:
        """After the grid is in the dialog: Tab follows the form order, not the grid's."""
        for first, second in pairwise(self.inputs()):
            QWidget.setTabOrder(first, second)

    def inputs(self) -> list[QWidget]:
        return [self.name, self.credit_code, self.industry, self.district, self.address, self.status,
                self.legal_representative, self.contact_name, self.contact_phone, self.size_year,
                self.employees, self.revenue, self.assets, self.notes]

    def field_widget(self, name: str) -> QWidget:
        return self._widgets.get(name, self.name)

    def industry_parts(self) -> tuple[str, str]:
        """(section, code) for EnterpriseInput; unreadable text goes in as a code so the
        service names the industry field in its message."""
        text = self.industry.text().strip()
        found = industries.parse_industry(text.split(" ")[0]) or industries.parse_industry(text)
        if not text:
            return "", ""
        if found is None:
            return "", text
        return found.section, found.code or ""

    def collect(self) -> EnterpriseInput:
        section, code = self.industry_parts()
        return EnterpriseInput(
            credit_code=self.credit_code.text(), name=self.name.text(), industry_section=section,
            industry_code=code, district=self.district.currentData() or "", address=self.address.text(),
            legal_representative=self.legal_representative.text(), contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(), employees=self.employees.text() or None,
            revenue=self.revenue.text() or None, assets=self.assets.text() or None,
            size_year=self.size_year.text() or None, status=self.status.currentData() or "active",
            notes=self.notes.toPlainText(),
        )

    def fill(self, data: EnterpriseInput, industry_label: str = "") -> None:
        self.credit_code.setText(data.credit_code or "")
        self.name.setText(data.name)
        shown = data.industry_code or data.industry_section
        self.industry.setText(f"{shown} {industry_label}".strip() if shown else "")
        self.district.setCurrentIndex(self.district.findData(data.district) if data.district else -1)
        for line, value in ((self.address, data.address), (self.legal_representative, data.legal_representative),
                            (self.contact_name, data.contact_name), (self.contact_phone, data.contact_phone)):
            line.setText(value or "")
        for line, number in ((self.employees, data.employees), (self.revenue, data.revenue),
                             (self.assets, data.assets), (self.size_year, data.size_year)):
            line.setText("" if number is None else f"{number}")
        self.status.setCurrentIndex(max(0, self.status.findData(data.status)))
        self.notes.setPlainText(data.notes or "")

    def clear_errors(self) -> None:
        for label in [*self.error_labels.values(), self.general_error]:
            label.hide()

    def show_field_error(self, exc: UserError) -> None:
        """The message beside the named field, and the cursor in it."""
        label = self.error_labels.get(exc.field or "", self.general_error)
        label.setText(shown_message(exc))
        label.show()
        self.field_widget(exc.field or "").setFocus()
