"""Plain mode: the same practice round as the full-screen game, as line-by-line text.

For screen readers, dumb terminals and scripts: no colours, no cursor movement, no box
drawing, and every prompt on its own line. Answers end with an empty line or a line holding
a single ``.``; end of input stops the round cleanly and prints the summary.
"""

from __future__ import annotations

import codecs
import os
import select
import time
from typing import TextIO

from game.packs.model import Pack
from game.rounds.base import Clock, GradedAnswer, GradeFn
from game.rounds.plan import Turn
from game.rounds.practice import Phase, PracticeRound, RoundSummary
from game.safe_text import clean, shorten
from game.ui.recorder import Recorder
from game.ui.words import INSTRUCTIONS, attribution

TIMED_OUT = object()
"""Returned by a reader when the answer timer ran out before a line arrived."""
END_MARK = "."
BAR = 20


class StreamReader:
    """Reads lines from any text stream; it cannot be interrupted by a timer."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def readline(self, timeout: float | None = None) -> str | None | object:
        """The next line without its newline, or None at end of input."""
        line = self.stream.readline()
        return None if line == "" else line.rstrip("\r\n")

    def pending(self) -> str:
        """Text typed after the last full line (none for plain streams)."""
        return ""


class FdReader:
    """Reads lines from a file descriptor with a timeout, for answer timers.

    It reads the descriptor itself (never through Python's buffered stdin), so ``select``
    always tells the truth about whether more input is waiting.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.buffer = ""
        self.eof = False

    def readline(self, timeout: float | None = None) -> str | None | object:
        """The next line, None at end of input, or TIMED_OUT once ``timeout`` seconds pass."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while "\n" not in self.buffer:
            if self.eof:
                if not self.buffer:
                    return None
                line, self.buffer = self.buffer, ""
                return line.rstrip("\r")
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                return TIMED_OUT
            chunk = os.read(self.fd, 65536)
            if not chunk:
                self.eof = True
                self.buffer += self.decoder.decode(b"", final=True)
            else:
                self.buffer += self.decoder.decode(chunk)
        line, _, self.buffer = self.buffer.partition("\n")
        return line.rstrip("\r")

    def pending(self) -> str:
        """Text typed after the last full line; taken, so it is not read twice."""
        text, self.buffer = self.buffer, ""
        return text


def make_reader(stream: TextIO, timed: bool) -> StreamReader | FdReader:
    """A reader for ``stream``: one that honours timers when it has a real descriptor."""
    if timed:
        try:
            fd = stream.fileno()
            select.select([fd], [], [], 0)
        except (AttributeError, OSError, ValueError):
            return StreamReader(stream)
        return FdReader(fd)
    return StreamReader(stream)


class PlainGame:
    """Plays one practice round over text streams."""

    def __init__(
        self,
        round_: PracticeRound,
        player: str,
        stdin: TextIO,
        stdout: TextIO,
        recorder: Recorder | None = None,
        pack_hash: str = "",
        round_id: int | None = None,
    ) -> None:
        self.round = round_
        self.pack = round_.pack
        self.player = player
        self.out = stdout
        self.reader = make_reader(stdin, round_.time_limit is not None)
        self.recorder = recorder
        self.pack_hash = pack_hash
        self.round_id = round_id

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def play(self) -> RoundSummary:
        """Play until the round ends or input runs out; print and return the summary."""
        pack = self.pack
        count = len(self.round.turns)
        self.say(
            f"Counterpoint, plain mode. Pack: {clean(pack.title)}."
            f" Player: {clean(self.player)}. {count} position{'s' * (count != 1)}."
        )
        self.say(
            "Write each answer in your own words. End it with an empty line or a line"
            " holding a single dot. End of input (Ctrl+D) stops the round."
        )
        while self.round.phase is not Phase.SUMMARY:
            if self.round.phase is Phase.ANSWERING:
                if not self.answer_turn():
                    self.round.finish()
            elif not self.after_feedback():
                self.round.finish()
        summary = self.round.summary()
        self.print_summary(summary)
        return summary

    def answer_turn(self) -> bool:
        """Show the position, read the answer and grade it; False when input ended first."""
        round_ = self.round
        position = round_.position
        self.say()
        tries = round_.tries()
        again = f" (try {tries + 1})" if tries else ""
        self.say(f"Position {round_.index + 1} of {len(round_.turns)}{again}.")
        self.say(f"Claim: {clean(position.claim)}")
        if position.quote:
            self.say(f"Quote: “{clean(position.quote)}” ({attribution(self.pack.source)})")
        if position.context:
            self.say(f"Background: {clean(position.context)}")
        head, tail = INSTRUCTIONS[round_.stance]
        limit = round_.time_limit
        timer = f" You have {limit:g} seconds." if limit else ""
        self.say(f"{head}: {tail}{timer}")
        self.say("Your answer:")
        lines, timed_out, ended = self.read_answer()
        if ended and not lines:
            return False
        timed_out = timed_out or round_.expired()  # a plain stream cannot be interrupted
        if timed_out:
            self.say("Time is up: your answer was submitted as it stood.")
        attempt = round_.submit("\n".join(lines), timed_out=timed_out)
        self.record(attempt)
        self.print_feedback(attempt)
        return not ended

    def read_answer(self) -> tuple[list[str], bool, bool]:
        """The answer's lines, whether the timer ran out, and whether input ended.

        An answer ends with an empty line or a line holding only ``.``; blank lines before any
        text do not end it. When the timer runs out, text typed after the last line counts.
        """
        lines: list[str] = []
        while True:
            line = self.reader.readline(self.round.remaining())
            if line is TIMED_OUT:
                pending = self.reader.pending()
                return lines + [pending] if pending else lines, True, False
            if line is None:
                return lines, False, True
            assert isinstance(line, str)
            if line.strip() == END_MARK or (not line.strip() and lines):
                return lines, False, False
            if line.strip():
                lines.append(line)

    def after_feedback(self) -> bool:
        """Ask what next: retry, next or quit; False to stop the round."""
        last = self.round.is_last
        go_on = "see the summary" if last else "go on"
        self.say(f"Enter to {go_on}, r then Enter to try again, q then Enter to stop.")
        line = self.reader.readline(None)
        if line is None or line is TIMED_OUT:
            return False
        choice = str(line).strip().lower()
        if choice in ("q", "quit", "stop"):
            return False
        if choice in ("r", "retry"):
            self.round.retry()
        else:
            self.round.next()
        return True

    def record(self, attempt: GradedAnswer) -> None:
        if self.recorder is None:
            return
        problem = self.recorder.record(
            self.player, self.pack.id, self.pack_hash, self.round_id, attempt
        )
        if problem:
            self.say(f"Not recording from now on: {problem}")

    def print_feedback(self, attempt: GradedAnswer) -> None:
        result = attempt.result
        filled = round(BAR * result.score / 100)
        self.say()
        self.say(f"Score: {result.score} out of 100.  [{'#' * filled}{'-' * (BAR - filled)}]")
        self.say(f"How: {result.arithmetic}. Took {round(attempt.seconds)} seconds.")
        for warning in result.warnings:
            self.say(f"Note: {clean(warning.message)}")
        made, missed = result.matched, result.missed
        self.say(f"Points you made: {len(made) or 'none'}.")
        for number, point in enumerate(made, 1):
            self.say(f"  {number}. (weight {point.weight:g}) {clean(point.argument)}")
            for span in point.evidence[:2]:
                words = shorten(attempt.answer[span.start : span.end], 100)
                self.say(f"     your words: “{words}”")
        self.say(f"Points you missed: {len(missed) or 'none'}.")
        for point in missed:
            opposite = " You argued the opposite." if point.contradicted else ""
            self.say(f"  - (weight {point.weight:g}) {clean(point.argument)}{opposite}")
            if point.explanation:
                self.say(f"    Why it matters: {clean(point.explanation)}")

    def print_summary(self, summary: RoundSummary) -> None:
        self.say()
        if not summary.turns:
            self.say("Round over. No answer was graded.")
            return
        self.say(f"Round over. {summary.answered} of {summary.planned} positions answered.")
        for row in summary.turns:
            tries = f"{row.tries} tr{'ies' if row.tries != 1 else 'y'}"
            self.say(
                f"  {row.index + 1}. {row.best:>3}/100 ({row.stance}, {tries})"
                f"  {shorten(row.claim, 70)}"
            )
        self.say(f"Total {summary.total} of {summary.out_of}. Average {summary.average:.0f}/100.")
        best, weakest = summary.best, summary.weakest
        if best is not None and weakest is not None and summary.answered > 1:
            self.say(f"Best: {shorten(best.claim, 60)} ({best.best}).")
            self.say(f"Weakest: {shorten(weakest.claim, 60)} ({weakest.best}).")
        if weakest is not None and weakest.best < 100:
            self.say(
                "To practise the weakest again: counterpoint play --plain"
                f" --pack {self.pack.id} --positions {weakest.position_id}"
                f" --stance {weakest.stance}"
            )


def play_plain(
    pack: Pack,
    turns: list[Turn],
    *,
    player: str,
    grade: GradeFn,
    clock: Clock,
    stdin: TextIO,
    stdout: TextIO,
    time_limit: float | None = None,
    recorder: Recorder | None = None,
    pack_hash: str = "",
) -> RoundSummary:
    """Play a round of ``turns`` over ``stdin``/``stdout``; returns the summary."""
    round_ = PracticeRound(pack, turns, grade, clock, time_limit=time_limit)
    round_id = None
    if recorder is not None:
        round_id, problem = recorder.start(player, pack.id)
        if problem:
            stdout.write(f"Not recording: {problem}\n")
    game = PlainGame(round_, player, stdin, stdout, recorder, pack_hash, round_id)
    try:
        return game.play()
    finally:
        if recorder is not None:
            recorder.finish(round_id)
