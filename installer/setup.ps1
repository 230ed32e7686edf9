# Station Desk: bring this checkout to a runnable state on Windows 10/11.
#
#   powershell -ExecutionPolicy Bypass -File installer\setup.ps1          # what the app needs
#   powershell -ExecutionPolicy Bypass -File installer\setup.ps1 -Test    # plus the test group (pytest, mypy, ruff ...)
#
# Idempotent: pip runs only when pyproject.toml changed since the last successful
# install (or -Test wants the test group and it is missing); translations are rebuilt
# only when a .ts file is newer than its .qm.
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

# pip installs with --no-compile: by default it byte-compiles every module of every package
# (48 MB of .pyc with [hq]). Python writes the .pyc of a module the first time it is imported,
# as it already does for the app's own modules (an editable install is never compiled), so what
# the station and HQ run is compiled once, on the first start after an install.
function Install-PythonPackages {
    $version = & $VenvPython -V | Out-String
    [byte[]]$bytes = [System.IO.File]::ReadAllBytes((Join-Path $Repo 'pyproject.toml')) + [System.Text.Encoding]::UTF8.GetBytes($version)
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $hash = ([System.BitConverter]::ToString($sha.ComputeHash($bytes))).Replace('-', '').ToLower()
    $scripts = Join-Path $Venv 'Scripts'
    # The stamp is '<hash> app' or '<hash> test'; a test install also serves the app.
    $stamp = ''
    if (Test-Path $Stamp) { $stamp = (Get-Content $Stamp -Raw).Trim() }
    $done = ($stamp -eq "$hash test") -or ((-not $Test) -and ($stamp -eq "$hash app"))
    if ($done -and (Test-Path (Join-Path $scripts 'station-desk.exe')) -and (Test-Path (Join-Path $scripts 'station-desk-hq.exe'))) {
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
        & $VenvPython -m pip install -q --no-compile --upgrade 'pip>=25.1'
        if ($LASTEXITCODE -ne 0) { Fail 'could not upgrade pip (is PyPI reachable?)' }
    }
    Push-Location $Repo
    try {
        if ($Test) {
            Say 'installing Python packages (editable, with [hq] and the test group)'
            & $VenvPython -m pip install -q --no-compile -e '.[hq]' --group test
        } else {
            Say 'installing Python packages (editable, with [hq])'
            & $VenvPython -m pip install -q --no-compile -e '.[hq]'
        }
        if ($LASTEXITCODE -ne 0) { Fail 'pip install failed' }
    } finally { Pop-Location }
    Remove-QtAddons
    $mode = 'app'
    if ($Test) { $mode = 'test' }
    Set-Content -Path $Stamp -Value "$hash $mode" -Encoding ascii
}

function Remove-QtAddons {
    # Earlier versions installed PySide6-Addons (QtWebEngine, Qt3D, QtMultimedia ...: ~440 MB) for
    # QtCharts and QtPdf, which the app no longer uses; pip leaves a package that is no longer
    # required in place. The two wheels share files (PySide6\__init__.py, the .pyi stubs), so
    # Essentials is reinstalled, same version, from pip's cache after Addons is uninstalled.
    # (exit code only: stderr of a native command would stop this script under 'Stop')
    & $VenvPython -c 'import sys; from importlib.metadata import distributions as d; sys.exit(0 if any((x.metadata[''Name''] or '''').lower() == ''pyside6-addons'' for x in d()) else 1)'
    if ($LASTEXITCODE -ne 0) { return }
    $version = (& $VenvPython -c 'from importlib.metadata import version; print(version(''PySide6-Essentials''))' | Out-String).Trim()
    Say 'removing PySide6-Addons (no longer used; frees about 440 MB)'
    & $VenvPython -m pip uninstall -q -y PySide6-Addons PySide6
    if ($LASTEXITCODE -ne 0) { Fail 'pip uninstall PySide6-Addons failed' }
    & $VenvPython -m pip install -q --force-reinstall --no-deps --no-compile "PySide6-Essentials==$version"
    if ($LASTEXITCODE -ne 0) { Fail "reinstalling PySide6-Essentials $version failed; run: .venv\Scripts\pip install --force-reinstall --no-deps PySide6-Essentials==$version" }
}

function Remove-BuildTools {
    # A Python 3.11 venv is seeded with setuptools (9 MB with pkg_resources and _distutils_hack;
    # 3.12+ no longer seeds it). Nothing imports it at run time, and pip builds the editable
    # install in an isolated build environment with its own setuptools>=69 (pyproject.toml).
    # Checked on every run (a folder test, no pip call unless it is there).
    $found = Get-ChildItem -Path (Join-Path $Venv 'Lib\site-packages') -Filter 'setuptools-*.dist-info' -Directory -ErrorAction SilentlyContinue
    if (-not $found) { return }
    Say "removing the venv's setuptools (unused at run time; builds get their own)"
    & $VenvPython -m pip uninstall -q -y setuptools
    if ($LASTEXITCODE -ne 0) { Say 'WARNING: pip uninstall setuptools failed; harmless, it only takes 9 MB' }
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
Remove-BuildTools
Build-Translations
if (-not (Test-Path (Join-Path $Repo 'resources\fonts\wqy-microhei.ttc'))) {
    Say 'WARNING: resources\fonts\wqy-microhei.ttc is missing; Chinese text may show as boxes'
}
exit 0
