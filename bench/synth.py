"""Generate a synthetic article library for the benchmarks (deterministic for a seed).

Mixed formats like a real scrape: plain-text pages with a breadcrumb line, Markdown with
front matter, HTML pages; Chinese and English; 2-20 KB each; about one Chinese text page
in eight stored as GBK; nested section folders. The words are made up here, not copied.
"""

from __future__ import annotations

import random
from pathlib import Path

ZH_WORDS = [
    "发展",
    "建设",
    "推进",
    "工作",
    "会议",
    "城市",
    "乡村",
    "经济",
    "文化",
    "教育",
    "科技",
    "创新",
    "服务",
    "群众",
    "企业",
    "项目",
    "生态",
    "环境",
    "交通",
    "水利",
    "农业",
    "旅游",
    "医疗",
    "社区",
    "干部",
    "学习",
    "研究",
    "部署",
    "落实",
    "质量",
    "安全",
    "产业",
    "人才",
    "数字",
    "平台",
    "合作",
    "市场",
    "开放",
    "改革",
    "治理",
    "保护",
    "提升",
    "完善",
    "加强",
    "推动",
    "实施",
    "调研",
    "座谈",
]
ZH_PUNCT = "，，，、。"
EN_WORDS = [
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "river",
    "city",
    "council",
    "plan",
    "school",
    "market",
    "report",
    "data",
    "study",
    "water",
    "energy",
    "road",
    "village",
    "bridge",
    "museum",
    "library",
    "garden",
    "science",
    "network",
    "budget",
    "season",
    "festival",
    "engineers",
    "farmers",
    "readers",
    "local",
    "regional",
    "new",
    "old",
    "quiet",
    "busy",
    "long",
    "short",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "built",
    "opened",
    "measured",
    "announced",
    "discussed",
    "described",
]
ZH_SECTIONS = {
    "新闻": ["要闻", "本地", "国内"],
    "经济": ["农业", "工业"],
    "文化": ["旅游", "教育", "读书"],
}
EN_SECTIONS = {"world": ["europe", "asia"], "science": ["energy", "space"], "notes": []}


def zh_sentence(rng: random.Random) -> str:
    """A made-up Chinese sentence of 8-30 words."""
    words = [rng.choice(ZH_WORDS) for _ in range(rng.randint(8, 30))]
    parts = [w + (rng.choice(ZH_PUNCT[:-1]) if rng.random() < 0.2 else "") for w in words]
    return "".join(parts).rstrip("，、") + "。"


def en_sentence(rng: random.Random) -> str:
    """A made-up English sentence of 6-24 words."""
    words = [rng.choice(EN_WORDS) for _ in range(rng.randint(6, 24))]
    return " ".join(words).capitalize() + "."


def paragraphs(rng: random.Random, zh: bool, size: int) -> list[str]:
    """Paragraphs totalling about ``size`` characters."""
    make = zh_sentence if zh else en_sentence
    joiner = "" if zh else " "
    result: list[str] = []
    total = 0
    while total < size:
        para = joiner.join(make(rng) for _ in range(rng.randint(2, 8)))
        result.append(para)
        total += len(para) + 1
    return result


def random_date(rng: random.Random) -> tuple[int, int, int, int, int]:
    """A date and time between 2015 and 2025."""
    return (
        rng.randint(2015, 2025),
        rng.randint(1, 12),
        rng.randint(1, 28),
        rng.randint(0, 23),
        rng.randint(0, 59),
    )


def text_page(rng: random.Random, title: str, crumbs: list[str], paras: list[str]) -> str:
    """A scraped plain-text page: breadcrumb, title, source and date on the first line."""
    y, mo, d, h, mi = random_date(rng)
    head = (
        f"您当前的位置 : 示例新闻网 >> {' >> '.join(crumbs)} {title} "
        f"来源:示例融媒体中心 {y}年{mo:02d}月{d:02d}日 {h:02d}:{mi:02d}"
    )
    return head + "\n" + "\n".join(paras) + "\n"


def markdown_page(rng: random.Random, title: str, paras: list[str]) -> str:
    """A Markdown page with YAML front matter and a few headings."""
    y, mo, d, _, _ = random_date(rng)
    front = f"---\ntitle: {title}\ndate: {y}-{mo:02d}-{d:02d}\nauthor: Synth\ntags: [bench]\n---\n"
    body: list[str] = []
    for i, para in enumerate(paras):
        if i and i % 4 == 0:
            body.append(f"## Part {i // 4}")
        body.append(para)
    return front + "\n" + "\n\n".join(body) + "\n"


def html_page(rng: random.Random, title: str, paras: list[str], charset: str) -> str:
    """An HTML page with navigation noise around an article element."""
    y, mo, d, _, _ = random_date(rng)
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    return (
        f'<!doctype html><html><head><meta charset="{charset}"><title>{title}</title>'
        f'<meta name="date" content="{y}-{mo:02d}-{d:02d}"></head><body>'
        '<nav><a href="/">Home</a> | <a href="/news">News</a></nav>'
        f"<article><h1>{title}</h1>\n{body}</article><footer>(c) Example</footer></body></html>"
    )


def one_article(rng: random.Random, index: int) -> tuple[Path, bytes]:
    """The relative path and bytes of article number ``index``."""
    zh = rng.random() < 0.6
    tree = ZH_SECTIONS if zh else EN_SECTIONS
    top = rng.choice(sorted(tree))
    subs = tree[top]
    folder = [top] + ([rng.choice(subs)] if subs and rng.random() < 0.8 else [])
    size = rng.randint(2_000, 20_000) // (3 if zh else 1)  # CJK is 3 bytes per char
    paras = paragraphs(rng, zh, size)
    title = (zh_sentence(rng)[:18] if zh else en_sentence(rng)[:60].rstrip(".")) + f" {index}"
    kind = rng.choices(("txt", "md", "html"), weights=(5, 3, 2))[0]
    if kind == "txt":
        data = text_page(rng, title, folder[-1:], paras)
        encoding = "gbk" if zh and rng.random() < 0.125 else "utf-8"
        return Path(*folder, f"{index:06d}.txt"), data.encode(encoding, "replace")
    if kind == "md":
        return Path(*folder, f"{index:06d}.md"), markdown_page(rng, title, paras).encode()
    return Path(*folder, f"{index:06d}.html"), html_page(rng, title, paras, "utf-8").encode()


def generate(root: Path, count: int, seed: int = 1) -> int:
    """Write ``count`` articles under ``root``; returns the number of bytes written."""
    rng = random.Random(seed)
    written = 0
    made: set[Path] = set()
    for index in range(count):
        rel, data = one_article(rng, index)
        folder = root / rel.parent
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        (root / rel).write_bytes(data)
        written += len(data)
    return written
