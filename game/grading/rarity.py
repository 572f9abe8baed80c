"""How common a word is in the language at large: a background table shipped with the game.

Within-position IDF alone makes everyday words ("people", "think", "good") look distinctive
when only one point happens to use them; the background table says they are not. The tables
(``data/freq_<lang>.txt.gz``) are derived from wordfreq; see ``data/README.md``.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

ZIPF_CEILING = 8.0
"""Zipf value of a word that would carry no information at all."""


class Rarity:
    """Information content of a stem: ``ZIPF_CEILING - zipf``, higher for rarer words."""

    def __init__(self, table: dict[str, float]) -> None:
        self._table = table
        floor = min(table.values()) if table else 0.0
        self._unknown = ZIPF_CEILING - max(floor - 0.3, 0.0) if table else 1.0
        self.available = bool(table)

    def zipf(self, stem: str) -> float | None:
        """The stem's Zipf frequency, or None when it is not among the common words."""
        return self._table.get(stem)

    def information(self, stem: str) -> float:
        """Higher for rarer stems; 1.0 for every stem when no table exists for the language."""
        zipf = self._table.get(stem)
        if zipf is None:
            return self._unknown
        return max(ZIPF_CEILING - zipf, 0.5)


def _read(code: str) -> dict[str, float]:
    resource = resources.files("game.grading").joinpath("data", f"freq_{code}.txt.gz")
    try:
        data = gzip.decompress(resource.read_bytes()).decode("utf-8")
    except (FileNotFoundError, OSError, ValueError):
        return {}
    table: dict[str, float] = {}
    for line in data.splitlines():
        if not line or line.startswith("#"):
            continue
        zipf10, _, stems = line.partition("\t")
        zipf = int(zipf10) / 10
        for stem in stems.split():
            table.setdefault(stem, zipf)
    return table


@lru_cache(maxsize=16)
def rarity(code: str) -> Rarity:
    """The background rarity for a language code (neutral when no table ships for it)."""
    if not code.isalpha() or not code.islower() or len(code) > 3:
        return Rarity({})
    return Rarity(_read(code))
