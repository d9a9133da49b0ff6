"""Save the README's screenshots: the app itself draws them, headless, as SVG.

    python scripts/screenshots.py [--out docs/screenshots] [--size 120x36]

Each picture runs the real app (``App.run_test``) on the bundled ``sample_articles`` with
throw-away data and cache folders, at a fixed size, and saves ``app.export_screenshot``:
the main screen, the seed article open, the help screen, and the search and bookmarks
screens when the app has them (found through their binding ids, so a screen added later
appears in the pictures without a change here). Run it again after a UI change.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import re
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tuireader.config import Paths, Settings  # noqa: E402

SAMPLES = ROOT / "sample_articles"
SEED = SAMPLES / "新闻" / "张掖" / "2022-11-01-学习贯彻党的二十大精神.txt"
#: Screens reached by a binding, when the app has it: (file name, binding ids to try,
#: text to type once the screen is open).
OPTIONAL_SCREENS = (
    ("search", ("search.library", "library.search"), "经济"),
    ("bookmarks", ("bookmark.list", "bookmarks.list"), ""),
)

Step = Callable[[object], Awaitable[None]]


async def settle(pilot) -> None:
    """Wait for the library to open, the scan to finish and the screen to repaint."""
    for _ in range(500):
        if getattr(pilot.app.screen, "library", True) is not None:
            break
        await pilot.pause(0.01)
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def shoot(
    out: Path,
    name: str,
    size: tuple[int, int],
    step: Step | None = None,
    open_file: Path | None = None,
) -> Path | None:
    """Run the app in fresh folders, apply ``step``, save ``out/name.svg``."""
    from tuireader.ui.app import TuireaderApp

    with tempfile.TemporaryDirectory(prefix="tuireader-shots-") as tmp:
        paths = Paths(Path(tmp, "data"), Path(tmp, "cache"), Path(tmp, "none.yaml"))
        app = TuireaderApp(paths, Settings(), SAMPLES, open_file=open_file)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            if step is not None and await step(pilot) is False:
                return None
            await settle(pilot)
            svg = app.export_screenshot(title=f"tuireader — {name}")
    target = out / f"{name}.svg"
    target.write_text(fix_wide_text(svg), encoding="utf-8")
    return target


_TEXT = re.compile(r'(<text [^>]*?textLength=")([0-9.]+)("[^>]*>)([^<]*)(</text>)')


def fix_wide_text(svg: str) -> str:
    """Give each text run the width of its cells, not of its characters.

    Rich's SVG export sets ``textLength`` to one cell per character, so a browser
    squeezes every Chinese character (two cells wide) into one cell and the lines
    overlap. The run's width in cells is what the terminal showed.
    """
    from rich.cells import cell_len

    def widen(match: re.Match[str]) -> str:
        text = html.unescape(match.group(4))
        if not text:
            return match.group(0)
        cell = float(match.group(2)) / len(text)
        width = f"{cell * cell_len(text):.4g}"
        return match.group(1) + width + match.group(3) + match.group(4) + match.group(5)

    return _TEXT.sub(widen, svg)


def binding_step(binding_ids: tuple[str, ...], typed: str = "") -> Step:
    """A step that runs the first of ``binding_ids`` the app has, then types ``typed``;
    False if the app has none of them."""
    from tuireader.ui.bindings import KEY_TABLE

    specs = [spec for spec in KEY_TABLE if spec.id in binding_ids]

    async def step(pilot) -> bool:
        if not specs:
            return False
        await pilot.app.screen.run_action(specs[0].action)
        await pilot.pause()
        if typed:
            await pilot.press(*typed)
            await pilot.pause(1.0)  # past any typing debounce, so the results are there
        return True

    return step


def press(*keys: str) -> Step:
    """A step that presses ``keys``."""

    async def step(pilot) -> None:
        await pilot.press(*keys)

    return step


async def main(out: Path, size: tuple[int, int]) -> list[Path]:
    """Save every picture; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    saved = [
        await shoot(out, "main", size),
        await shoot(out, "article", size, open_file=SEED),
        await shoot(out, "help", size, press("question_mark")),
    ]
    for name, binding_ids, typed in OPTIONAL_SCREENS:
        step = binding_step(binding_ids, typed)
        saved.append(await shoot(out, name, size, step, open_file=SEED))
    return [path for path in saved if path is not None]


def parse_size(text: str) -> tuple[int, int]:
    """``120x36`` → (120, 36)."""
    width, _, height = text.partition("x")
    return int(width), int(height)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", type=parse_size, default=(120, 36))
    options = parser.parse_args()
    for path in asyncio.run(main(options.out, options.size)):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
