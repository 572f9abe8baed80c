"""Interface settings: never fail to load, written atomically, bad values ignored."""

from __future__ import annotations

import json
from pathlib import Path

from game.ui.settings import Settings


def test_missing_or_damaged_settings_give_the_defaults(tmp_path: Path) -> None:
    assert Settings.load(tmp_path) == Settings()
    (tmp_path / "settings.json").write_text("{not json")
    assert Settings.load(tmp_path) == Settings()
    (tmp_path / "settings.json").write_text("[1, 2]")
    assert Settings.load(tmp_path) == Settings()


def test_settings_round_trip(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path)
    settings.theme = "textual-light"
    settings.last_player = "Ada"
    settings.keys = {"submit": "ctrl+g"}
    settings.timer = 60
    assert settings.save()
    again = Settings.load(tmp_path)
    assert again == settings
    assert not list(tmp_path.glob(".settings-*"))  # no temporary file left behind


def test_wrong_types_and_unknown_keys_are_ignored(tmp_path: Path) -> None:
    data = {"theme": 3, "timer": -5, "round_count": 10_000, "keys": {"a": 1, "b": "x"}, "new": 1}
    (tmp_path / "settings.json").write_text(json.dumps(data))
    settings = Settings.load(tmp_path)
    assert settings.theme == "textual-dark" and settings.timer == 0
    assert settings.round_count == 50 and settings.keys == {"b": "x"}


def test_an_unwritable_place_is_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "saves").write_text("a file where the folder should be")
    settings = Settings.load(tmp_path / "saves")
    assert settings == Settings() and settings.save() is False


def test_in_memory_settings_are_never_written() -> None:
    assert Settings().save() is False


def test_custom_times_and_club_players_come_back(tmp_path: Path) -> None:
    data = {"timer": 90, "prep": 99_999, "club_players": ["Ada", 3, "Bo"]}
    (tmp_path / "settings.json").write_text(json.dumps(data))
    settings = Settings.load(tmp_path)
    assert settings.timer == 90 and settings.prep == 0  # a custom timer; an absurd prep time
    assert settings.club_players == ["Ada", "Bo"]
