"""Issue 13 item 16: one vocabulary, the service convention's (服务公约): HQ is 服务总站 — never
总部, 市服务中心 or a bare 总站 — and staff are 专职, never 全职.  Checked on what the UI can show:
every string of app/ui and app/services, and of what reaches a screen or a terminal from the back
end (app/sync, app/hq's answers to stations and the HQ desk, app/hqdesk, app/commands, app/domain,
app/reports); the migrations are frozen history."""

from __future__ import annotations

import ast
import re
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
OTHER_WORDS = re.compile(r"总部|市服务中心|全职|(?<!服务)总站")


def off_vocabulary(source: str) -> list[str]:
    return [node.value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and OTHER_WORDS.search(node.value)]


def test_the_ui_speaks_the_conventions_words() -> None:
    found = []
    for folder in ("ui", "services", "sync", "hq", "hqdesk", "commands", "domain", "reports"):
        for path in sorted(p for p in (APP / folder).rglob("*.py") if "migrations" not in p.parts):
            found += [f"app/{path.relative_to(APP).as_posix()}: {text[:60]}"
                      for text in off_vocabulary(path.read_text(encoding="utf-8"))]
    assert not found, "say 服务总站 / 专职 (the service convention's words):\n" + "\n".join(found)


def test_the_check_sees_what_it_forbids() -> None:
    source = 'a = "与总部同步"\nb = "提交总站"\nc = "全职人员"\nd = "市服务中心"\nok = "服务总站、专职人员"\n'
    assert len(off_vocabulary(source)) == 4
