"""Round planning: which positions a round plays, in which order and in which stance.

Planning is separate from playing so that the full-screen game, plain mode and tests all build
the same rounds from the same choices, with randomness passed in rather than taken from globals.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

from game.errors import UsageError

if TYPE_CHECKING:
    from game.packs.model import Pack, Stance

RoundKind = Literal["all", "random", "single"]
"""All positions in pack order, a random sample of N, or one chosen position."""
StanceChoice = Literal["rebut", "defend", "mixed"]
"""A fixed stance, or ``mixed``: the game picks one the position has, per position."""

STANCE_CHOICES: tuple[StanceChoice, ...] = get_args(StanceChoice)
DEFAULT_COUNT = 3
"""How many positions a random round plays unless told otherwise."""


class RoundPlanError(UsageError):
    """The round asked for cannot be built from this pack (unknown position, no such stance)."""


@dataclass(frozen=True)
class Turn:
    """One position to answer, in one stance."""

    position_id: str
    """The position's id in the pack."""
    stance: Stance
    """Whether the player rebuts or defends it."""


@dataclass(frozen=True)
class RoundSpec:
    """What a player asked for: the kind of round and, for some kinds, a count or a position."""

    kind: RoundKind = "random"
    """How positions are chosen."""
    count: int = DEFAULT_COUNT
    """How many positions a random round plays."""
    position_id: str | None = None
    """The position a single-position round plays."""

    def describe(self) -> str:
        """A short label for the round, as a player would say it."""
        if self.kind == "all":
            return "all positions"
        if self.kind == "random":
            return f"{self.count} random positions"
        return f"position {self.position_id}"


def parse_positions(spec: str) -> RoundSpec:
    """Read the ``--positions`` option: ``all``, ``random:N`` (or ``random``) or a position id.

    Raises:
        RoundPlanError: ``random:N`` with N not a positive whole number.
    """
    text = spec.strip()
    if text == "all":
        return RoundSpec(kind="all")
    if text == "random" or text.startswith("random:"):
        _, _, number = text.partition(":")
        if not number:
            return RoundSpec(kind="random")
        if not number.isdigit() or int(number) < 1:
            raise RoundPlanError(
                f"--positions random:N needs a whole number N of 1 or more, not {number!r}"
            )
        return RoundSpec(kind="random", count=int(number))
    if not text:
        raise RoundPlanError("--positions needs 'all', 'random:N' or a position id")
    return RoundSpec(kind="single", position_id=text)


def plan_round(pack: Pack, spec: RoundSpec, stance: StanceChoice, rng: random.Random) -> list[Turn]:
    """Choose the turns of a round.

    With a fixed stance, positions that lack a rubric for it are left out of ``all`` and
    ``random`` rounds; a single position must have it. ``mixed`` picks, per position, one of the
    stances that position has.

    Args:
        pack: The pack to play.
        spec: Which positions to play.
        stance: The stance to take, or ``mixed``.
        rng: The source of randomness for sampling and for mixed stances.

    Returns:
        The turns, in playing order; never empty.

    Raises:
        RoundPlanError: the pack has no position that fits, or the single position is unknown
            or lacks the stance.
    """
    if stance not in STANCE_CHOICES:
        raise RoundPlanError(f"unknown stance {stance!r}: choose rebut, defend or mixed")
    if spec.kind == "single":
        if spec.position_id is None:
            raise RoundPlanError("a single-position round needs a position id")
        try:
            position = pack.position(spec.position_id)
        except KeyError:
            known = ", ".join(p.id for p in pack.positions[:8])
            more = ", ..." if len(pack.positions) > 8 else ""
            raise RoundPlanError(
                f"pack {pack.id!r} has no position {spec.position_id!r} (it has: {known}{more})"
            ) from None
        if stance != "mixed" and stance not in position.stances:
            raise RoundPlanError(
                f"position {position.id!r} cannot be played as {stance}: it has no {stance} rubric"
            )
        return [Turn(position.id, _pick_stance(position.stances, stance, rng))]
    eligible = [p for p in pack.positions if stance == "mixed" or stance in p.stances]
    if not eligible:
        raise RoundPlanError(f"pack {pack.id!r} has no position with a {stance} rubric")
    if spec.kind == "random":
        if spec.count < 1:
            raise RoundPlanError("a random round needs at least one position")
        eligible = rng.sample(eligible, min(spec.count, len(eligible)))
    elif spec.kind != "all":
        raise RoundPlanError(f"unknown kind of round {spec.kind!r}")
    return [Turn(p.id, _pick_stance(p.stances, stance, rng)) for p in eligible]


def _pick_stance(available: tuple[Stance, ...], choice: StanceChoice, rng: random.Random) -> Stance:
    if choice == "mixed":
        return available[0] if len(available) == 1 else rng.choice(available)
    return choice
