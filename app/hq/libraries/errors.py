"""The one error of the libraries: what is wrong, in Chinese, naming the field."""

from __future__ import annotations

from app.domain.messages import Msg


class LibraryError(Exception):
    """A request the library refuses.  `status` is the HTTP answer (404 not found, 409 not
    in this state, 422 a field's value), `field` the request field at fault ("" for none)."""

    def __init__(self, status: int, field: str, message: str) -> None:
        super().__init__(message)
        self.status, self.field, self.message = status, field, message

    @property
    def code(self) -> str:
        return {404: "not_found", 409: "conflict"}.get(self.status, "invalid_field")


def invalid(field: str, message: str) -> LibraryError:
    return LibraryError(422, field, message)


# what `not_found` may name (listed here so tools/service_messages.py gives them English)
NOT_FOUND_WHAT = {"policy": "政策", "institution": "服务机构", "expert": "专家", "entry": "服务清单项目", "option": "选项"}


def not_found(what: str, ref: object) -> LibraryError:
    return LibraryError(404, "id", Msg("找不到%1（编号 %2），可能已被删除，请刷新后再试。", what, str(ref)[:40]))


def conflict(message: str) -> LibraryError:
    return LibraryError(409, "", message)
