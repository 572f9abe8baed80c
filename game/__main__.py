"""Lets ``python -m game`` behave like the ``counterpoint`` command."""

from game.cli import main

raise SystemExit(main())
