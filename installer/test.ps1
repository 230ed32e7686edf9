# Station Desk on Windows: run the whole test suite.
#
#   powershell -ExecutionPolicy Bypass -File installer\test.ps1 [pytest arguments]
#
# Secrets tests use the Windows Credential Locker (keyring's native backend).
# PostgreSQL must run locally; STATION_DESK_TEST_PG gives its URL, default
# postgresql://postgres@127.0.0.1:5432/test (install: winget install PostgreSQL.PostgreSQL.16,
# then e.g. set STATION_DESK_TEST_PG=postgresql://postgres:YOURPASSWORD@127.0.0.1:5432/test).
# The test database is created when the server answers but the database is missing.
# Exit code is pytest's; skipped tests count as failures (tests\conftest.py).
$ErrorActionPreference = 'Stop'
$Repo = Split-Path -Parent $PSScriptRoot
$VenvPython = Join-Path $Repo '.venv\Scripts\python.exe'
function Say([string]$Message) { Write-Host "[test] $Message" }

& (Join-Path $PSScriptRoot 'setup.ps1') -Test
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

if (-not $env:STATION_DESK_TEST_PG) { $env:STATION_DESK_TEST_PG = 'postgresql://postgres@127.0.0.1:5432/test' }

# Check PostgreSQL, creating the test database if the server answers without it.
$check = @'
import sys
import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo
url = sys.argv[1]
try:
    psycopg.connect(url, connect_timeout=5).close()
except psycopg.Error as exc:
    text = str(exc).lower()
    if "database" in text and "does not exist" in text:
        name = conninfo_to_dict(url)["dbname"]
        with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print("created the test database")
    else:
        print(f"PostgreSQL is not usable at {url}: {exc}")
        sys.exit(1)
'@
# Fed on stdin: Windows PowerShell 5.1 mangles double quotes in native arguments.
$check | & $VenvPython - $env:STATION_DESK_TEST_PG
if ($LASTEXITCODE -ne 0) {
    Say 'WARNING: tests that need PostgreSQL will fail. Start the PostgreSQL service (services.msc) or set STATION_DESK_TEST_PG.'
} else {
    Say "PostgreSQL for tests: $env:STATION_DESK_TEST_PG"
}

Remove-Item Env:STATION_DESK_ALLOW_SKIP -ErrorAction SilentlyContinue
Remove-Item Env:PYTHON_KEYRING_BACKEND -ErrorAction SilentlyContinue
$env:QT_QPA_PLATFORM = 'offscreen'
Push-Location $Repo
try {
    & $VenvPython -m pytest @args
    $status = $LASTEXITCODE
} finally { Pop-Location }
if ($status -eq 5) { Say 'pytest collected no tests: that is a failure' }
exit $status
