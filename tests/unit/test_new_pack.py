"""``counterpoint new-pack``: ids, skeletons and drafts that validate, never overwriting a file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main
from game.commands import new_pack
from game.packs.article import (
    Head,
    article_head,
    decode_article,
    position_sentences,
    split_sentences,
)
from game.packs.loader import load_pack
from game.packs.model import Pack

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
PHONES = ARTICLES / "phones-in-class.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def texts(pack: Pack) -> list[str]:
    """Every text a player can see in the pack."""
    out = [pack.title]
    for position in pack.positions:
        out.append(position.claim)
        for stance in position.stances:
            rubric = position.stance(stance)
            assert rubric is not None
            out.extend(p.argument for p in rubric.points)
    return out


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        ("My Pack", "try 'my-pack'"),
        ("_Leading", "try 'leading'"),
        ("x" * 65, "1-64 lowercase"),
        ("../etc/passwd", "try 'etc-passwd'"),
        ("café", "try 'cafe'"),
    ],
)
def test_invalid_ids_are_refused_with_a_suggestion(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, given: str, hint: str
) -> None:
    code, out, err = run(capsys, "new-pack", given, "--output", str(tmp_path / "p.yaml"))
    assert code == 2 and out == ""
    assert err.startswith("counterpoint: ") and "is not a valid pack id" in err and hint in err
    assert not (tmp_path / "p.yaml").exists()


def test_skeleton_validates_and_carries_the_schema_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "new-pack", "homework-debate", "--title", "Should homework go?")
    assert code == 0 and "wrote homework-debate.yaml" in out
    path = tmp_path / "homework-debate.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    schema = Path(new_pack.shipped_packs_dir()) / "pack.schema.json"
    assert first == f"# yaml-language-server: $schema={schema.resolve()}"
    pack = load_pack(path)
    assert (pack.id, pack.title, len(pack.positions)) == (
        "homework-debate",
        "Should homework go?",
        1,
    )
    assert pack.positions[0].stances == ("rebut", "defend")
    assert all(text.startswith("REWRITE:") for text in texts(pack)[1:])
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    assert "ok: id 'homework-debate', 1 position, 1 rebut point, 1 defend point" in out
    assert "warning: 3 texts still start with 'REWRITE:'" in out


def test_schema_line_is_relative_beside_the_shipped_schema(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pack.schema.json").write_text("{}")
    monkeypatch.setattr(new_pack, "shipped_packs_dir", lambda: tmp_path)
    code, _, _ = run(capsys, "new-pack", "beside", "-o", str(tmp_path / "beside.yaml"))
    assert code == 0
    lines = (tmp_path / "beside.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=pack.schema.json"


def test_existing_file_is_never_overwritten_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my precious work\n", encoding="utf-8")
    code, out, err = run(capsys, "new-pack", "mine", "-o", str(path))
    assert code == 2 and out == ""
    assert "already exists" in err and "--force" in err
    assert path.read_text(encoding="utf-8") == "my precious work\n"
    code, _, _ = run(capsys, "new-pack", "mine", "-o", str(path), "--force")
    assert code == 0
    assert load_pack(path).id == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]  # no temp file left


@pytest.mark.parametrize(
    ("name", "message"),
    [("pack.txt", "must end in .yaml or .yml"), ("missing/p.yaml", "does not exist")],
)
def test_bad_output_paths(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, message: str
) -> None:
    code, _, err = run(capsys, "new-pack", "x", "-o", str(tmp_path / name))
    assert code == 2 and message in err


def test_from_text_drafts_one_position_per_position_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_path = tmp_path / "phones.yaml"
    code, out, _ = run(
        capsys, "new-pack", "phones", "--from-text", str(PHONES), "-o", str(out_path)
    )
    assert code == 0 and "6 positions drafted" in out
    pack = load_pack(out_path)
    assert [p.id for p in pack.positions] == [
        "schools-stop-treating-phone-enemy",
        "pupils-learn-switch-off-themselves",
        "total-ban-pointless-every-pupil",
        "time-give-families-simple-way",
        "banning-phones-outright-risky-pupils",
        "rule-clear-exceptions-written-down",
    ]
    code, out, _ = run(capsys, "validate", str(out_path))
    assert code == 0 and "ok: id 'phones', 6 positions, 6 rebut points, 6 defend points" in out


def test_from_text_copies_at_most_one_sentence_per_position_and_only_in_comments(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_path = tmp_path / "phones.yaml"
    assert main(["new-pack", "phones", "--from-text", str(PHONES), "-o", str(out_path)]) == 0
    capsys.readouterr()
    draft = out_path.read_text(encoding="utf-8")
    article = decode_article(PHONES.read_bytes(), "phones")
    sentences = [s.text for s in split_sentences(article)]
    # Each position is preceded by one comment quoting exactly one whole sentence.
    blocks = re.findall(r"# from the article, line \d+ \([^)]*\):(.*?)\n  - id:", draft, re.S)
    assert len(blocks) == 6
    for block in blocks:
        quoted = " ".join(block.replace("#", " ").split())
        assert quoted in sentences
    # No article text outside comments: players never see the article's words as claims.
    for text in texts(load_pack(out_path)):
        assert text not in article
        assert not any(sentence in text for sentence in sentences if len(sentence) > 30)
    assert "REWRITE: the position of the sentence above, in your own words." in draft


def test_article_that_states_no_position_gives_the_skeleton(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "story.txt"
    article.write_text("The bus was late. Everyone waited in the rain for an hour.\n")
    code, out, _ = run(capsys, "new-pack", "story", "--from-text", str(article), "-o", "-")
    assert code == 2  # "-" is not a .yaml name
    code, out, _ = run(
        capsys, "new-pack", "story", "--from-text", str(article), "-o", str(tmp_path / "s.yaml")
    )
    assert code == 0 and "no sentence of" in out
    assert [p.id for p in load_pack(tmp_path / "s.yaml").positions] == ["first-position"]


def test_article_errors_name_the_line_and_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "latin1.txt"
    article.write_bytes(b"First line.\nThe caf\xe9 must close.\n")
    code, _, err = run(
        capsys, "new-pack", "x", "--from-text", str(article), "-o", str(tmp_path / "x.yaml")
    )
    assert code == 2
    assert (
        err
        == f"counterpoint: {article}:2:8: not valid UTF-8 (byte 0xE9); save the article as UTF-8\n"
    )
    assert not (tmp_path / "x.yaml").exists()
    code, _, err = run(capsys, "new-pack", "x", "--from-text", str(tmp_path / "nope.txt"))
    assert code == 2 and "article not found" in err


def test_article_size_is_capped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "huge.txt"
    article.write_bytes(b"We must act now. " * 70_000)
    code, _, err = run(
        capsys, "new-pack", "x", "--from-text", str(article), "-o", str(tmp_path / "x.yaml")
    )
    assert code == 2 and "the limit is 1,000,000" in err


def test_control_and_bidi_characters_in_the_article_never_reach_the_pack(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "evil.txt"
    article.write_text(
        "Schools \x1b]0;pwned\x07should \u202eban\u202c homework at once for every pupil.\n",
        encoding="utf-8",
    )
    out_path = tmp_path / "evil.yaml"
    assert main(["new-pack", "evil", "--from-text", str(article), "-o", str(out_path)]) == 0
    draft = out_path.read_text(encoding="utf-8")
    assert "\x1b" not in draft and "\x07" not in draft and "\u202e" not in draft
    assert "# from the article, line 1 (should): Schools should ban homework" in draft
    capsys.readouterr()
    code, out, _ = run(capsys, "validate", str(out_path))
    assert code == 0 and "bidirectional" not in out


def test_sentence_splitting_keeps_abbreviations_and_lines() -> None:
    text = "Dr. Alvarez read about it in the U.S. last year.\n\nMr. Ng said no. Then he left!"
    assert [(s.line, s.text) for s in split_sentences(text)] == [
        (1, "Dr. Alvarez read about it in the U.S. last year."),
        (3, "Mr. Ng said no."),
        (3, "Then he left!"),
    ]


@pytest.mark.parametrize(
    ("sentence", "language", "picked"),
    [
        ("Governments should tax sugary drinks to protect children.", "en", True),
        ("Should governments tax sugary drinks to protect children?", "en", False),
        ("Raising the tax again is pointless for families on low incomes.", "en", True),
        ("The minister said that schools must reopen next week.", "en", False),
        ("The council met on Tuesday to discuss the budget for parks.", "en", False),
        ("Los colegios deberían eliminar el uniforme obligatorio cuanto antes.", "es", True),
        ("El uniforme no tiene sentido en un colegio público moderno.", "es", True),
        ("Il faut supprimer les devoirs à la maison pour les plus jeunes.", "fr", True),
    ],
)
def test_position_sentences_heuristic(sentence: str, language: str, picked: bool) -> None:
    assert bool(position_sentences(sentence, language)) is picked


def test_repeated_sentences_are_drafted_once() -> None:
    text = "We must act now on climate. Instead, we must act now on climate."
    assert len(position_sentences(text)) == 1


def test_the_authors_guide_shows_a_real_draft(tmp_path: Path) -> None:
    guide = (Path(__file__).resolve().parents[2] / "content" / "README.md").read_text()
    section = guide.split("A drafted position looks like this", 1)[1]
    shown = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    out_path = tmp_path / "phones.yaml"
    assert main(["new-pack", "phones", "--from-text", str(PHONES), "-o", str(out_path)]) == 0
    assert shown in out_path.read_text(encoding="utf-8")


def test_an_id_already_used_by_a_known_pack_is_pointed_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "new-pack", "school-uniforms", "-o", str(tmp_path / "mine.yaml"))
    assert code == 0
    assert "warning: " in out and "already uses the id 'school-uniforms'" in out
    code, out, _ = run(capsys, "new-pack", "fresh-id", "-o", str(tmp_path / "fresh.yaml"))
    assert code == 0 and "warning" not in out


def test_without_output_the_pack_goes_into_the_packs_folder_and_play_is_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An instructor who passes --packs expects the new pack where the game will find it.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COUNTERPOINT_PACKS", raising=False)
    (tmp_path / "my packs").mkdir()
    code, out, _ = run(capsys, "new-pack", "cars", "--packs", "my packs")
    assert code == 0
    assert (tmp_path / "my packs" / "cars.yaml").is_file()
    assert not (tmp_path / "cars.yaml").exists()
    lines = out.splitlines()
    assert (
        lines[0] == "wrote my packs/cars.yaml: a skeleton pack 'cars' with one position to fill in"
    )
    assert "counterpoint validate 'my packs/cars.yaml'" in out
    assert "counterpoint lab --pack 'my packs/cars.yaml'" in out
    assert "counterpoint play --pack cars --packs 'my packs'" in out  # runnable as printed
    # Without --packs: here, and playing it needs this folder named.
    code, out, _ = run(capsys, "new-pack", "bikes")
    assert code == 0 and (tmp_path / "bikes.yaml").is_file()
    assert "counterpoint play --pack bikes --packs ." in out
    # A folder the game already reads (COUNTERPOINT_PACKS) needs no --packs to play.
    monkeypatch.setenv("COUNTERPOINT_PACKS", str(tmp_path / "my packs"))
    code, out, _ = run(capsys, "new-pack", "buses", "--packs", "my packs")
    assert code == 0 and re.search(r"counterpoint play --pack buses +play it", out)


def test_a_draft_takes_its_source_from_the_headline_and_byline(tmp_path: Path) -> None:
    out_path = tmp_path / "phones.yaml"
    assert main(["new-pack", "phones", "--from-text", str(PHONES), "-o", str(out_path)]) == 0
    source = load_pack(out_path).source
    assert source is not None
    assert (source.title, source.author) == (
        "Ban phones from classrooms? Not so fast",
        "a teacher who has tried both",
    )
    assert source.outlet is None  # still a comment to fill in


@pytest.mark.parametrize(
    ("text", "head"),
    [
        (
            "Cars Out of Town\n\nBy Maria Holt\n\nCities should ban cars.",
            Head("Cars Out of Town", "Maria Holt"),
        ),
        ("# A Markdown Title\n\nText that must be read.", Head("A Markdown Title", None)),
        ("Cities should ban cars.\nThey pollute.\n", Head(None, None)),  # no headline alone
        ("IE 11 is not supported.\n\nHeadline\n", Head(None, None)),  # a sentence, not a title
        (
            "Title\n\nBy the way, this is no byline because it runs on and on and on.",
            Head("Title", None),
        ),
    ],
)
def test_article_head(text: str, head: Head) -> None:
    assert article_head(text) == head
