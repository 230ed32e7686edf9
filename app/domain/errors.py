"""Errors whose messages are shown to the user as they are: in Chinese, naming the field and the fix.

`FieldError` comes from the domain's parsers (field label + detail); `UserError` and
`ValidationError` from use cases (message + form field name)."""

from __future__ import annotations

from app.domain.messages import Msg


class FieldError(ValueError):
    """One input field could not be accepted.

    ``field`` is the Chinese field label (成立日期, 营业收入 …); ``detail`` says what
    is wrong and how to fix it; ``str(error)`` is ``"{field}：{detail}"``.
    """

    def __init__(self, field: str, detail: str) -> None:
        self.field = field
        self.detail = detail
        self.message = detail if detail.startswith(f"{field}：") else Msg("%1：%2", field, detail)
        super().__init__(self.message)

    def __reduce__(self):  # type: ignore[no-untyped-def]  # keep picklable (worker processes)
        return (type(self), (self.field, self.detail))

class UserError(Exception):
    """Something the user can fix.  `field` names the form field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(UserError):
    pass


class NoStationError(UserError):
    def __init__(self) -> None:
        super().__init__(Msg(
            "本档案还没有设置服务站信息。请先运行“station-desk”完成首次设置向导，"
            "或用“station-desk setup --code 代码 --name 名称 --district 区 --manager 姓名”设置；"
            "也可以用“station-desk --demo”查看演示数据。"
        ))
