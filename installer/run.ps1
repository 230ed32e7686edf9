# Station Desk on Windows: install what is missing, then start the app.
#
#   powershell -ExecutionPolicy Bypass -File installer\run.ps1            # the window
#   powershell -ExecutionPolicy Bypass -File installer\run.ps1 --demo     # the demo profile
#   powershell -ExecutionPolicy Bypass -File installer\run.ps1 --smoke    # offscreen start-up check
# Arguments are passed to station-desk unchanged (no param block on purpose).
$ErrorActionPreference = 'Stop'
$Repo = Split-Path -Parent $PSScriptRoot

& (Join-Path $PSScriptRoot 'setup.ps1')
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

& (Join-Path $Repo '.venv\Scripts\station-desk.exe') @args
exit $LASTEXITCODE
