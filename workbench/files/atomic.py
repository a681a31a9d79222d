"""Atomic file replacement: write a temp file, fsync, keep a backup of the old file, rename into place."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from workbench.files.errors import SaveError

BACKUP_SUFFIX = ".bak"
#: A temporary file of a save that died is removed by the next save of the same file once its process is gone, or
#: (no process id in its name, or another machine's) once it is this old, in seconds.
STALE_AFTER_S = 60.0


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def atomic_write_bytes(path: Path, data: bytes, *, keep_backup: bool = True, create_folder: bool = False,
                       mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` so that a crash at any point leaves either the old or the new file whole.

    ``create_folder`` makes the missing parent folders first (for the app-data folder); SaveError on any failure.
    The file keeps the permissions of the file it replaces (a new file gets the usual ones under the umask), unless
    ``mode`` is given (e.g. ``0o600`` for a private key: the temporary file never has wider permissions).
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if create_folder:
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(f"cannot save {path}: cannot make folder {directory} ({exc.strerror or exc})") from None
    if not directory.is_dir():
        raise SaveError(f"cannot save {path}: folder {directory} does not exist")
    remove_stale_temps(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=".tmp", dir=directory)
    except OSError as exc:
        raise SaveError(f"cannot save {path}: cannot write in folder {directory} ({exc.strerror or exc})") from None
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, mode if mode is not None else _inherited_mode(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if keep_backup and path.exists():
            _copy_backup(path)
        os.replace(tmp, path)
        _fsync_dir(directory)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise SaveError(f"could not save {path}: {exc.strerror or exc}; the previous file is unchanged") from exc
        raise


def _temp_prefix(name: str) -> str:
    """Temporary files are hidden, named after the file and the saving process: ``.<name>.<pid>-<random>.tmp``."""
    return f".{name}.{os.getpid()}-"


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove the temporary files that interrupted saves of ``path`` (or of its backup) left beside it: those whose
    process has ended, and any older than ``STALE_AFTER_S`` without a process id; returns what was removed.
    A save under way in another live process is left alone."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(?:{re.escape(BACKUP_SUFFIX[1:])}\.)?(?:(\d+)-)?[^/]*\.tmp")
    removed = []
    try:
        candidates = [p for p in path.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return removed
    for tmp in candidates:
        pid = pattern.fullmatch(tmp.name).group(1)
        try:
            age = time.time() - tmp.lstat().st_mtime
            if (pid is not None and int(pid) != os.getpid() and not _alive(int(pid))) or age > STALE_AFTER_S:
                tmp.unlink()
                removed.append(tmp)
        except OSError:  # gone meanwhile, or not ours to remove
            continue
    return removed


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # no cheap check: the age rule applies
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, another account's
        return True
    return True


def _inherited_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _copy_backup(path: Path) -> None:
    backup = backup_path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=_temp_prefix(backup.name), suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        shutil.copyfile(path, tmp_name)
        with open(tmp_name, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_name, backup)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    dfd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)
