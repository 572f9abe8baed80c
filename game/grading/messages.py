"""The words of every grading warning, so the feedback speaks with one voice."""

from __future__ import annotations

from game.grading.result import GradeWarning
from game.packs.model import Stance


def _goal(stance: Stance) -> str:
    return "why the claim is wrong" if stance == "rebut" else "why the claim is right"


def empty(stance: Stance) -> GradeWarning:
    """Nothing gradable was typed."""
    return GradeWarning(
        "empty", f"The answer is empty. Write a few sentences saying {_goal(stance)}."
    )


def too_long(length: int, cap: int) -> GradeWarning:
    """Over the size cap: refused without grading."""
    return GradeWarning(
        "too-long",
        f"The answer is {length:,} characters long; answers are limited to {cap:,}."
        " Shorten it and try again.",
    )


def salad(stance: Stance, short: bool) -> GradeWarning:
    """A keyword list, or a word or two."""
    if short:
        return GradeWarning(
            "salad", f"A word or two is not an argument. Say in a sentence {_goal(stance)}."
        )
    return GradeWarning(
        "salad",
        "This reads as a list of words, not sentences, so it earns nothing."
        " Write the argument out in full sentences.",
    )


def stuffing() -> GradeWarning:
    """Word lists or repeated words padding an otherwise normal answer."""
    return GradeWarning(
        "stuffing",
        "Parts of the answer are word lists or the same words repeated; they earn nothing."
        " Only points made in real sentences count.",
    )


def echo(stance: Stance) -> GradeWarning:
    """The answer restates the claim or its quote."""
    verb = "rebuttal" if stance == "rebut" else "defence"
    return GradeWarning(
        "echo",
        f"Restating the claim is not a {verb}: the claim's own words earn nothing."
        f" Say {_goal(stance)}.",
    )


def contradiction(argument: str) -> GradeWarning:
    """The answer asserts the opposite of one of its stance's points."""
    return GradeWarning("contradiction", f'You argued the opposite of this point: "{argument}"')


def wrong_side(stance: Stance, other_argument: str) -> GradeWarning:
    """The answer makes the other stance's points."""
    other = "supports" if stance == "rebut" else "attacks"
    asked = "rebut" if stance == "rebut" else "defend"
    return GradeWarning(
        "wrong-side",
        f'This argues the other side: "{other_argument}" {other} the claim,'
        f" but you were asked to {asked} it. Points made that way earn nothing.",
    )


def crowded(cap: int) -> GradeWarning:
    """More points in one sentence than it can earn."""
    return GradeWarning(
        "crowded",
        f"One sentence can earn at most {cap} points. Give each idea its own sentence,"
        " with a reason.",
    )
