"""The rubric lab: live verdicts while typing, reloading a pack being edited, how it is opened."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from game.cli import main
from game.commands.lab import pick
from game.errors import UsageError
from game.packs.discovery import load_entry
from game.ui.app_commands import commands_for
from game.ui.screens.feedback import FeedbackScreen
from game.ui.screens.lab import LabScreen, PositionPicker, open_lab
from game.ui.screens.pack_browser import PackBrowserScreen
from game.ui.screens.start import StartScreen
from game.ui.widgets.answer_box import AnswerBox
from game.ui.widgets.evidence_view import MADE, EvidenceView
from game.ui.widgets.point_meter import PointMeter
from tests.fixtures.ui.scripted import HERE as FIXTURES
from tests.ui.helpers import (
    STRONG,
    build,
    fixture_entries,
    start_round,
    submit_answer,
    type_answer,
)

BROKEN = """\
pack: 1
id: ui-tiny
title: The four-day school week
positions:
  - id: rest-helps
    claim: "A three-day weekend, never closed
"""


async def graded(pilot: Pilot[Any]) -> None:
    """Wait out the typing pause and the grading thread."""
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def meters(app: Any) -> dict[str, PointMeter]:
    return {m.point.id: m for m in app.screen.query(PointMeter)}


def text_of(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def tiny(app: Any) -> Any:
    return next(e for e in app.entries if e.id == "ui-tiny")


async def test_typing_raises_a_points_confidence_and_marks_its_evidence() -> None:
    app = build(scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = app.screen
        assert isinstance(start, StartScreen)
        packs = start.query_one("#packs", OptionList)
        index = next(i for i, e in enumerate(start.shown) if e.id == "ui-tiny")
        packs.highlighted = packs.get_option_index(f"pack-{index}")
        start.action_browse()
        await pilot.pause()
        assert isinstance(app.screen, PackBrowserScreen)
        await pilot.press("l")  # the lab, on the highlighted (first) position
        await pilot.pause()
        assert isinstance(app.screen, LabScreen)
        assert app.screen.query_one(AnswerBox).has_focus
        assert "rest-helps" in text_of(app, "#lab-position")
        assert set(meters(app)) == {"longer-days", "childcare", "lost-learning"}

        await pilot.press(*"Four longer")
        await graded(pilot)
        first = meters(app)["longer-days"]
        low = first.confidence
        assert 0 < low < 1 and not first.matched

        await pilot.press(*" school days tire pupils.")
        await graded(pilot)
        point = meters(app)["longer-days"]
        assert point.confidence > low and point.matched
        assert "✓" in str(point.query_one(".meter", Static).render())
        view = app.screen.query_one(EvidenceView)
        # point 1 made; point 3 ("pupils" only) nearly, marked lightly
        assert [(m.number, m.made) for m in view.marks] == [(1, True), (3, False)]
        shown = view.render()
        marked = [shown.plain[s.start : s.end] for s in shown.spans if str(s.style) == MADE]
        assert "Four longer school days tire pupils." in marked
        assert "[1](3)" in shown.plain
        assert "75/100" not in text_of(app, "#lab-score")  # 2 of 4 full marks: 50
        assert "50/100" in text_of(app, "#lab-score")

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PackBrowserScreen)


async def test_the_real_grader_credits_a_point_argued_in_full() -> None:
    app = build()  # the grading engine itself, not the scripted stand-in
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        open_lab(app, tiny(app), position_id="rest-helps", stance="rebut")
        await pilot.pause()
        box = app.screen.query_one(AnswerBox)
        type_answer(pilot, "Pupils lose teaching time and fall behind in reading and maths.")
        assert box.text.startswith("Pupils")
        await graded(pilot)
        found = meters(app)
        assert found["lost-learning"].matched
        assert found["lost-learning"].confidence > found["childcare"].confidence


async def test_each_point_names_the_wording_that_came_closest() -> None:
    # To fix a point earned (or missed) by the wrong answer, the author must know which of its
    # phrases the answer met: the lab names it under the point.
    app = build()  # the real grader: only it can say which wording matched
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        open_lab(app, tiny(app), position_id="rest-helps", stance="rebut")
        await pilot.pause()
        type_answer(pilot, "By the afternoon the school day is too long and pupils flag.")
        await graded(pilot)
        found = meters(app)
        made = found["longer-days"]
        assert made.matched and made.wording is not None
        assert (made.wording.label, made.wording.text) == (
            "phrase 2",
            "the school day gets too long and pupils flag in the afternoon",
        )
        shown = str(made.query_one(".argument", Static).render())
        assert '↳ made with: phrase 2 "the school day gets too long and pupils flag in' in shown
        assert found["childcare"].confidence < 0.01  # "day" at most: nothing named
        assert found["childcare"].wording is None
        assert "↳" not in str(found["childcare"].query_one(".argument", Static).render())
        app.screen.query_one(AnswerBox).clear()
        await graded(pilot)
        assert made.wording is None  # an empty box names nothing


async def test_a_stand_in_grader_names_no_wording() -> None:
    app = build(scripted=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        open_lab(app, tiny(app), position_id="rest-helps", stance="rebut")
        await pilot.pause()
        type_answer(pilot, "Four longer school days tire pupils out.")
        await graded(pilot)
        assert meters(app)["longer-days"].matched
        assert all(m.wording is None for m in meters(app).values())


async def test_warnings_show_as_the_answer_changes() -> None:
    app = build()  # the real grader: echo and wrong-side are its judgements
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        open_lab(app, tiny(app), position_id="rest-helps", stance="rebut")
        await pilot.pause()
        warnings = app.screen.query_one("#lab-warnings", Static)
        type_answer(pilot, "A three-day weekend leaves pupils rested and readier to learn.")
        await graded(pilot)
        assert warnings.display and "echo:" in str(warnings.render())
        app.screen.query_one(AnswerBox).clear()
        type_answer(pilot, "Extra rest days let teenagers catch up on the sleep they badly need.")
        await graded(pilot)
        assert "wrong-side:" in str(warnings.render()) and "echo:" not in str(warnings.render())
        app.screen.query_one(AnswerBox).clear()
        await graded(pilot)
        assert not warnings.display  # an empty box: no verdicts, no warnings


async def test_reload_shows_a_broken_file_then_the_fixed_one_and_keeps_the_answer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "lab.yaml"
    shutil.copy(FIXTURES / "tiny.yaml", path)
    entries = [load_entry(path)]
    app = build(scripted=True, entries=entries)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        open_lab(app, entries[0])
        await pilot.pause()
        type_answer(pilot, STRONG)
        await graded(pilot)
        assert meters(app)["longer-days"].matched
        problems = app.screen.query_one("#lab-problems", Static)
        assert not problems.display

        path.write_text(BROKEN, "utf-8")
        await pilot.press("ctrl+r")
        await graded(pilot)
        assert problems.display
        listed = str(problems.render())
        assert "lab.yaml:6:" in listed and "last good version" in listed
        assert "last good version" in text_of(app, "#lab-pack")
        assert app.screen.query_one(AnswerBox).text == STRONG
        assert meters(app)["longer-days"].matched  # the last good version still grades
        assert not app.entries[0].ok  # the start screen shows the file as it is on disk

        fixed = (FIXTURES / "tiny.yaml").read_text("utf-8")
        fixed = fixed.replace(
            "Pupils lose teaching time and fall behind in reading and maths.",
            "Pupils miss lessons in reading and maths.",
        )
        path.write_text(fixed, "utf-8")
        await pilot.press("ctrl+r")
        await graded(pilot)
        assert not problems.display
        assert "last good version" not in text_of(app, "#lab-pack")
        assert app.screen.query_one(AnswerBox).text == STRONG
        argument = meters(app)["lost-learning"].query_one(".argument", Static)
        assert "Pupils miss lessons in reading and maths." in str(argument.render())
        assert app.entries[0].ok  # the next round plays the fixed pack


async def test_a_pack_that_never_loaded_shows_its_problems_and_lets_you_type() -> None:
    app = build(scripted=True)
    broken = next(e for e in app.entries if not e.ok)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        open_lab(app, broken)
        await pilot.pause()
        assert isinstance(app.screen, LabScreen)
        listed = str(app.screen.query_one("#lab-problems", Static).render())
        assert f"{broken.path.name}:" in listed and str(FIXTURES) not in listed
        assert not meters(app)
        await pilot.press(*"still typing")
        await graded(pilot)
        assert app.screen.query_one(AnswerBox).text == "still typing"


async def test_f8_and_f2_change_position_and_stance() -> None:
    app = build(scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        open_lab(app, tiny(app), stance="defend")
        await pilot.pause()
        assert set(meters(app)) == {"sleep", "attendance"}
        await pilot.press("f2")
        await pilot.pause()
        assert set(meters(app)) == {"longer-days", "childcare", "lost-learning"}
        await pilot.press("f8")
        await pilot.pause()
        assert "saves-money" in text_of(app, "#lab-position")
        assert set(meters(app)) == {"small-savings", "hidden-costs"}
        assert "only stance" in text_of(app, "#lab-stance")
        assert app.screen.check_action("stance", ()) is False
        await pilot.press("f7", "f7")
        await pilot.pause()
        assert "teachers-stay" in text_of(app, "#lab-position")
        await pilot.press("f3")  # the list of positions
        await pilot.pause()
        assert isinstance(app.screen, PositionPicker)
        assert app.screen.check_action("lab", ()) is False  # no lab inside the lab
        await pilot.press("home", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LabScreen)
        assert "saves-money" in text_of(app, "#lab-position")
        assert app.screen.query_one(AnswerBox).has_focus


async def test_the_palette_opens_the_lab_on_the_answer_just_graded(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        titles = [title for title, _, _ in commands_for(app, app.screen)]
        assert "Rubric lab" not in titles  # not while an answer is being typed
        await submit_answer(pilot, STRONG)
        assert isinstance(app.screen, FeedbackScreen)
        command = next(c for t, _, c in commands_for(app, app.screen) if t == "Rubric lab")
        command()
        await graded(pilot)
        lab = app.screen
        assert isinstance(lab, LabScreen)
        assert lab.query_one(AnswerBox).text == STRONG
        assert "rest-helps" in text_of(app, "#lab-position")
        assert meters(app)["longer-days"].matched
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)


async def test_markup_in_a_pack_is_shown_literally_in_the_lab() -> None:
    app = build(scripted=True)
    markup = next(e for e in app.entries if e.id == "ui-markup")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        open_lab(app, markup)
        await pilot.pause()
        answer = "[bold]force[/] never settles anything [@click=app.quit]x[/]"
        type_answer(pilot, answer)
        await graded(pilot)
        assert "Use [bold]force[/] now, x [/" in text_of(app, "#lab-claim")
        argument = meters(app)["markup-point"].query_one(".argument", Static)
        assert "[bold]x[/italic] force never settles [/] anything x [/" in str(argument.render())
        shown = app.screen.query_one(EvidenceView).render()
        assert shown.plain.replace("[1]", "") == answer  # literal, with the point's marker
        assert not any("@click" in str(span.style) for span in shown.spans)
        assert app.is_running


def test_lab_command_picks_a_file_an_id_or_the_last_pack(tmp_path: Path) -> None:
    entries = fixture_entries()
    assert pick(entries, "ui-tiny", None).id == "ui-tiny"
    assert not pick(entries, "broken", None).ok  # a broken pack opens too, to be fixed
    assert pick(entries, None, "ui-markup").id == "ui-markup"
    copy = tmp_path / "mine.yaml"
    copy.write_text(
        (FIXTURES / "tiny.yaml").read_text("utf-8").replace("id: ui-tiny", "id: mine"), "utf-8"
    )
    before = len(entries)
    assert pick(entries, str(copy), None).id == "mine"
    assert len(entries) == before + 1  # playable after the lab as well
    with pytest.raises(UsageError, match="no pack with id 'nope'"):
        pick(entries, "nope", None)
    with pytest.raises(UsageError, match="no pack file"):
        pick(entries, str(tmp_path / "missing.yaml"), None)


def test_lab_command_opens_the_game_on_the_lab(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def run_headless(app: Any, **_: Any) -> None:
        async def go() -> None:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause(0.2)
                await pilot.pause()
                seen.append(type(app.screen).__name__)
                seen.append(text_of(app, "#lab-position"))
                app.exit(0)

        asyncio.run(go())

    monkeypatch.setattr("textual.app.App.run", run_headless)
    monkeypatch.delenv("COUNTERPOINT_SERVED", raising=False)
    pack = str(FIXTURES / "tiny.yaml")
    args = ["lab", "--saves", str(tmp_path), "--pack", pack, "--position", "teachers-stay"]
    assert main(args) == 0
    assert seen[0] == "LabScreen" and "teachers-stay" in seen[1]


def test_lab_command_is_refused_in_a_served_game(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COUNTERPOINT_SERVED", "1")
    assert main(["lab", "--saves", str(tmp_path)]) == 2
    assert "not available in a served game" in capsys.readouterr().err
