"""The project's own error types: anything a user can cause, reported in one clear line."""


class CounterpointError(Exception):
    """Base of every error a user can cause; shown as ``str(error)``, never as a traceback."""


class UsageError(CounterpointError):
    """A command was asked for something it cannot do (unknown position, bad option value)."""
