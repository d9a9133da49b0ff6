"""Textual bindings from the key table (:mod:`tuireader.config.key_table`), by scope.

Widgets and screens build their ``BINDINGS`` here, the help screen lists the table and
the command palette offers the same actions. Users remap a binding from the config file
(``keys: {article.next: "ctrl+n"}``); the config checks each remap against the table and
``App.set_keymap`` applies those it kept, by id.
"""

from __future__ import annotations

import string

from textual.binding import Binding, BindingType
from textual.keys import format_key

from tuireader.config.key_table import KEY_TABLE, SCOPE_TITLES, KeySpec

__all__ = ["KEY_TABLE", "SCOPE_TITLES", "KeySpec", "bindings", "key_label", "spec_of", "specs"]


def specs(scope: str) -> list[KeySpec]:
    """The bindings of one scope, in table order."""
    return [spec for spec in KEY_TABLE if spec.scope == scope]


def spec_of(binding_id: str) -> KeySpec:
    """The table's binding with id ``binding_id`` (KeyError if there is none)."""
    for spec in KEY_TABLE:
        if spec.id == binding_id:
            return spec
    raise KeyError(binding_id)


def bindings(scope: str) -> list[BindingType]:
    """Textual ``Binding`` objects for one scope (each with its id, for remapping)."""
    return [
        Binding(
            spec.keys,
            spec.action,
            spec.description,
            show=spec.show,
            key_display=spec.display,
            tooltip=spec.tooltip,
            id=spec.id,
        )
        for spec in specs(scope)
    ]


def key_label(spec: KeySpec, keymap: dict[str, str] | None = None) -> str:
    """The keys of a binding as people write them (``?, f1``), honouring a remap."""
    keys = (keymap or {}).get(spec.id, spec.keys)
    return ", ".join(_key_name(key.strip()) for key in keys.split(","))


def _key_name(key: str) -> str:
    """``question_mark`` → ``?``, ``slash`` → ``/``, ``escape`` → ``esc`` (as keyboards
    print it); other names stay as they are."""
    if key == "escape":
        return "esc"
    shown = format_key(key)
    return shown if len(shown) == 1 and shown in string.punctuation else key
