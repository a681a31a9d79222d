"""Invariants of the installers: the PyInstaller spec and its run-time hook, Linux desktop files, Inno Setup, icons."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import plistlib
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parent.parent
INSTALLER = REPO / "installer"
sys.path.insert(0, str(INSTALLER))
import bundle_config as cfg  # noqa: E402 - importable once installer/ is on sys.path
import make_icon  # noqa: E402 - importable once installer/ is on sys.path

APP_ID = "org.criticalmineralsworkbench.workbench"
DESKTOP = INSTALLER / "linux" / f"{APP_ID}.desktop"
MIME_XML = INSTALLER / "linux" / f"{APP_ID}.xml"
ISS = INSTALLER / "windows" / "workbench.iss"
HOOK = INSTALLER / "hooks" / "rthooks" / "pyi_rth_workbench_mplconfig.py"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def spec_calls() -> dict[str, dict[str, ast.expr]]:
    """The keyword arguments of each PyInstaller call (Analysis, EXE, COLLECT, BUNDLE, ...) in the spec, by name."""
    tree = ast.parse((INSTALLER / "workbench.spec").read_text(encoding="utf-8"))
    return {
        node.func.id: {kw.arg: kw.value for kw in node.keywords}
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        and node.func.id in {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"}
    }


# --- the PyInstaller spec -------------------------------------------------------------------------------------------

def test_spec_takes_its_lists_from_bundle_config():
    analysis = spec_calls()["Analysis"]
    assert ast.unparse(analysis["hiddenimports"]) == "cfg.HIDDEN_IMPORTS"
    assert ast.unparse(analysis["excludes"]) == "cfg.excludes()"
    assert ast.unparse(analysis["datas"]) == "cfg.datas()"
    assert ast.unparse(analysis["hooksconfig"]) == "cfg.HOOKS_CONFIG"
    assert "cfg.HOOKS_DIR" in ast.unparse(analysis["hookspath"])


def test_spec_builds_one_folder_windowed_bundle_with_icon():
    calls = spec_calls()
    exe, collect = calls["EXE"], calls["COLLECT"]
    assert ast.literal_eval(exe["exclude_binaries"]) is True  # binaries go to COLLECT: a one-folder bundle
    assert ast.literal_eval(exe["console"]) is False  # no console window on Windows
    assert ast.unparse(exe["icon"]) == "cfg.icon(sys.platform)"
    assert ast.unparse(collect["name"]) == "cfg.BUNDLE_NAME"
    assert ast.unparse(calls["BUNDLE"]["info_plist"]) == "cfg.info_plist()"
    for platform in ("win32", "darwin"):
        assert Path(cfg.icon(platform)).is_file()


def test_hidden_imports_exist():
    for module in cfg.HIDDEN_IMPORTS:
        assert importlib.util.find_spec(module) is not None, module


def test_only_the_qtagg_backend_is_collected():
    assert cfg.HOOKS_CONFIG == {"matplotlib": {"backends": ["QtAgg"]}}


def test_other_qt_bindings_and_tk_are_excluded():
    excluded = set(cfg.excludes())
    assert {"PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter"} <= excluded


def test_qt_modules_the_workbench_imports_are_kept_and_the_rest_excluded():
    excluded = set(cfg.excludes())
    used = cfg.qt_modules_used()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    for name in cfg.PYSIDE6_MODULES:
        assert (f"PySide6.{name}" in excluded) is (name not in used), name
    assert "PySide6.QtQuick" in excluded or "QtQuick" in used


def test_pyside6_module_list_covers_the_installed_pyside6():
    folder = Path(importlib.util.find_spec("PySide6").submodule_search_locations[0])
    installed = {p.name.split(".")[0] for p in folder.iterdir()
                 if p.name.startswith("Qt") and p.suffix in {".so", ".pyd"}}
    assert installed <= set(cfg.PYSIDE6_MODULES), installed - set(cfg.PYSIDE6_MODULES)


def test_datas_ship_every_resource_at_its_installed_place():
    shipped = {(Path(src).resolve(), Path(dest)) for src, dest in cfg.datas()}
    resources = REPO / "resources"
    files = [p for p in resources.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert {p.relative_to(resources).as_posix() for p in files} >= {"scenarios/default.cmws", "icons/app.svg"}
    for path in files:
        assert (path.resolve(), Path("workbench", "resources", path.relative_to(resources).parent)) in shipped, path


def test_dataset_is_in_the_bundle_data():
    dataset = REPO / "resources" / "data"
    if not dataset.is_dir():
        pytest.fail("resources/data (the embedded dataset) is missing")
    sources = {Path(src).resolve() for src, _ in cfg.datas()}
    assert all(p.resolve() in sources for p in dataset.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6\\Qt6Quick.dll", False),
        ("PySide6\\plugins\\sqldrivers\\qsqlite.dll", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("libcairo.so.2", False),
        ("libpango-1.0.so.0", False),
        ("libgio-2.0.so.0", False),
        ("libkrb5.so.3", False),
        ("libglib-2.0.so.0", True),
        ("libfontconfig.so.1", True),
        ("libxcb-cursor.so.0", True),
        ("numpy.libs/libscipy_openblas64_-32a4b2a6.so", True),
    ],
)
def test_unused_files_are_dropped(path, kept):
    assert cfg.keep((path, "/site-packages/" + path, "BINARY")) is kept


def test_no_qt_library_is_dropped_whose_module_the_workbench_imports():
    dropped = re.search(r"\(libQt6\|Qt6\)\(([^)]*)\)", cfg.UNUSED_QT_FILES.pattern).group(1).split("|")
    assert "Network" in dropped
    assert not {f"Qt{name}" for name in dropped} & cfg.qt_modules_used()


def test_macos_plist_owns_the_scenario_type():
    plist = cfg.info_plist()
    plistlib.loads(plistlib.dumps(plist))  # serialisable as a real Info.plist
    doc_type = plist["CFBundleDocumentTypes"][0]
    declared = plist["UTExportedTypeDeclarations"][0]
    assert doc_type["LSItemContentTypes"] == [declared["UTTypeIdentifier"]]
    assert declared["UTTypeTagSpecification"]["public.filename-extension"] == ["cmws"]
    assert declared["UTTypeTagSpecification"]["public.mime-type"] == ["application/x-cmw-scenario+json"]
    assert plist["CFBundleShortVersionString"] == cfg.version()


def test_version_matches_the_package():
    import workbench

    assert cfg.version() == workbench.__version__


# --- the matplotlib run-time hook -----------------------------------------------------------------------------------

def test_runtime_hook_replaces_pyinstallers_matplotlib_hook():
    rthooks = ast.literal_eval((INSTALLER / "hooks" / "rthooks.dat").read_text(encoding="utf-8"))
    assert rthooks == {"matplotlib": [HOOK.name]}
    assert HOOK.is_file()


def run_hook(env: dict[str, str], platform: str | None = None) -> str:
    """Run the run-time hook in a fresh interpreter with ``env``; returns the MPLCONFIGDIR it leaves."""
    fake = f"sys.platform = {platform!r}; " if platform else ""
    code = f"import os, runpy, sys; {fake}runpy.run_path({str(HOOK)!r}); print(os.environ['MPLCONFIGDIR'])"
    base = {k: v for k, v in os.environ.items() if k not in {"MPLCONFIGDIR", "XDG_DATA_HOME", "LOCALAPPDATA"}}
    done = subprocess.run([sys.executable, "-c", code], env={**base, **env}, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_runtime_hook_uses_a_persistent_app_data_folder_on_linux(tmp_path):
    expected = tmp_path / ".local" / "share" / "CriticalMineralsWorkbench" / "Workbench" / "matplotlib"
    first = run_hook({"HOME": str(tmp_path)}, "linux")
    second = run_hook({"HOME": str(tmp_path)}, "linux")
    assert first == second == str(expected)
    assert expected.is_dir()  # still there after the process ended: not a temp folder


def test_runtime_hook_follows_xdg_data_home(tmp_path):
    assert run_hook({"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}, "linux") == str(
        tmp_path / "data" / "CriticalMineralsWorkbench" / "Workbench" / "matplotlib"
    )


def test_runtime_hook_uses_local_app_data_on_windows(tmp_path):
    assert run_hook({"HOME": str(tmp_path), "LOCALAPPDATA": str(tmp_path / "Local")}, "win32") == os.path.join(
        tmp_path / "Local", "CriticalMineralsWorkbench", "Workbench", "matplotlib"
    )


def test_runtime_hook_uses_application_support_on_macos(tmp_path):
    assert run_hook({"HOME": str(tmp_path)}, "darwin") == str(
        tmp_path / "Library" / "Application Support" / "CriticalMineralsWorkbench" / "Workbench" / "matplotlib"
    )


def test_runtime_hook_keeps_the_users_own_choice(tmp_path):
    assert run_hook({"HOME": str(tmp_path), "MPLCONFIGDIR": str(tmp_path / "mine")}) == str(tmp_path / "mine")


def test_runtime_hook_falls_back_to_a_removed_temp_folder_when_home_is_unusable(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    folder = run_hook({"HOME": str(blocker / "home")}, "linux")
    assert "workbench-matplotlib-" in folder
    assert not Path(folder).exists()  # removed at exit


def test_runtime_hook_folder_matches_the_qt_settings_names():
    tree = ast.parse((REPO / "workbench" / "ui" / "settings.py").read_text(encoding="utf-8"))
    names = {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
        and node.targets[0].id in {"ORGANIZATION", "APPLICATION"}
    }
    hook = HOOK.read_text(encoding="utf-8")
    assert f'"{names["ORGANIZATION"]}", "{names["APPLICATION"]}", "matplotlib"' in hook


# --- Linux: .desktop, MIME type, tarball layout and install.sh ------------------------------------------------------

def read_desktop(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_is_valid_and_opens_scenarios():
    entry = read_desktop(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] and entry["Comment"]
    assert re.fullmatch(r"workbench %[fF]", entry["Exec"])
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["MimeType"].endswith(";") and cfg.SCENARIO_MIME in entry["MimeType"].split(";")
    assert entry["Categories"].endswith(";")


def test_desktop_entry_passes_desktop_file_validate():
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate (Debian package desktop-file-utils) is not installed")
    done = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


def test_mime_xml_declares_the_scenario_type():
    root = ET.parse(MIME_XML).getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == cfg.SCENARIO_MIME
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == [f"*.{cfg.SCENARIO_EXTENSION}"]
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    assert mime.find(f"{MIME_NS}comment").text


def test_mime_database_recognises_cmws_files(tmp_path):
    tool = shutil.which("update-mime-database")
    if tool is None:
        pytest.skip("update-mime-database (Debian package shared-mime-info) is not installed")
    (tmp_path / "mime" / "packages").mkdir(parents=True)
    shutil.copy(MIME_XML, tmp_path / "mime" / "packages")
    subprocess.run([tool, str(tmp_path / "mime")], check=True, capture_output=True)
    assert f"{cfg.SCENARIO_MIME}:*.cmws" in (tmp_path / "mime" / "globs2").read_text()


def fake_tarball(tmp_path: Path) -> Path:
    """A staged tarball folder (installer/linux/stage.sh) around a stand-in bundle executable."""
    bundle = tmp_path / "dist" / "workbench"
    bundle.mkdir(parents=True)
    (bundle / "workbench").write_text("#!/bin/sh\necho bundle-ran \"$@\"\n")
    (bundle / "workbench").chmod(0o755)
    (bundle / "_internal").mkdir()
    (bundle / "_internal" / "lib.so").write_bytes(b"\0")
    stage = tmp_path / "critical-minerals-workbench-test"
    subprocess.run(["sh", str(INSTALLER / "linux" / "stage.sh"), str(bundle), str(stage)], check=True)
    return stage


def test_tarball_layout_and_user_install_and_uninstall(tmp_path):
    stage = fake_tarball(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": ""}
    subprocess.run([str(stage / "install.sh")], env=env, check=True, capture_output=True)
    share = home / ".local" / "share"
    app_dir = share / "critical-minerals-workbench"
    assert (app_dir / "_internal" / "lib.so").is_file()
    launcher = home / ".local" / "bin" / "workbench"
    ran = subprocess.run([str(launcher), "x.cmws"], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "bundle-ran x.cmws"
    entry = read_desktop(share / "applications" / f"{APP_ID}.desktop")
    assert entry["Exec"] == f'"{app_dir / "workbench"}" %f'
    assert (share / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    if shutil.which("update-mime-database"):
        assert "*.cmws" in (share / "mime" / "globs2").read_text()

    subprocess.run([str(stage / "install.sh"), "--uninstall"], env=env, check=True, capture_output=True)
    assert not app_dir.exists() and not launcher.exists()
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()
    if shutil.which("update-mime-database"):
        assert "*.cmws" not in (share / "mime" / "globs2").read_text()


def test_install_refuses_a_folder_without_the_bundle(tmp_path):
    stage = fake_tarball(tmp_path)
    shutil.rmtree(stage / "workbench")
    done = subprocess.run([str(stage / "install.sh")], env={**os.environ, "HOME": str(tmp_path)}, capture_output=True,
                          text=True)
    assert done.returncode == 1 and "missing" in done.stderr


# --- Windows: the Inno Setup script -----------------------------------------------------------------------------------

def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = "#preprocessor"
    for line in ISS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line)
    return sections


def iss_entries(lines: list[str]) -> list[dict[str, str]]:
    """Inno Setup entries ('Name: "x"; Flags: y') as dicts; doubled quotes inside values are kept doubled."""
    pattern = re.compile(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)')
    return [{k: v.strip()[1:-1] if v.startswith('"') else v.strip() for k, v in pattern.findall(line)}
            for line in lines]


def test_iss_installs_the_bundle_with_a_start_menu_entry():
    sections = iss_sections()
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', "\n".join(sections["#preprocessor"])))
    assert defines["AppExe"] == f"{cfg.EXE_NAME}.exe"
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["ChangesAssociations"] == "yes"
    assert setup["SetupIconFile"].replace("\\", "/") == "../../resources/icons/app.ico"
    assert (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).is_file()
    (files,) = iss_entries(sections["Files"])
    assert files["Source"].replace("\\", "/") == f"../../dist/{cfg.BUNDLE_NAME}/*"
    assert "recursesubdirs" in files["Flags"]
    icons = iss_entries(sections["Icons"])
    assert any(i["Name"].startswith("{group}\\") and i["Filename"] == "{app}\\{#AppExe}" for i in icons)


def test_iss_declares_the_cmws_association():
    registry = iss_entries(iss_sections()["Registry"])
    prog_id = "{#ProgId}"
    assert {"Subkey": "Software\\Classes\\.cmws", "ValueData": prog_id}.items() <= next(
        r for r in registry if r["Subkey"] == "Software\\Classes\\.cmws" and r["ValueName"] == ""
    ).items()
    content_type = next(r for r in registry if r["ValueName"] == "Content Type")
    assert content_type["ValueData"] == cfg.SCENARIO_MIME
    command = next(r for r in registry if r["Subkey"].endswith("shell\\open\\command"))
    assert command["Subkey"] == f"Software\\Classes\\{prog_id}\\shell\\open\\command"
    assert command["ValueData"] == '""{app}\\{#AppExe}"" ""%1""'
    assert all(r["Root"] == "HKA" for r in registry)


# --- icons and packaging metadata -------------------------------------------------------------------------------------

def test_icons_have_the_sizes_each_platform_needs():
    icons = REPO / "resources" / "icons"
    with Image.open(icons / "app.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= ico.info["sizes"]
    with Image.open(icons / "app.png") as png:
        assert png.size == (256, 256) and png.mode == "RGBA"
    with Image.open(icons / "app.icns") as icns:
        assert icns.size == (1024, 1024)
    assert ET.parse(icons / "app.svg").getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_committed_svg_is_what_make_icon_draws():
    assert (REPO / "resources" / "icons" / "app.svg").read_text(encoding="utf-8") == make_icon.svg()


def test_pyproject_ships_every_package_and_the_entry_points():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(project["tool"]["setuptools"]["packages"])
    folders = {p.parent for p in (REPO / "workbench").rglob("*.py") if "__pycache__" not in p.parts}
    assert not [f for f in folders if not (f / "__init__.py").is_file()], "every folder of modules is a package"
    packages = {".".join(f.relative_to(REPO).parts) for f in folders}
    assert packages <= listed, f"missing from [tool.setuptools] packages: {sorted(packages - listed)}"
    assert project["tool"]["setuptools"]["package-dir"]["workbench.resources"] == "resources"
    # resource folders are data-only packages: unlisted, setuptools still ships them but warns on every install
    resource_folders = {".".join(("workbench", *p.relative_to(REPO).parts)) for p in (REPO / "resources").rglob("*")
                        if p.is_dir() and "__pycache__" not in p.parts}
    assert resource_folders <= listed, f"missing from [tool.setuptools] packages: {sorted(resource_folders - listed)}"
    assert project["project"]["gui-scripts"]["workbench"] == "workbench.ui.app:main"
    assert any(req.startswith("pyinstaller") for req in project["project"]["optional-dependencies"]["installer"])



def test_bundle_check_finds_a_library_in_the_bundle_that_needs_a_pruned_one(tmp_path, capsys):
    import check_bundle_libs

    libmount, libz = Path("/usr/lib/x86_64-linux-gnu/libmount.so.1"), Path("/lib/x86_64-linux-gnu/libz.so.1")
    if not (shutil.which("readelf") and libmount.is_file() and libz.is_file()):
        pytest.skip("needs readelf (binutils) and Debian's x86-64 libmount and zlib (another platform)")
    (tmp_path / "_internal").mkdir()
    shutil.copy(libz, tmp_path / "_internal" / "libz.so.1")
    assert check_bundle_libs.main(tmp_path) == 0
    shutil.copy(libmount, tmp_path / "_internal" / "libmount.so.1")  # needs libblkid and libselinux, both pruned
    assert check_bundle_libs.main(tmp_path) == 1
    err = capsys.readouterr().err
    assert "pruned but needed: libblkid.so.1 (by _internal/libmount.so.1)" in err
