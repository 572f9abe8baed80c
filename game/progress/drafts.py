"""Unsent answers kept on disk, so a closed terminal or a crash loses at most a few seconds.

One small JSON file per key under ``saves/drafts/``. File names are a hash of the key, never the
key itself, so no player or pack text ever becomes part of a path. Writes go to a unique temporary
file, are fsynced and then renamed over the old one (``os.replace`` is atomic), so a reader sees
the old draft or the new one, never half of one. ``save`` uses only plain ``os`` calls, takes no
locks and never raises, so a signal handler can call it.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

DRAFTS_DIR = "drafts"
MAX_DRAFT_CHARS = 1_000_000
"""Longer drafts are cut, to keep a save from a signal handler quick."""
_SUFFIX = ".json"
_counter = itertools.count()


@dataclass(frozen=True)
class Draft:
    """A saved draft and when it was written (for "restore unsent draft from 14:05")."""

    key: str
    text: str
    saved_at: datetime


def _file_name(key: str) -> str:
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:40] + _SUFFIX


class Drafts:
    """Drafts in ``saves_dir/drafts``; nothing is created until the first save."""

    def __init__(self, saves_dir: Path) -> None:
        self.folder = Path(saves_dir) / DRAFTS_DIR

    def path(self, key: str) -> Path:
        """The file that holds the draft for ``key``."""
        return self.folder / _file_name(key)

    def save(self, key: str, text: str) -> bool:
        """Write the draft for ``key`` atomically; return False if it could not be written.

        An empty or blank text clears the draft instead (there is nothing to restore).
        """
        if not text.strip():
            return self.clear(key)
        payload = json.dumps(
            {"key": key, "text": text[:MAX_DRAFT_CHARS], "saved_at": datetime.now(UTC).isoformat()}
        ).encode("ascii")  # ensure_ascii: lone surrogates survive as \ud800 escapes
        final = self.path(key)
        temp = self.folder / f".{final.stem}.{os.getpid()}.{next(_counter)}.tmp"
        fd = -1
        done = False
        try:
            os.makedirs(self.folder, exist_ok=True)
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
            os.close(fd)
            fd = -1
            os.replace(temp, final)
            done = True
        except (OSError, ValueError):
            pass
        finally:
            # Also runs when a signal handler exits the process in the middle of a save.
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
            if not done:
                try:
                    os.unlink(temp)
                except OSError:
                    pass
        return done

    def entry(self, key: str) -> Draft | None:
        """The draft for ``key`` with its time, or None (missing or unreadable)."""
        return self._read(self.path(key), key)

    def load(self, key: str) -> str | None:
        """The draft text for ``key``, or None."""
        found = self.entry(key)
        return None if found is None else found.text

    def clear(self, key: str) -> bool:
        """Delete the draft for ``key``; True if none is left afterwards."""
        try:
            os.unlink(self.path(key))
        except (FileNotFoundError, NotADirectoryError):
            return True
        except OSError:
            return False
        return True

    def keys(self) -> list[str]:
        """Keys of every stored draft, sorted."""
        try:
            names = [n for n in os.listdir(self.folder) if n.endswith(_SUFFIX)]
        except OSError:
            return []
        found = (self._read(self.folder / name, None) for name in names)
        return sorted(d.key for d in found if d is not None)

    @staticmethod
    def _read(path: Path, key: str | None) -> Draft | None:
        try:
            with open(path, "rb") as handle:
                data = json.loads(handle.read(16 * MAX_DRAFT_CHARS))
            stored_key, text = data["key"], data["text"]
            saved_at = datetime.fromisoformat(data["saved_at"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not isinstance(stored_key, str) or not isinstance(text, str):
            return None
        if key is not None and stored_key != key:
            return None  # a hash collision or a file put there by hand
        return Draft(stored_key, text, saved_at)
