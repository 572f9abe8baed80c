"""The few HTML pages the server writes itself: join form, class full, refused, and the game.

The game page replaces textual-serve's own template so that it loads nothing from other sites
(that template fetches a font from Google): the terminal font comes from textual-serve's static
folder. Every value placed in a page is HTML-escaped.
"""

from __future__ import annotations

from html import escape

_STYLE = """
body { background: #0c181f; color: #f0f0f0; font-family: 'Roboto Mono', monospace;
       margin: 0; }
main { max-width: 34em; margin: 12vh auto; padding: 2em; background: #12232d; }
h1 { font-size: 1.4em; margin-top: 0; }
input, button { font: inherit; font-size: 1.3em; padding: .4em .6em; }
input { width: 9em; letter-spacing: .15em; text-transform: uppercase; }
button { background: #5e0ba7; color: #fff; border: 0; cursor: pointer; }
.problem { color: #ffb4a8; }
a { color: #c9a7ff; }
"""

HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
"""Sent with every page: no framing by other sites, no caching of the join state."""


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )


def join_page(problem: str | None = None) -> str:
    """The form asking for the join code."""
    note = f"<p class='problem'>{escape(problem)}</p>" if problem else ""
    return _page(
        "Join the Counterpoint class",
        "<h1>Counterpoint</h1><p>Type the join code your coach shows.</p>"
        f"{note}<form method='post' action='/join'>"
        "<input name='code' autocomplete='off' autocapitalize='characters' spellcheck='false'"
        " autofocus required maxlength='40' aria-label='Join code'> "
        "<button type='submit'>Join</button></form>",
    )


def full_page(limit: int) -> str:
    """Shown instead of a game when every place is taken."""
    return _page(
        "The class is full",
        f"<h1>The class is full</h1><p>All {limit} games are in use. Ask your coach, or "
        "<a href='/'>try again</a> when someone has finished.</p>",
    )


def refused_page(reason: str) -> str:
    """Shown when a request is refused (wrong host, too many wrong codes)."""
    return _page("Not allowed", f"<h1>Not allowed</h1><p>{escape(reason)}</p>")


def game_page(title: str, static_url: str, websocket_url: str, font_size: int) -> str:
    """The page that runs textual-serve's terminal (its JavaScript and CSS)."""
    static = escape(static_url.rstrip("/") + "/", quote=True)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(title)}</title>
<link rel="stylesheet" href="{static}css/xterm.css">
<script src="{static}js/textual.js"></script>
<style>
@font-face {{ font-family: 'Roboto Mono'; font-style: normal;
  src: url('{static}fonts/RobotoMono-VariableFont_wght.ttf') format('truetype'); }}
@font-face {{ font-family: 'Roboto Mono'; font-style: italic;
  src: url('{static}fonts/RobotoMono-Italic-VariableFont_wght.ttf') format('truetype'); }}
html, body {{ margin: 0; height: 100%; background: #0c181f; }}
.textual-terminal {{ width: 100vw; height: 100vh; opacity: 0;
  transition: opacity 0.3s ease-out; }}
body.-first-byte .textual-terminal {{ opacity: 1; }}
.waiting, .ended {{ position: absolute; inset: 0; display: flex; align-items: center;
  justify-content: center; color: #f0f0f0; font: 18px 'Roboto Mono', monospace; }}
body.-first-byte .waiting, .ended {{ display: none; }}
body.-closed .ended {{ display: flex; background: #0c181f; z-index: 10; }}
.ended a {{ color: #c9a7ff; margin-left: 1em; }}
</style>
</head>
<body>
<div class="waiting">Starting your game…</div>
<div class="ended">Game over. <a href="/">Start a new game</a></div>
<div id="terminal" class="textual-terminal"
  data-session-websocket-url="{escape(websocket_url, quote=True)}"
  data-font-size="{int(font_size)}"></div>
</body>
</html>
"""
