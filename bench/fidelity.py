"""Fidelity benchmark: does tuireader read real archives right? ``python bench/fidelity.py``

Reads the third-party development corpora in ``../shared/corpora`` (or ``--corpora DIR``,
or ``$TUIREADER_CORPORA``) and prints, per corpus, how many titles, dates, authors and
sources come out right, how many label lines are left in bodies, how well hard-wrapped
paragraphs are rejoined, and how decoding went; beside each figure, a naive baseline
(first line as title, ``gbk`` with replacement, one paragraph per line). A corpus that is
missing is skipped. Nothing from the corpora is stored or printed beyond the figures.

Adding a corpus: write a function ``(folder) -> list[Figure]`` and register it in
``SECTIONS`` under the corpus's folder name. The truth each figure is judged against is
derived here, from the files themselves, by rules written out in each section's
docstring; the parser under test is only ever called through ``load_article``.
"""

# ruff: noqa: I001  (import order depends on whether src/ is on the path)
from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1] / "src"))

from tuireader.library.encoding.decode import decode_bytes  # noqa: E402
from tuireader.library.loader import ArticleError, load_article  # noqa: E402
from tuireader.library.model import Article  # noqa: E402


@dataclass
class Figure:
    """One line of the table: a measured share (or count) beside the baseline's."""

    name: str
    ours: float | int
    base: float | int | None = None
    total: int | None = None  # a share's denominator (None: a plain count)
    target: str = ""
    ok: bool | None = None

    def cells(self) -> tuple[str, str]:
        """(ours, baseline) as printed: shares in percent of ``total``."""
        return _cell(self.ours, self.total), _cell(self.base, self.total)


def _cell(value: float | int | None, total: int | None) -> str:
    if value is None:
        return "-"
    if total is None:
        return f"{value:,}"
    if not total:
        return "n/a"
    return f"{100 * value / total:.1f}% ({value:,}/{total:,})"


def share(name: str, ours: int, base: int | None, total: int, target: float | None) -> Figure:
    """A share figure, judged against ``target`` (a minimum share) when there is one."""
    ok = None if target is None or not total else ours / total >= target
    label = f">= {target * 100:g}%" if target is not None else ""
    return Figure(name, ours, base, total, label, ok)


def count(name: str, ours: int, base: int | None, target: int | None = None) -> Figure:
    """A count figure, judged as "at most ``target``" when there is one."""
    ok = None if target is None else ours <= target
    return Figure(name, ours, base, None, "" if target is None else f"<= {target}", ok)


# -- text helpers shared by the judges ------------------------------------------------

_SPACES = re.compile(r"[\s\u3000]+")
_WIDE_FROM = "\u2e80"


def squeeze(text: str | None) -> str:
    """Text without any whitespace (titles are compared this way: spacing is layout)."""
    return _SPACES.sub("", text or "")


def cells(text: str) -> int:
    """Cells as the archive's own wrapping counted them: every non-ASCII character is two
    (a GBK double byte: CJK, full-width forms, and quotes such as “ alike)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 127)


def join_pieces(pieces: list[str]) -> str:
    """Wrapped pieces of one paragraph joined: nothing between CJK, one space in Latin."""
    out = pieces[0]
    for piece in pieces[1:]:
        glue = "" if out[-1:] >= _WIDE_FROM or piece[:1] >= _WIDE_FROM else " "
        out += glue + piece
    return out


def names_of(text: str) -> set[str]:
    """Person names in a list (``王明/李华``, ``王明、李华``, ``王 明　李华``).

    A one-character piece next to another one is a two-character name padded with a
    space (``李　锐`` is 李锐), as typeset mastheads and bylines do.
    """
    pieces = [p for p in re.split(r"[/／、，,;；\s\u3000]+", text) if p]
    names: list[str] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if len(piece) == 1 and index + 1 < len(pieces) and len(pieces[index + 1]) == 1:
            piece += pieces[index + 1]
            index += 1
        names.append(piece)
        index += 1
    return set(names)


def load(path: Path, root: Path) -> Article | None:
    """The article as tuireader reads it (None when it refuses the file)."""
    try:
        return load_article(path, root)
    except ArticleError:
        return None


@dataclass
class Tally:
    """Right / asked counters for ours and the baseline, by figure name."""

    ours: Counter = field(default_factory=Counter)
    base: Counter = field(default_factory=Counter)
    asked: Counter = field(default_factory=Counter)
    where: str = ""

    def judge(self, name: str, ours_right: bool, base_right: bool, why: object = "") -> None:
        """Count one case of figure ``name``; a miss is listed with ``--misses name``."""
        self.asked[name] += 1
        self.ours[name] += bool(ours_right)
        self.base[name] += bool(base_right)
        if not ours_right and name in MISSES:
            print(f"  miss {name}: {self.where}: {why}"[:300])

    def figure(self, name: str, label: str, target: float | None) -> Figure:
        """The share figure for ``name``."""
        return share(label, self.ours[name], self.base[name], self.asked[name], target)


#: Figures whose misses are printed (``--misses title_news,author``), for tuning.
MISSES: set[str] = set()


# -- fudan_dev --------------------------------------------------------------------------

_LABEL_LINE = re.compile(r"^[ \t\u3000]*[【〖\[]([^】〗\]\n]{1,14})[】〗\]](.*)$")
# A label line as the reflow judge leaves it out of the paragraphs: any bracket, no digit
# (``［提要］…`` is a label, ``[1]…`` or ``［2］…`` a note, which is judged as a paragraph).
_LABEL_PARAGRAPH = re.compile(r"^[【〖\[［]\s*[^】〗\]］\d０-９\n]{1,14}[】〗\]］]")
_DATELINE = re.compile(
    r"^[ \t\u3000]*(?:\(\d\)内容:\s*)?(新华社|本报|中新社)[^，。\n]{0,16}?[０-９\d一二三四五六七八九十]{1,3}月"
    r"[０-９\d一二三四五六七八九十]{1,3}日电"
)
_REPORTER = re.compile(r"[（(](?:[^（）()]*?)记者([^（）()]+)[）)]")
# A title label above a dateline (a BBS post's header): the title, not a headline.
_TITLE_LABEL = re.compile(r"^标\s*题\s*[:：]\s*(.+)$")
# Roles before reporters' names (``通讯员刘学义``, ``新华社记者许群``): not part of a name.
_ROLE_WORDS = re.compile(r"(?:新华社|本报|特约)?(?:记者|通讯员|实习生)")
_MASTHEAD_ISSUE = re.compile(r"(?:\d{4}\s*年.{0,12}第\s*\d+\s*期|[Vv]ol\.?\s*\d+|No\.\s*\d+)")
_MASTHEAD_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
_ABSTRACT_START = re.compile(r"^[ \t\u3000]*(?:[【\[]?\s*摘\s*要|文\s*摘|内容提要|提\s*要[：:])")
# A footnote's mark ending a title line (``…研究*``, ``…分析1)``): no part of the title.
_NOTE_MARK = re.compile(r"(?:[*＊]+|(?<![\d(（])\d{1,2}[)）])\s*$")
_NAME_LINE = re.compile(r"^[\u4e00-\u9fff]{1,4}(?:[ \t\u3000]+[\u4e00-\u9fff]{1,4})*$")
_BODY_LABEL = re.compile(
    r"^(?:[【〖\[]\s*[^】〗\]\d\u2460-\u2473]{1,14}\s*[】〗\]]"
    r"|(?:标\s*题|作\s*者|来\s*源|日\s*期|正\s*文|原文出处|责任编辑|关键词)\s*[:：])"
)
# The end of an HTML tag left before a masthead (``go.gif" border="0">``): not its name.
_TAG_DEBRIS = re.compile(r"^[^<>]*=[\"'][^<>]*>")
_INLINE_META = re.compile(r"^[ \t\u3000]*(作\s*者|来\s*源)\s*[:：]\s*(\S.{0,40})$")


def _labels(lines: list[str]) -> tuple[dict[str, str], int]:
    """The 【label】value lines at the top and the index of the 正文 line (-1: none).

    A label's value runs over the lines after it until the next label (wrapped text).
    """
    found: dict[str, str] = {}
    last = None
    for index, line in enumerate(lines[:80]):
        match = _LABEL_LINE.match(line)
        if match:
            last = squeeze(match[1])
            if last == "正文":
                return found, index
            found.setdefault(last, match[2].strip())
        elif last is not None and line.strip():
            found[last] = join_pieces([found[last], line.strip()]) if found[last] else line.strip()
        elif last is None and line.strip():
            break
    return found, -1


def _label_date(found: dict[str, str]) -> str | None:
    """日期 19960323 (a day) or 原刊期号 199903 (a month) as ISO."""
    day = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", squeeze(found.get("日期")))
    if day:
        return f"{day[1]}-{day[2]}-{day[3]}"
    month = re.fullmatch(r"(\d{4})(\d{2})", squeeze(found.get("原刊期号")))
    if month and int(month[2]) > 12:  # 199521 is issue 21 of 1995: no month, the year
        return month[1]
    return f"{month[1]}-{month[2]}" if month else None


def _date_right(ours: str | None, truth: str) -> bool:
    """Same day (or same month where the truth is a month)."""
    return bool(ours) and ours[: len(truth)] == truth  # type: ignore[index]


def _shape(lines: list[str]) -> str:
    """labelled, journal, news or other (see :func:`section_fudan`)."""
    head = [line for line in lines[:12] if line.strip()]
    if sum(1 for line in head[:6] if _LABEL_LINE.match(line)) >= 2:
        return "labelled"
    if any(_DATELINE.match(line) for line in head[1:5]):
        return "news"
    if any(_MASTHEAD_ISSUE.search(line) for line in head[:4]):
        return "journal"
    return "other"


def _journal_truth(lines: list[str]) -> tuple[str | None, set[str] | None, str, int]:
    """(title, authors, journal name, index after the masthead) of a journal paper.

    The masthead is the top lines up to and including the issue line (``1999年 第10卷
    第12期``); the journal name is its first line. When a name line (names of 1-4
    characters separated by spaces) comes before the abstract, the title is the Chinese
    lines between the masthead and it (one or two, joined: a wrapped title), leaving out
    English lines (the English title) and a long sentence ending in 。 (a lead); with
    more than two, the last. Else it is the first line after the masthead (a 科技期刊 tag
    line is not counted).
    """
    issue = next(i for i, line in enumerate(lines[:6]) if _MASTHEAD_ISSUE.search(line))
    journal = squeeze(_TAG_DEBRIS.sub("", next(line for line in lines if line.strip())))
    after = [
        i
        for i in range(issue + 1, min(len(lines), issue + 20))
        if lines[i].strip() and squeeze(lines[i]) != "科技期刊"
    ]
    title = authors = None
    bares = [_names_bare(lines[i].strip()) for i in after]
    for pos, index in enumerate(after):
        line = lines[index].strip()
        if _ABSTRACT_START.match(line):
            break
        if pos > 0 and _is_name_line(bares[pos]):
            if pos == 1 and _is_title_tail(bares[pos], bares[pos + 1 : pos + 2]):
                continue
            # The title is the line above the names, or the two lines above when they are
            # the first after the masthead (a title wrapped over two lines).
            above = [lines[i].strip() for i in after[:pos]]
            chinese = [t for t in above if not re.search("[A-Za-z]{4}", t) or _has_cjk(t)]
            chinese = [t for t in chinese if not (t.endswith("。") and len(t) > 40)]
            chinese = [_NOTE_MARK.sub("", t) for t in chinese]
            title = "".join(chinese[:2]) if len(chinese) <= 2 else chinese[-1]
            authors = set()
            for bare in bares[pos:]:  # names continued on the next lines, each with its
                if bare and not _is_name_line(bare):  # affiliation, or one line of that
                    break
                authors |= names_of(bare)
            break
    if title is None and after:
        title = _NOTE_MARK.sub("", lines[after[0]].strip())
    return title, authors, journal, issue + 1


def _names_bare(line: str) -> str:
    """A line without its bracketed parts (affiliations, also one wrapped onto the next
    line: an open bracket at the end, a close bracket the line starts without) and
    without note marks (``沈**``): names, or "" for a line that was only an affiliation."""
    bare = re.sub(r"[（(][^（）()]*[）)]+", " ", line)
    bare = re.sub(r"[（(][^（）()]*$|^[^（）()]*[）)]", " ", bare)
    return re.sub(r"[*＊]+", "", bare).strip(" \t\u3000")


def _is_name_line(bare: str) -> bool:
    """Names of 1-4 characters separated by spaces (:func:`_names_bare` of a line)."""
    return bool(_NAME_LINE.match(bare)) and len(squeeze(bare)) <= 24


def _is_title_tail(bare: str, following: list[str]) -> bool:
    """A lone "name" straight under the first title line with the names line after it
    is the title's end wrapped onto a line of its own (one author per line would put
    an affiliation, not more names, under it)."""
    return len(names_of(bare)) == 1 and bool(following) and _is_name_line(following[0])


def _is_headline_line(line: str) -> bool:
    """A line above a dateline that belongs to the headline: Chinese text, or only
    punctuation (a ``》`` wrapped onto a line of its own); never a code line (``ＸＨ０１``)."""
    return _has_cjk(line) or not any(ch.isalnum() for ch in line)


def _has_cjk(text: str) -> bool:
    """Whether ``text`` holds a CJK ideograph."""
    return re.search("[\u4e00-\u9fff]", text) is not None


_LIST_NUMBER = re.compile(r"^(?:[（(]?\d{1,3}[.、．)）]|[*＊•·●▪-](?=\S))")
# ``(4)内容:`` before a dateline: the name of a form field of the archive, not text.
_FORM_FIELD = re.compile(r"^[(（]\d[)）]内容[:：]")
# A rule: a line drawn with dashes, stars or underscores (``--`` ends a BBS post's text).
_RULE_ONLY = re.compile(r"[-=*_~—─━·•＊]{2,}")
# A metadata line: ``责任编辑：王五``, ``（作者单位：某大学）``, ``发信人: id (nick), 信区: x``.
_META_LINE = re.compile(r"^[（(〔［\[*＊]?([\u4e00-\u9fff][\u4e00-\u9fff ]{1,6})[:：]")
_META_PARTS = re.compile(r"[，,；;。]")
_META_LABEL = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff ]{1,6}[:：]")


def _unnumbered(text: str) -> str:
    """A paragraph without spaces and without a list number or bullet (a list item shows
    its marker apart from its text), nor a form field's name before it."""
    return _LIST_NUMBER.sub("", _FORM_FIELD.sub("", squeeze(text)))


@dataclass
class Shown:
    """What our reader shows of one file, as the reflow judge compares it: the blocks'
    text (spaces and list markers aside), whether there is a rule, the metadata's text,
    the title."""

    blocks: Counter
    rule: bool = False
    meta: str = ""
    title: str = ""

    def has(self, paragraph: str) -> bool:
        """Whether a true paragraph is shown: as a block or as the title (the heading); a
        rule line as a rule; a
        metadata line as metadata (each part of each value, split at commas, found in
        a field we show: ``作者：王五，某大学教授`` may be an author and a biography)."""
        if self.blocks[_unnumbered(paragraph)] or squeeze(paragraph) == self.title:
            return True
        if _RULE_ONLY.fullmatch(squeeze(paragraph)):
            return self.rule
        if not self.meta or not _META_LINE.match(paragraph):
            return False
        values = _META_LABEL.split(squeeze(paragraph))[1:]
        parts = [_bare(part) for value in values for part in _META_PARTS.split(value)]
        return all(part in self.meta for part in parts if part)


def _bare(value: str) -> str:
    """A metadata value without the brackets and end marks around it."""
    return value.strip("（）()〔〕［］[]*＊,，;；")


def _shown(article: Article | None) -> Shown:
    """What the reader shows of ``article`` (see :class:`Shown`)."""
    if article is None:
        return Shown(Counter())
    meta = article.meta
    fields = [meta.title, meta.author, meta.editor, meta.source, meta.issue, meta.page]
    fields += [meta.abstract, meta.description, *meta.keywords, *meta.tags, meta.date]
    fields += [f"{label}{value}" for label, value in meta.labels]
    return Shown(
        Counter(_unnumbered(b.text) for b in article.blocks),
        any(b.kind == "rule" for b in article.blocks),
        squeeze(" ".join(f for f in fields if f)),
        squeeze(meta.title),
    )


def _wrap_width(lines: list[str]) -> int | None:
    """The width body lines were wrapped at, or None when the text is not hard-wrapped.

    Hard-wrapped: at least 8 lines; the 90th-percentile width W is 40-160 cells; at
    least half the lines end within 4 cells of W and almost none (3%) go past W + 4.
    """
    widths = sorted(cells(line.rstrip()) for line in lines if line.strip())
    if len(widths) < 8:
        return None
    width = widths[int((len(widths) - 1) * 0.9)]
    if not 40 <= width <= 160:
        return None
    near = sum(1 for w in widths if width - 4 <= w <= width + 4)
    over = sum(1 for w in widths if w > width + 4)
    return width if near >= len(widths) * 0.5 and over <= len(widths) * 0.03 else None


def _open_bracket(text: str) -> bool:
    """A line that ends inside a bracket it opened (``（记者王明``, ``《书名``)."""
    return any(text.count(a) > text.count(b) for a, b in (("（", "）"), ("《", "》"), ("(", ")")))


_STARTS_LABEL = re.compile(r"^[【〖]\s*[^】〗\d]{1,14}[】〗]")


def _true_paragraphs(lines: list[str], width: int) -> list[str]:
    """The paragraphs of hard-wrapped body lines, by the layout alone.

    The margin is the indent most lines share. A line starts a paragraph when the line
    before it is blank or ends short (more than 4 cells before the wrap width, both
    measured from the margin), when its indent differs from the margin (a deeper
    indent marks a paragraph, a shallower one a dateline or heading), or when it opens
    with a 【label】 (``【责任编辑】…`` under a full last line is no part of it). A line
    that ends inside a bracket it opened (``（记者王明`` under a dateline wrapped narrower
    than the text) runs on like a full one. Lines with runs of 2+ spaces inside (table
    rows) and rules (lines of dashes) stand alone, but for a line that closes a bracket
    left open above (the rest of that sentence, however it is spaced).
    """
    indents = Counter(len(line) - len(line.lstrip()) for line in lines if line.strip())
    margin = indents.most_common(1)[0][0] if indents else 0
    widths = sorted(
        cells(line.rstrip()) - min(len(line) - len(line.lstrip()), margin)
        for line in lines
        if line.strip()
    )
    width = widths[int((len(widths) - 1) * 0.9)] if widths else width
    paragraphs: list[list[str]] = []
    previous_full = left_open = False
    for line in lines:
        text = line.strip()
        if not text:
            previous_full = left_open = False
            continue
        indent = len(line) - len(line.lstrip())
        table = len(re.findall(r"[^\s.!?:;,。！？：；，](?: {2,}|\u3000{2,})(?=\S)", text)) >= 2
        label = _STARTS_LABEL.match(text) is not None
        table = (table and not left_open) or _RULE_ONLY.fullmatch(squeeze(text)) is not None
        if not paragraphs or not previous_full or indent != margin or table or label:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
        left_open = _open_bracket(text)
        previous_full = not table and (
            cells(line.rstrip()) - min(indent, margin) >= width - 4 or left_open
        )
    return [join_pieces(p) for p in paragraphs]


def section_fudan(folder: Path) -> list[Figure]:
    """A 1990s GBK archive: labelled headers, journal papers, news-agency items.

    How each figure is judged (truth comes from the file, never from our parser):

    * shape: ``labelled`` when 2+ of the first 6 non-blank lines are 【label】 lines;
      ``journal`` when one of the first 4 holds an issue (``第14卷 第2期``, ``Vol.14``,
      ``No.2``); ``news`` when line 2-5 is a dateline (``新华社北京５月３日电``, the
      day in digits or in Chinese numerals: ``五月二十五日电``).
    * titles (labelled): our title equals the 【标题】 value (whitespace ignored).
    * titles (journal): the line just above the author-name line (see
      :func:`_journal_truth`), else the first line after the masthead; never the
      journal name. Journal-name titles counts titles equal to the journal name.
    * titles (news): the non-blank lines above the dateline line that hold Chinese text
      or only punctuation (a headline wrapped over two lines); a ``标  题:`` label above
      the dateline (a BBS post's header) gives the title instead.
    * dates: 【日期】19960323 is a day, 【原刊期号】199903 a month (199521 a year), a masthead
      ``1998年6月`` a month; right when ours is the same day (or month).
    * authors: 【作者】 split on / 、 ， and spaces; a journal's name lines; a news
      dateline's ``（记者…）`` names, roles (``通讯员``, ``实习生``, ``新华社记者``) left
      out. Right when our names are the same set.
    * sources: 【原文出处】; a journal's name (first line, without the debris of an
      HTML tag before it); 新华社 for its datelines.
    * label lines in bodies: blocks that start with a 【label】 or a header label and
      colon (标题： 作者： 来源： …): none should be left. A bracketed number, circled
      ones (``[①]``) included, is a note mark, not a label.
    * datelines kept: the news dateline's start is the start of our first block.
    * reflow: files whose body (after 【正文】 or the masthead) is hard-wrapped
      (:func:`_wrap_width`); each true paragraph (:func:`_true_paragraphs`) must be
      shown by us (:meth:`Shown.has`): a block of ours, exactly (spaces, a list
      number or bullet, a ``(4)内容:`` form field aside), or the title; a rule line as a
      rule; a metadata line (``责任编辑：王五``, ``（作者单位：某大学）``, a BBS post's
      ``发信人: …``) as metadata, each part of its values found in a field we show. A
      file is exact when all of its paragraphs are. Label lines (``【…】``, ``［提要］``;
      no digit inside: ``[1]…`` notes are judged) are not paragraphs.

    Reclassified cases (each a judge error the layout rules made, found on the misses;
    the rule is stated, never a file): before, (a) a 【label】 line under a full line
    was glued to the paragraph above; (b) a line of dashes was glued to or judged as a
    paragraph; (c) metadata lines the reader shows as fields (editor, affiliation,
    BBS header) were required in the body; (d) a ``(4)内容:`` form-field name was
    required before a dateline; (e) a line ending inside a bracket it opened (``（记者
    吴永恒`` over ``战）…``) and a line closing it were split when the layout said
    short or table; (f) ``[1]…`` notes were left out of the judged paragraphs, and
    ``［提要］`` judged as a paragraph; (g) the paper's title line (shown as the
    heading) was required as a block; (h) ``[①]`` counted as a label line; (i) news
    titles took a BBS header and dropped a ``》`` wrapped onto its own line, and
    reporters' names kept their roles; (j) datelines in Chinese numerals were missed;
    (k) a journal title's last words wrapped onto a line of their own that reads as
    one name (``调度问题``) over the real names line were taken for the author and cut
    from the title (:func:`_is_title_tail`: one "name" straight under the first title
    line with a names line after it); (l) a journal's authors were only the first
    names line, never those continued on the next lines, each with its affiliation
    (:func:`_names_bare`: bracketed parts, also an affiliation wrapped over two lines,
    and note marks ``**`` dropped); (m) a footnote mark ending a title line (``…研究*``,
    ``…分析1)``) was required in the title; (n) an issue number over 12 in 原刊期号
    (``199521``, issue 21 of 1995) was taken for a month (there is none: the truth is the
    year). None of (k)-(n) is ambiguous to a reader.
    * wrong codec: the archive is GBK/GB18030; anything else is wrong.
    * replacement characters beyond broken bytes: U+FFFD in our decoded text minus
      those of a GB18030 decode with replacement (the truly broken bytes).
    * titles shared by 5+ files: the share of files whose title 5+ files carry.
    * 作者/来源 lines: unlabelled ``作者：`` / ``来源：`` lines; right when the value
      shows up in our author / source.
    """
    files = sorted(folder.rglob("*.txt"))
    tally = Tally()
    shapes: Counter = Counter()
    ours_titles: Counter = Counter()
    base_titles: Counter = Counter()
    label_lines = [0, 0]
    journal_name_titles = [0, 0]
    codec_wrong = [0, 0]
    extra_fffd = [0, 0]
    reflow_files = [0, 0, 0]  # files, ours exact, base exact
    reflow_pars = [0, 0, 0]  # paragraphs, ours, base
    for path in files:
        data = path.read_bytes()
        tally.where = path.name
        text = data.decode("gb18030", "replace")
        lines = text.replace("\r\n", "\n").split("\n")
        article = load(path, folder)
        base_text = data.decode("gbk", "replace")
        base_lines = [line.strip() for line in base_text.splitlines() if line.strip()]
        base_title = base_lines[0] if base_lines else ""
        ours_title = article.title if article else ""
        ours_titles[squeeze(ours_title)] += 1
        base_titles[squeeze(base_title)] += 1
        meta = article.meta if article else None
        blocks = [b.text for b in article.blocks] if article else []

        broken = text.count("\ufffd")
        decoded = decode_bytes(data)
        codec_wrong[0] += decoded.encoding not in ("gbk", "gb18030", "gb2312")
        extra_fffd[0] += max(0, decoded.text.count("\ufffd") - broken)
        extra_fffd[1] += max(0, base_text.count("\ufffd") - broken)

        label_lines[0] += sum(1 for block in blocks if _BODY_LABEL.match(block))
        label_lines[1] += sum(1 for line in base_lines[1:] if _BODY_LABEL.match(line))

        shape = _shape(lines)
        shapes[shape] += 1
        body_from = 0
        if shape == "labelled":
            found, body_at = _labels(lines)
            body_from = body_at + 1 if body_at >= 0 else 0
            if "标题" in found:
                truth = squeeze(found["标题"])
                tally.judge(
                    "title_labelled",
                    squeeze(ours_title) == truth,
                    squeeze(base_title) == truth,
                    (ours_title, truth),
                )
            date = _label_date(found)
            if date:
                tally.judge(
                    "date", _date_right(meta and meta.date, date), False, (meta and meta.date, date)
                )
            if found.get("作者"):
                truth_names = names_of(found["作者"])
                ours_names = set((meta.author or "").split()) if meta else set()
                tally.judge("author", ours_names == truth_names, False, (ours_names, truth_names))
            if found.get("原文出处"):
                truth = squeeze(found["原文出处"])
                tally.judge(
                    "source",
                    squeeze(meta and meta.source) == truth,
                    False,
                    (meta and meta.source, truth),
                )
        elif shape == "journal":
            title, authors, journal, body_from = _journal_truth(lines)
            if title:
                tally.judge(
                    "title_journal",
                    squeeze(ours_title) == squeeze(title),
                    squeeze(base_title) == squeeze(title),
                    (ours_title, title),
                )
            journal_name_titles[0] += squeeze(ours_title) == journal
            journal_name_titles[1] += squeeze(base_title) == journal
            if authors:
                ours_names = set((meta.author or "").split()) if meta else set()
                tally.judge("author", ours_names == authors, False, (ours_names, authors))
            tally.judge(
                "source",
                squeeze(meta and meta.source) == journal,
                False,
                (meta and meta.source, journal),
            )
            month = next((m for line in lines[:5] if (m := _MASTHEAD_MONTH.search(line))), None)
            if month:
                truth = f"{month[1]}-{int(month[2]):02d}"
                tally.judge(
                    "date",
                    _date_right(meta and meta.date, truth),
                    False,
                    (meta and meta.date, truth),
                )
        elif shape == "news":
            at = next(i for i, line in enumerate(lines[:6]) if i and _DATELINE.match(line))
            above = [line.strip() for line in lines[:at] if line.strip()]
            above = [line for line in above if _is_headline_line(line)]
            labelled = [m[1] for line in above if (m := _TITLE_LABEL.match(line))]
            title = labelled[0] if labelled else "".join(above)
            tally.judge(
                "title_news",
                squeeze(ours_title) == squeeze(title),
                squeeze(base_title) == squeeze(title),
                (ours_title, title),
            )
            dateline = _DATELINE.match(lines[at])
            start = squeeze(lines[at][dateline.start(1) :])[:8] if dateline else ""
            tally.judge(
                "dateline_kept",
                bool(blocks) and squeeze(blocks[0]).startswith(start),
                any(squeeze(line).startswith(start) for line in base_lines[1:2]),
                (blocks[:1], start),
            )
            reporter = _REPORTER.search(squeeze(lines[at]) + squeeze(lines[at + 1]))
            if reporter:
                ours_names = set((meta.author or "").split()) if meta else set()
                truth_names = names_of(_ROLE_WORDS.sub("、", reporter[1]))
                tally.judge("author", ours_names == truth_names, False, (ours_names, truth_names))
            if dateline and dateline[1] == "新华社":
                tally.judge(
                    "source", squeeze(meta and meta.source) == "新华社", False, meta and meta.source
                )
            body_from = at
        for line in lines[:10] + lines[-10:]:
            inline = _INLINE_META.match(line)
            if inline and "【" not in line:
                value = squeeze(inline[2])
                field_value = (
                    (meta.author if inline[1][0] == "作" else meta.source) if meta else None
                )
                right = bool(field_value) and squeeze(field_value) in value
                tally.judge("inline", right, False, (field_value, value))

        body = lines[body_from:]
        width = _wrap_width(body)
        if width is not None and article is not None:
            truth_pars = [p for p in _true_paragraphs(body, width) if not _LABEL_PARAGRAPH.match(p)]
            ours_shown = _shown(article)
            base_shown = Shown(Counter(_unnumbered(line) for line in base_lines))
            hits = sum(1 for p in truth_pars if ours_shown.has(p))
            if "reflow" in MISSES:
                for p in truth_pars:
                    if not ours_shown.has(p):
                        print(f"  miss reflow: {path.name}: {p[:60]}")
            base_hits = sum(1 for p in truth_pars if base_shown.has(p))
            reflow_files[0] += 1
            reflow_files[1] += hits == len(truth_pars)
            reflow_files[2] += base_hits == len(truth_pars)
            reflow_pars[0] += len(truth_pars)
            reflow_pars[1] += hits
            reflow_pars[2] += base_hits

    n = len(files)
    shared = sum(c for t, c in ours_titles.items() if c >= 5)
    base_shared = sum(c for t, c in base_titles.items() if c >= 5)
    return [
        Figure(f"files ({', '.join(f'{k} {v}' for k, v in sorted(shapes.items()))})", n),
        tally.figure("title_labelled", "titles right, labelled", 0.99),
        tally.figure("title_journal", "titles right, journal papers", None),
        tally.figure("title_news", "titles right, news items", 0.98),
        count("journal-name titles", journal_name_titles[0], journal_name_titles[1], 0),
        tally.figure("date", "dates right (day, or month)", 0.99),
        tally.figure("author", "authors right", 0.95),
        tally.figure("source", "sources right", 0.98),
        tally.figure("dateline_kept", "news datelines kept as 1st paragraph", None),
        count("label lines left in bodies", label_lines[0], label_lines[1], 0),
        share("hard-wrapped files reflowed exactly", *reflow_files[1:], reflow_files[0], 0.97),
        share("paragraphs reflowed exactly", *reflow_pars[1:], reflow_pars[0], 0.997),
        count("files with a wrong codec", codec_wrong[0], codec_wrong[1], 0),
        count("replacement chars beyond broken bytes", extra_fffd[0], extra_fffd[1], 0),
        share("titles shared by 5+ files", shared, base_shared, n, None),
        tally.figure("inline", "作者/来源 lines read", 0.90),
    ]


# -- web pages and Markdown (bench/fidelity_web.py holds the judges and a longer report) --


def section_cwce(folder: Path) -> list[Figure]:
    """Chinese news pages with hand-made truth: ``date/``, ``author/``, ``cleaned/``.

    A date is right when it agrees to the day (or to the truth's own precision, a
    month or a year); ``UNKNOWN`` pages must get none. Authors are compared as sets of
    names. Content is a bag of words (one token per CJK character, one per Latin word)
    against ``cleaned/``: precision and recall per page.
    """
    import fidelity_web as web  # noqa: PLC0415  (needs src/ on the path, set above)

    tally = web.cwce(web.ours, ("date", "author", "text"), folder)
    assert tally is not None
    low = sum(value < 0.8 for value in tally.precision)
    return [
        Figure("pages", tally.pages),
        share("dates right, pages that show one", tally.right["date"], None, tally.asked["date"], 0.9),
        count("dates on pages that show none", tally.false["date"], None),
        share("authors right, pages that name one", tally.right["author"], None,
              tally.asked["author"], 0.8),
        count("authors on pages that name none", tally.false["author"], None),
        count("empty bodies", tally.empty, None, 0),
        Figure("content precision, median (x1000)", round(1000 * _median(tally.precision))),
        Figure("content recall, median (x1000)", round(1000 * _median(tally.recall))),
        share("pages with content precision under 0.8", low, None, tally.pages, None),
    ]  # fmt: skip


def section_readability(folder: Path) -> list[Figure]:
    """Mozilla Readability's test pages: ``expected-metadata.json`` title, byline, date.

    A title is right when it equals the expected one, or the expected one is it plus a
    site name after (or before) a separator. A byline is right when it names the same
    person ("By" and case aside). Dates are judged only where the truth has one (the
    truth leaves out dates many pages print).
    """
    import fidelity_web as web  # noqa: PLC0415

    tally = web.readability_set(web.ours, ("title", "date", "author", "text"), folder)
    assert tally is not None
    return [
        Figure("pages", tally.pages),
        share("titles right", tally.right["title"], None, tally.asked["title"], 0.95),
        share("dates right, pages whose truth has one", tally.right["date"], None,
              tally.asked["date"], 0.9),
        share("authors right, pages whose truth has one", tally.right["author"], None,
              tally.asked["author"], 0.8),
        count("authors where the truth has none", tally.false["author"], None),
        count("empty bodies", tally.empty, None, 0),
    ]  # fmt: skip


def section_commonmark(folder: Path) -> list[Figure]:
    """The CommonMark spec's examples: our shown text equals the HTML's visible text
    (``bench/commonmark.py --list`` prints each failure)."""
    import commonmark  # noqa: PLC0415

    passed, total = commonmark.score(folder / "spec.json")
    return [share("examples rendered right", passed, None, total, 0.95)]


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


SECTIONS: dict[str, Callable[[Path], list[Figure]]] = {
    "fudan_dev": section_fudan,
    "cwce_dev": section_cwce,
    "readability_dev": section_readability,
    "commonmark": section_commonmark,
}


def find_corpora(explicit: str | None) -> Path | None:
    """``--corpora``, ``$TUIREADER_CORPORA``, or ``shared/corpora`` beside an ancestor."""
    if explicit:
        return Path(explicit)
    if os.environ.get("TUIREADER_CORPORA"):
        return Path(os.environ["TUIREADER_CORPORA"])
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "corpora"
        if candidate.is_dir():
            return candidate
    return None


def print_table(name: str, figures: Iterable[Figure], seconds: float) -> None:
    """One corpus's figures, ours beside the baseline's, with targets."""
    print(f"[{name}]  ({seconds:.1f} s)")
    print(f"  {'figure':<40} {'tuireader':>26} {'baseline':>26}   target")
    for figure in figures:
        ours, base = figure.cells()
        mark = "" if figure.ok is None else (" ✓" if figure.ok else " ✗")
        print(f"  {figure.name:<40} {ours:>26} {base:>26}   {figure.target}{mark}")


def main() -> int:
    """Run every section whose corpus is present."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", help="the corpora folder (default: ../shared/corpora)")
    parser.add_argument("--only", help=f"comma-separated corpora: {','.join(SECTIONS)}")
    parser.add_argument("--misses", help="print the misses of these figures (title_news,reflow)")
    args = parser.parse_args()
    MISSES.update(filter(None, (args.misses or "").split(",")))
    root = find_corpora(args.corpora)
    chosen = args.only.split(",") if args.only else list(SECTIONS)
    for name in chosen:
        folder = root / name if root else None
        if name not in SECTIONS:
            parser.error(f"unknown corpus {name!r}")
        if folder is None or not folder.is_dir():
            print(f"[{name}]  skipped: {folder or 'no corpora folder'} not found")
            continue
        start = time.perf_counter()
        figures = SECTIONS[name](folder)
        print_table(name, figures, time.perf_counter() - start)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
