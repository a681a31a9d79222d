"""Atomic file replacement: write a temp file, fsync, keep a backup of the old file, rename into place."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from workbench.files.errors import SaveError

BACKUP_SUFFIX = ".bak"


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
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
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


def _inherited_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _copy_backup(path: Path) -> None:
    backup = backup_path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".tmp", dir=path.parent)
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
