"""Domain errors carry a message for the user, in Chinese, naming the field and the fix."""

from __future__ import annotations


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
        super().__init__(
            "本档案还没有设置服务站信息。请先运行“station-desk”完成首次设置向导，"
            "或用“station-desk setup --code 代码 --name 名称 --district 区 --manager 姓名”设置；"
            "也可以用“station-desk --demo”查看演示数据。"
        )
