"""Widgets: each displays what it is given and reports what the player did."""
