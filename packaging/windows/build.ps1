<#
.SYNOPSIS
  Build the Windows application (one folder, PyInstaller) and its per-user installer
  (Inno Setup) on a Windows 10/11 machine. Not run by the project's CI: see docs/WINDOWS.md.

.DESCRIPTION
  1. a fresh virtual environment in build\windows\venv with the program installed from the
     source tree (pip install ., as a user would) and PyInstaller 6.22.3;
  2. the icon packaging\windows\giaoban.ico drawn from resources\icons\app.svg;
  3. PyInstaller with packaging\giaoban.spec, run outside the source tree so that the
     installed copy is frozen: build\windows\dist\GiaoBan\ (GiaoBan.exe, giaoban-cli.exe);
  4. the bundle's smoke run (every module, file, Qt plugin and dialog), offscreen;
  5. Inno Setup: build\windows\GiaoBan-<version>-setup.exe.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 -Python "C:\Python311\python.exe" -NoInstaller
#>
param(
    [string]$Python = "py",            # a Python 3.11+ launcher or python.exe (64-bit)
    [string]$PythonVersion = "-3.11",  # passed to the py launcher; ignored for python.exe
    [string]$Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed ($LASTEXITCODE)" }
}

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Work = Join-Path $Root "build\windows"
if (Test-Path $Work) { Remove-Item -Recurse -Force $Work }
New-Item -ItemType Directory -Path $Work | Out-Null
$Started = Get-Date

# 1. The program installed as a user installs it, plus PyInstaller.
$VenvArgs = @("-m", "venv", (Join-Path $Work "venv"))
if ((Split-Path $Python -Leaf) -eq "py" -or (Split-Path $Python -Leaf) -eq "py.exe") {
    $VenvArgs = @($PythonVersion) + $VenvArgs
}
Invoke-Checked $Python $VenvArgs
$Py = Join-Path $Work "venv\Scripts\python.exe"
Invoke-Checked $Py @("-m", "pip", "install", "--disable-pip-version-check", $Root, "pyinstaller==6.22.3")
$Version = (& $Py -c "import tracker; print(tracker.__version__)").Trim()
Write-Host "Giao ban $Version"

# 2. The icon, from the SVG the window uses.
Invoke-Checked $Py @((Join-Path $Root "packaging\make_icon.py"), (Join-Path $Root "packaging\windows\giaoban.ico"))

# 3. The bundle, frozen from the installed copy (the current folder is not the source tree).
Push-Location $Work
try {
    Invoke-Checked $Py @("-m", "PyInstaller", "--noconfirm", "--clean",
        "--distpath", (Join-Path $Work "dist"), "--workpath", (Join-Path $Work "pyinstaller"),
        (Join-Path $Root "packaging\giaoban.spec"))
} finally { Pop-Location }
$Bundle = Join-Path $Work "dist\GiaoBan"

# 4. Smoke run of the bundle, offscreen, on a temporary database.
$env:QT_QPA_PLATFORM = "offscreen"
try {
    Push-Location $env:TEMP
    Invoke-Checked (Join-Path $Bundle "giaoban-cli.exe") @("--smoke")
} finally {
    Pop-Location
    Remove-Item Env:QT_QPA_PLATFORM
}
$SizeMB = [math]::Round(((Get-ChildItem -Recurse -File $Bundle | Measure-Object Length -Sum).Sum) / 1MB)
Write-Host "Bundle: $Bundle ($SizeMB MiB), built in $([math]::Round(((Get-Date) - $Started).TotalSeconds)) s"

# 5. The per-user installer.
if (-not $NoInstaller) {
    if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 not found at $Iscc (install it, or pass -Iscc)" }
    Invoke-Checked $Iscc @("/DAppVersion=$Version", "/DSourceDir=$Bundle",
        "/DIconFile=$(Join-Path $Root 'packaging\windows\giaoban.ico')", "/O$Work",
        (Join-Path $Root "packaging\windows\giaoban.iss"))
    Write-Host "Installer: $(Join-Path $Work "GiaoBan-$Version-setup.exe")"
}
