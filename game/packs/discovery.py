"""Find packs: the shipped ones plus any extra folders; a broken pack never hides the others."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from game.packs.errors import PackError, Problem
from game.packs.loader import content_hash, load_pack_text, read_pack_bytes
from game.packs.model import Pack
from game.paths import shipped_packs_dir

PACK_SUFFIXES: Final = (".yaml", ".yml")
SHIPPED: Final = shipped_packs_dir()
"""The folder of packs that ship with the game (a checkout's content/ or the wheel's copy)."""


@dataclass(frozen=True)
class PackEntry:
    """One pack file found: either its pack or the error that stopped it loading."""

    path: Path
    pack: Pack | None
    error: PackError | None
    sha256: str
    """Hash of the file's bytes ("" when it could not be read), kept with saved attempts."""

    @property
    def ok(self) -> bool:
        """True when the pack loaded."""
        return self.pack is not None

    @property
    def id(self) -> str:
        """The pack's id, or the file name without its suffix for a broken pack."""
        return self.pack.id if self.pack is not None else self.path.stem

    @property
    def title(self) -> str:
        """The pack's title, or the file name for a broken pack."""
        return self.pack.title if self.pack is not None else self.path.name


def pack_files(folder: Path) -> list[Path]:
    """The ``*.yaml`` / ``*.yml`` files directly in ``folder``, sorted by name; hidden ones skipped.

    Raises:
        OSError: the folder cannot be listed.
    """
    with os.scandir(folder) as entries:
        names = sorted(
            entry.name
            for entry in entries
            if entry.name.lower().endswith(PACK_SUFFIXES) and not entry.name.startswith(".")
        )
    return [folder / name for name in names]


def load_entry(path: Path) -> PackEntry:
    """Load one pack file into an entry; never raises for a bad pack."""
    try:
        data = read_pack_bytes(path)
    except PackError as error:
        return PackEntry(path, None, error, "")
    digest = content_hash(data)
    try:
        return PackEntry(path, load_pack_text(data, name=str(path)), None, digest)
    except PackError as error:
        return PackEntry(path, None, error, digest)


def discover(extra_dirs: Sequence[Path] = (), shipped: Path | None = SHIPPED) -> list[PackEntry]:
    """Every pack in ``shipped`` (None: none) and then in ``extra_dirs``, in that order.

    Within a folder packs come in file-name order. When two files use the same pack id, the
    later one is listed as broken, naming the file that already uses the id. A folder that is
    missing or unreadable is listed as a broken entry too.
    """
    entries: list[PackEntry] = []
    seen_files: set[Path] = set()
    owners: dict[str, Path] = {}
    for path, problem in _candidates(extra_dirs, shipped):
        if problem is not None:
            entries.append(PackEntry(path, None, PackError([problem]), ""))
            continue
        real = path.resolve()
        if real in seen_files:
            continue  # the same file reached twice (e.g. content/ also given with --packs)
        seen_files.add(real)
        entry = load_entry(path)
        pack = entry.pack
        if pack is not None:
            owner = owners.get(pack.id)
            if owner is not None:
                message = f"pack id {pack.id!r} is already used by {owner}"
                error = PackError([Problem(str(path), 0, 0, "id", message)])
                entry = PackEntry(path, None, error, entry.sha256)
            else:
                owners[pack.id] = path
        entries.append(entry)
    return entries


def _candidates(
    extra_dirs: Sequence[Path], shipped: Path | None
) -> Iterator[tuple[Path, Problem | None]]:
    """Pack files to try, or a problem for a folder that cannot be listed."""
    if shipped is not None and shipped.is_dir():
        yield from _folder(shipped)
    for folder in extra_dirs:
        if folder.is_file() and folder.name.lower().endswith(PACK_SUFFIXES):
            yield folder, None
        elif folder.is_dir():
            yield from _folder(folder)
        else:
            yield folder, Problem(str(folder), 0, 0, "", "pack folder not found")


def _folder(folder: Path) -> Iterator[tuple[Path, Problem | None]]:
    try:
        files = pack_files(folder)
    except OSError as error:
        yield folder, Problem(str(folder), 0, 0, "", f"cannot list the folder: {error.strerror}")
        return
    for path in files:
        yield path, None
