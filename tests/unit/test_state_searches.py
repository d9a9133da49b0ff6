"""Saved searches in the user's state.db."""

from __future__ import annotations

import pytest

from tuireader.state import StateStore
from tuireader.state.searches import delete_saved_search, save_search, saved_searches


@pytest.fixture
def store(tmp_path):
    """A fresh state store."""
    opened = StateStore.open(tmp_path / "state.db", backups=False)
    yield opened
    opened.close()


def test_nothing_saved_at_first(store):
    assert saved_searches(store) == []


def test_save_list_replace_delete(store, tmp_path):
    save_search(store, "经济", "经济 -旅游")
    save_search(store, "A river", '"river city"')
    save_search(store, "经济", "经济 section:要闻")
    assert [(s.name, s.query) for s in saved_searches(store)] == [
        ("A river", '"river city"'),
        ("经济", "经济 section:要闻"),
    ]
    assert delete_saved_search(store, "A river")
    assert not delete_saved_search(store, "A river")
    store.close()
    again = StateStore.open(tmp_path / "state.db", backups=False)
    assert [s.name for s in saved_searches(again)] == ["经济"]
    again.close()


@pytest.mark.parametrize(("name", "query"), [("", "x"), ("n", "  ")])
def test_a_saved_search_needs_a_name_and_a_query(store, name, query):
    with pytest.raises(ValueError):
        save_search(store, name, query)
