"""Discovery finds shipped and extra packs; a broken pack is listed and never stops the others."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from game.packs.discovery import SHIPPED, discover
from game.paths import shipped_packs_dir

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "packs"


def test_shipped_packs_are_found_by_default() -> None:
    assert SHIPPED == shipped_packs_dir()
    entries = discover()
    ids = [e.id for e in entries if e.ok]
    assert "school-uniforms" in ids
    assert all(e.path.parent == SHIPPED for e in entries)


def test_no_shipped_packs_when_asked() -> None:
    assert discover([], shipped=None) == []


def test_files_in_name_order_both_suffixes_and_nothing_else(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "good" / "two-positions.yml", tmp_path / "b.yml")
    shutil.copy(FIXTURES / "good" / "minimal.yaml", tmp_path / "a.yaml")
    (tmp_path / "notes.txt").write_text("not a pack")
    (tmp_path / ".hidden.yaml").write_text("not: a pack")
    (tmp_path / "pack.schema.json").write_text("{}")
    entries = discover([tmp_path], shipped=None)
    assert [(e.path.name, e.id, e.ok) for e in entries] == [
        ("a.yaml", "fixture-minimal", True),
        ("b.yml", "fixture-two", True),
    ]


def test_broken_pack_is_listed_with_its_error_and_the_others_still_load() -> None:
    entries = discover([FIXTURES / "bad", FIXTURES / "good"], shipped=None)
    broken = {e.path.name: e for e in entries if not e.ok}
    good = [e.id for e in entries if e.ok]
    assert good == ["fixture-minimal", "fixture-two"]
    assert sorted(broken) == ["duplicate-key.yaml", "many-problems.yaml", "unclosed-quote.yaml"]
    entry = broken["unclosed-quote.yaml"]
    assert entry.id == "unclosed-quote" and entry.title == "unclosed-quote.yaml"
    assert entry.error is not None and entry.error.first.line == 3
    assert entry.pack is None


def test_duplicate_pack_id_marks_the_later_file_broken() -> None:
    entries = discover([FIXTURES / "good", FIXTURES / "same-id"], shipped=None)
    first, copy = (e for e in entries if e.path.stem.startswith("minimal"))
    assert first.ok and first.path.parent.name == "good"
    assert not copy.ok and copy.error is not None
    assert str(copy.error) == (
        f"{copy.path}: id: pack id 'fixture-minimal' is already used by {first.path}"
    )


def test_missing_folder_is_an_entry_not_a_crash(tmp_path: Path) -> None:
    entries = discover([tmp_path / "nope", FIXTURES / "good"], shipped=None)
    assert [e.ok for e in entries] == [False, True, True]
    assert entries[0].error is not None
    assert entries[0].error.first.message == "pack folder not found"


def test_same_folder_twice_lists_each_pack_once() -> None:
    entries = discover([FIXTURES / "good", FIXTURES / "good"], shipped=FIXTURES / "good")
    assert [e.id for e in entries] == ["fixture-minimal", "fixture-two"]


def test_a_single_file_can_be_given(tmp_path: Path) -> None:
    entries = discover([FIXTURES / "good" / "minimal.yaml"], shipped=None)
    assert [e.id for e in entries] == ["fixture-minimal"]


def test_entries_carry_the_hash_of_the_file_bytes() -> None:
    path = FIXTURES / "good" / "minimal.yaml"
    (entry,) = discover([path], shipped=None)
    assert entry.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert entry.title == "Minimal fixture pack"


def test_unreadable_entry_has_no_hash(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").mkdir()
    (entry,) = discover([tmp_path], shipped=None)
    assert not entry.ok and entry.sha256 == ""
