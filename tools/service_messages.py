"""Write app/ui/service_message_catalogue.py: every Chinese message the back end can show, for lupdate.

pyside6-lupdate extracts only literal translate() calls, and the back end never imports Qt, so the
messages raised in app/domain, app/services, app/sync, app/hqdesk and app/hq (what the HQ server answers: the
station and the HQ desk match its text back to these templates), and the Msg of app/reports and the city reports, are
collected here from their source (AST, no import):

* the template of every ``Msg("…%1…", …)`` and the Chinese constants among its arguments;
* the Chinese constants of ``a if … else b`` (a word chosen for a message) and of ``message += "…"``;
* Chinese constants given to an error (``raise …``, ``…Error(…)``, ``_error(…)``);
* module-level Chinese constants and the values of module-level dictionaries (field labels, hints);
* the templates `app.domain.messages.joined` builds.

Run it after changing a message, then lupdate and tools/fill_translations.py:
    python tools/service_messages.py            # rewrite the catalogue
    python tools/service_messages.py --check    # exit 1 when the catalogue is out of date
tests/ui/test_service_messages.py runs the check.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("app/domain", "app/services", "app/sync", "app/hqdesk", "app/hq", "app/credentials.py")
SKIPPED = (
    "app/hqdesk/cityreports", "app/hq/cityreport",  # PDF and Excel wording: official Chinese documents (Msg only, below)
    "app/hq/readmodel/excel.py", "app/hq/migrations",
    "app/hq/cli.py", "app/hq/cli_users.py", "app/hq/cli_shared_enterprises.py", "app/hq/readmodel/cli_stations.py",
    "app/hq/admin_views.py",  # station-desk-hq's command line: Chinese only
)
# the documents' own wording stays out; only what they tell the user (Msg) is listed
MSG_ONLY = ("app/reports", "app/hqdesk/cityreports", "app/hq/cityreport")
TARGET = ROOT / "app/ui/service_message_catalogue.py"
CONTEXT = "ServiceMessages"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
ERROR_CALL = re.compile(r"(Error|Warning|Refused|Required)$|^_error$|^_invalid|^_fail|^_problem|^_refuse|^error_response$")
SEPARATORS = ("，", "；", "、", "\n")  # app.domain.messages.SEPARATORS (a test keeps them equal)


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _constants(node: ast.AST) -> list[str]:
    """Chinese str constants in `node`, not counting the pieces of f-strings."""
    found, inside_f = [], {id(v) for n in ast.walk(node) if isinstance(n, ast.JoinedStr) for v in n.values}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and id(sub) not in inside_f:
            if CJK.search(sub.value):
                found.append(sub.value)
    return found


def messages_in(tree: ast.Module, *, msg_only: bool = False) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if msg_only and not (isinstance(node, ast.Call) and _name(node) == "Msg"):
            continue
        if isinstance(node, ast.Call) and _name(node) == "Msg" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add(first.value)
            for arg in node.args[1:]:
                found.update(_constants(arg))
        elif isinstance(node, ast.Call) and ERROR_CALL.search(_name(node)):
            for arg in node.args:  # "…" and message + "…"
                found.update(_constants(arg))
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add):  # message += "…"
            found.update(_constants(node.value))
        elif isinstance(node, ast.IfExp):  # verb = "报名并签到" if check_in else "报名"
            for branch in (node.body, node.orelse):
                if isinstance(branch, ast.Constant):
                    found.update(_constants(branch))
        elif isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc
            if isinstance(exc, ast.Call):
                for arg in exc.args:
                    found.update(_constants(arg))
    for stmt in [] if msg_only else tree.body:  # module level: hints, field labels
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if isinstance(stmt.value, ast.Constant) and any(n.isupper() for n in names):
                found.update(_constants(stmt.value))
            elif isinstance(stmt.value, ast.Dict) and any(n.isupper() for n in names):
                for value in stmt.value.values:
                    if isinstance(value, ast.Constant):
                        found.update(_constants(value))
    return found


def collect() -> list[str]:
    found = {"%1" + sep + "%2" for sep in SEPARATORS} | {"%1：%2", "%1%2"}
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")) if (ROOT / folder).is_dir() else [ROOT / folder]:
            if any(path.is_relative_to(ROOT / skip) for skip in SKIPPED):
                continue
            found |= messages_in(ast.parse(path.read_text(encoding="utf-8")))
    for folder in MSG_ONLY:
        for path in sorted((ROOT / folder).rglob("*.py")):
            found |= messages_in(ast.parse(path.read_text(encoding="utf-8")), msg_only=True)
    from_catalogue = set()
    catalogue = ROOT / "app/ui/catalogue_names.py"
    for node in ast.walk(ast.parse(catalogue.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and _name(node) == "QT_TRANSLATE_NOOP" and len(node.args) == 2:
            value = node.args[1]
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                from_catalogue.add(value.value)
    return sorted(found - from_catalogue)


def render(messages: list[str]) -> str:
    lines = [
        '"""Generated by tools/service_messages.py: every message the back end can show, for pyside6-lupdate.',
        "",
        "Do not edit by hand; app/ui/service_messages.py translates with these entries.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "MESSAGES: tuple[str, ...] = (",
    ]
    lines += [f"    QT_TRANSLATE_NOOP({CONTEXT!r}, {message!r})," for message in messages]
    lines += [")", ""]
    return "\n".join(lines).replace("'ServiceMessages'", '"ServiceMessages"')


def main() -> int:
    text = render(collect())
    if "--check" in sys.argv[1:]:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run python tools/service_messages.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({text.count('QT_TRANSLATE_NOOP(')} messages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
