"""Saved searches in the user's state.db."""

from __future__ import annotations

import pytest

from tuireader.state import StateStore


@pytest.fixture
def store(tmp_path):
    """A fresh state store."""
    opened = StateStore.open(tmp_path / "state.db", backups=False)
    yield opened
    opened.close()


def test_nothing_saved_at_first(store):
    assert store.searches.all() == []


def test_save_list_replace_delete(store, tmp_path):
    store.searches.save("经济", "经济 -旅游")
    store.searches.save("A river", '"river city"')
    store.searches.save("经济", "经济 section:要闻")
    assert [(s.name, s.query) for s in store.searches.all()] == [
        ("A river", '"river city"'),
        ("经济", "经济 section:要闻"),
    ]
    assert store.searches.delete("A river")
    assert not store.searches.delete("A river")
    store.close()
    again = StateStore.open(tmp_path / "state.db", backups=False)
    assert [s.name for s in again.searches.all()] == ["经济"]
    again.close()


@pytest.mark.parametrize(("name", "query"), [("", "x"), ("n", "  ")])
def test_a_saved_search_needs_a_name_and_a_query(store, name, query):
    with pytest.raises(ValueError):
        store.searches.save(name, query)
