"""Encodings the user set for parts of a library (the config's ``encodings``).

A rule is a pattern, relative to the library folder, and an encoding. Patterns read like
``.gitignore`` lines: ``*`` is any run of characters within one name, ``?`` one
character, ``[abc]`` one of those, ``**`` any number of folders (none too); a pattern
without a ``/`` matches a file's name at any depth (``*.txt``); a pattern without a
wildcard names a file, or a folder and everything in it (``archive``). The first rule
that matches a file decides its encoding; a file no rule matches has it guessed.

Rules apply to text files (plain, Markdown, HTML), never to the chapters of an EPUB book,
which declare their own encodings inside the book. The catalog stores the rules it read
the library with (:meth:`EncodingRules.to_data`) and reads again the files whose encoding
a change of the rules changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property


def pattern_regex(pattern: str) -> re.Pattern[str]:
    """The regular expression a rule's pattern stands for, matched on a whole key."""
    anchored = "/" in pattern.rstrip("/")
    parts: list[str] = []
    for part in pattern.strip("/").split("/"):
        if part and not (part == "**" and parts[-1:] == ["**"]):  # **/** is one **
            parts.append(part)
    wild = any(ch in pattern for ch in "*?[")
    pieces: list[str] = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            pieces.append(".*" if last else "(?:.*/)?")
            continue
        pieces.append(_part_regex(part) + ("" if last else "/"))
    body = "".join(pieces)
    head = "" if anchored else "(?:.*/)?"
    tail = "" if wild else "(?:/.*)?"  # a plain name: that file, or the folder's files
    return re.compile(f"{head}{body}{tail}", re.DOTALL)


def _part_regex(part: str) -> str:
    """One name of a pattern: ``*`` and ``?`` stay within the name, ``[..]`` a class."""
    out = []
    index = 0
    while index < len(part):
        char = part[index]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and (end := part.find("]", index + 2)) > 0:
            inner = part[index + 1 : end].replace("\\", "\\\\")
            out.append(f"[{'^' + inner[1:] if inner.startswith('!') else inner}]")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


@dataclass(frozen=True)
class EncodingRules:
    """The encoding rules of one library: (pattern, encoding) pairs, first match wins."""

    rules: tuple[tuple[str, str], ...] = ()

    @cached_property
    def _matchers(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """The patterns compiled, once."""
        return tuple((pattern_regex(pattern), encoding) for pattern, encoding in self.rules)

    def encoding_for(self, key: str) -> str | None:
        """The encoding set for the file keyed ``key`` (its path in the library), if any."""
        for regex, encoding in self._matchers:
            if regex.fullmatch(key):
                return encoding
        return None

    def __bool__(self) -> bool:
        """Whether there is any rule."""
        return bool(self.rules)

    def before(self, other: EncodingRules) -> EncodingRules:
        """These rules, then ``other``'s (a command-line choice before the config's)."""
        return EncodingRules((*self.rules, *other.rules))

    def to_data(self) -> list[list[str]]:
        """The rules as JSON-ready lists (as the catalog stores them)."""
        return [list(rule) for rule in self.rules]

    @classmethod
    def from_data(cls, data: object) -> EncodingRules:
        """Rules from :meth:`to_data`'s lists.

        Raises ValueError for anything else (a damaged catalog row)."""
        if not isinstance(data, list) or not all(
            isinstance(rule, list) and len(rule) == 2 and all(isinstance(v, str) for v in rule)
            for rule in data
        ):
            raise ValueError("not a list of [pattern, encoding] pairs")
        return cls(tuple((pattern, encoding) for pattern, encoding in data))

    @classmethod
    def for_library(
        cls, settings: Sequence[tuple[str | None, str, str]], library_name: str | None
    ) -> EncodingRules:
        """The rules of one library from the config's (library or None, pattern,
        encoding) entries: that library's own first, then those for every library."""
        own = [(p, e) for name, p, e in settings if name is not None and name == library_name]
        shared = [(p, e) for name, p, e in settings if name is None]
        return cls(tuple(own + shared))


#: No rules: every encoding is guessed.
NO_RULES = EncodingRules()
