"""Generate the long sample article (a chaptered Chinese Markdown story, > 200 KB).

The text is assembled from sentences written for this project, varied by a seeded random
generator so the output is stable. Run from the repository root:

    python scripts/make_long_sample.py
"""

from __future__ import annotations

import random
from pathlib import Path

OUTPUT = Path("sample_articles/小说/长篇/2019-01-20-河流与城市.md")
CHAPTERS = 40
SEED = 20190120

PEOPLE = [
    "阿禾",
    "老船工秦伯",
    "邮递员小满",
    "裁缝铺的孟姨",
    "教书先生顾远",
    "摆渡人的女儿青青",
    "茶馆掌柜杜三",
    "从省城回来的林工程师",
    "码头上的搬运工大栓",
    "药铺的学徒阿蒙",
]
PLACES = [
    "东门码头",
    "石桥下的小巷",
    "老城墙根",
    "渡口边的茶馆",
    "河湾里的芦苇荡",
    "新修的堤坝",
    "镇上的邮局",
    "废弃的砖窑",
    "北岸的菜地",
    "钟楼底下的集市",
]
SEASONS = ["开春", "清明前后", "梅雨季节", "盛夏", "立秋以后", "深秋", "入冬", "腊月"]
WEATHER = [
    "细雨一直没有停",
    "河面上起了薄雾",
    "太阳晒得石板发烫",
    "风从上游吹下来，带着泥土的气味",
    "天阴沉沉的，像要下雪",
    "月亮很亮，照得河水发白",
    "雷声在远处滚来滚去",
]
THINGS = [
    "一封没有署名的信",
    "一把生了锈的钥匙",
    "半张发黄的船票",
    "一只缺了口的瓷碗",
    "一本写满数字的账本",
    "一张旧地图",
    "一盏煤油灯",
    "一架坏了的收音机",
]
FEELINGS = [
    "说不清是高兴还是难过",
    "心里忽然空了一块",
    "觉得日子好像又有了盼头",
    "第一次感到自己已经长大了",
    "隐隐有些不安",
    "想起了很多年前的事",
]

SENTENCES = [
    "{season}的{place}，{weather}。",
    "{p1}一早就到了{place}，手里攥着{thing}，站了很久也没有说话。",
    "{p2}说，这条河养活了镇上三代人，可谁也说不清它到底从哪里来、要流到哪里去。",
    "那天傍晚，{p1}和{p2}坐在{place}的台阶上，看着货船一条一条地从眼前开过去。",
    "“你还记得那一年吗？”{p2}问。{p1}点点头，却没有回答。",
    "镇上的人都知道，{p2}年轻的时候在{place}吃过很多苦，只是从来不提。",
    "{p1}把{thing}翻来覆去地看，{feeling}。",
    "河水涨了又落，落了又涨，像一个人慢慢地呼吸。",
    "有人说，等新桥修好了，渡口就没用了；也有人说，渡口永远都会有人需要。",
    "集市上卖菜的、卖布的、补锅的，吆喝声一阵高过一阵，把{weather}的烦闷都压了下去。",
    "{p2}从怀里掏出{thing}，小心地放在桌上，好像那是一件了不起的宝贝。",
    "那一年，镇上的经济一下子活了起来，码头上的船比往年多了一倍，连{place}都开了两家小饭馆。",
    "可是好景不长，到了{season}，货少了，船也少了，{place}又冷清下来。",
    "{p1}想起母亲说过的话：人要像河一样，遇到石头就绕过去，绕不过去就慢慢地磨。",
    "夜里，{p1}睡不着，起身推开窗，看见{place}那边还亮着一点灯光。",
    "第二天一大早，{p2}就背着包袱出了门，只留下一句话：“过了{season}我就回来。”",
    "日子一天一天地过去，{p1}每天都去{place}等，等得连看门的老黄狗都认得了这个等人的人。",
    "{p2}笑起来的时候，眼角的皱纹挤在一起，像河滩上被水冲出来的细纹。",
    "没有人知道{thing}是从哪里来的，就像没有人知道河底到底埋着多少旧事。",
    "{p1}后来常常想，如果那天没有去{place}，后来的一切会不会不一样。",
    "{p2}一边往炉子里添柴，一边慢慢地讲起他年轻时跑船的事：哪一段河道有暗礁，哪一个码头的饭最好吃，哪一年发大水冲走了半条街。",
    "屋檐下挂着的腊肉和咸鱼被风吹得轻轻摇晃，{weather}。",
    "孩子们在{place}追着跑，喊声一直传到对岸。",
    "{p1}把这件事写在本子上，又划掉，又重新写上，最后干脆合上本子，走到河边去了。",
    "“城里有什么好的？”{p2}说，“楼高了，天就小了。”",
    "“可是城里有学校，有医院，有工厂。”{p1}说，“人总不能一辈子守着一条河。”",
    "两个人争了几句，谁也没有说服谁，最后都笑了。",
    "{season}过去了，{p2}还是没有回来，只托人捎来{thing}。",
    "镇长在{place}召集大家开会，说上面要在北岸建一座新的码头，问大家的意见。",
    "有人拍手叫好，有人连连摇头，会一直开到半夜，茶水续了七八回。",
    "{p1}站在人群后面，听着大家你一言我一语，{feeling}。",
    "多年以后，当{p1}在城里的高楼上远远望见那条河时，仍然能分辨出{place}的位置。",
]

TITLES = [
    "渡口",
    "雾",
    "来信",
    "涨水",
    "集市",
    "旧账",
    "新桥",
    "远行",
    "灯",
    "钥匙",
    "北岸",
    "钟声",
    "冬至",
    "归人",
    "堤坝",
    "船票",
    "砖窑",
    "药香",
    "芦苇",
    "回声",
    "城门",
    "夜航",
    "春汛",
    "告别",
]


def fill(template: str, rng: random.Random) -> str:
    """Fill one sentence template with randomly chosen people, places and things."""
    p1, p2 = rng.sample(PEOPLE, 2)
    return template.format(
        p1=p1,
        p2=p2,
        place=rng.choice(PLACES),
        season=rng.choice(SEASONS),
        weather=rng.choice(WEATHER),
        thing=rng.choice(THINGS),
        feeling=rng.choice(FEELINGS),
    )


def paragraph(rng: random.Random) -> str:
    """One paragraph of four to seven sentences."""
    return "".join(fill(t, rng) for t in rng.sample(SENTENCES, rng.randint(4, 7)))


def chapter(number: int, rng: random.Random) -> list[str]:
    """A chapter heading, two or three scenes with sub-headings, paragraphs in each."""
    lines = [f"## 第{number}章　{TITLES[(number - 1) % len(TITLES)]}", ""]
    for scene in range(1, rng.randint(2, 3) + 1):
        lines += [f"### {scene}", ""]
        for _ in range(rng.randint(4, 6)):
            lines += [paragraph(rng), ""]
    return lines


def build() -> str:
    """The whole story as Markdown text."""
    rng = random.Random(SEED)
    head = [
        "---",
        "title: 河流与城市",
        "author: 江畔",
        "date: 2019-01-20",
        "categories: [小说, 长篇]",
        "tags: [小说, 河流, 小镇, 经济]",
        "---",
        "",
        "# 河流与城市",
        "",
        "> 这是一个关于一条河、一座小镇和一群人的故事。书中人物和地名皆为虚构。",
        "",
    ]
    body: list[str] = []
    for number in range(1, CHAPTERS + 1):
        body += chapter(number, rng)
    return "\n".join(head + body)


def main() -> None:
    """Write the story and print its size."""
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(build(), encoding="utf-8")
    print(OUTPUT, OUTPUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
