"""The help screen: a short text for the screen below, and its active keys, generated."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Label, Markdown, Static

from game.ui.text import literal


def key_rows(app_screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(keys, action, what it does) for every binding active on ``app_screen``.

    Read from the live bindings, so the table is always what the keys actually do, including
    remapped keys. The screen's own keys come first, then the game's, then Textual's general
    ones (focus, copy); the editing keys of the focused widget are left out.
    """
    app = app_screen.app
    own: set[str] = set()
    for cls in type(app_screen).__mro__:
        if cls.__module__.startswith("game."):
            own.update(_actions(cls.__dict__.get("BINDINGS", [])))
    game_app = {
        a
        for cls in type(app).__mro__
        if cls.__module__.startswith("game.")
        for a in _actions(cls.__dict__.get("BINDINGS", []))
    }
    grouped: dict[tuple[int, str], list[str]] = {}
    info: dict[tuple[int, str], tuple[str, str]] = {}
    for active in app_screen.active_bindings.values():
        binding = active.binding
        if not binding.description or not active.enabled:
            continue
        if active.node is not app_screen and active.node is not app:
            continue
        ident = (id(active.node), binding.action)
        grouped.setdefault(ident, []).append(app.get_key_display(binding))
        info.setdefault(ident, (binding.description, binding.tooltip))

    def rank(ident: tuple[int, str]) -> int:
        action = ident[1]
        return 0 if action in own else 1 if action in game_app else 2

    rows = []
    for ident in sorted(grouped, key=rank):
        description, tooltip = info[ident]
        shown = " / ".join(dict.fromkeys(grouped[ident]))
        rows.append((shown, description, tooltip or ""))
    return rows


def _actions(bindings: object) -> set[str]:
    found: set[str] = set()
    for item in bindings if isinstance(bindings, list) else []:
        action = item.action if isinstance(item, Binding) else item[1]
        found.add(action)
    return found


class HelpScreen(ModalScreen[None]):
    """Help for the screen it was opened from."""

    CSS_PATH = "../help.tcss"
    BINDINGS = [
        Binding(
            "escape,f1,question_mark,q", "close", "Close", id="close-help", tooltip="Close the help"
        ),
    ]

    def __init__(self, text: str, rows: list[tuple[str, str, str]], saves: str) -> None:
        super().__init__()
        self.text = text
        self.rows = rows
        self.saves = saves

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="dialog"):
            with VerticalScroll(id="help-body"):
                yield Markdown(self.text, id="help-text")
                yield Label("Keys on this screen", classes="section")
                yield DataTable(id="keys", show_cursor=False, zebra_stripes=True)
                yield Label("Where your progress is kept", classes="section")
                yield Static(literal(self.saves), id="saves")
            yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Help"
        table = self.query_one("#keys", DataTable)
        table.add_columns("Key", "Does", "Details")
        for keys, description, tooltip in self.rows:
            table.add_row(Text(keys, style="bold"), Text(description), Text(tooltip))
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
