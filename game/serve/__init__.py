"""Serving the game to a class of browsers (textual-serve behind the project's own guard).

Needs the ``serve`` extra (textual-serve, which brings aiohttp). Nothing here is imported by
the game itself; only ``counterpoint serve`` loads it.
"""

SERVED_ENV = "COUNTERPOINT_SERVED"
"""Set to ``"1"`` in every served game's environment: the game then offers no file paths, no
instructor features, and delivers exports to the browser (``App.deliver_text``)."""
