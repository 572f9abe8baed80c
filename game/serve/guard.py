"""The checks that stand between a browser and a game, free of any web framework.

textual-serve starts a game for every websocket that reaches it, from anywhere, at any size
(``shared/reliability.md`` §1.6, §2.G). These are the rules the server applies first:

- a join code, made with ``secrets`` when the server starts and shown to the coach; a browser
  that typed it gets a cookie signed with a key that lives only in this process, so a restart
  logs everyone out, and nothing secret is ever stored;
- wrong codes are counted per address and slowed down, so the code cannot be guessed;
- the websocket's Origin must be the page's own host, so another web site a student visits
  cannot open a game in their name;
- on loopback, the Host must be a loopback name, so a web site that rebinds its DNS name to
  127.0.0.1 cannot reach the game either;
- terminal sizes and keyboard messages are clamped.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""No 0/O, 1/I/L: a code read off a projector is typed right the first time."""
CODE_LENGTH = 8
MIN_CODE_LENGTH = 6
COOKIE = "counterpoint_join"
MAX_WIDTH, MAX_HEIGHT = 200, 60
MIN_WIDTH, MIN_HEIGHT = 10, 5
MAX_STDIN_CHARS = 200_000
"""A pasted 50,000-character answer (the most the game grades) fits, escapes and all."""
FAILURES_ALLOWED = 10
FAILURE_WINDOW = 60.0
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


class BadCode(ValueError):
    """A join code the coach chose that is too short to be safe."""


def make_code() -> str:
    """A fresh join code such as ``K7PM-Q2XD``."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(text: str) -> str:
    """What counts in a code: letters and digits, upper case (spaces and dashes are ignored)."""
    return "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` keeps the server on this machine."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_name(netloc: str) -> str:
    """The host part of ``host:port`` or ``[v6]:port``, lower case."""
    return (urlsplit(f"//{netloc}").hostname or "").lower()


@dataclass
class Guard:
    """The join code, the cookie key and the failure counts of one running server."""

    code: str
    """The code as shown to the coach."""
    required: bool
    """Whether browsers must type the code (always beyond loopback, or with --guard)."""
    loopback: bool
    """The server is bound to loopback: the Host header must be a loopback name."""
    clock: Callable[[], float] = time.monotonic
    _key: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    _failures: dict[str, list[float]] = field(default_factory=dict)

    @classmethod
    def create(cls, host: str, code: str | None, force: bool) -> Guard:
        """A guard for a server bound to ``host``; ``code`` None makes a fresh one.

        Raises:
            BadCode: the chosen code has fewer than six letters and digits.
        """
        if code is not None and len(normalise_code(code)) < MIN_CODE_LENGTH:
            raise BadCode(f"a join code needs at least {MIN_CODE_LENGTH} letters or digits")
        loopback = is_loopback(host)
        return cls(code or make_code(), required=force or not loopback, loopback=loopback)

    # ------------------------------------------------------------------ join code and cookie
    def code_matches(self, typed: str) -> bool:
        """Compare in constant time, ignoring case, spaces and dashes."""
        return hmac.compare_digest(
            normalise_code(typed).encode(), normalise_code(self.code).encode()
        )

    def make_token(self) -> str:
        """A cookie value proving the code was typed: a random nonce and its signature."""
        nonce = secrets.token_hex(16)
        return f"{nonce}.{self._sign(nonce)}"

    def token_ok(self, token: str | None) -> bool:
        """Whether ``token`` was made by this server (any other value fails)."""
        if not token or token.count(".") != 1 or len(token) > 200:
            return False
        nonce, signature = token.split(".")
        return hmac.compare_digest(signature.encode(), self._sign(nonce).encode())

    def _sign(self, nonce: str) -> str:
        return hmac.new(self._key, nonce.encode(), hashlib.sha256).hexdigest()

    def admitted(self, token: str | None) -> bool:
        """Whether a browser with this cookie may have a game."""
        return not self.required or self.token_ok(token)

    # ------------------------------------------------------------------ guessing
    def blocked(self, address: str) -> bool:
        """Too many wrong codes from ``address`` within the last minute."""
        now = self.clock()
        recent = [t for t in self._failures.get(address, []) if now - t < FAILURE_WINDOW]
        if recent:
            self._failures[address] = recent
        else:
            self._failures.pop(address, None)
        return len(recent) >= FAILURES_ALLOWED

    def failed(self, address: str) -> None:
        """Count a wrong code from ``address``."""
        self._failures.setdefault(address, []).append(self.clock())
        if len(self._failures) > 10_000:  # bounded memory whatever the traffic
            self._failures.pop(next(iter(self._failures)))

    # ------------------------------------------------------------------ where requests come from
    def host_ok(self, host_header: str | None) -> bool:
        """On loopback only loopback names are served (no DNS rebinding); elsewhere any."""
        if not self.loopback:
            return True
        return host_name(host_header or "") in LOOPBACK_NAMES

    @staticmethod
    def origin_ok(origin: str | None, host_header: str | None) -> bool:
        """The websocket must come from a page served by this host and port."""
        if not origin or not host_header:
            return False
        parts = urlsplit(origin)
        return parts.scheme in ("http", "https") and parts.netloc.lower() == host_header.lower()


def clamp_size(width: object, height: object) -> tuple[int, int] | None:
    """A browser's terminal size clamped to what the game needs; None if not numbers."""
    if isinstance(width, bool) or isinstance(height, bool):
        return None
    if not isinstance(width, int | float) or not isinstance(height, int | float):
        return None
    if width != width or height != height:  # NaN
        return None
    w = int(min(max(width, MIN_WIDTH), MAX_WIDTH))
    h = int(min(max(height, MIN_HEIGHT), MAX_HEIGHT))
    return w, h


def size_from_query(width: str | None, height: str | None) -> tuple[int, int]:
    """The starting size from the websocket URL, clamped (80x24 when missing or odd)."""
    try:
        found = clamp_size(int(width or 80), int(height or 24))
    except ValueError:
        found = None
    return found or (80, 24)
