#!/usr/bin/env bash
# Station Desk: install what is missing, then start the app.
#
#   bash installer/run.sh                 # the window (first run offers the setup wizard or demo data)
#   bash installer/run.sh --demo          # the separate demo profile
#   bash installer/run.sh --smoke         # offscreen start-up check: prints ms to first paint, exits 0
#   bash installer/run.sh info|setup|demo-data …   # headless commands, see --help
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$REPO/installer/setup.sh"

if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ] && [ "$#" -eq 0 ]; then
    echo "[run] 没有检测到图形显示（DISPLAY / WAYLAND_DISPLAY 未设置）。在桌面会话中运行，或用 --smoke 做离屏检查。" >&2
    echo "[run] No graphical display found (DISPLAY / WAYLAND_DISPLAY unset). Run inside a desktop session, or use --smoke." >&2
fi
exec "$REPO/.venv/bin/station-desk" "$@"
