"""Run tuireader with ``python -m tuireader``."""

from tuireader.cli import main

# The guard matters: scan worker processes are spawned and re-import the main module.
if __name__ == "__main__":
    raise SystemExit(main())
