"""A served game (a browser's, under ``counterpoint serve``): no paths, no instructor features."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.widgets import DataTable, Input, OptionList

from game.cli import main
from game.commands.serve import play_takes_served
from game.ui.screens.help import HelpScreen
from game.ui.screens.lab import open_lab
from game.ui.screens.pack_browser import PackBrowserScreen
from game.ui.screens.start import StartScreen
from game.ui.screens.summary import SummaryScreen
from game.ui.served import ServedApp, redact
from tests.fixtures.ui.scripted import HERE as FIXTURES
from tests.ui.helpers import (
    STRONG,
    build,
    fixture_entries,
    start_round,
    submit_answer,
)

INSTRUCTORS = ("Rubric lab", "Reload packs", "Start saves afresh", "Screenshot")


def game(saves: Path, *, served: bool = True) -> Any:
    return build(saves=saves, scripted=True, served=served, reload_packs=fixture_entries)


def screen_text(app: Any) -> str:
    """Everything the screen shows: each widget's text (scrolled out of view or not), the
    drawn screen itself, and the notifications."""
    parts: list[str] = []
    for widget in app.screen.query("*"):
        if isinstance(widget, OptionList):
            prompts = (widget.get_option_at_index(i).prompt for i in range(widget.option_count))
            parts += [str(p) for p in prompts]
        elif isinstance(widget, DataTable):
            parts += [" ".join(map(str, widget.get_row_at(i))) for i in range(widget.row_count)]
        elif isinstance(widget, Input):
            parts += [widget.value, widget.placeholder]
        else:
            shown = widget.render()
            parts.append(str(getattr(shown, "plain", shown)))
    drawn = re.sub(r"<[^>]+>", "", app.export_screenshot())
    parts.append(html.unescape(drawn).replace("\xa0", " "))
    parts += [n.message for n in app._notifications]
    return "\n".join(parts)


def assert_no_paths(text: str, *folders: Path) -> None:
    for folder in (*folders, FIXTURES, Path.home()):
        assert str(folder) not in text
    assert "--packs" not in text and "--saves" not in text and "COUNTERPOINT_" not in text


def highlight(start: StartScreen, wanted: Any) -> None:
    packs = start.query_one("#packs", OptionList)
    index = next(i for i, e in enumerate(start.shown) if wanted(e))
    packs.highlighted = packs.get_option_index(f"pack-{index}")


async def palette_titles(pilot: Any) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one(OptionList)
    titles = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    await pilot.press("escape")
    await pilot.pause()
    return [t.splitlines()[0] for t in titles]


async def test_start_and_help_screens_show_no_file_paths(tmp_path: Path) -> None:
    app = game(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = app.screen
        assert isinstance(start, StartScreen)
        highlight(start, lambda e: not e.ok)  # a broken pack: its problem, named by file name
        await pilot.pause()
        text = screen_text(app)
        assert "broken.yaml:" in text
        assert_no_paths(text, tmp_path)
        app.notify(f"Could not open {tmp_path / 'counterpoint.db'}: disk full")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "class's server" in text
        assert "Could not open counterpoint.db" in text  # a name is harmless; its folder is not
        assert_no_paths(text, tmp_path)


async def test_an_ordinary_game_still_shows_where_the_saves_are(tmp_path: Path) -> None:
    app = game(tmp_path, served=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert str(tmp_path) in screen_text(app)  # the contrast that makes the test above bite


async def test_the_palette_offers_no_instructor_commands(tmp_path: Path) -> None:
    ordinary = game(tmp_path, served=False)
    async with ordinary.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = await palette_titles(pilot)
    assert all(title in titles for title in INSTRUCTORS[:2])  # offered to a local player

    app = game(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = await palette_titles(pilot)
        assert "New round" in titles and "Theme" in titles and "Quit" in titles
        assert not set(INSTRUCTORS) & set(titles)
        assert not open_lab(app)  # nor can it be reached another way
        assert isinstance(app.screen, StartScreen)
        highlight(app.screen, lambda e: e.id == "ui-tiny")
        app.screen.action_browse()
        await pilot.pause()
        assert isinstance(app.screen, PackBrowserScreen)
        assert app.screen.check_action("lab", ()) is False
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, PackBrowserScreen)
        assert app.check_action("screenshot", ()) is False


async def test_export_reaches_the_browser_as_a_download(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = game(tmp_path)
    sent: list[tuple[str, dict[str, Any]]] = []

    def deliver_text(file: Any, **options: Any) -> str:
        sent.append((file.read(), options))
        return "key-1"

    monkeypatch.setattr(app, "deliver_text", deliver_text)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_round(pilot)
        await submit_answer(pilot, STRONG)
        await pilot.press("escape")  # end the round after one answer
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        commands = {title: run for title, _, run in app.palette_commands(app.screen)}
        commands["Export results"]()
        await pilot.pause()
        assert len(sent) == 1
        text, options = sent[0]
        assert text.startswith("# Counterpoint round: The four-day school week")
        assert re.fullmatch(r"round-ui-tiny-\d{8}-\d{6}\.md", options["save_filename"])
        assert "download" in screen_text(app)
        assert_no_paths(screen_text(app), tmp_path)
    assert not (tmp_path / "exports").exists()  # nothing written on the server


def test_play_served_flag_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Any] = []
    monkeypatch.setattr("textual.app.App.run", lambda app, **_: built.append(app))
    monkeypatch.delenv("COUNTERPOINT_SERVED", raising=False)
    assert main(["play", "--saves", str(tmp_path)]) == 0
    assert main(["play", "--served", "--saves", str(tmp_path)]) == 0
    monkeypatch.setenv("COUNTERPOINT_SERVED", "1")
    assert main(["play", "--saves", str(tmp_path)]) == 0
    assert [type(a) is ServedApp for a in built] == [False, True, True]
    assert main(["play", "--plain", "--saves", str(tmp_path)]) == 2  # served games are full-screen
    assert play_takes_served()


def test_paths_are_reduced_to_names() -> None:
    saves = Path("/srv/club/saves")
    said = redact(f"cannot write {saves}/counterpoint.db and /etc/passwd or C:\\x\\y.yaml", [saves])
    assert "/srv" not in said and "/etc" not in said and "C:" not in said
    assert "passwd" in said and "y.yaml" in said
    assert redact("50/100 and/or ~/packs/mine.yaml") == "50/100 and/or mine.yaml"
