"""Typed settings over QSettings: each option declared once with its type and default."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "CriticalMineralsWorkbench"
APPLICATION = "Workbench"
MAX_RECENT_FILES = 8


class Option(Generic[T]):
    """A declared setting: key, Python type and default; reads coerce stored values back to the type."""

    def __init__(self, key: str, kind: type, default: T):
        self.key = key
        self.kind = kind
        self.default = default

    def __get__(self, obj: "Settings | None", owner: type) -> Any:
        if obj is None:
            return self
        return obj.get(self)

    def __set__(self, obj: "Settings", value: T) -> None:
        obj.set(self, value)

    def coerce(self, raw: Any) -> T:
        """The stored value as this option's type, or the default when it cannot be read as one."""
        if raw is None:
            return self.default
        try:
            if self.kind is list:
                if isinstance(raw, str):
                    return [raw] if raw else []  # type: ignore[return-value]
                return [str(v) for v in raw]  # type: ignore[return-value]
            if self.kind is bool:
                return (raw.lower() == "true" if isinstance(raw, str) else bool(raw))  # type: ignore[return-value]
            if self.kind is QByteArray:
                return raw if isinstance(raw, QByteArray) else self.default
            return self.kind(raw)
        except (TypeError, ValueError):
            return self.default


class Settings:
    """The application's remembered settings (window geometry, recent files, last folder, grouping, autosave)."""

    geometry = Option("window/geometry", QByteArray, QByteArray())
    window_state = Option("window/state", QByteArray, QByteArray())
    splitter_state = Option("window/splitter", QByteArray, QByteArray())
    recent_files = Option("files/recent", list, [])
    last_folder = Option("files/last_folder", str, "")
    grouping = Option("navigator/grouping", str, "mineral")
    autosave_interval_s = Option("autosave/interval_s", int, 60)

    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)

    def get(self, option: Option[T]) -> T:
        """The value of ``option`` (its default when unset or unreadable)."""
        return option.coerce(self.store.value(option.key))

    def set(self, option: Option[T], value: T) -> None:
        """Store ``value`` for ``option``."""
        if not isinstance(value, option.kind):
            raise TypeError(f"setting {option.key} takes {option.kind.__name__}, not {type(value).__name__}")
        self.store.setValue(option.key, value)

    def add_recent_file(self, path: str) -> None:
        """Put ``path`` at the top of the recent files list (no duplicates, at most MAX_RECENT_FILES)."""
        recent = [p for p in self.recent_files if p != path]
        self.recent_files = [path, *recent][:MAX_RECENT_FILES]

    def remove_recent_file(self, path: str) -> None:
        """Forget ``path`` (e.g. after it failed to open)."""
        self.recent_files = [p for p in self.recent_files if p != path]

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.store.sync()
