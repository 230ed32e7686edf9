"""Issue 14, install footprint: the app runs on PySide6-Essentials alone.  PySide6-Addons
(438 MB installed: QtWebEngine, Qt3D, QtMultimedia with FFmpeg, …) came in only for
QtCharts and QtPdf, now a QPainter chart and PDFium; these checks keep it out."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import files
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def runtime_requirements() -> list[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *(r for extra in project["optional-dependencies"].values() for r in extra)]


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def test_no_runtime_requirement_brings_the_addons_wheel() -> None:
    wanted = names(runtime_requirements())
    assert "pyside6-addons" not in wanted and "pyside6" not in wanted  # the "PySide6" wheel requires Addons
    essentials = next(r for r in runtime_requirements() if r.lower().startswith("pyside6-essentials"))
    assert "<6.12" in essentials  # 6.12.0 kills table views (tests/ui/test_qt_binding.py)


def essentials_modules() -> set[str]:
    shipped = files("PySide6_Essentials") or []
    return {Path(str(f)).name.split(".")[0] for f in shipped
            if str(f).startswith("PySide6/Qt") and ".abi3." in Path(str(f)).name}


def qt_modules_imported_by_the_app() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((REPO / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = ([a.name for a in node.names] if isinstance(node, ast.Import)
                       else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for module in modules:
                if module.startswith("PySide6.Qt"):
                    found.setdefault(module.split(".")[1], str(path.relative_to(REPO)))
    return found


def test_every_qt_module_the_app_imports_ships_in_essentials() -> None:
    shipped = essentials_modules()
    assert {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"} <= shipped
    imported = qt_modules_imported_by_the_app()
    assert imported, "the scan found no Qt import at all"
    outside = {module: where for module, where in imported.items() if module not in shipped}
    assert not outside, f"from PySide6-Addons (not installed): {outside}"


def test_the_installers_remove_the_addons_and_never_install_them() -> None:
    """An upgraded .venv still holds PySide6-Addons (pip keeps what is no longer required):
    the setup scripts uninstall it and reinstall Essentials, whose files it shares."""
    for name in ("setup.sh", "setup.ps1"):
        text = (REPO / "installer" / name).read_text(encoding="utf-8")
        assert not re.search(r"pip[^\n]*\binstall\b[^\n]*pyside6-addons", text, re.I), name
        assert re.search(r"uninstall -q -y PySide6-Addons", text), name
        assert re.search(r"install -q --force-reinstall --no-deps --no-compile \"PySide6-Essentials==\$version\"", text), name


def test_the_installers_drop_the_venvs_setuptools_and_the_app_never_imports_it() -> None:
    """A Python 3.11 venv is seeded with setuptools (9 MB); nothing imports it at run time and
    the editable install is built in pip's isolated build environment, so the setup scripts
    uninstall it, on every run, and the benchmark leaves its venvs the same way."""
    for name in ("setup.sh", "setup.ps1"):
        text = (REPO / "installer" / name).read_text(encoding="utf-8")
        body = re.search(r"\n(?:drop_build_tools\(\) \{|function Remove-BuildTools \{)\n(.*?)\n\}\n", text, re.S)
        assert body and "-m pip uninstall -q -y setuptools" in body.group(1), name
        assert re.search(r"^Install-PythonPackages\nRemove-BuildTools$|^install_python_packages\ndrop_build_tools$",
                         text, re.M), f"{name} never calls it"
    bench = (REPO / "benchmarks" / "bench_footprint.py").read_text(encoding="utf-8")
    assert '"uninstall -q -y setuptools" in text' in bench
    for path in sorted((REPO / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = ([a.name for a in node.names] if isinstance(node, ast.Import)
                       else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not [m for m in modules if m.split(".")[0] in ("setuptools", "pkg_resources", "distutils")], path


def test_the_installers_leave_byte_compiling_to_the_first_import() -> None:
    """`pip install` byte-compiles every module of every package (48 MB of .pyc with [hq]);
    with --no-compile Python writes the .pyc of what is imported, on first import."""
    for name in ("setup.sh", "setup.ps1"):
        text = (REPO / "installer" / name).read_text(encoding="utf-8")
        installs = re.findall(r"-m pip install ([^\n]*)|\"\$\{pip\[@\]\}\" install ([^\n]*)", text)
        assert len(installs) >= 3, name
        installs = [a + b for a, b in installs if not (a + b).startswith("--help")]
        assert all("--no-compile" in line for line in installs), (name, installs)
    bench = (REPO / "benchmarks" / "bench_footprint.py").read_text(encoding="utf-8")
    assert "\"install -q --no-compile -e '.[hq]'\" in text" in bench
