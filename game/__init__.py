"""Counterpoint: a terminal debate-training game."""

__version__ = "0.1.0"
