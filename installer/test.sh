#!/usr/bin/env bash
# Station Desk: run the whole test suite, the same way on a laptop and in CI.
#
#   bash installer/test.sh [pytest arguments…]      e.g.  bash installer/test.sh -q -x
#
# Installs what is missing (installer/setup.sh --test), makes sure a local PostgreSQL
# answers, then runs pytest offscreen inside a private D-Bus session with its own
# unlocked gnome-keyring, so the credentials tests use a real Secret Service without
# touching your own keyring, twice: with TZ=UTC and with TZ=Asia/Shanghai.  Exit code is
# pytest's; skipped tests fail (tests/conftest.py).
#
# Environment:
#   STATION_DESK_TEST_PG   PostgreSQL URL for tests (default postgresql://postgres@127.0.0.1:5432/test)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO/.venv"
say() { printf '[test] %s\n' "$*" >&2; }

bash "$REPO/installer/setup.sh" --test

# ---------------------------------------------------------------- PostgreSQL
DEFAULT_PG="postgresql://postgres@127.0.0.1:5432/test"
TEST_CLUSTER="station_desk_test"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
    else return 1
    fi
}

# Prints ok | nodb | auth | down for a URL.
pg_state() {
    "$VENV/bin/python" - "$1" <<'EOF'
import sys
import psycopg
try:
    psycopg.connect(sys.argv[1], connect_timeout=5).close()
    print("ok")
except psycopg.Error as exc:
    text = str(exc).lower()
    if "database" in text and "does not exist" in text:
        print("nodb")
    elif any(k in text for k in ("password", "authentication", "pg_hba.conf", "role")):
        print("auth")
    else:
        print("down")
EOF
}

pg_create_db() {
    "$VENV/bin/python" - "$1" <<'EOF'
import sys
import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo
target = conninfo_to_dict(sys.argv[1])
with psycopg.connect(make_conninfo(sys.argv[1], dbname="postgres"), autocommit=True) as conn:
    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target["dbname"])))
EOF
}

start_local_clusters() {
    command -v pg_lsclusters >/dev/null 2>&1 || { say "pg_lsclusters not found (postgresql-common); start PostgreSQL yourself"; return 1; }
    local ver name status started=1
    while read -r ver name _ status _; do
        [ "$status" = online ] && continue
        [ "$name" = "$TEST_CLUSTER" ] && continue
        say "starting PostgreSQL cluster $ver/$name"
        if as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start; then
            started=0
        else
            say "could not start $ver/$name (not root?): as root run: pg_ctlcluster --skip-systemctl-redirect $ver $name start"
        fi
    done < <(pg_lsclusters -h 2>/dev/null)
    return "$started"
}

# A throwaway cluster for tests only (trust on 127.0.0.1), used when the main cluster
# does not let `postgres` in without a password.  It leaves your own cluster untouched.
use_test_cluster() {
    command -v pg_createcluster >/dev/null 2>&1 || return 1
    [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && sudo -n true 2>/dev/null; } || return 1
    local ver port
    ver="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n1)"
    port="$(pg_lsclusters -h | awk -v n="$TEST_CLUSTER" '$2 == n {print $3; exit}')"
    if [ -z "$port" ]; then
        port=5433
        while pg_lsclusters -h | awk '{print $3}' | grep -qx "$port" || pg_isready -q -h 127.0.0.1 -p "$port"; do
            port=$((port + 1))
        done
        say "creating a test-only PostgreSQL cluster $ver/$TEST_CLUSTER on 127.0.0.1:$port (trust auth, local only)"
        as_root pg_createcluster "$ver" "$TEST_CLUSTER" -p "$port" -- --auth-local=trust --auth-host=trust >/dev/null || return 1
    fi
    ver="$(pg_lsclusters -h | awk -v n="$TEST_CLUSTER" '$2 == n {print $1; exit}')"
    if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
        as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$TEST_CLUSTER" start || return 1
    fi
    STATION_DESK_TEST_PG="postgresql://postgres@127.0.0.1:$port/test"
}

ensure_postgres() {
    local url="$STATION_DESK_TEST_PG" state
    state="$(pg_state "$url" || true)"
    if [ "$state" = down ] && [ "$url" = "$DEFAULT_PG" ] && start_local_clusters; then
        for _ in $(seq 1 30); do
            pg_isready -q -h 127.0.0.1 -p 5432 && break
            sleep 0.5
        done
        state="$(pg_state "$url" || true)"
    fi
    # No cluster we can start, or one that wants a password: use (or make) a test-only cluster.
    if { [ "$state" = down ] || [ "$state" = auth ]; } && [ "$url" = "$DEFAULT_PG" ] && use_test_cluster; then
        url="$STATION_DESK_TEST_PG"
        state="$(pg_state "$url" || true)"
    fi
    if [ "$state" = nodb ]; then
        say "creating the test database in $url"
        pg_create_db "$url" && state="$(pg_state "$url" || true)"
    fi
    case "$state" in
        ok) say "PostgreSQL for tests: $url" ;;
        auth) say "WARNING: PostgreSQL refused $url (authentication). Set STATION_DESK_TEST_PG to a URL that works, e.g. postgresql://user:password@127.0.0.1:5432/test" ;;
        *) say "WARNING: PostgreSQL is not reachable at $url; tests that need it will fail." \
                "Start it as root (pg_ctlcluster --skip-systemctl-redirect <version> main start) or set STATION_DESK_TEST_PG." ;;
    esac
}

export STATION_DESK_TEST_PG="${STATION_DESK_TEST_PG:-$DEFAULT_PG}"
ensure_postgres
export STATION_DESK_TEST_PG

# ---------------------------------------------------------------- pytest
# Private keyring/runtime directories: gnome-keyring must neither see nor create
# keyrings in your real home, and the test password is only for this session.
SESSION_DIR="$(mktemp -d "${TMPDIR:-/tmp}/station-desk-test.XXXXXX")"
cleanup() { rm -rf "$SESSION_DIR"; }
trap cleanup EXIT
mkdir -m 700 "$SESSION_DIR/run" "$SESSION_DIR/data" "$SESSION_DIR/config"

unset STATION_DESK_ALLOW_SKIP PYTHON_KEYRING_BACKEND
# With PYTHONDONTWRITEBYTECODE set (some CI images and sandboxes set it), every Python the
# tests start (`station-desk …`, `station-desk-hq serve`, `python -c …`) compiled SQLAlchemy,
# Alembic and the app from source again, 1-3 s of CPU each, and pytest itself recompiled
# everything each pass.  Byte-code then goes to this run's own folder, never into the source
# tree or the .venv (test_cli, test_cli_excel, test_tls, test_first_run: 125 s -> 62 s).
if [ -n "${PYTHONDONTWRITEBYTECODE:-}" ]; then
    unset PYTHONDONTWRITEBYTECODE
    export PYTHONPYCACHEPREFIX="$SESSION_DIR/pycache"
fi
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="$SESSION_DIR/run" XDG_DATA_HOME="$SESSION_DIR/data" XDG_CONFIG_HOME="$SESSION_DIR/config"

for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || { say "ERROR: $tool not found (Debian/Ubuntu: apt-get install dbus gnome-keyring)"; exit 1; }
done

# Two passes, in two time zones (issue 13 item 20: every date is China's, whatever the PC's zone):
# the whole suite on a PC set to UTC, then again on one set to Asia/Shanghai, leaving out only the
# two slowest files (the many-station simulation and the kill-and-resume test: injected clocks,
# ~2.5 of the suite's ~8 minutes).  STATION_DESK_ONE_ZONE=1 runs the first pass alone.
run_pytest() {
    local zone="$1"; shift
    say "pytest with TZ=$zone"
    TZ="$zone" dbus-run-session -- sh -c '
        echo -n ci-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        exec "$0" -m pytest "$@"' "$VENV/bin/python" "$@"
}

cd "$REPO"
set +e
run_pytest UTC "$@"
status=$?
if [ "$status" -eq 0 ] && [ "${STATION_DESK_ONE_ZONE:-0}" != 1 ]; then
    run_pytest Asia/Shanghai --ignore=tests/sync/test_simulation.py --ignore=tests/sync/test_cli_kill.py "$@"
    status=$?
fi
set -e
[ "$status" -eq 5 ] && say "pytest collected no tests: that is a failure"
exit "$status"
