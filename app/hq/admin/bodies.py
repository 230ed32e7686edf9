"""Request bodies of the admin endpoints: one pydantic definition each, with caps.

A body over ADMIN_BODY_BYTES is refused at the front door (app/hq/asgi_guard.py) from its
Content-Length, and a POST without one is refused there too, so no body is read unbounded."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.domain.messages import Msg, joined

ADMIN_BODY_BYTES = 1024 * 1024

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
Comment = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class NewUser(Strict):
    # a path segment of /v1/admin/users/{name}/…: no / \ % ? #, and not . or .. (app.hq.admin.users.check_name)
    name: Annotated[Name, Field(pattern=r"^(?:[^/\\%?#.][^/\\%?#]*|\.[^/\\%?#.][^/\\%?#]*|\.\.[^/\\%?#]+)$")]
    role: Annotated[str, Field(pattern=r"^(admin|staff|bureau)$")]


class NewStation(Strict):
    code: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,32}$")]
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    district: Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)]


# field name → Chinese label, for the 422 message; a feature adds its own fields' labels here
FIELD_LABELS: dict[str, str] = {"name": "名称", "role": "角色", "code": "编号", "district": "所在区", "comment": "意见"}
UNFIT = "不符合要求"
_PROBLEMS = {
    "missing": "必须填写",
    "string_too_long": "太长",
    "string_too_short": "不能为空",
    "string_pattern_mismatch": "格式不对",
    "extra_forbidden": "不是可用的字段",
    "string_type": "应为文字",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "bool_type": "应为是或否",
    "bool_parsing": "应为是或否",
    "list_type": "应为列表",
    "dict_type": "应为对象",
    "model_type": "应为对象",
    "json_invalid": "不是有效的 JSON",
    "literal_error": "不是可选的值",
    "enum": "不是可选的值",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_type": "应为日期（YYYY-MM-DD）",
}


def describe_errors(errors: list[dict[str, object]], limit: int = 3) -> str:
    """A Chinese sentence naming each bad field and what is wrong with it (pydantic's errors)."""
    parts = []
    for error in errors[:limit]:
        loc = [str(x) for x in error.get("loc", ()) if x not in ("body", "query", "path")]  # type: ignore[attr-defined]
        field = loc[-1] if loc and not loc[-1].isdigit() else (loc[-2] if len(loc) > 1 else "")
        label = FIELD_LABELS.get(field, field) or "请求内容"
        problem = _PROBLEMS.get(str(error.get("type", "")), UNFIT)
        ctx = error.get("ctx")
        if isinstance(ctx, dict) and "max_length" in ctx and error.get("type") == "string_too_long":
            problem = Msg("太长（最多 %1 个字）", ctx["max_length"])
        if loc and label != ".".join(loc):
            parts.append(Msg("“%1”（%2）%3", label, ".".join(loc), problem))
        else:
            parts.append(Msg("“%1”%2", label, problem))
    more = Msg("等 %1 处", len(errors)) if len(errors) > limit else ""
    return Msg("请求内容有误：%1%2。请改正后再试。", joined(parts, "；"), more)
