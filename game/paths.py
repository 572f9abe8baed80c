"""Where packs and saves live: flags, then environment, then the checkout, then per-user dirs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

FEATURED_PACK = "nk-talks-2019"
"""The shipped pack a new player starts on."""

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE_DIR.parent


def _is_checkout() -> bool:
    return (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "content").is_dir()


def shipped_packs_dir() -> Path:
    """The folder of packs that ship with the game, in a checkout or an installed wheel."""
    if _is_checkout():
        return _CHECKOUT / "content"
    return _PACKAGE_DIR / "_content"


def extra_packs_dirs(flag: list[str] | None = None) -> list[Path]:
    """Pack folders from ``--packs`` (repeatable) or ``COUNTERPOINT_PACKS`` (os.pathsep list)."""
    if flag:
        return [Path(p).expanduser() for p in flag]
    env = os.environ.get("COUNTERPOINT_PACKS", "")
    return [Path(p).expanduser() for p in env.split(os.pathsep) if p]


def saves_dir(flag: str | None = None) -> Path:
    """The saves folder.

    ``--saves DIR`` wins, then ``COUNTERPOINT_SAVES``, then ``saves/`` of a checkout, then the
    per-user data folder (for example ``~/.local/share/counterpoint`` on Linux).
    """
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get("COUNTERPOINT_SAVES")
    if env:
        return Path(env).expanduser()
    if _is_checkout():
        return _CHECKOUT / "saves"
    return Path(platformdirs.user_data_dir("counterpoint", appauthor=False))
