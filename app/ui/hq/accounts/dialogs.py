"""The 用户与服务站 page's dialogs: a new user, a new station (each refused inline with HQ's own
Chinese message, the input kept), and the one-time code, shown once with a 复制 button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import districts
from app.hqdesk.accounts import IssuedCode
from app.hqdesk.client import HqDeskError
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.operations import run_in_background
from app.ui.service_messages import shown_message
from app.ui.widgets.dialog_fit import grow_to_content

ROLE_CHOICES = ("staff", "bureau", "admin")


class _AddDialog(QDialog):
    """Fields, an error line, 新增/取消; `submit` runs `work` in the background."""

    def __init__(self, title: str, on_issued: Callable[[IssuedCode], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.on_issued = on_issued
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.ERROR};")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("新增并生成登记码"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def fail(self, message: str, field: QWidget | None = None) -> None:
        self.ok_button.setEnabled(True)
        self.error.setText(message)
        self.error.show()
        grow_to_content(self)
        if field is not None:
            field.setFocus()

    def run(self, work: Callable[[], IssuedCode]) -> None:
        self.ok_button.setEnabled(False)
        self.error.hide()

        def failed(exc: BaseException) -> None:
            self.fail(shown_message(exc) if isinstance(exc, HqDeskError) else self.tr("新增未能完成：%1").replace("%1", str(exc)))

        run_in_background(self, lambda _ctx: work(), on_success=self._done, on_failure=failed,
                          title=self.windowTitle(), show_progress=False, cancellable=False)

    def _done(self, issued: IssuedCode) -> None:
        self.accept()
        self.on_issued(issued)

    def submit(self) -> None:
        raise NotImplementedError


class AddUserDialog(_AddDialog):
    def __init__(self, add: Callable[[str, str], IssuedCode], on_issued: Callable[[IssuedCode], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新增服务总站用户"), on_issued, parent)
        self.add = add
        self.name = QLineEdit()
        self.name.setMaxLength(64)
        self.name.setPlaceholderText(self.tr("使用者的姓名或账号名，例如 王晓红"))
        self.role = QComboBox()
        labels = {"staff": self.tr("服务总站工作人员（审阅报送、维护资源库）"),
                  "bureau": self.tr("市工业和信息化局（只读）"),
                  "admin": self.tr("管理员（管理用户和服务站）")}
        for role in ROLE_CHOICES:
            self.role.addItem(labels[role], role)
        self.form.addRow(self.tr("用户名 *"), self.name)
        self.form.addRow(self.tr("角色 *"), self.role)

    def submit(self) -> None:
        name, role = self.name.text().strip(), str(self.role.currentData())
        if not name:
            self.fail(self.tr("用户名：请填写使用者的姓名或账号名。"), self.name)
            return
        self.run(lambda: self.add(name, role))


class AddStationDialog(_AddDialog):
    def __init__(self, add: Callable[[str, str, str], IssuedCode], on_issued: Callable[[IssuedCode], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新增服务站"), on_issued, parent)
        self.add = add
        self.code = QLineEdit()
        self.code.setMaxLength(32)
        self.code.setPlaceholderText(self.tr("例如 GZ-TH-001（字母、数字、- 和 _）"))
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("授牌名称，例如 天河区中小企业服务站"))
        self.district = QComboBox()
        for name in districts.NAMES:  # shown in the user's language, the official name sent
            self.district.addItem(shown(name), name)
        self.district.setPlaceholderText(self.tr("请选择所在区"))
        self.district.setCurrentIndex(-1)
        self.form.addRow(self.tr("服务站代码 *"), self.code)
        self.form.addRow(self.tr("服务站名称 *"), self.name)
        self.form.addRow(self.tr("所在区 *"), self.district)

    def submit(self) -> None:
        code, name, district = self.code.text().strip(), self.name.text().strip(), str(self.district.currentData() or "")
        if not code:
            self.fail(self.tr("服务站代码：请填写，例如 GZ-TH-001。"), self.code)
        elif not name:
            self.fail(self.tr("服务站名称：请填写授牌名称。"), self.name)
        elif not district:
            self.fail(self.tr("所在区：请选择服务站所在的区。"), self.district)
        else:
            self.run(lambda: self.add(code, name, district))


class CodeDialog(QDialog):
    """The one-time code, shown once: select-all text, 复制 (Ctrl+C works too), and how to use it."""

    def __init__(self, issued: IssuedCode, how_to_use: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issued = issued
        self.setWindowTitle(self.tr("一次性登记码"))
        self.setMinimumWidth(520)
        heading = QLabel(self.tr("%1 的登记码（%2 天内有效，只能使用一次）：").replace("%1", issued.who)
                         .replace("%2", str(issued.valid_days)))
        heading.setWordWrap(True)
        self.code = QLineEdit(issued.code)
        self.code.setReadOnly(True)
        font = QFont(self.code.font())
        font.setFamilies(["monospace", *font.families()])
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.code.setFont(font)
        self.copy_button = QPushButton(self.tr("复制"))
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.copy_button)
        self.how = QLabel(how_to_use)
        self.how.setWordWrap(True)
        self.how.setStyleSheet(f"color: {theme.TEXT_MUTED};")
        note = QLabel(self.tr("关闭本窗口后登记码不再显示；遗失了可以“重新发放登记码”。"))
        note.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.how)
        layout.addWidget(note)
        layout.addWidget(close)
        self.code.selectAll()
        self.code.setFocus()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.issued.code)
        self.copy_button.setText(self.tr("已复制"))
