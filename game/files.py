"""Read a user's file safely: a regular file only, never blocking on a FIFO, never past a cap."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Literal

Reason = Literal["missing", "denied", "open", "folder", "special", "too-big", "read"]


class UnreadableFile(Exception):
    """Why a file could not be read; each caller words it for its own users."""

    def __init__(self, reason: Reason, detail: str = "", size: int = 0) -> None:
        super().__init__(reason)
        self.reason: Reason = reason
        """What went wrong."""
        self.detail = detail
        """The system's words for an open or read error."""
        self.size = size
        """For ``too-big``: the file's size in bytes."""


def read_capped(path: Path, limit: int) -> bytes:
    """Return the bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises:
        UnreadableFile: missing, not permitted, a folder or another non-regular file, larger
            than ``limit`` (checked before reading and again after), or a read error.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile("missing") from None
    except PermissionError:
        raise UnreadableFile("denied") from None
    except OSError as error:
        raise UnreadableFile("open", error.strerror or str(error)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile("folder")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("special")
        if info.st_size > limit:
            raise UnreadableFile("too-big", size=info.st_size)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise UnreadableFile("read", error.strerror or str(error)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:  # it grew after the size check
        raise UnreadableFile("too-big", size=len(data))
    return data
