"""Ed25519 keys of delegations: our own signing key and the public keys we trust, kept in the app-data folder."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from workbench.document import is_partner_code
from workbench.files.atomic import atomic_write_bytes
from workbench.files.json_input import JsonInputError, parse_json, read_limited

PUBLIC_KEY_FORMAT = "cmw-public-key"
PUBLIC_KEY_EXTENSION = ".cmwkey"
MAX_KEY_FILE_BYTES = 4096
_PUBLIC_FIELDS = {"format", "version", "algorithm", "delegation", "key_id", "public_key"}
_KEY_ID = re.compile(r"[0-9a-f]{16}")


class KeyFileError(ValueError):
    """A key file is missing, malformed or inconsistent; the message says which and why, in one line."""


@dataclass(frozen=True)
class PublicKey:
    """A delegation's public key: who it belongs to, its id, and the raw 32 key bytes."""

    delegation: str
    key_id: str
    raw: bytes

    @property
    def fingerprint(self) -> str:
        """The full SHA-256 of the key in groups of four, to read out over the phone before trusting it."""
        digest = hashlib.sha256(self.raw).hexdigest()
        return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))

    def verifier(self) -> Ed25519PublicKey:
        """The key as a cryptography object."""
        return Ed25519PublicKey.from_public_bytes(self.raw)

    def to_file_bytes(self) -> bytes:
        """The exported key file: small JSON, nothing secret in it."""
        data = {"format": PUBLIC_KEY_FORMAT, "version": 1, "algorithm": "ed25519", "delegation": self.delegation,
                "key_id": self.key_id, "public_key": base64.b64encode(self.raw).decode("ascii")}
        return (json.dumps(data, indent=2) + "\n").encode("utf-8")


def key_id_of(raw: bytes) -> str:
    """The short id of a raw public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(raw).hexdigest()[:16]


def check_delegation(code: str) -> str:
    """``code`` if it is a delegation code (2-5 capital letters); KeyFileError otherwise."""
    if not is_partner_code(code):
        raise KeyFileError(f"{str(code)[:20]!r} is not a delegation code (2 to 5 capital letters, e.g. EU)")
    return code


def parse_public_key(raw_file: bytes, source: str = "key file") -> PublicKey:
    """Read an exported public key file strictly; KeyFileError with a one-line reason when it is not one."""
    if len(raw_file) > MAX_KEY_FILE_BYTES:
        raise KeyFileError(f"{source}: over the {MAX_KEY_FILE_BYTES:,}-byte limit, not a public key file")
    try:
        data = parse_json(raw_file, source)
    except JsonInputError as exc:
        raise KeyFileError(f"{source}: not a workbench public key file (not JSON text: {exc.reason})") from None
    if not isinstance(data, dict) or data.get("format") != PUBLIC_KEY_FORMAT:
        raise KeyFileError(f"{source}: not a workbench public key file (format is not {PUBLIC_KEY_FORMAT!r})")
    if set(data) != _PUBLIC_FIELDS:
        raise KeyFileError(f"{source}: must have exactly the fields {sorted(_PUBLIC_FIELDS)}")
    if type(data["version"]) is not int or data["version"] != 1 or data["algorithm"] != "ed25519":
        raise KeyFileError(f"{source}: only version 1 Ed25519 keys are supported (got version {data['version']!r}, "
                           f"algorithm {str(data['algorithm'])[:20]!r})")
    try:
        check_delegation(data["delegation"])
    except KeyFileError as exc:
        raise KeyFileError(f"{source}: delegation: {exc}") from None
    if not isinstance(data["key_id"], str) or not _KEY_ID.fullmatch(data["key_id"]):
        raise KeyFileError(f"{source}: key_id must be 16 hex digits (got {str(data['key_id'])[:20]!r})")
    if not isinstance(data["public_key"], str):
        raise KeyFileError(f"{source}: public_key must be base64 text (got {str(data['public_key'])[:20]!r})")
    try:
        raw = base64.b64decode(data["public_key"], validate=True)
    except ValueError:
        raise KeyFileError(f"{source}: public_key is not base64 text") from None
    if len(raw) != 32:
        raise KeyFileError(f"{source}: public_key must be 32 bytes (got {len(raw)})")
    if data["key_id"] != key_id_of(raw):
        raise KeyFileError(f"{source}: key_id does not match the key (damaged or edited file)")
    return PublicKey(delegation=data["delegation"], key_id=data["key_id"], raw=raw)


def read_public_key(path: str | Path) -> PublicKey:
    """The public key in the file at ``path`` (read at most 4 KiB); KeyFileError with a one-line reason."""
    try:
        raw = read_limited(path, MAX_KEY_FILE_BYTES, "a public key file")
    except JsonInputError as exc:
        raise KeyFileError(str(exc)) from None
    return parse_public_key(raw, str(path))


@dataclass(frozen=True)
class OwnKey:
    """Our delegation's signing key (never written into a scenario file)."""

    delegation: str
    private: Ed25519PrivateKey

    @property
    def public(self) -> PublicKey:
        """The matching public key, to export and give to other delegations."""
        raw = self.private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return PublicKey(self.delegation, key_id_of(raw), raw)


#: Folders holding keys, and key files: this account only, whatever the umask. The app-data folder above them
#: may stay readable by others but never writable (another account could swap the whole key folder).
FOLDER_MODE, FILE_MODE, DATA_DIR_MODE = 0o700, 0o600, 0o755


class Keyring:
    """Keys in ``<data_dir>/keys``: ``own.pem`` + ``own.json`` (our key), ``trusted/<key_id>.cmwkey`` (theirs).

    The folders are 0700 and the files 0600 (on POSIX): made so whatever the umask, and checked and repaired each
    time a keyring is opened (``repairs`` says what was tightened, or could not be), since another local account
    able to write there could plant a key we would then trust.
    """

    def __init__(self, data_dir: str | Path) -> None:
        self.data_dir = Path(data_dir)
        self.folder = self.data_dir / "keys"
        self._trusted_dir = self.folder / "trusted"
        self.repairs: list[str] = self._secure()

    def _secure(self) -> list[str]:
        """Tighten the app-data folder, the key folders and the key files to this account; what was changed."""
        if os.name != "posix":
            return []
        out = [_tighten(self.data_dir, DATA_DIR_MODE)]
        out += [_tighten(folder, FOLDER_MODE) for folder in (self.folder, self._trusted_dir)]
        files = [self.folder / "own.pem", self.folder / "own.json"]
        if self._trusted_dir.is_dir():
            files += sorted(self._trusted_dir.glob(f"*{PUBLIC_KEY_EXTENSION}"))
        out += [_tighten(f, FILE_MODE) for f in files]
        return [line for line in out if line]

    def _make_folder(self, folder: Path) -> None:
        """Make ``folder`` (and the app-data folder above it) for this account only; KeyFileError if impossible."""
        part = self.data_dir
        try:
            self.data_dir.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            for part in (self.folder, folder):
                part.mkdir(mode=FOLDER_MODE, exist_ok=True)
                if os.name == "posix":
                    os.chmod(part, FOLDER_MODE)
        except OSError as exc:
            raise KeyFileError(f"cannot make folder {part} for the keys ({exc.strerror or exc})") from None

    # -- our own key -------------------------------------------------------------------------------------------
    def own_key(self) -> OwnKey | None:
        """Our signing key, or None when none has been created; KeyFileError when the stored key is unreadable."""
        pem_path, meta_path = self.folder / "own.pem", self.folder / "own.json"
        if not pem_path.exists():
            return None
        try:
            meta = parse_json(read_limited(meta_path, MAX_KEY_FILE_BYTES, "a key file"), str(meta_path))
            if not isinstance(meta, dict) or "delegation" not in meta:
                raise KeyFileError(f"{meta_path.name} has no delegation")
            delegation = check_delegation(meta["delegation"])
            private = serialization.load_pem_private_key(read_limited(pem_path, MAX_KEY_FILE_BYTES, "a key file"),
                                                         password=None)
        except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
            detail = exc.reason if isinstance(exc, JsonInputError) else \
                str(exc) if isinstance(exc, KeyFileError) else f"{pem_path.name} is not a PEM private key"
            raise KeyFileError(f"our signing key in {self.folder} is unreadable ({detail}); create a new one "
                               "(Tools > Delegation keys, or workbench-cli keys create --force)") from None
        if not isinstance(private, Ed25519PrivateKey):
            raise KeyFileError(f"our signing key in {self.folder} is not an Ed25519 key")
        return OwnKey(delegation, private)

    def create_own_key(self, delegation: str) -> OwnKey:
        """Make a new signing key for ``delegation`` (replacing any old one) and trust its public half."""
        check_delegation(delegation)
        key = OwnKey(delegation, Ed25519PrivateKey.generate())
        pem = key.private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
        self._make_folder(self.folder)
        atomic_write_bytes(self.folder / "own.pem", pem, keep_backup=False, mode=FILE_MODE)
        atomic_write_bytes(self.folder / "own.json", json.dumps({"delegation": delegation}).encode("utf-8"),
                           keep_backup=False, mode=FILE_MODE)
        self.trust(key.public)
        return key

    def export_public(self, path: str | Path) -> PublicKey:
        """Write our public key to ``path`` for other delegations; KeyFileError when we have no key yet."""
        key = self.own_key()
        if key is None:
            raise KeyFileError("no signing key yet: create one first")
        atomic_write_bytes(Path(path), key.public.to_file_bytes(), keep_backup=False)
        return key.public

    # -- keys we trust -----------------------------------------------------------------------------------------
    def import_public(self, path: str | Path) -> PublicKey:
        """Trust the public key in the file at ``path``; KeyFileError when it is not a valid key file."""
        key = read_public_key(path)
        self.trust(key)
        return key

    def trust(self, key: PublicKey) -> None:
        """Store ``key`` among the trusted keys; KeyFileError if its id is already trusted for another delegation."""
        known = self.find(key.key_id)
        if known is not None and known.delegation != key.delegation:
            raise KeyFileError(f"key {key.key_id} is already trusted as {known.delegation}'s, not {key.delegation}'s")
        self._make_folder(self._trusted_dir)
        atomic_write_bytes(self._trusted_dir / f"{key.key_id}{PUBLIC_KEY_EXTENSION}", key.to_file_bytes(),
                           keep_backup=False, mode=FILE_MODE)

    def trusted(self) -> list[PublicKey]:
        """Every trusted public key, by delegation then id; unreadable files are skipped (see ``problems``)."""
        return sorted(self._read_trusted()[0], key=lambda k: (k.delegation, k.key_id))

    def problems(self) -> list[str]:
        """One line per trusted-key file that could not be read."""
        return self._read_trusted()[1]

    def find(self, key_id: str) -> PublicKey | None:
        """The trusted key with this id, or None."""
        if not isinstance(key_id, str) or not _KEY_ID.fullmatch(key_id):
            return None
        path = self._trusted_dir / f"{key_id}{PUBLIC_KEY_EXTENSION}"
        if not path.is_file():
            return None
        try:
            key = read_public_key(path)
        except KeyFileError:
            return None
        return key if key.key_id == key_id else None

    def remove(self, key_id: str) -> None:
        """Stop trusting the key with this id; KeyFileError when there is none."""
        if self.find(key_id) is None:
            raise KeyFileError(f"no trusted key with id {key_id!r}")
        (self._trusted_dir / f"{key_id}{PUBLIC_KEY_EXTENSION}").unlink()

    def _read_trusted(self) -> tuple[list[PublicKey], list[str]]:
        keys: list[PublicKey] = []
        problems: list[str] = []
        if not self._trusted_dir.is_dir():
            return keys, problems
        for path in sorted(self._trusted_dir.glob(f"*{PUBLIC_KEY_EXTENSION}")):
            try:
                keys.append(read_public_key(path))
            except KeyFileError as exc:
                problems.append(str(exc))
        return keys, problems


def _tighten(path: Path, mode: int) -> str:
    """Take from ``path``'s permissions what ``mode`` does not allow; one line saying so, or "" (also when absent)."""
    try:
        info = path.lstat()
    except OSError:
        return ""
    if stat.S_ISLNK(info.st_mode):
        return ""
    current = stat.S_IMODE(info.st_mode)
    if current & ~mode == 0:
        return ""
    try:
        os.chmod(path, current & mode)
    except OSError as exc:  # not ours: say so every time, the keys there cannot be relied on
        return (f"{path} is open to other accounts (mode {current:o}) and cannot be made private "
                f"({exc.strerror or exc}): do not rely on the keys there")
    return f"{path} was open to other accounts (mode {current:o}); set to {current & mode:o}"
