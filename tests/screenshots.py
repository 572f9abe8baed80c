"""``make screenshots``: the README's pictures, taken from the real game on the op-ed pack.

Uses the real grader and the shipped packs (unlike the snapshot tests, which pin a fixture pack
and a scripted grader), so the pictures show what a player sees today.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from game.packs.discovery import discover
from game.ui.settings import Settings
from tests.ui.helpers import FakeClock, build, settle, start_round, type_answer

DOCS = Path(__file__).resolve().parents[1] / "docs"
ANSWER = (
    "Beijing keeps the Kim regime alive because it wants a buffer between itself and the American "
    "troops in the South, so it fears a collapse far more than it fears the bombs. China also "
    "blocked tougher UN sanctions for years and lets smuggling across the border carry on."
)


async def _feedback(size: tuple[int, int]) -> str:
    app = build(
        entries=discover(),
        clock=FakeClock(),
        settings=Settings(cursor_blink=False),
        pack_id="nk-talks-2019",
        position_id="china-will-restrain",
    )
    async with app.run_test(size=size) as pilot:
        await start_round(pilot, pack_title="North Korea", kind="single", stance="rebut")
        type_answer(pilot, ANSWER)
        app.clock.advance(95)  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        name = f"feedback-{size[0]}x{size[1]}.svg"
        return str(app.save_screenshot(path=str(DOCS), filename=name))


def main() -> int:
    DOCS.mkdir(exist_ok=True)
    for size in ((100, 40),):
        print(asyncio.run(_feedback(size)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
