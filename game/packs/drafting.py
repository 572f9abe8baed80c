"""Draft new packs as commented YAML text, for ``counterpoint new-pack``. Pure: text in, text out.

A draft always loads: every required field holds a placeholder that starts with ``REWRITE:``
and says what to write, so the author can validate, play and test from the first minute and
``counterpoint validate`` reminds them of what is left. Article sentences appear only as YAML
comments, one sentence above the position drafted from it, never as pack text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence

from game.errors import UsageError
from game.packs.article import Head, Sentence
from game.packs.loader import load_pack_text
from game.packs.model import SLUG_PATTERN

PLACEHOLDER = "REWRITE:"
"""Starts every text a draft leaves for the author to write."""
CLAIM_PLACEHOLDER = f"{PLACEHOLDER} the position of the sentence above, in your own words."
SKELETON_CLAIM = f"{PLACEHOLDER} a position of your text, in your own words."
REBUT_PLACEHOLDER = f"{PLACEHOLDER} one reason the claim is wrong, in one clear sentence."
DEFEND_PLACEHOLDER = f"{PLACEHOLDER} one reason the claim is right, in one clear sentence."
COMMENT_WIDTH = 96
NOTE_COLUMN = 40
MAX_QUOTED = 400
"""Longest article sentence copied into a comment; longer ones are cut at a word."""

_SLUG = re.compile(SLUG_PATTERN)
_LANGUAGE = re.compile(r"[a-z]{2,3}")
# Words that say nothing about a position's content, for ids drawn from a sentence.
_FILLER = frozenset(
    """a an the and or but of to in on at by for with from into about as than then that this
    these those there here it its is are was were be been being do does did have has had will
    would shall should must can could may might ought need needs not no never nor so such too
    very just also even still only more most less much many any all some we us our you your
    he she they them their his her i me my what which who whom when where why how if because
    while however instead rather whatever whether lead leads going become becomes get gets
    el la los las un una unos unas y o de del al en con por para que es son ser se su sus lo
    no ni mas muy debe deben deberia deberian hay tiene tienen le les du des et ou est sont
    ne pas il elle ils elles nous vous doit doivent faut""".split()
)


def check_pack_id(pack_id: str) -> str:
    """Return ``pack_id`` if it is a valid id, else raise a UsageError suggesting one."""
    if _SLUG.match(pack_id):
        return pack_id
    suggestion = slugify(pack_id)
    hint = f"; try {suggestion!r}" if suggestion and suggestion != pack_id else ""
    shown = pack_id if len(pack_id) <= 70 else pack_id[:69] + "…"
    raise UsageError(
        f"{shown!r} is not a valid pack id: use 1-64 lowercase letters, digits, '-' or '_',"
        f" starting with a letter or digit{hint}"
    )


def check_title(title: str) -> str:
    """Return the title tidied to one line, or raise a UsageError saying what is wrong."""
    tidy = " ".join(title.split())
    if not any(char.isalnum() for char in tidy):
        raise UsageError("the title needs at least one letter or digit")
    if len(tidy) > 300:
        raise UsageError(f"the title has {len(tidy)} characters; the limit is 300")
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in tidy):
        raise UsageError("the title contains control characters")
    return unicodedata.normalize("NFC", tidy)


def check_language(code: str) -> str:
    """Return a 2- or 3-letter language code, or raise a UsageError."""
    if not _LANGUAGE.fullmatch(code):
        raise UsageError(f"{code[:20]!r} is not a language code; use one such as 'en' or 'es'")
    return code


def slugify(text: str, words: int = 64, limit: int = 64) -> str:
    """Lowercase ASCII slug of ``text`` (accents dropped), cut at a word within ``limit``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_text.casefold())[:words]
    slug = ""
    for part in parts:
        longer = f"{slug}-{part}" if slug else part
        if len(longer) > limit:
            break
        slug = longer
    return slug or (parts[0][:limit] if parts else "")


def position_id(sentence: str, taken: set[str]) -> str:
    """A slug from the first content words of ``sentence``, unique among ``taken`` (updated)."""
    ascii_text = unicodedata.normalize("NFKD", sentence).encode("ascii", "ignore").decode()
    words = [
        w
        for w in re.findall(r"[a-z0-9]+", ascii_text.casefold())
        if w not in _FILLER and len(w) > 2
    ]
    base = slugify(" ".join(words[:5]), limit=40) or "position"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def title_from_id(pack_id: str) -> str:
    """``school-uniforms`` -> ``School uniforms``: a title to replace."""
    words = " ".join(re.split(r"[-_]+", pack_id)).strip()
    return words[:1].upper() + words[1:] if words else pack_id


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _one_line(text: str, limit: int) -> str:
    """``text`` on one line without control characters, cut at a word within ``limit``."""
    flat = " ".join(
        "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Cs")).split()
    )
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit - 1)
    return flat[: cut if cut > 0 else limit - 2] + " …"


def _comment(text: str, indent: str, first: str) -> list[str]:
    """``text`` as comment lines after ``first``, wrapped at COMMENT_WIDTH."""
    lines: list[str] = []
    current = f"{indent}# {first}"
    for word in text.split():
        if len(current) + 1 + len(word) > COMMENT_WIDTH:
            lines.append(current)
            current = f"{indent}#   {word}"
        else:
            current += " " + word
    lines.append(current)
    return lines


def _header(
    schema_ref: str, pack_id: str, title: str, language: str, note: str, head: Head | None = None
) -> list[str]:
    return [
        f"# yaml-language-server: $schema={schema_ref}",
        "#",
        f"# A Counterpoint rubric pack, drafted by `counterpoint new-pack`{note}.",
        '# Lines starting with "#" are comments. Replace every text that starts with "REWRITE:",',
        "# rename the todo-... point ids, then check the pack:",
        "#   counterpoint validate FILE     the format; lists the REWRITE texts still left",
        "#   counterpoint test-pack FILE    the examples of each point against the grader",
        "# The authors' guide (content/README.md in Counterpoint) explains every field.",
        "pack: 1",
        f"id: {pack_id}",
        f"title: {_quote(title)}",
        f"language: {language}",
        "# description: >-",
        "#   A few sentences shown when the pack is chosen.",
        "# license: CC BY 4.0",
        *_source(head or Head()),
        "positions:",
    ]


def _source(head: Head) -> list[str]:
    """The ``source`` block: the article's headline and byline when found, else comments."""
    title = f"title: {_quote(_one_line(head.title, 300))}" if head.title else None
    author = f"author: {_quote(_one_line(head.author, 300))}" if head.author else None
    if title is None and author is None:
        return [
            _note("# source:", "where the positions come from, for attribution"),
            "#   title: The article's title",
            "#   author: Its author",
            "#   outlet: Where it was published",
            "#   date: 2025-01-31",
            "#   url: https://example.org/the-article",
        ]
    return [
        _note("source:", "from the article's first lines; check them"),
        f"  {title}" if title else "  # title: The article's title",
        f"  {author}" if author else "  # author: Its author",
        "  # outlet: Where it was published",
        "  # date: 2025-01-31",
        "  # url: https://example.org/the-article",
    ]


def _note(code: str, note: str) -> str:
    """A line of YAML with a comment in the notes column."""
    return f"{code.ljust(NOTE_COLUMN - 1)} # {note}"


def _position(pid: str, claim: str, guide: bool) -> list[str]:
    """One position with one placeholder point per stance; ``guide`` adds the field comments."""
    head = f"  - id: {pid}"
    lines = [
        _note(head, "a slug, unique in the pack") if guide else head,
        f"    claim: {_quote(claim)}",
    ]
    if guide:
        lines += [
            _note("    # quote: ...", "a short quote from the source (optional)"),
            _note("    # context: ...", "background a player can ask for (optional)"),
        ]
    for stance, note, argument in (
        ("rebut", "how to argue the claim is wrong", REBUT_PLACEHOLDER),
        ("defend", "how to argue the claim is right", DEFEND_PLACEHOLDER),
    ):
        lines += [
            _note(f"    {stance}:", note) if guide else f"    {stance}:",
            "      points:",
            f"        - id: todo-{stance}-1",
            f"          argument: {_quote(argument)}",
        ]
        if guide:
            lines += [
                _note("          # phrases:", "how players say it; write four or more"),
                "          #   - the same reason in the words a student would use",
                "          #   - the same reason said another way",
                _note("          # weight: 1", "how much the point counts (default 1)"),
                _note("          # explanation: ...", "shown after an answer; teaches the point"),
                _note("          # examples:", "self-tests run by counterpoint test-pack"),
                '          #   match: ["an answer that makes this point"]',
                '          #   miss: ["an answer on the same topic that does not make it"]',
            ]
    return lines


def skeleton(pack_id: str, title: str, schema_ref: str, language: str = "en") -> str:
    """A pack with one commented placeholder position, ready to fill in."""
    lines = _header(schema_ref, pack_id, title, language, "")
    lines += [
        "  # One position; copy the block from '- id:' down to add more. Both stances are",
        "  # optional, but a position needs at least one.",
        *_position("first-position", SKELETON_CLAIM, guide=True),
    ]
    return _finish(lines, pack_id)


def draft_from_sentences(
    pack_id: str,
    title: str,
    schema_ref: str,
    sentences: Sequence[Sentence],
    article_name: str,
    language: str = "en",
    head: Head | None = None,
) -> str:
    """A pack with one position per sentence: the sentence as a comment, placeholders below;
    ``source`` filled from the article's headline and byline (``head``) when there are some.

    With no sentences, the result is the skeleton.
    """
    if not sentences:
        return skeleton(pack_id, title, schema_ref, language)
    source = _one_line(article_name, 80)
    lines = _header(schema_ref, pack_id, title, language, f" from {source}", head)
    taken: set[str] = set()
    for number, sentence in enumerate(sentences):
        if number:
            lines.append("")
        cues = ", ".join(sentence.cues)
        quoted = _one_line(sentence.text, MAX_QUOTED)
        lines += _comment(quoted, "  ", f"from the article, line {sentence.line} ({cues}):")
        lines += _position(position_id(sentence.text, taken), CLAIM_PLACEHOLDER, guide=number == 0)
    return _finish(lines, pack_id)


def _finish(lines: list[str], pack_id: str) -> str:
    text = "\n".join(lines) + "\n"
    load_pack_text(text, name=f"<draft of {pack_id}>")  # a draft that does not load is a bug
    return text
