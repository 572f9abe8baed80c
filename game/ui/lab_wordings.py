"""Which wording of each point an answer came closest to, for the rubric lab.

The rule itself is the grading engine's (``game.grading.wordings``, shared with
``test-pack``); the lab asks it only when its grader is the engine itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.grading.wordings import Wording, closest_wordings
from game.ui.session import LazyGrader

if TYPE_CHECKING:
    from game.packs.model import Stance

__all__ = ["LabGrader", "Wording", "closest_wordings"]


class LabGrader(LazyGrader):
    """The lab's grader: grades like the game's, and tells which wordings came closest when
    it is the grading engine itself (a stand-in grader used in tests tells nothing)."""

    def wordings(self, answer: str, position_id: str, stance: Stance) -> dict[str, Wording]:
        """See ``closest_wordings``; empty unless the grader was built by ``grade``."""
        from game.grading.grader import Grader

        inner: Any = self._grader
        if not isinstance(inner, Grader):
            return {}
        return closest_wordings(inner, answer, position_id, stance)
