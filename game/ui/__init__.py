"""The full-screen game, built on Textual. Nothing here runs at import time."""
