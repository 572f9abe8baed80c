"""Saves: the SQLite store of players, rounds and attempts, drafts, backups and statistics."""
