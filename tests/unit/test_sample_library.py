"""The bundled sample library loads completely through the real loader.

The library (``sample_articles/``) is what a new user sees first and what the demo and the
end-to-end tests open, so every file in it must parse, and the awkward pages in it (run-on
breadcrumbs, labelled headers, legacy encodings, cluttered HTML) must come out right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.library.loader import load_article
from tuireader.library.model import FORMAT_HTML, FORMAT_MARKDOWN, FORMAT_TEXT, Article

ROOT = Path(__file__).resolve().parents[2] / "sample_articles"
SEED = "新闻/张掖/2022-11-01-学习贯彻党的二十大精神.txt"
LONG = "小说/长篇/2019-01-20-河流与城市.md"

# Awkward pages and what a reader must see for them: (title, date).
EXPECTED = {
    # labelled headers 标题：/作者：/来源：/发布时间：, noise lines, closing byline
    "新闻/国内/经济/2023-04-18-一季度县域经济观察.txt": (
        "一季度县域经济观察：小作坊里的大订单",
        "2023-04-18T09:30",
    ),
    # GBK, breadcrumb run together with title/source/date using ">"
    "新闻/国内/经济/2019-08-02-夜市经济点亮小城.txt": ("夜市经济点亮小城", "2019-08-02T21:15"),
    # GBK, 【 标  题 】 bracketed labels
    "新闻/国内/经济/2021-12-20-快递进村最后一公里.txt": (
        "快递进村：“最后一公里”怎样走得更稳",
        "2021-12-20",
    ),
    # Big5 traditional Chinese with labelled headers
    "新闻/港澳台/经济/2022-03-14-老街茶行的經濟帳.txt": ("老街茶行的經濟帳", "2022-03-14T16:45"),
    # GBK HTML declaring <meta charset="gbk">
    "新闻/国际/航运/2024-06-30-集装箱运价再起波澜.html": ("集装箱运价再起波澜", "2024-06-30T11:20"),
    # HTML buried in navigation clutter, og:title + article:published_time
    "Tech/Web/2022-10-12-why-static-sites-came-back.html": (
        "Why static sites came back",
        "2022-10-12T08:30",
    ),
    # Markdown without front matter, dated slug file name, "# " heading
    "Tech/Programming/Python/2021-06-15-reading-files-you-did-not-write.md": (
        "Reading files you did not write",
        "2021-06-15",
    ),
    # Jekyll front matter
    "Tech/Programming/Rust/2022-01-09-ownership-without-tears.md": (
        "Ownership without tears",
        "2022-01-09T20:15",
    ),
    # Hugo front matter
    "Tech/Programming/Go/2023-03-27-small-tools-with-go.md": (
        "Small command-line tools with Go",
        "2023-03-27T07:45",
    ),
    # English plain text with labelled headers
    "News/World/Economy/2023-11-21-port-towns-rethink-the-economy.txt": (
        "Port towns rethink their economy as shipping changes",
        "2023-11-21T07:00",
    ),
    # run-on breadcrumb lines with », →, / and >> separators
    "新闻/国内/社会/2020-05-11-楼顶上的社区菜园.txt": ("楼顶上的社区菜园", "2020-05-11T08:40"),
    "新闻/国内/社会/2024-02-08-春运路上的归途.txt": ("春运路上的归途", "2024-02-08T19:05"),
    "新闻/国内/社会/2021-04-23-图书馆里的夜读人.txt": ("图书馆里的夜读人", "2021-04-23T20:30"),
    "新闻/国内/科技/2023-09-05-一颗小卫星的诞生.txt": ("一颗小卫星的诞生", "2023-09-05T14:20"),
    # GB18030, breadcrumb like the seed's
    "新闻/国内/教育/2022-09-01-山村学校的开学第一天.txt": (
        "山村学校的开学第一天",
        "2022-09-01T08:15",
    ),
    # Chinese HTML with clutter, og:title and article:published_time
    "新闻/国内/经济/2020-07-01-街角小店的复工日记.html": ("街角小店的复工日记", "2020-07-01T18:20"),
    # no header at all: title and date come from the dated file name
    "随笔/旅行/云南/2023-07-22-雨季的沙溪古镇.txt": ("雨季的沙溪古镇", "2023-07-22"),
    # hard-wrapped GBK archive with CRLF; only a title line and a byline line on top
    "档案/一九九八/副刊/1998-08-21-河堤上的夏天.txt": ("河堤上的夏天", "1998-08-21"),
}


def _load_all() -> dict[str, Article | Exception]:
    """Every file of the library, loaded, keyed by its path relative to the library."""
    results: dict[str, Article | Exception] = {}
    for path in sorted(ROOT.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(ROOT).as_posix()
        try:
            results[rel] = load_article(path, ROOT)
        except Exception as exc:  # a failure is what the test reports
            results[rel] = exc
    return results


@pytest.fixture(scope="module")
def loaded() -> dict[str, Article | Exception]:
    """The whole sample library, loaded once for this module."""
    return _load_all()


@pytest.fixture(scope="module")
def articles(loaded: dict[str, Article | Exception]) -> dict[str, Article]:
    """Only the files that became articles."""
    return {rel: item for rel, item in loaded.items() if isinstance(item, Article)}


def test_every_file_loads(loaded: dict[str, Article | Exception]) -> None:
    failures = {rel: repr(item) for rel, item in loaded.items() if not isinstance(item, Article)}
    assert failures == {}


def test_library_holds_at_least_30_articles(articles: dict[str, Article]) -> None:
    assert len(articles) >= 30


def test_library_holds_only_articles() -> None:
    # A README or a dotfile in the library would show up as an article in the app.
    names = [p.name for p in ROOT.rglob("*") if p.is_file()]
    assert not [n for n in names if n.startswith(".") or n.lower().startswith("readme")]


def test_sections_nest_at_least_three_folders_deep(articles: dict[str, Article]) -> None:
    assert max(len(Path(rel).parent.parts) for rel in articles) >= 3
    deepest = max(articles.values(), key=lambda a: len(a.meta.sections))
    assert len(deepest.meta.sections) >= 3


def test_all_three_formats_are_present(articles: dict[str, Article]) -> None:
    formats = {a.format for a in articles.values()}
    assert formats >= {FORMAT_TEXT, FORMAT_MARKDOWN, FORMAT_HTML}


def test_several_encodings_are_present(articles: dict[str, Article]) -> None:
    encodings = {a.encoding.lower() for a in articles.values()}
    assert len(encodings) >= 2
    assert any(e.startswith("utf-8") or e == "utf8" for e in encodings)


def test_seed_page_is_the_shipped_copy() -> None:
    seed = Path("/work/shared/seeds/000_cc5fd9fca028f9ca.txt")
    if not seed.exists():
        pytest.skip("the original seed is only on the build machine")
    assert (ROOT / SEED).read_bytes() == seed.read_bytes()


def test_seed_page_metadata(articles: dict[str, Article]) -> None:
    seed = articles[SEED]
    assert seed.title == (
        "【学习贯彻党的二十大精神】勇担新使命 奋进新征程 "
        "——张掖市各级各部门深入学习宣传贯彻党的二十大精神"
    )
    assert seed.meta.date == "2022-11-01T10:02"
    assert seed.meta.source == "张掖市融媒体中心"
    assert seed.meta.sections == ("新闻", "张掖", "中国张掖网", "问政", "要闻")
    assert seed.body_text.startswith("逐梦百年路")


def test_long_article_is_over_200_kb_and_loads_whole(articles: dict[str, Article]) -> None:
    assert (ROOT / LONG).stat().st_size >= 200 * 1024
    story = articles[LONG]
    assert story.title == "河流与城市"
    assert sum(1 for b in story.blocks if b.kind == "heading") >= 40
    assert len(story.body_text) >= 60_000


@pytest.mark.parametrize("rel", sorted(EXPECTED))
def test_awkward_page_title_and_date(articles: dict[str, Article], rel: str) -> None:
    title, date = EXPECTED[rel]
    article = articles[rel]
    assert (article.title, article.meta.date) == (title, date)


@pytest.mark.parametrize(
    ("rel", "families"),
    [
        ("新闻/国内/经济/2019-08-02-夜市经济点亮小城.txt", ("gb",)),
        ("新闻/港澳台/经济/2022-03-14-老街茶行的經濟帳.txt", ("big5", "cp950")),
        ("新闻/国际/航运/2024-06-30-集装箱运价再起波澜.html", ("gb",)),
        ("新闻/国内/教育/2022-09-01-山村学校的开学第一天.txt", ("gb",)),
        ("档案/一九九八/副刊/1998-08-21-河堤上的夏天.txt", ("gb",)),
        ("Notes/Reading/2024-01-05-reading-log-december.txt", ("utf-16", "utf_16")),
        ("Notes/Work/2022-05-30-会议纪要-发布流程.txt", ("utf-8",)),
    ],
)
def test_legacy_encodings_decode_without_damage(
    articles: dict[str, Article], rel: str, families: tuple[str, ...]
) -> None:
    article = articles[rel]
    assert article.encoding.lower().startswith(families)
    assert "\ufffd" not in article.title + article.body_text
    assert "\ufeff" not in article.title + article.body_text


def test_noise_lines_stay_out_of_the_body(articles: dict[str, Article]) -> None:
    body = articles["新闻/国内/经济/2023-04-18-一季度县域经济观察.txt"].body_text
    assert body.lstrip().startswith("清晨六点")
    for noise in ("打印本页", "关闭窗口", "阅读量", "字体：大 中 小"):
        assert noise not in body


def test_html_clutter_stays_out_of_the_body(articles: dict[str, Article]) -> None:
    body = articles["Tech/Web/2022-10-12-why-static-sites-came-back.html"].body_text
    assert "Fifteen years ago" in body
    for clutter in ("Popular this week", "Load more comments", "All rights reserved"):
        assert clutter not in body


def test_hard_wrapped_text_is_reflowed(articles: dict[str, Article]) -> None:
    chinese = articles["档案/一九九八/副刊/1998-08-21-河堤上的夏天.txt"]
    english = articles["Archive/Newsletters/1997/1997-11-03-harbour-street-newsletter.txt"]
    assert [b.text[:8] for b in chinese.blocks][0] == "一九九八年的夏天"
    assert len(chinese.blocks) == 6
    assert "走一走，看一看水位" in chinese.body_text
    assert "the bakery on the corner of Harbour Street" in english.body_text
    assert not [b for b in chinese.blocks + english.blocks if "\n" in b.text]


def test_economy_articles_span_2019_to_2024(articles: dict[str, Article]) -> None:
    words = ("经济", "經濟", "economy")
    years = {
        a.meta.date[:4]
        for a in articles.values()
        if a.meta.date and any(w in a.title + a.body_text for w in words)
    }
    assert {"2019", "2020", "2021", "2022", "2023", "2024"} <= years
