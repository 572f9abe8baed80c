"""Make untrusted text safe to show in a terminal.

Textual and Rich pass escape sequences in content straight to the terminal (window titles,
clipboard writes, screen clears), so every pack or player string goes through ``clean`` before
it is displayed or printed. The original text is what gets stored.
"""

from __future__ import annotations

import re

# Whole escape sequences first, so their printable tails do not survive as junk.
_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, ended by BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]?"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x9c]*(?:\x07|\x9c)?"  # 8-bit OSC
)
# Remaining C0 (not tab or newline), DEL, C1, bidi overrides and isolates, lone surrogates.
_LEFTOVERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean(text: str) -> str:
    """Return ``text`` without terminal control sequences, control characters or bidi overrides."""
    if text.isprintable():
        return text
    text = text.replace("\r\n", "\n")
    return _LEFTOVERS.sub("", _SEQUENCES.sub("", text))


def shorten(text: str, limit: int = 80) -> str:
    """Clean ``text`` and cut it to ``limit`` characters with an ellipsis, on one line."""
    flat = " ".join(clean(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
