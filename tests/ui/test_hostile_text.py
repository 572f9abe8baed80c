"""Foreign text is shown literally and safely: markup-like packs, escape sequences, huge pastes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import Input, OptionList, Static

from game.safe_text import clean
from game.ui.screens.feedback import FeedbackScreen
from game.ui.screens.position import PositionScreen
from game.ui.widgets.answer_box import ANSWER_CAP, AnswerBox
from game.ui.widgets.answer_view import AnswerView
from game.ui.widgets.point_list import PointList
from tests.fixtures.ui.scripted import load
from tests.ui.helpers import build, settle, start_round, submit_answer, type_answer

MARKUP = load("markup")
POSITION = MARKUP.positions[0]
OSC_TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"


def rendered(widget: Any) -> Any:
    """The Content a Static shows."""
    return widget.render()


def no_actions(content: Any) -> bool:
    """True when no span of the content carries a click action or a link."""
    for span in content.spans:
        style = str(span.style)
        if "@click" in style or "link" in style:
            return False
    return True


async def test_markup_in_pack_text_is_shown_exactly_and_does_nothing(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        packs = app.screen.query_one("#packs", OptionList)
        titles = [packs.get_option_at_index(i).prompt.plain for i in range(packs.option_count)]
        assert any(t.startswith("Markup [bold]test[/] pack") for t in titles)
        await start_round(pilot, pack_title="Markup [bold]test[/] pack", kind="all")
        screen = app.screen
        assert isinstance(screen, PositionScreen)
        claim = rendered(screen.query_one(".claim", Static))
        quote = rendered(screen.query_one(".quote", Static))
        source = rendered(screen.query_one(".attribution", Static))
        assert claim.plain == POSITION.claim
        assert quote.plain == f"“{POSITION.quote}”"
        assert "[@click=app.quit]QUIT[/]" in source.plain and "C:\\new\\[x]" in source.plain
        assert all(no_actions(c) for c in (claim, quote, source))
        await pilot.press("f2")
        await pilot.pause()
        context = screen.query_one(".context", Static)
        assert context.display and rendered(context).plain == POSITION.context
        await pilot.click(".quote")  # a click on "[@click=app.quit]" must not quit
        await pilot.pause()
        assert app.is_running and app.return_code is None
        await submit_answer(pilot, "Nothing but [bold]this[/] stays as typed x [/")
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        shown = rendered(feedback.query_one(AnswerView)).plain
        assert "[bold]this[/] stays as typed x [/" in shown
        points = "".join(rendered(p).plain for p in feedback.query(PointList))
        rubric = POSITION.rebut
        assert rubric is not None and rubric.points[0].argument in points
        assert rubric.points[0].explanation is not None
        assert rubric.points[0].explanation in points
        assert app._exception is None


async def test_escape_sequences_in_answers_and_names_never_reach_the_screen(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        name = app.screen.query_one("#player", Input)
        name.value = f"Eve{OSC_TITLE}"
        await start_round(pilot, name=f"Eve{OSC_TITLE}")
        assert app.session is not None and app.session.choice.player == "Eve"
        assert "\x1b" not in app.sub_title and "pwned" not in app.sub_title
        app.post_message(events.Paste(f"Longer days {OSC_TITLE}tire pupils{CLIPBOARD} out.\x9b2J"))
        await pilot.pause()
        box = app.screen.query_one(AnswerBox)
        assert box.text == "Longer days tire pupils out."
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = rendered(app.screen.query_one(AnswerView)).plain
        assert shown.startswith("Longer days tire pupils out.") and "\x1b" not in shown
        assert "pwned" not in shown and "cHduZWQ" not in shown


async def test_a_megabyte_paste_is_cut_to_the_cap_with_a_notice(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        await pilot.press(*"Mine: ")
        app.post_message(events.Paste("x" * 1_000_000))
        await pilot.pause()
        box = app.screen.query_one(AnswerBox)
        assert len(box.text) == ANSWER_CAP
        assert box.text.startswith("Mine: xxx")  # what was typed before the paste is kept
        notes = [str(n.message) for n in app._notifications]
        assert any("capped at 10,000 characters" in n for n in notes)
        await pilot.press("a")  # the box is full: a key press adds nothing and breaks nothing
        assert len(box.text) == ANSWER_CAP
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)


async def test_many_short_lines_and_wide_text_are_handled(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        app.post_message(events.Paste("short line\n" * 100_000))
        await pilot.pause()
        box = app.screen.query_one(AnswerBox)
        assert len(box.text) == ANSWER_CAP
        box.clear()
        hostile = (
            "שלום עולם \u202eevil\u202c 👩‍👩‍👧‍👦 漢字 e"
            + "\u0301" * 50
            + " longer days tire pupils"
        )
        type_answer(pilot, hostile)
        assert box.text == clean(hostile)  # bidi overrides stripped, the rest kept
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert "👩‍👩‍👧‍👦" in rendered(app.screen.query_one(AnswerView)).plain
        assert app._exception is None


async def test_a_grader_that_fails_keeps_the_answer(tmp_path: Path) -> None:
    class Broken:
        def __init__(self, pack: Any) -> None:
            pass

        def grade(self, answer: str, position_id: str, stance: str) -> Any:
            raise ValueError("bad [/] input")

    app = build(saves=tmp_path, grader_factory=Broken)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        await submit_answer(pilot, "my answer")
        assert isinstance(app.screen, PositionScreen)
        box = app.screen.query_one(AnswerBox)
        assert box.text == "my answer" and not box.read_only
        assert any("bad [/] input" in str(n.message) for n in app._notifications)
        assert app._exception is None
