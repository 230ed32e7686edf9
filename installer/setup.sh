#!/usr/bin/env bash
# Station Desk: bring this checkout to a runnable state on Debian/Ubuntu.
#
#   bash installer/setup.sh           # what the app needs
#   bash installer/setup.sh --test    # plus what the test suite needs (the test group: pytest,
#                                     # mypy, ruff …; PostgreSQL, poppler, Xvfb)
#
# Idempotent and quick on a second run: system packages are checked with dpkg first
# (apt-get update only when something is missing), pip runs only when pyproject.toml
# changed since the last successful install (or the test group is wanted and missing),
# translations are rebuilt only when a
# .ts file is newer than its .qm.
#
# Environment:
#   STATION_DESK_PYTHON=/path/to/python3.x   interpreter for a new .venv (default: first python ≥ 3.11 found)
#   STATION_DESK_SKIP_APT=1                  never touch system packages (report what is missing instead)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO/.venv"
STAMP="$VENV/.station-desk-install.stamp"
WANT_TEST=0
for arg in "$@"; do
    case "$arg" in
        --test) WANT_TEST=1 ;;
        *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

say() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- system packages
APP_PACKAGES=(
    python3-venv python3-pip
    # Qt offscreen / EGL / fonts / D-Bus
    libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
    # Qt xcb platform plugin, so the real window opens on X11 (and XWayland)
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
    libxcb-shape0 libxcb-randr0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
    libx11-xcb1 libxkbcommon-x11-0
    # a Secret Service for keyring (sync tokens) and a session bus to reach it
    gnome-keyring dbus dbus-x11
)
TEST_PACKAGES=(
    poppler-utils   # pdftoppm / pdffonts / pdftotext for report tests
    xvfb            # a real X server for tests or screenshots that need one
)

is_installed() {
    # Ubuntu 24.04+/Debian 13 renamed some libraries with a t64 suffix.
    local p
    for p in "$1" "${1}t64"; do
        if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ]; then
            return 0
        fi
    done
    return 1
}

have_postgres_server() {
    compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || command -v postgres >/dev/null 2>&1
}

python_ok() {  # $1 = interpreter; true when it is Python ≥ 3.11
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

find_python() {
    local c
    for c in "${STATION_DESK_PYTHON:-}" python3.13 python3.12 python3.11 python3 /usr/bin/python3; do
        [ -n "$c" ] || continue
        command -v "$c" >/dev/null 2>&1 || continue
        if python_ok "$c"; then
            command -v "$c"
            return 0
        fi
    done
    return 1
}

install_system_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        say "not a Debian/Ubuntu system: skipping system packages (install the Qt xcb libraries, a Secret Service and Python ≥ 3.11 yourself)"
        return 0
    fi
    local wanted=("${APP_PACKAGES[@]}")
    if [ "$WANT_TEST" = 1 ]; then
        wanted+=("${TEST_PACKAGES[@]}")
        have_postgres_server || wanted+=(postgresql)
    fi
    # Ubuntu 22.04's python3 is 3.10: bring 3.11 from the archive when nothing suitable exists.
    if ! find_python >/dev/null && [ ! -x "$VENV/bin/python" ]; then
        wanted+=(python3.11 python3.11-venv)
    fi

    local missing=() p
    for p in "${wanted[@]}"; do
        is_installed "$p" || missing+=("$p")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0

    if [ "${STATION_DESK_SKIP_APT:-}" = 1 ]; then
        say "STATION_DESK_SKIP_APT=1; these packages are missing and were not installed: ${missing[*]}"
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
            [ -t 0 ] || sudo=(sudo -n)
        else
            die "missing system packages and no root/sudo: ${missing[*]} — install them as root: apt-get install ${missing[*]}"
        fi
    fi
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || die "apt-get install failed for: ${missing[*]}"
}

# ---------------------------------------------------------------- virtual environment
ensure_venv() {
    if [ -x "$VENV/bin/python" ] && python_ok "$VENV/bin/python"; then
        return 0
    fi
    if [ -e "$VENV" ]; then
        say "existing .venv is broken or older than Python 3.11; recreating it"
        rm -rf "$VENV"
    fi
    local py
    py="$(find_python)" || die "no Python ≥ 3.11 found (set STATION_DESK_PYTHON=/path/to/python3.11)"
    say "creating .venv with $py ($("$py" --version 2>&1))"
    "$py" -m venv "$VENV" || { rm -rf "$VENV"; die "could not create .venv with $py (on Debian/Ubuntu: apt-get install python3-venv)"; }
}

# pip installs with --no-compile: by default it byte-compiles every module of every package
# (48 MB of .pyc in an [hq] venv: SQLAlchemy's MySQL/Oracle/MSSQL dialects, PIL's plugins,
# pip's own …).  Python writes the .pyc of a module the first time it is imported, as it already
# does for the app's own modules (an editable install is never compiled), so what the station
# and HQ run is compiled once, on the first start after an install (issue 14, install footprint).
install_python_packages() {
    local hash
    hash="$( (cat "$REPO/pyproject.toml"; "$VENV/bin/python" -V 2>&1) | sha256sum | cut -d' ' -f1)"
    # The stamp is "<hash> app" or "<hash> test"; a test install also serves the app.
    local stamp=""
    [ -f "$STAMP" ] && stamp="$(cat "$STAMP")"
    if [ -x "$VENV/bin/station-desk" ] && [ -x "$VENV/bin/station-desk-hq" ] \
        && { [ "$stamp" = "$hash test" ] || { [ "$WANT_TEST" = 0 ] && [ "$stamp" = "$hash app" ]; }; }; then
        return 0
    fi
    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
    local pip=("$VENV/bin/python" -m pip)
    rm -f "$STAMP"
    # `--group` needs pip ≥ 25.1.
    if ! "$VENV/bin/python" - <<'EOF'
import sys
from importlib.metadata import version
major, minor = (int(x) for x in version("pip").split(".")[:2])
sys.exit(0 if (major, minor) >= (25, 1) else 1)
EOF
    then
        say "upgrading pip in .venv"
        "${pip[@]}" install -q --no-compile --upgrade "pip>=25.1" >"$VENV/pip-upgrade.log" 2>&1 \
            || say "pip upgrade failed (see .venv/pip-upgrade.log); installing the test group's packages explicitly"
    fi
    cd "$REPO"
    local log="$VENV/pip-install.log"
    if [ "$WANT_TEST" = 0 ]; then
        say "installing Python packages (editable, with [hq]; log: .venv/pip-install.log)"
        "${pip[@]}" install -q --no-compile -e '.[hq]' >"$log" 2>&1 || { tail -n 40 "$log" >&2; die "pip install failed (full log: $log)"; }
    elif "${pip[@]}" install --help 2>/dev/null | grep -q -- '--group'; then
        say "installing Python packages (editable, with [hq] and the test group; log: .venv/pip-install.log)"
        "${pip[@]}" install -q --no-compile -e '.[hq]' --group test >"$log" 2>&1 || { tail -n 40 "$log" >&2; die "pip install failed (full log: $log)"; }
    else
        say "installing Python packages (editable, with [hq] and the test group; log: .venv/pip-install.log)"
        local group
        mapfile -t group < <("$VENV/bin/python" - <<'EOF'
import tomllib
groups = tomllib.load(open("pyproject.toml", "rb")).get("dependency-groups", {})
def expand(name, seen=()):
    for item in groups.get(name, []):
        if isinstance(item, str):
            print(item)
        elif isinstance(item, dict) and "include-group" in item and item["include-group"] not in seen:
            expand(item["include-group"], seen + (name,))
expand("test")
EOF
)
        "${pip[@]}" install -q --no-compile -e '.[hq]' "${group[@]}" >"$log" 2>&1 || { tail -n 40 "$log" >&2; die "pip install failed (full log: $log)"; }
    fi
    drop_qt_addons
    if [ "$WANT_TEST" = 1 ]; then echo "$hash test" >"$STAMP"; else echo "$hash app" >"$STAMP"; fi
}

# Earlier versions installed PySide6-Addons (QtWebEngine, Qt3D, QtMultimedia …: ~440 MB) for
# QtCharts and QtPdf, which the app no longer uses; pip leaves a package that is no longer
# required in place, so an upgraded .venv drops it here.  The two wheels share files
# (PySide6/__init__.py and the .pyi stubs), so uninstalling Addons deletes some of
# Essentials' files: Essentials is reinstalled, same version, from pip's cache.
drop_qt_addons() {
    "$VENV/bin/python" -m pip show -q PySide6-Addons >/dev/null 2>&1 || return 0
    local pip=("$VENV/bin/python" -m pip) version log="$VENV/pip-install.log"
    version="$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("PySide6-Essentials"))')"
    say "removing PySide6-Addons (no longer used; frees about 440 MB)"
    "${pip[@]}" uninstall -q -y PySide6-Addons PySide6 >>"$log" 2>&1 || die "pip uninstall PySide6-Addons failed (log: $log)"
    "${pip[@]}" install -q --force-reinstall --no-deps --no-compile "PySide6-Essentials==$version" >>"$log" 2>&1 \
        || die "reinstalling PySide6-Essentials $version failed (log: $log); run: .venv/bin/pip install --force-reinstall --no-deps PySide6-Essentials==$version"
}

# A Python 3.11 venv is seeded with setuptools (9 MB with pkg_resources and _distutils_hack;
# 3.12+ no longer seeds it).  Nothing imports it at run time (checked with -X importtime of the
# station app and `station-desk-hq serve`), and pip builds this project's editable install in an
# isolated build environment with its own setuptools>=69 (pyproject.toml), so it goes.  Checked
# on every run (a glob, no pip call unless it is there), so an existing .venv loses it too.
drop_build_tools() {
    compgen -G "$VENV/lib/python3*/site-packages/setuptools-*.dist-info" >/dev/null || return 0
    say "removing the venv's setuptools (unused at run time; builds get their own)"
    "$VENV/bin/python" -m pip uninstall -q -y setuptools >>"$VENV/pip-install.log" 2>&1 \
        || say "WARNING: pip uninstall setuptools failed (log: .venv/pip-install.log); harmless, it only takes 9 MB"
}

# ---------------------------------------------------------------- translations
build_translations() {
    local ts qm lrelease="$VENV/bin/pyside6-lrelease"
    shopt -s nullglob
    for ts in "$REPO"/resources/translations/*.ts; do
        qm="${ts%.ts}.qm"
        if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
            [ -x "$lrelease" ] || die "pyside6-lrelease missing from .venv"
            "$lrelease" -silent "$ts" -qm "$qm" >/dev/null || die "lrelease failed for $ts"
            say "built $(basename "$qm")"
        fi
    done
    shopt -u nullglob
}

check_runtime() {
    [ -f "$REPO/resources/fonts/wqy-microhei.ttc" ] || say "WARNING: resources/fonts/wqy-microhei.ttc is missing; Chinese text may show as boxes"
    # A missing xcb dependency only shows up when a real window opens; say it now.
    local plugin
    plugin="$(compgen -G "$VENV/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so" | head -n1 || true)"
    if [ -n "$plugin" ] && command -v ldd >/dev/null 2>&1; then
        local libdir missing
        libdir="$(dirname "$(dirname "$(dirname "$plugin")")")/lib"
        missing="$(LD_LIBRARY_PATH="$libdir" ldd "$plugin" "$libdir/libQt6XcbQpa.so.6" 2>/dev/null | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')"
        [ -z "$missing" ] || say "WARNING: the Qt xcb plugin lacks: $missing(a real window will not open; --smoke still works)"
    fi
}

case "$(uname -s)" in
    Linux) install_system_packages ;;
    *) say "$(uname -s): skipping system packages" ;;
esac
ensure_venv
install_python_packages
drop_build_tools
build_translations
check_runtime
