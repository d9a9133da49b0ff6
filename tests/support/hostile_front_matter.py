"""Front matter built to hurt a YAML loader (part of :mod:`hostile_library`).

Each case is a Markdown file whose front matter is malicious or malformed; the body after
it is ordinary, so a loader that rejects only the front matter still shows the article.
"""

from __future__ import annotations

from pathlib import Path

from hostile_cases import PWNED_FILE_NAME, PWNED_TMP_PATH

BODY = "\n# Body heading\n\nThe body must still be shown.\n"
DEEP = 5000


def _alias_bomb() -> str:
    """Nine levels of nine aliases each: a few hundred bytes that expand to 9**9 items."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\ntitle: alias bomb\n"


def _huge() -> str:
    """Front matter over 64 KiB: one long description."""
    return "title: huge front matter\ndescription: " + "经济" * 40_000 + "\n"


def front_matter_cases(root: Path) -> dict[str, tuple[bytes, str]]:
    """{relative name: (file bytes, description)} for every front-matter attack."""
    local_pwn = f"touch {root / PWNED_FILE_NAME}"
    blocks = {
        "python-tag.md": (
            f'title: !!python/object/apply:os.system ["{local_pwn}"]\n',
            "python tag",
        ),
        "python-tag-tmp.md": (
            f'title: !!python/object/apply:os.system ["touch {PWNED_TMP_PATH}"]\n',
            "python tag touching /tmp/pwned",
        ),
        "alias-bomb.md": (_alias_bomb(), "YAML alias bomb"),
        "deep-nesting.md": (
            "title: deep\nx: " + "[" * DEEP + "]" * DEEP + "\n",
            "5,000-deep nesting",
        ),
        "invalid-date.md": ("title: invalid date\ndate: 2024-02-30\n", "date 2024-02-30"),
        "list.md": ("- one\n- two\n", "front matter is a list"),
        "scalar.md": ("just a scalar\n", "front matter is a scalar"),
        "empty.md": ("", "empty front matter"),
        "tabs.md": ("title: tabs\ntags:\n\t- a\n\t- b\n", "tab indentation"),
        "huge.md": (_huge(), "front matter over 64 KiB"),
        "duplicate-keys.md": ("title: first\ntitle: second\n", "duplicate keys"),
        "title-no.md": ("title: no\nid: 0123\nauthor: null\n", "title: no (YAML 1.1 false)"),
        "non-string-keys.md": (
            "1: one\n? [a, b]\n: pair\nnull: nothing\ntrue: yes\ntitle: 42\n",
            "non-string keys and a number title",
        ),
    }
    cases = {
        f"front-matter/{name}": (f"---\n{yaml}---\n{BODY}".encode(), what)
        for name, (yaml, what) in blocks.items()
    }
    cases["front-matter/unclosed.md"] = (
        ("---\ntitle: unclosed\n" + BODY).encode(),
        "front matter never closed",
    )
    cases["front-matter/bom-before.md"] = (
        ("\ufeff---\ntitle: BOM before dashes\n---\n" + BODY).encode(),
        "BOM before ---",
    )
    cases["front-matter/crlf.md"] = (
        ("---\ntitle: CRLF front matter\ndate: 2021-05-04\n---\n" + BODY)
        .replace("\n", "\r\n")
        .encode(),
        "CRLF front matter",
    )
    return cases
