"""What goes into the PyInstaller bundle: names, hidden imports, exclusions, data, hooks, icons and the macOS plist."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

INSTALLER_DIR = Path(__file__).resolve().parent
REPO = INSTALLER_DIR.parent

APP_NAME = "Critical Minerals Workbench"
EXE_NAME = "workbench"
BUNDLE_NAME = "workbench"
BUNDLE_ID = "org.criticalmineralsworkbench.workbench"
SCENARIO_EXTENSION = "cmws"
SCENARIO_MIME = "application/x-cmw-scenario+json"
SCENARIO_UTI = "org.criticalmineralsworkbench.scenario"

ENTRY_SCRIPT = INSTALLER_DIR / "workbench_main.py"
HOOKS_DIR = INSTALLER_DIR / "hooks"
ICON_DIR = REPO / "resources" / "icons"
ICONS = {"win32": ICON_DIR / "app.ico", "darwin": ICON_DIR / "app.icns"}

# The modules below are only reached through strings (importlib.resources, the lazy --smoke-test import).
HIDDEN_IMPORTS = ["workbench.resources", "workbench.ui.smoke"]

# Only the QtAgg backend of matplotlib (PyInstaller's matplotlib hook reads this).
HOOKS_CONFIG = {"matplotlib": {"backends": ["QtAgg"]}}

# Qt modules matplotlib's QtAgg backend imports (matplotlib.backends.qt_compat), whatever the workbench imports.
QT_MODULES_FOR_MATPLOTLIB = {"QtCore", "QtGui", "QtWidgets", "QtSvg"}

# Every PySide6 module of the PySide6-Essentials wheel; the spec excludes those the workbench does not import.
PYSIDE6_MODULES = (
    "QtConcurrent", "QtCore", "QtDBus", "QtDesigner", "QtGui", "QtHelp", "QtLabsStyleKit", "QtNetwork", "QtOpenGL",
    "QtOpenGLWidgets", "QtPrintSupport", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuickControls2", "QtQuickTest",
    "QtQuickWidgets", "QtSql", "QtSvg", "QtSvgWidgets", "QtTest", "QtUiTools", "QtWidgets", "QtXml",
)

# Other Qt bindings, Tk, and development-only packages that must never be bundled.
ALWAYS_EXCLUDED = [
    "PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib",
    "IPython", "matplotlib_inline", "ipykernel", "jupyter_client",
    "pytest", "_pytest", "pytestqt", "hypothesis", "PyInstaller",
    # optional extras pandas and matplotlib import when present in the build environment
    "botocore", "boto3", "s3fs", "fsspec", "gcsfs", "pyarrow", "sqlalchemy", "tables", "numba", "xarray", "jinja2",
    "yaml", "lxml", "bs4", "html5lib", "xlrd", "odf", "pyxlsb", "python_calamine", "zstandard",
    # interactive-only parts of the standard library
    "readline", "sqlite3", "pydoc_data",
    "matplotlib.tests", "numpy.tests", "pandas.tests",
    # not a runtime dependency (the engine solves with numpy); pandas would pull it in where the build has it
    "scipy",
]

# Qt shared libraries and plugins the QtAgg window never loads (matched against bundle paths). The GTK3 platform
# theme is dropped too: with it the bundle would carry its own cairo/pango next to the desktop's GTK; Qt then
# uses its portal or built-in theme. VNC and TUIO plugins are what pulled in QtNetwork.
UNUSED_QT_FILES = re.compile(
    r"(libQt6|Qt6)(Qml|Quick|Pdf|Designer|Help|Sql|Test|UiTools|Labs|Lottie|VirtualKeyboard|WaylandCompositor|Network)"
    r"|plugins[/\\](qmltooling|designer|sqldrivers|tls|networkinformation|vectorimageformats"
    r"|wayland-graphics-integration-server)[/\\]"
    r"|imageformats[/\\][^/\\]*q(pdf|webp|tiff|icns|tga|wbmp)"
    r"|platformthemes[/\\]libqgtk3|platforms[/\\]libqvnc|generic[/\\]libqtuiotouchplugin"
)

# Linux system libraries that only the dropped plugins need (GTK/cairo/pango stack, Kerberos for QtNetwork);
# installer/bundle_test.sh checks with ldd that nothing left in the bundle needs them.
UNUSED_SYSTEM_LIBS = re.compile(
    r"(^|[/\\])lib(gtk-3|gdk-3|atk-1\.0|atk-bridge-2\.0|cairo|cairo-gobject|gdk_pixbuf-2\.0|pango-1\.0|pangocairo-1\.0"
    r"|pangoft2-1\.0|harfbuzz|graphite2|thai|datrie|fribidi|pixman-1|epoxy|gio-2\.0|gobject-2\.0|gmodule-2\.0"
    r"|mount|blkid|selinux|gssapi_krb5|krb5|krb5support|k5crypto|com_err|keyutils)\.so"
)


def version() -> str:
    """The workbench version, read from workbench/__init__.py without importing the package."""
    tree = ast.parse((REPO / "workbench" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__version__" for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError("workbench/__init__.py has no __version__")


def qt_modules_used() -> set[str]:
    """The PySide6 modules imported anywhere in the workbench package, plus those the QtAgg backend needs."""
    pattern = re.compile(r"\bPySide6\.(Qt\w+)")
    used = set(QT_MODULES_FOR_MATPLOTLIB)
    for source in (REPO / "workbench").rglob("*.py"):
        used.update(pattern.findall(source.read_text(encoding="utf-8")))
    return used


def excludes() -> list[str]:
    """Modules kept out of the bundle: the unused PySide6 modules and everything in ALWAYS_EXCLUDED."""
    used = qt_modules_used()
    return ALWAYS_EXCLUDED + [f"PySide6.{name}" for name in PYSIDE6_MODULES if name not in used]


def installed_package() -> Path:
    """The folder of the ``workbench`` package the build uses; SystemExit when it is an editable (-e) install."""
    spec = importlib.util.find_spec("workbench")
    if spec is None or spec.origin is None:
        raise SystemExit("workbench is not installed in this environment: pip install '.[installer]'")
    folder = Path(spec.origin).resolve().parent
    if folder == REPO / "workbench":
        raise SystemExit("PyInstaller cannot follow an editable install: build from pip install '.[installer]'"
                         " (installer/build_linux.sh makes such an environment)")
    return folder


def resources_folder() -> Path:
    """The shipped resources of the installed package (``workbench.resources``, i.e. the repository's resources/)."""
    spec = importlib.util.find_spec("workbench.resources")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("the package workbench.resources is not installed")
    return Path(next(iter(spec.submodule_search_locations))).resolve()


def datas() -> list[tuple[str, str]]:
    """The shipped resources (scenarios, dataset, templates, icons) at their installed place, workbench/resources."""
    source = resources_folder()
    pairs = []
    for path in sorted(source.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            pairs.append((str(path), str(Path("workbench", "resources", path.relative_to(source).parent))))
    return pairs


def keep(entry: tuple) -> bool:
    """False for a collected file the bundle does not need (UNUSED_QT_FILES, UNUSED_SYSTEM_LIBS)."""
    names = (str(entry[0]), str(entry[1]))
    return not any(pattern.search(name) for pattern in (UNUSED_QT_FILES, UNUSED_SYSTEM_LIBS) for name in names)


def icon(platform: str) -> str | None:
    """The executable's icon for ``platform`` (sys.platform); Linux uses the .desktop file's icon instead."""
    path = ICONS.get(platform)
    return str(path) if path else None


def info_plist() -> dict:
    """The macOS Info.plist entries: version, high-DPI, and the .cmws document type the app owns."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": version(),
        "CFBundleVersion": version(),
        "NSHighResolutionCapable": True,
        "LSMinimumSystemVersion": "11.0",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Negotiation scenario",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [SCENARIO_UTI],
                "CFBundleTypeIconFile": "app.icns",
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": SCENARIO_UTI,
                "UTTypeDescription": "Negotiation scenario",
                "UTTypeConformsTo": ["public.json"],
                "UTTypeIconFile": "app.icns",
                "UTTypeTagSpecification": {
                    "public.filename-extension": [SCENARIO_EXTENSION],
                    "public.mime-type": [SCENARIO_MIME],
                },
            }
        ],
    }
