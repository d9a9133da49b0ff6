"""Author fields: which strings are a person's name, a list of names, or a Chinese name."""

from __future__ import annotations

import pytest

from tuireader.library.formats.names import is_person_name, looks_like_chinese_name, person_names


@pytest.mark.parametrize(
    "text",
    [
        "王五",
        "李小明",
        "欧阳娜娜",
        " 王五 ",  # spaces round it do not count
        "阿卜杜勒·拉赫曼",  # a transliterated name, its parts joined by a middle dot
        "约翰•史密斯",
        "Jane Doe",
        "Michiel de Jong",  # a particle stays lower case
        "Ludwig van der Berg",
        "Jane (Doe)",
        "Ann Bo Cy Di Ed",  # five words
        "J. R. Tolkien",
        "neo",  # a one-word handle
        "ab",
        "a" * 24,
        "_neo",  # an underscore at an end of a handle, not inside it
        "neo_",
        "dark-star.99",
        "放飞&心情",  # a Chinese handle: Chinese and symbols
        "放飞.心情日子好",  # eight characters
        "Anna Maria Konstantinopoulou-Wetherspoon",  # 40 characters
    ],
)
def test_is_person_name_accepts_names_and_handles(text: str) -> None:
    assert is_person_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "王",  # one character
        "王小明明明",  # five Chinese characters: a phrase, not a name
        "河畔日报",  # organisations' endings
        "河畔社",
        "河畔网",
        "某某·日报",
        "记者李明",  # a role word inside
        "李明记者",
        "Admin",
        "The Editor",
        "Staff.",
        "Harbour Media Inc.",
        "Jane doe",  # a second word not capitalised
        "jane Doe",
        "Ann Bo Cy Di Ed Fu",  # six words
        "a",
        "a" * 25,  # too long for a handle
        "L_104485",  # a user id
        "ab_cd",
        "a_bc",
        "ab_c",
        "12345",  # no letter
        "2046-01",
        'size="20"',
        "放飞&心情abc",  # a Chinese handle with Latin letters or digits
        "放飞&心情1",
        "放飞.心情日子好吗",  # nine characters
        "放飞&新闻网",  # an organisation's ending
        "放飞心情的日子",  # plain Chinese text of seven characters
        "Anna Maria Konstantinopoulou-Wetherspoons",  # 41 characters
    ],
)
def test_is_person_name_refuses_what_is_not_a_name(text: str) -> None:
    assert not is_person_name(text)


NINE_CHINESE = ["王一", "李二", "张三", "李四", "王五", "赵六", "孙七", "周八", "吴九"]
NINE_LATIN = [
    f"Ann {surname}" for surname in ["Lee", "Bo", "Cy", "Di", "Ed", "Fu", "Gu", "Hu", "Ix"]
]


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("王五", "王五"),
        ("  王五，", "王五"),  # list punctuation at an end goes
        ("Jane   Doe", "Jane Doe"),  # runs of spaces are one
        ("Jane Doe (https://example.org/jane)", "Jane Doe"),  # the contact goes
        ("Jane Doe <jane@example.org>", "Jane Doe"),
        ("Jane Doe (mailto:jane@example.org)", "Jane Doe"),
        ("Jane Doe (Harbour)", "Jane Doe (Harbour)"),  # not a contact: kept
        ("王五 赵六", "王五 赵六"),
        ("王五/赵六；孙七", "王五 赵六 孙七"),
        ("王五, 赵六", "王五 赵六"),
        ("王五、新华社", None),  # one part is not a name
        ("王五、", "王五"),
        ("、".join(NINE_CHINESE[:8]), " ".join(NINE_CHINESE[:8])),
        ("、".join(NINE_CHINESE), None),  # nine names: a list of something else
        ("Ann Lee; Bo Chan", "Ann Lee, Bo Chan"),
        ("Ann Lee & Bo Chan", "Ann Lee, Bo Chan"),
        ("Ann Lee, Bo Chan and Cy Di", "Ann Lee, Bo Chan, Cy Di"),
        ("Ann Lee, the team", None),
        (", ".join(NINE_LATIN[:8]), ", ".join(NINE_LATIN[:8])),
        (", ".join(NINE_LATIN), None),
        ("", None),
        (" ，、 ", None),
        ("the end of it all", None),
    ],
)
def test_person_names_reads_one_name_or_a_list(value: str, names: str | None) -> None:
    assert person_names(value) == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("王五", True),
        ("張三豐", True),  # traditional forms of family names too
        ("欧阳娜娜", True),  # a compound family name
        ("诸葛亮", True),
        ("司马光", True),
        ("小明", False),  # no family name first
        ("王", False),
        ("王小明明明", False),
        ("王·小明明", False),  # a transliteration of five characters
        ("王家网", False),  # an organisation's ending
        ("王五 ", False),  # the caller strips
        ("Wang Wu", False),
    ],
)
def test_looks_like_chinese_name_wants_a_family_name_first(text: str, expected: bool) -> None:
    assert looks_like_chinese_name(text) is expected
