"""Regenerate the README's keys table and config file from the code that defines them.

    python scripts/update_readme.py          # rewrite the generated blocks in README.md
    python scripts/update_readme.py --check  # exit 1 if README.md is out of date

A block sits between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``: ``keys`` comes
from ``tuireader.config.key_table.KEY_TABLE``, ``config`` from ``tuireader.config.template``.
``tests/test_docs.py`` runs the check, so the README cannot drift from the code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
sys.path.insert(0, str(ROOT / "src"))


def keys_block() -> str:
    """The key bindings as Markdown tables, one per scope, with their ids for remapping."""
    from tuireader.config.key_table import KEY_TABLE, SCOPE_TITLES
    from tuireader.ui.bindings import key_label  # the names the help screen shows

    groups: dict[str, list[tuple[str, str, str]]] = {}
    for scope, title in SCOPE_TITLES.items():  # a screen and its list share a title
        for spec in (spec for spec in KEY_TABLE if spec.scope == scope):
            groups.setdefault(title, []).append(
                (key_label(spec), spec.tooltip or spec.description, spec.id)
            )
    return "\n\n".join(_table(title, rows) for title, rows in groups.items())


def _table(title: str, rows: list[tuple[str, str, str]]) -> str:
    """One Markdown table of (keys, what they do, binding id)."""
    lines = [
        f"**{title}**",
        "",
        "| keys | does | id (for `keys:` in the config) |",
        "|---|---|---|",
    ]
    for keys, does, binding_id in rows:
        shown = ", ".join(f"`{key}`" for key in keys.split(", "))
        escaped = does.replace("|", "\\|")
        lines.append(f"| {shown} | {escaped} | `{binding_id}` |")
    return "\n".join(lines)


def config_block() -> str:
    """The commented config file ``tuireader config --init`` writes."""
    from tuireader.config.template import CONFIG_TEMPLATE

    return f"```yaml\n{CONFIG_TEMPLATE.rstrip()}\n```"


BLOCKS = {"keys": keys_block, "config": config_block}


def updated(text: str) -> str:
    """``text`` with every generated block replaced by its current content."""
    for name, make in BLOCKS.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"README.md has no <!-- {name}:start/end --> markers")
        block = make() + "\n"
        text = pattern.sub(lambda m, block=block: m.group(1) + block + m.group(2), text)
    return text


def main(argv: list[str]) -> int:
    """Rewrite README.md, or with ``--check`` report whether it is current."""
    current = README.read_text(encoding="utf-8")
    fresh = updated(current)
    if "--check" in argv:
        if fresh != current:
            print("README.md is out of date: run python scripts/update_readme.py")
            return 1
        return 0
    if fresh != current:
        README.write_text(fresh, encoding="utf-8")
        print("README.md updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
