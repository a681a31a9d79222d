# Builds the Windows bundle (dist\workbench\workbench.exe), smoke-tests it, and compiles the setup .exe with Inno Setup.
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build_windows.ps1
# Needs: Python 3.11+ (64-bit, from python.org) as `py -3.11` or $env:PYTHON, and Inno Setup 6.3+ (ISCC.exe; set
# $env:ISCC if it is not in the default folder). Output: dist\critical-minerals-workbench-<version>-setup.exe.
$ErrorActionPreference = "Stop"
$Repo = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Repo

# A clean virtual environment with the project and PyInstaller.
$Venv = Join-Path $Repo "build\venv-windows"
if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
if ($env:PYTHON) { & $env:PYTHON -m venv $Venv } else { & py -3.11 -m venv $Venv }
if ($LASTEXITCODE -ne 0) { throw "could not create the virtual environment" }
$Python = Join-Path $Venv "Scripts\python.exe"
& $Python -m pip install --quiet ".[installer]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

$Version = & $Python -c "import sys; sys.path.insert(0, 'installer'); import bundle_config; print(bundle_config.version())"
$Started = Get-Date
& $Python -P -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller installer\workbench.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
Write-Host ("bundle built in {0:N0} s" -f ((Get-Date) - $Started).TotalSeconds)

# The bundle has no console: the smoke test reports through its exit status.
$env:QT_QPA_PLATFORM = "offscreen"
$Smoke = Start-Process -FilePath "dist\workbench\workbench.exe" -ArgumentList "--smoke-test" -Wait -PassThru
Remove-Item Env:QT_QPA_PLATFORM
if ($Smoke.ExitCode -ne 0) { throw "bundle smoke test failed with status $($Smoke.ExitCode)" }
Write-Host "bundle smoke test passed"

$Iscc = if ($env:ISCC) { $env:ISCC } else { Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" "installer\windows\workbench.iss"
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "installer: $Repo\dist\critical-minerals-workbench-$Version-setup.exe"
