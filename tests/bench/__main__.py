"""``make bench``: run every ``tests/bench/bench_*.py`` module's ``main()`` in turn.

Benchmarks print their figures; they never assert on timings. ``ARGKP`` (environment) points
the matcher benchmark at the ArgKP data folder.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main() -> int:
    here = Path(__file__).parent
    only = sys.argv[1:]
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    for name in names:
        if only and not any(o in name for o in only):
            continue
        print(f"\n== {name} ==", flush=True)
        start = time.perf_counter()
        importlib.import_module(f"tests.bench.{name}").main()
        print(f"({name} took {time.perf_counter() - start:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
