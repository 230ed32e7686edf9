# Station Desk: bring this checkout to a runnable state on Windows 10/11.
#
#   powershell -ExecutionPolicy Bypass -File installer\setup.ps1          # what the app needs
#   powershell -ExecutionPolicy Bypass -File installer\setup.ps1 -Test    # the same; tests add nothing on Windows
#
# Idempotent: pip runs only when pyproject.toml changed since the last successful
# install; translations are rebuilt only when a .ts file is newer than its .qm.
# Windows needs no system libraries for Qt; the CJK font ships in resources\fonts;
# secrets go to the Windows Credential Locker through keyring's native backend.
#
# Environment: STATION_DESK_PYTHON = path to python.exe (3.11 or newer) for a new .venv.
# (ASCII only on purpose: Windows PowerShell 5.1 misreads UTF-8 scripts without a BOM.)
param([switch]$Test)

$ErrorActionPreference = 'Stop'
$Repo = Split-Path -Parent $PSScriptRoot
$Venv = Join-Path $Repo '.venv'
$VenvPython = Join-Path $Venv 'Scripts\python.exe'
$Stamp = Join-Path $Venv '.station-desk-install.stamp'

function Say([string]$Message) { Write-Host "[setup] $Message" }
function Fail([string]$Message) { Write-Host "[setup] ERROR: $Message" -ForegroundColor Red; exit 1 }

function Test-PythonOk([string[]]$Command) {
    # True when the command runs Python 3.11 or newer.
    try {
        $exe = $Command[0]
        $rest = @()
        if ($Command.Length -gt 1) { $rest = $Command[1..($Command.Length - 1)] }
        & $exe @rest -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>$null | Out-Null
        return ($LASTEXITCODE -eq 0)
    } catch { return $false }
}

function Find-Python {
    $candidates = @()
    if ($env:STATION_DESK_PYTHON) { $candidates += ,@($env:STATION_DESK_PYTHON) }
    if (Get-Command py -ErrorAction SilentlyContinue) {
        foreach ($v in '-3.13', '-3.12', '-3.11') { $candidates += ,@('py', $v) }
    }
    foreach ($name in 'python', 'python3') {
        $cmd = Get-Command $name -ErrorAction SilentlyContinue
        # Skip the Microsoft Store alias stub in WindowsApps; it opens the Store instead of running.
        if ($cmd -and $cmd.Source -notlike '*\WindowsApps\*') { $candidates += ,@($cmd.Source) }
    }
    foreach ($v in '313', '312', '311') {
        $p = Join-Path $env:LOCALAPPDATA "Programs\Python\Python$v\python.exe"
        if (Test-Path $p) { $candidates += ,@($p) }
    }
    foreach ($c in $candidates) { if (Test-PythonOk $c) { return ,$c } }
    return $null
}

function Ensure-Venv {
    if ((Test-Path $VenvPython) -and (Test-PythonOk @($VenvPython))) { return }
    if (Test-Path $Venv) {
        Say '.venv is broken or older than Python 3.11; recreating it'
        Remove-Item -Recurse -Force $Venv
    }
    $py = Find-Python
    if (-not $py -and (Get-Command winget -ErrorAction SilentlyContinue)) {
        Say 'no Python 3.11+ found; installing Python 3.11 for this user with winget'
        & winget install --exact --id Python.Python.3.11 --scope user --silent --accept-package-agreements --accept-source-agreements
        $py = Find-Python
    }
    if (-not $py) { Fail 'no Python 3.11 or newer found. Install it from https://www.python.org/downloads/windows/ (tick "py launcher") and run this again.' }
    $exe = $py[0]
    $rest = @()
    if ($py.Length -gt 1) { $rest = $py[1..($py.Length - 1)] }
    Say "creating .venv with $($py -join ' ')"
    & $exe @rest -m venv $Venv
    if ($LASTEXITCODE -ne 0) { Fail 'could not create .venv' }
}

function Install-PythonPackages {
    $version = & $VenvPython -V | Out-String
    [byte[]]$bytes = [System.IO.File]::ReadAllBytes((Join-Path $Repo 'pyproject.toml')) + [System.Text.Encoding]::UTF8.GetBytes($version)
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $hash = ([System.BitConverter]::ToString($sha.ComputeHash($bytes))).Replace('-', '').ToLower()
    $scripts = Join-Path $Venv 'Scripts'
    if ((Test-Path $Stamp) -and ((Get-Content $Stamp -Raw).Trim() -eq $hash) `
        -and (Test-Path (Join-Path $scripts 'station-desk.exe')) -and (Test-Path (Join-Path $scripts 'station-desk-hq.exe'))) {
        return
    }
    if (Test-Path $Stamp) { Remove-Item $Stamp }
    $env:PIP_DISABLE_PIP_VERSION_CHECK = '1'
    $env:PIP_NO_INPUT = '1'
    # `--group` needs pip 25.1 or newer.
    # (No double quotes inside -c: Windows PowerShell 5.1 passes them to native programs unescaped.)
    & $VenvPython -c 'import sys; from importlib.metadata import version; v = tuple(int(x) for x in version(''pip'').split(''.'')[:2]); sys.exit(0 if v >= (25, 1) else 1)'
    if ($LASTEXITCODE -ne 0) {
        Say 'upgrading pip in .venv'
        & $VenvPython -m pip install -q --upgrade 'pip>=25.1'
        if ($LASTEXITCODE -ne 0) { Fail 'could not upgrade pip (is PyPI reachable?)' }
    }
    Say 'installing Python packages (editable, with [hq] and the test group)'
    Push-Location $Repo
    try {
        & $VenvPython -m pip install -q -e '.[hq]' --group test
        if ($LASTEXITCODE -ne 0) { Fail 'pip install failed' }
    } finally { Pop-Location }
    Set-Content -Path $Stamp -Value $hash -Encoding ascii
}

function Build-Translations {
    $lrelease = Join-Path $Venv 'Scripts\pyside6-lrelease.exe'
    $dir = Join-Path $Repo 'resources\translations'
    if (-not (Test-Path $dir)) { return }
    foreach ($ts in Get-ChildItem -Path $dir -Filter '*.ts') {
        $qm = [System.IO.Path]::ChangeExtension($ts.FullName, '.qm')
        if ((-not (Test-Path $qm)) -or ($ts.LastWriteTime -gt (Get-Item $qm).LastWriteTime)) {
            & $lrelease -silent $ts.FullName -qm $qm | Out-Null
            if ($LASTEXITCODE -ne 0) { Fail "lrelease failed for $($ts.Name)" }
            Say "built $([System.IO.Path]::GetFileName($qm))"
        }
    }
}

Ensure-Venv
Install-PythonPackages
Build-Translations
if (-not (Test-Path (Join-Path $Repo 'resources\fonts\wqy-microhei.ttc'))) {
    Say 'WARNING: resources\fonts\wqy-microhei.ttc is missing; Chinese text may show as boxes'
}
exit 0
