"""Answers "what does section X list / say": the section's outline, cited line by line.

A question asks for a section when it uses an outline word (有哪些, 包括, 哪几条, 是什么 …) and
names a heading of a document: most of the heading's words stand in the question. The outline is
the section's sub-headings; a section without sub-headings whose paragraphs open with a short
title sentence ("协同增效，源头防控。") is outlined by those; otherwise its text is quoted.

Usage::

    sa = SectionAnswerer(res, SentenceIndex.build(res))
    draft = sa.run(Ask("浙江省方案的基本原则有哪些？", query, ["zj-plan"]))
"""
from __future__ import annotations

import re
from collections.abc import Callable
from os.path import commonprefix
from functools import lru_cache
from dataclasses import dataclass, replace

from ingest.types import Record
from ingest.values import cn_value, numeral_value
from ingest.vocab import VALUE_COLUMN_NAMED

from ..answer_type import CONFIRMATION
from ..compose import Citer, doc_label
from ..retrievers import Idf, bigrams, common_run, coverage, flat, kept, without_runs
from ..sentences import Sentence, SentenceIndex
from ..question import INTENT_PATTERNS, of_own_kind
from .base import Answerer, Ask, Draft

#: the question asks what a section lists or says
OUTLINE_Q = re.compile(r"有哪些|有哪几|包括|包含|要求了?什么|哪几(条|项|个|方面|部分|类|块)|有什么|是什么|什么内容|主要内容|讲了|讲的|讲什么|讲些什么|说了什么|写了什么|分为|分哪|分几|几块|都有|哪些(方面|内容|措施|举措|要求|阶段|步骤|环节|人)")
#: "聚焦哪几个行业", "在哪几个园区": names the text gives, of a kind no section's parts are — not an outline
#: (the kinds after 哪几个 that a section's sub-headings are: 方面, 部分, 措施, 任务 …)
NAMES_ASKED = re.compile(r"哪几个?(?!方面|部分|章节|内容|措施|举措|任务|要求|原则|目标|重点|领域|环节|阶段|类别|板块)"
                         r"[\u4e00-\u9fff]{2}(?=\s*[？?吗呢，,。]|\s*$)"
                         # ... "哪些方面的政策措施": the kinds of a thing the text names ("财税、物价、金融等政策措施")
                         # (not a kind of section: "哪些方面的保障措施" asks 保障措施's parts)
                         r"|哪(?:些|几个?)方面的(?!(?:保障|组织|主要|重点|工作)?(?:措施|任务|要求|内容|工作|原则|目标)[？?]?$)"
                         r"[\u4e00-\u9fff]{2,}")
#: question words a question puts inside a heading's words: "面临哪些挑战" names "四、面临挑战",
#: "生态安全格局面临什么挑战" names "(三) 生态安全格局面临的挑战" — and asks what that section says
INNER_ASK = re.compile(r"哪些|哪几[个条项类种方面]?|什么|的")
INNER_ASK_WORD = re.compile(r"哪些|哪几|什么")  # (the question words of it: "的" alone asks nothing)
#: a question asking one of these asks about an item (a row or a sentence), not a section's outline
ROW_INTENTS = {"lead", "participants", "deadline", "data_source", "weight", "count", "doc_fact",
               "list_by_year", "list_by_dept",  # ("任务清单里2023年完成的有哪些": the rows of that year, not the list's outline)
               "position"}  # ("…攻坚行动是任务清单第几项": that row's place, not the list's 47 rows)
#: ... and so does one naming a value column of an indicator table ("…名录制度现状值是什么")
VALUE_COLUMN_Q = re.compile(VALUE_COLUMN_NAMED)
#: a short title on its own line, without numbering or sentence marks (a heading the text lost its number of)
UNNUMBERED_HEADING = re.compile(r"(?![一二三四五六七八九十]+、|[（(]|\d)[\u4e00-\u9fff“”（）]{4,14}")
#: "主要任务 / 重点任务" asked of a document that has no heading of that name: its task chapters
TASKS_Q = re.compile(r"(主要|重点)任务(有哪些|是什么|包括|有几|分为|都有)|有哪些(主要|重点)任务|(主要|重点)任务")
#: chapters that frame a plan rather than set its tasks (what comes before and after the tasks)
FRAME_CHAPTER = re.compile(r"总体要求|指导思想|基本原则|主要目标|工作目标|总则|组织实施|保障措施|组织保障|实施保障|附则")
#: the usual names of one kind of section, any of which a question may use for the heading a plan has
SECTION_KINDS = (("总体目标", "主要目标", "工作目标", "发展目标", "规划目标"), ("基本原则", "工作原则"),
                 ("保障措施", "组织实施", "组织保障", "实施保障"))
#: a note under a list ("注：上表中未注明的，完成时限均为2025年。"): no prose of its own
LIST_NOTE = re.compile(r"^\s*注\s*[:：]")
#: "…那部分有几项？", "…一共几条任务？": how many parts a section has (its outline says "共N项"); a
#: count ending the question, after the section's name
SECTION_COUNT_Q = re.compile(r"(?<!达标)(?<!完成)(?<!建成)(?<!实现)(?<!达到)(?<!纳入)(?<!列入)"  # ("已达标多少项": items in a state)
                             r"(?:(?:一共|总共|共)?有?(?:几|多少)(?:项|条|部分|个方面|方面|节|份|篇|件)(?:任务|措施|内容|要求|工作|文件|公文|文章)?"
                             # ... "编制依据有几个": 个 after 有 only ("…项目要建几个" counts what is built, not parts)
                             r"|(?:一共|总共|共)?有(?:几|多少)个)\s*[？?]?\s*$")
#: the kind of item a count or "哪些" asks, qualified ("几份温政办文件", "哪些温政发文件"): only the section's
#: items holding the qualifier are asked, counted and shown
QUALIFIED_ITEMS = re.compile(r"(?:(?:几|多少)[份篇件项个条]|哪些|哪几[份篇件项个条])(?P<word>[\u4e00-\u9fff]{2,6}?)的?"
                             r"(?:文件|公文|文章|发文)\s*[？?]?\s*$")
#: a numbered paragraph of a plan's body named by its number ("温州方案第二十二条", "省方案（九）那一条"):
#: Chinese numerals, as the body numbers its paragraphs "（二十二）…" — a list's row is named with the list
#: ("任务清单第22项") or in digits
PARAGRAPH_NO = re.compile(r"第(?P<a>[一二三四五六七八九十]+)条|[（(](?P<b>[一二三四五六七八九十]+)[)）]")
#: an item of a section's outline named by its place ("政务简讯第三条", "发文目录第二份"): the place
ORDINAL_ITEM = re.compile(r"第\s*(?P<n>[一二三四五六七八九十]+|\d{1,2})\s*[条项个份篇]")
#: what follows a section's name asking into it ("…里第二份", "…有哪些", "…一共几项")
INTO_SECTION = r"(?:里面?|中|当中)?的?(?:第|有|一共|总共|共|包括|包含|都有|分)"
#: a body paragraph's own number opening its title ("（二十二）构建…")
PARAGRAPH_MARK = re.compile(r"^\s*[（(]([一二三四五六七八九十]+)[)）]")
#: what a paragraph named by its number is asked: what it is about or says (a follow-up's 呢 asks the same
#: of it: "温州方案的第二十四条呢？")
PARAGRAPH_ASKED = re.compile(r"什么|哪些|内容|讲|说|写|呢\s*[？?]?\s*$")
#: "固废那一部分", "大气这块": a part of the document pointed at by a topic word written just before
PART_Q = re.compile(r"[那这]一?(?:部分|块|节)")
#: a chapter named by its number ("第九章", "第三部分")
CHAPTER_NO = re.compile(r"第[一二三四五六七八九十百\d]+(?:章|部分|节)")


def chapter_unit(numbered: str) -> str:
    """The level a chapter number names: "第七章" → "章", "第三部分" → "部分".

    >>> chapter_unit("第七章"), chapter_unit("第三部分"), chapter_unit("第2节")
    ('章', '部分', '节')
    """
    return "部分" if numbered.endswith("部分") else numbered[-1:]


#: a chapter heading: "二、…", numbered in this order
CHAPTER = re.compile(r"^[一二三四五六七八九十]+、")
#: a chapter heading numbered either way: "二、…" or "第二章 …" / "第二部分"
CHAPTER_ANY = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+(?:章|部分))")
#: the question asks how a whole document is organised ...
DOC_OUTLINE_Q = re.compile(r"(?:哪几|几个|哪些|几)(?:部分|章|篇)|分为|分成|结构|框架|由哪些|(?:包括|包含|有)(?:哪些|什么)(?:内容|部分)|主要内容|讲了哪些")
#: "编制说明里省方案一共几个章节": a document describing another (a drafting note) asked how the one it
#: describes is organised — what the note says of it ("《实施方案》共十章节"), not the note's own chapters
DESCRIBED_DOC = re.compile(r"(?:编制说明|起草说明|政策解读)(?:里面?|中|上|当中)(?:说|讲|提到|写)?的?[\u4e00-\u9fff]{0,4}?(?:方案|规划|《[^》]+》)")
#: ... when its item words are only words of that asking
DOC_OUTLINE_WORDS = re.compile(r"部分|章节?|篇|分为|分成|结构|框架|组成|包括|包含|内容|主要|一共|总共|共|几|哪些|怎样|怎么样|讲了")
#: a line opening with a bullet mark (ingest reads such lines as paragraphs of their own: see
#: ``ingest.structure.BULLET``; the sentence text has lost the space after the mark)
BULLET_ITEM = re.compile(r"^[-•·●▪]\s*(?=\S)")
#: a paragraph numbered as an entry of a series ("1、《关于…的复函》（环办综合函〔2022〕353号）")
NUMBERED_ENTRY = re.compile(r"^\s*\d{1,2}\s*[、．.](?!\d)\s*")
#: ... and the next entry's number inside such a paragraph, after the closing mark of the entry before
ENTRY_AFTER = re.compile(r"(?<=[）)》。；”])\s*\d{1,2}\s*[、．](?!\d)\s*")
#: heading numbering, not part of its title: "七、", "（十七）", "第一章", "1."
NUMBERING = re.compile(r"^(?:第[一二三四五六七八九十百\d]+[章节部分]\s*|[一二三四五六七八九十]+、|[（(]\s*[一二三四五六七八九十]+\s*[)）]|\d+[.、．])\s*")
#: the words that ask a document fact (文号, 发文, 印发 …), as the question parser reads them
DOC_FACT_WORDS = re.compile(next(p for intent, p, _ in INTENT_PATTERNS if intent == "doc_fact"))


def chapter_no(title: str) -> str:
    """The Chinese numeral of a chapter heading.

    >>> chapter_no("三、推进大气污染防治协同控制"), chapter_no("第十章 保障措施")
    ('三', '十')
    """
    m = re.match(r"^第?([一二三四五六七八九十]+)", title.strip())
    return m.group(1) if m else ""


def numbered_in_order(titles: list[str]) -> bool:
    """Whether chapter headings are numbered 一、二、三… (or 第一章, 第二章 …) from the first, none missing.

    >>> numbered_in_order(["一、总体要求", "二、任务", "三、保障"]), numbered_in_order(["一、总体要求", "四、任务"])
    (True, False)
    """
    return [cn_value(chapter_no(t)) for t in titles] == list(range(1, len(titles) + 1))


def chapter_runs(heads: list[tuple[int, str, str]]) -> list[list[tuple[int, str, str]]]:
    """Chapter headings of one parent (first line, title, chunk), in document order, split into runs
    at each one numbered 一 again: a plan's chapters "一、…十、" and its lists "一、目标清单 二、…",
    printed under one annex, are two runs.

    >>> [[t for _, t, _ in r] for r in chapter_runs([(9, "二、任务", ""), (1, "一、总体", ""), (20, "一、目标清单", "")])]
    [['一、总体', '二、任务'], ['一、目标清单']]
    """
    runs: list[list[tuple[int, str, str]]] = []
    for h in sorted(heads):
        if not runs or chapter_no(h[1]) == "一":
            runs.append([])
        runs[-1].append(h)
    return runs


def shared_stretch(text: str, start: int, end: int, other: str) -> str:
    """The longest stretch of ``text`` around ``text[start:end]`` that ``other`` holds ("" if none).

    >>> shared_stretch("6月份市政府发文目录有哪些", 6, 8, "6月份市政府、市政府办公室发文目录")
    '发文目录'
    """
    best = ""
    for i in range(start, -1, -1):
        if text[i:end] not in other:
            break
        j = end
        while j < len(text) and text[i:j + 1] in other:
            j += 1
        if j - i > len(best):
            best = text[i:j]
    return best


@lru_cache(maxsize=8192)
def heading_words(title: str) -> str:
    """The words of a heading without its numbering and end mark.

    >>> heading_words("（十七）不同类型城市减污降碳协同创新试点")
    '不同类型城市减污降碳协同创新试点'
    """
    return re.sub(r"\s+", "", NUMBERING.sub("", title.strip())).rstrip("。")


@dataclass(frozen=True)
class SectionConfig:
    accept: float = 0.8  # share of a heading's (IDF-weighted) words the question must name
    title_chars: int = 25  # a paragraph's opening sentence up to this long is its title
    max_items: int = 12
    # words besides a heading's naming one of its sub-headings: this many characters ("移动源", "能源转型"); the
    # tune part scores alike from 2 to 6 (evals/reports/calibration.md): 3 lets a three-character item narrow
    narrow_chars: int = 3
    max_list_rows: int = 50  # a list's rows shown when its heading is asked ("政策清单有哪些")
    core_chars: int = 4  # a heading named by its distinctive part: at least this many characters …
    core_share: float = 0.5  # … and this share of its words ("碧海保卫战" of "全面打好碧海保卫战"); calibrated
    word_min: int = 3  # a heading of this many words (two characters or more) is named by its words in any order
    shortened_accept: float = 0.6  # a heading named shortened: the question's item words all in it, and this share of its words in the question
    shortened_chars: int = 6  # … an item of at least this many characters (set, not swept: on the dev set no other heading is named so)
    quote_chars: int = 1200  # a section without an outline is quoted up to this long (a 主要目标 of two ~600-character paragraphs whole)

    def __post_init__(self) -> None:
        if not 0 < self.accept <= 1:
            raise ValueError("accept must be in (0, 1]")
        if min(self.title_chars, self.max_items, self.quote_chars) < 1:
            raise ValueError("counts must be >= 1")


#: a measure the question writes right after a heading's words: it names a measured item ("一般工业固废综合
#: 利用率" holds the words of "（十二）强化固废综合利用" and asks the rate), not the section
MEASURE_AFTER = re.compile(r"率|量|比例|比重|指数")


def measured_item(question: str, heading: str, min_run: int = 4) -> bool:
    """Whether ``question`` writes the longest run it shares with ``heading`` (at least ``min_run``
    characters) followed at once by a measure (:data:`MEASURE_AFTER`).

    >>> measured_item("一般工业固废综合利用率的目标是什么？", "（十二）强化固废综合利用")
    True
    >>> measured_item("强化固废综合利用有哪些要求？", "（十二）强化固废综合利用")
    False
    """
    q, h = flat(question), flat(heading_words(heading))
    run = common_run(q, h)
    if run < min_run:
        return False
    for i in range(len(h) - run + 1):
        at = q.find(h[i:i + run])
        if at >= 0:
            return bool(MEASURE_AFTER.match(q, at + run))
    return False


def titles_next(sents: list[Sentence], k: int) -> bool:
    """Whether sentence ``k`` is the title line of the news item after it ("温州市新闻传媒中心成立" over
    "6月28日，温州市新闻传媒中心成立，…", which carries it as its title): an item of a column of titled
    items, not an unnumbered heading of the next part."""
    return k + 1 < len(sents) and bool(sents[k + 1].title) and sents[k + 1].title == sents[k].text


class SectionAnswerer(Answerer):
    """Outlines the section a question names."""

    name = "section"

    def __init__(self, res: object, index: SentenceIndex, config: SectionConfig | None = None,
                 unnamed_compilation: Callable[[str, str], bool] = lambda question, doc: False,
                 words: Callable[[str], list[str]] | None = None) -> None:
        """``unnamed_compilation(question, doc)``: ``doc`` prints several documents of its own (a
        gazette issue) and the question names none of them — its chapters are then no outline of
        ``doc`` (see :meth:`rag.answerers.docfacts.DocFactsAnswerer.unnamed_compilation`); ``words``:
        the tokenizer (a heading named with its words in another order, "面临的生态环境保护挑战")."""
        self.res = res
        self.words = words
        self._heading_tokens: dict[str, list[str]] = {}
        self._gram_cache: dict[str, frozenset[str]] = {}  # (``_grams``)
        self._windows_cache: dict[str, frozenset[str]] = {}  # (``_windows``)
        self._openings: dict[tuple[str, str], set[str]] | None = None  # (``_named_apart``)
        self.unnamed_compilation = unnamed_compilation
        self.index = index
        self.config = config or SectionConfig()
        #: each document's lists, by name in document order, with their rows in order ("政策清单" → its rows)
        self.lists: dict[str, dict[str, list[Record]]] = {}
        for r in sorted((r for r in res.records.values() if r.list_name and r.span is not None),
                        key=lambda r: (r.doc_id, r.span.start_line)):
            self.lists.setdefault(r.doc_id, {}).setdefault(r.list_name, []).append(r)
        self.headings: dict[tuple[str, tuple[str, ...]], list[Sentence]] = {}
        #: sub-headings under a heading, in document order: title → (first line, last line, chunk id)
        self.children: dict[tuple[str, tuple[str, ...]], dict[str, tuple[int, int, str]]] = {}
        for s in index.sentences:
            self._add(s.doc_id, s.section, s.start_line, s.end_line, s.chunk_id)
            for k in range(1, len(s.section) + 1):
                self.headings.setdefault((s.doc_id, tuple(s.section[:k])), []).append(s)
        for r in sorted(getattr(res, "records", {}).values(), key=lambda r: (r.doc_id, r.span.start_line if r.span else 0)):
            if r.span is not None:  # the lists of an annex are its sub-headings
                self._add(r.doc_id, list(r.section), r.span.start_line, r.span.end_line,
                          res.chunk_of_record.get(r.id, ""))
                self.headings.setdefault((r.doc_id, tuple(r.section)), [])
        self._add_unnumbered_headings(index.sentences)
        self._titles: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        self._heading_grams = [bigrams(heading_words(t).replace("的", "")) for key in self.headings for t in self.titles(key)]
        self.idf = Idf([bigrams(heading_words(t)) for key in self.headings for t in self.titles(key)])
        #: each document's headings of numbered body paragraphs by their number ("（二十二）…" → 22), once
        self.paragraphs: dict[str, dict[int, list[tuple[str, tuple[str, ...]]]]] = {}
        for doc, path in self.headings:
            if (m := PARAGRAPH_MARK.match(path[-1])) and (n := cn_value(m.group(1))):
                self.paragraphs.setdefault(doc, {}).setdefault(n, []).append((m.group(1), path))

    def _add_unnumbered_headings(self, sentences: list[Sentence]) -> None:
        """A short line standing alone after a section's text, followed by numbered sections of the
        same level ("提升协同能力" over "（二十三）…（二十五）" where the text lost its "九、"), heads
        those sections: they are its outline."""
        for k, p in enumerate(sentences):
            nxt = sentences[k + 1] if k + 1 < len(sentences) else None
            if (nxt is None or not p.paragraph_start or not UNNUMBERED_HEADING.fullmatch(p.text) or not p.section
                    or nxt.doc_id != p.doc_id or nxt.section[:-1] != p.section[:-1] or nxt.section == p.section):
                continue
            parent = list(p.section[:-1])
            under = []
            for j in range(k + 1, len(sentences)):
                s = sentences[j]
                if s.doc_id != p.doc_id or s.section[:len(parent)] != parent or len(s.section) <= len(parent):
                    break
                if s.paragraph_start and UNNUMBERED_HEADING.fullmatch(s.text) and s is not p and not titles_next(sentences, j):
                    break  # the next unnumbered heading
                under.append(replace(s, section=[*parent, p.text, *s.section[len(parent):]]))
            if len(under) < 2:
                continue
            path = [*parent, p.text]
            self.headings[(p.doc_id, tuple(path))] = [replace(p, section=path), *under]
            for s in under:
                self._add(s.doc_id, s.section, s.start_line, s.end_line, s.chunk_id)

    def _add(self, doc: str, section: list[str], start: int, end: int, chunk_id: str) -> None:
        for k in range(len(section) - 1):
            kids = self.children.setdefault((doc, tuple(section[:k + 1])), {})
            title = section[k + 1]
            if title in kids:
                a, b, c = kids[title]
                kids[title] = (min(a, start), max(b, end), c)
            else:
                kids[title] = (start, end, chunk_id)

    def titles(self, key: tuple[str, tuple[str, ...]]) -> list[str]:
        """The heading's title, its parts ("推动海洋减污降碳协同，推进美丽海湾建设" names two), and for an
        annex ("附件1") the title line that opens it (worked out once per heading)."""
        if key not in self._titles:
            self._titles[key] = self._titles_of(key)
        return self._titles[key]

    def _titles_of(self, key: tuple[str, tuple[str, ...]]) -> list[str]:
        title = key[1][-1]
        words = heading_words(title)
        # its parts: clauses, and the phrases a headline sets apart by spaces ("凝聚共识 突破“瓶颈”制约
        # 市应急管理局积极探索安全管理自治共治新途径")
        parts = [heading_words(p) for p in re.split(r"[，,；]|\s+", NUMBERING.sub("", title.strip()))]
        out = [title] + [p for p in parts if len(p) >= 4 and p != words]
        if "的" in words:  # "生态安全格局面临的挑战" is asked as 生态安全格局面临什么挑战 (INNER_ASK)
            out.append(words.replace("的", ""))
        bare = re.sub(r"[（(][^）)]*[)）]", "", words)  # "近期目标（2021—2025年）" is asked as 近期目标
        if len(bare) >= 2 and bare != words:
            out.append(bare)
        sents = [x for x in self.headings.get(key, []) if heading_words(x.text) != heading_words(title)]
        if re.match(r"^附\s*件", title) and sents and len(sents[0].text) <= 40 and "。" not in sents[0].text:
            out.append(sents[0].text)
        return out

    def score(self, question: str, title: str) -> float:
        """How much of the heading the question names: the IDF-weighted share of its bigrams; a heading
        of ``word_min`` words or more whose words all stand in the question in another order is named
        at ``accept`` ("温州规划面临的生态环境保护挑战" names "(二) 生态环境保护面临的挑战")."""
        words = heading_words(title)
        # (both sides' bigrams worked out once: find scores every heading against a few question variants)
        best = self.idf.share(self._grams(words), self._grams(question))
        if self.words is not None and best < 1:
            if words not in self._heading_tokens:
                self._heading_tokens[words] = [w for w in self.words(words) if len(w) >= 2]
            tokens = self._heading_tokens[words]
            if len(tokens) >= self.config.word_min and all(w in question for w in tokens):
                best = max(best, self.config.accept)  # named, but below a heading named as written
        return best

    def _grams(self, text: str) -> frozenset[str]:
        """``bigrams(text)``, kept: headings' words and a question's variants are scored many times over."""
        return kept(self._gram_cache, text, lambda: frozenset(bigrams(text)))

    def find(self, ask: Ask) -> list[tuple[float, str, tuple[str, ...]]]:
        """The best-named heading of each document in scope, best first (a section kind the question
        names by another usual name — 总体目标 for 主要目标 — names it too)."""
        # (a 的 the question puts inside the heading's words: "面临的挑战" names "四、面临挑战")
        variants = list(dict.fromkeys([ask.question, ask.question.replace("的", "")]))
        other_names = [ask.question.replace(a, b) for group in SECTION_KINDS for a in group
                       if a in ask.question for b in group if b != a]
        if not OUTLINE_Q.search(ask.question):
            variants = [v for q in variants for v in (q, INNER_ASK.sub("", q))]
            other_names = [v for q in other_names for v in (q, INNER_ASK.sub("", q))]
        best: dict[str, tuple[float, str, tuple[str, ...]]] = {}
        ranks: dict[str, tuple[bool, bool, float, int]] = {}
        own = re.sub(r"\s", "", ask.query.content) if ask.query.followup and len(ask.query.content) >= 2 else "\0"
        shortened = self._item_words(ask.question)
        # ("省方案第三部分": the plan's own part, not its drafting note's, whose title quotes the plan's)
        owners = of_own_kind(ask.question, ask.doc_ids, {d: m.title for d in ask.doc_ids if (m := self.res.docs.get(d))})
        numbered = [k for k in self.headings if k[0] in owners and self._named_by_its_number(ask, k)
                    ] if CHAPTER_NO.search(ask.question) else []
        for key in self.headings:
            doc, path = key
            if doc not in ask.doc_ids:
                continue
            sc = max(self.score(q, t) for t in self.titles(key) for q in variants)
            if other_names and sc < self.config.accept:
                # named by another usual name of its kind ("组织实施" for "第十章 保障措施"): named, but no
                # better than a heading holding the name the question writes ("十、加强组织实施")
                sc = max(sc, min(self.config.accept, max(self.score(q, t) for t in self.titles(key) for q in other_names)))
            by_number = key in numbered
            # (the part named by its number, or a heading inside it, before headings elsewhere whose words
            # the question writes: "第九部分是组织实施吧" → 九, not "十、加强组织实施")
            inside = any(doc == d and path[:len(p)] == p for d, p in numbered)
            if sc < self.config.accept and (sc >= self.config.shortened_accept and self._holds_all(shortened, key)
                                             or self._named_by_its_core(ask.query.text or ask.question, key)
                                             or self._named_apart(ask.question, key)
                                             or by_number
                                             or self._named_as_a_part(ask.question, key)
                                             or self._named_by_its_kind(ask.question, key)):
                sc = self.config.accept
            # a follow-up's own words name the heading before the earlier turn's do ("经济社会发展方面呢？"
            # after a question on "(三) 生态安全格局面临的挑战" asks "(一) 经济社会发展面临的挑战");
            # the deeper heading wins a tie: "（一）基本原则" rather than "一、总体要求" — but a part named by
            # its number only ("第三部分") is the document's own, not a list an annex numbers alike; and the
            # number named decides before words naming another chapter ("第九部分是组织实施吧" → 九, not 十)
            rank = (own in heading_words(path[-1]), inside, sc, -len(path) if by_number else len(path))
            if sc >= self.config.accept and (doc not in best or rank > ranks[doc]):
                best[doc], ranks[doc] = (sc, doc, path), rank
        return sorted(best.values(), key=lambda x: (-ranks[x[1]][0], -x[0]))

    def _asked_inside(self, ask: Ask) -> list[tuple[float, str, tuple[str, ...]]]:
        """Headings a question names whole with its asking inside their words ("面临哪些挑战" →
        "四、面临挑战"): the heading holds the question's item words, and they hold the heading's."""
        if not INNER_ASK_WORD.search(ask.question):
            return []
        content, question = INNER_ASK.sub("", ask.query.content), INNER_ASK.sub("", ask.question)
        want = bigrams(content)
        if not want or not any(len(want & g) >= self.config.accept * len(want) for g in self._heading_grams):
            return []  # (no heading holds the item words: the headings are not scored one by one)
        return [f for f in self.find(ask) if any(
            coverage(content, heading_words(t)) >= self.config.accept and coverage(heading_words(t), question) >= self.config.accept
            for t in self.titles((f[1], f[2])))]

    def _item_words(self, question: str) -> list[str]:
        """The words (two characters or more) of the item a question names before its outline words
        ("市应急管理局探索安全管理自治共治" of "…有哪几条做法"), when that item is ``shortened_chars`` long or
        more; else []."""
        m = OUTLINE_Q.search(question)
        item = re.sub(r"[\s的]", "", question[:m.start()]) if m else ""
        if len(item) < self.config.shortened_chars or self.words is None:
            return []
        return [w for w in self.words(item) if len(w) >= 2]

    def _holds_all(self, words: list[str], key: tuple[str, tuple[str, ...]]) -> bool:
        """A heading named shortened, leaving out words such as 积极 or 新途径 ("市应急管理局探索安全管理自治
        共治" for "市应急管理局积极探索安全管理自治共治新途径"): every word of the question's item stands in one
        of its titles (the caller checks that ``shortened_accept`` of the heading's words stand in the question)."""
        return bool(words) and any(all(w in heading_words(t) for w in words) for t in self.titles(key))

    def _named_by_its_core(self, question: str, key: tuple[str, tuple[str, ...]]) -> bool:
        """The question names the heading by the distinctive part of its words, without the verb
        that opens it ("碧海保卫战" for "五、全面打好碧海保卫战"): a stretch of at least ``core_chars``
        characters, at least ``core_share`` of the heading's words, that no other heading of the
        document holds. Read in this turn's own words (a follow-up's earlier turn named another)."""
        from difflib import SequenceMatcher

        words = heading_words(key[1][-1])
        q = re.sub(r"\s", "", question)
        if not self._windows(words) & self._windows(q):
            return False  # (no run of core_chars in common: the longest match below is shorter)
        m = SequenceMatcher(None, q, words, autojunk=False).find_longest_match(0, len(q), 0, len(words))
        core = words[m.b:m.b + m.size]
        # (or by the words ending it, the kind of section it is — "发文目录" for "6月份市政府、市政府办公室发文目录" —
        # asked into right after: "发文目录里第二份", "发文目录有哪些"; not "…完善的是什么管理体系")
        ending = m.b + m.size == len(words) and bool(re.search(re.escape(core) + INTO_SECTION, q))
        if m.size < self.config.core_chars or m.size < self.config.core_share * len(words) and not ending:
            return False
        return not any(core in heading_words(p[-1]) for d, p in self.headings if d == key[0] and p[-1] != key[1][-1])

    def _windows(self, text: str) -> frozenset[str]:
        """Every run of ``core_chars`` characters of ``text`` (kept, like :meth:`_grams`)."""
        n = self.config.core_chars
        return kept(self._windows_cache, text, lambda: frozenset(text[i:i + n] for i in range(len(text) - n + 1)))

    def _named_apart(self, question: str, key: tuple[str, tuple[str, ...]]) -> bool:
        """"6月份市政府任免了哪些人" names "6月份市政府人事任免": the question writes the opening the heading
        shares with other headings of its document ("6月份市政府", ``core_chars`` characters or more) and a
        word (two characters or more) of what follows it in this heading ("任免"), and no word of what
        follows it in any of the others ("记事", "发文目录")."""
        words, q = heading_words(key[1][-1]), re.sub(r"\s", "", question)
        n = self.config.core_chars
        if self.words is None or len(words) < n or words[:n] not in q:
            return False
        if self._openings is None:  # (each document's headings by their first core_chars characters, once)
            self._openings = {}
            for d, p in self.headings:
                w = heading_words(p[-1])
                self._openings.setdefault((d, w[:n]), set()).add(w)
        apart = False
        for other in self._openings.get((key[0], words[:n]), ()):
            size = len(commonprefix([words, other]))
            if other == words or words[:size] not in q:
                continue
            # (against each sibling: the opening's own words say nothing; this heading's rest is named, the
            # sibling's is not)
            left = q.replace(words[:size], "", 1)
            if (not any(w in left for w in self.words(words[size:]) if len(w) >= 2)
                    or any(w in left for w in self.words(other[size:]) if len(w) >= 2)):
                return False
            apart = True
        return apart

    def _named_as_a_part(self, question: str, key: tuple[str, tuple[str, ...]]) -> bool:
        """"省方案固废那一部分有哪些任务": the words just before 那部分 (two characters or more) stand in
        the heading, and no other heading of the document at its level or above holds them — the part
        pointed at is the highest one about that topic ("五、推进固废污染防治协同控制", not its
        "（十二）强化固废综合利用")."""
        m = PART_Q.search(question)
        if not m:
            return False
        before = re.sub(r"[\s的]", "", question[:m.start()])
        words = heading_words(key[1][-1])
        size = max((k for k in range(2, len(before) + 1) if before[-k:] in words), default=0)
        if not size:
            return False
        topic = before[-size:]
        return not any(topic in heading_words(p[-1]) and len(p) <= len(key[1])
                       for d, p in self.headings if d == key[0] and p != key[1])

    @staticmethod
    def _named_by_its_kind(question: str, key: tuple[str, tuple[str, ...]]) -> bool:
        """The question names a section kind ("保障措施") and the heading holds one of that kind's usual
        names in its words ("九、加强组织实施"): the heading is the section asked.

        >>> SectionAnswerer._named_by_its_kind("台州方案的保障措施有哪些？", ("tz", ("九、加强组织实施",)))
        True
        >>> SectionAnswerer._named_by_its_kind("台州方案的保障措施有哪些？", ("tz", ("九、加强组织实施", "（二）完善资金保障")))
        False
        """
        words = heading_words(key[1][-1])
        return any(a in question and any(b in words for b in group) for group in SECTION_KINDS for a in group)

    def _named_by_its_number(self, ask: Ask, key: tuple[str, tuple[str, ...]]) -> bool:
        """"第九章讲了什么": a chapter named by its number ("第九章 重点工程及效益分析"; "第七部分" for a
        topmost chapter numbered "七、…"), within the sub-document the question names when it names one."""
        found = list(CHAPTER_NO.finditer(ask.question))
        if not found:
            return False
        if len(found) == 2 and found[1].start() == found[0].end():
            # "第五章第二节": the section numbered so ("二、…") under the chapter numbered so ("第五章 …")
            outer, inner = (re.sub(r"\s", "", f.group(0)) for f in found)
            title = re.sub(r"\s", "", key[1][-1])
            return (bool(CHAPTER.match(title)) and chapter_no(title) == chapter_no(inner)
                    and any(re.sub(r"\s", "", p).startswith(outer) for p in key[1][:-1]))
        m = found[0]
        title, named = re.sub(r"\s", "", key[1][-1]), re.sub(r"\s", "", m.group(0))
        if not title.startswith(named) and not (  # "第七部分" also names a topmost chapter numbered "七、…"
                CHAPTER.match(title) and chapter_no(title) == chapter_no(named)
                and not any(CHAPTER_ANY.match(p.strip()) for p in key[1][:-1])
                and numbered_in_order(self._sibling_chapters(key))):  # … of one run 一、二、三…, none lost
            return False
        if ask.lines is None or ask.lines[0] != key[0]:
            return True
        first = min((x.start_line for x in self.headings.get(key, [])), default=0)
        return ask.lines[1] <= first <= ask.lines[2]  # the chapter of the sub-document named

    def _narrowed(self, ask: Ask, found: tuple[float, str, tuple[str, ...]]) -> tuple[float, str, tuple[str, ...]]:
        """The one sub-heading of a found heading that the question's other words name ("加强源头防控里面
        能源转型讲了什么" → "（三）推动能源绿色低碳转型"): every word left once the heading's own are taken
        out (``narrow_chars`` or more of them) stands in it; else the heading found."""
        sc, doc, path = found
        rest, words = self._words_besides(ask, path)
        if self.words is None or len(rest) < self.config.narrow_chars:
            return found
        kids = [p for d, p in self.headings if d == doc and len(p) == len(path) + 1 and p[:-1] == path
                and words and all(w in heading_words(p[-1]) for w in words)]
        return (sc, doc, kids[0]) if len(kids) == 1 else found

    def _words_besides(self, ask: Ask, path: tuple[str, ...]) -> tuple[str, list[str]]:
        """The question's item words besides those of the heading found (and of the chapter it names by
        its number: "第二部分里准入管理" leaves 准入管理), and their words of two characters or more."""
        rest = without_runs(CHAPTER_NO.sub("", re.sub(r"\s", "", ask.query.content)), heading_words(path[-1]))
        return rest, [w for w in self.words(rest) if len(w) >= 2] if self.words is not None else []

    def _sibling_chapters(self, key: tuple[str, tuple[str, ...]]) -> list[str]:
        """The headings numbered "一、二、…" in this one's run (same document, same parent), in document order."""
        doc, path = key
        heads = [(min((x.start_line for x in ss), default=0), p[-1].strip(), "") for (d, p), ss in self.headings.items()
                 if d == doc and p[:-1] == path[:-1] and CHAPTER.match(p[-1].strip())]
        run = next((r for r in chapter_runs(heads) if any(t == path[-1].strip() for _, t, _ in r)), [])
        return [t for _, t, _ in run]

    def run(self, ask: Ask) -> Draft | None:
        row_intents = set(ask.query.intents) & ROW_INTENTS
        if row_intents == {"doc_fact"} and self._fact_words_in_heading(ask):
            row_intents = set()  # ("…发文目录有哪些": 发文 is the heading's word, no document fact asked)
        if not row_intents and (number := self._paragraph_no(ask)):
            if paragraphs := self._paragraphs_named(ask, number):
                citer = Citer(self.res)  # "温州方案第二十二条讲什么": the body's paragraph "（二十二）…", not a list's 22nd row
                return Draft(self.name, self.config.accept, "\n".join(self._outline(doc, path, citer) for doc, path in paragraphs),
                             citer.citations)
            if (beyond := self._paragraph_beyond(ask, number)) is not None:
                return beyond
        if (not row_intents and not ask.query.list_name and (o := ORDINAL_ITEM.search(ask.question))
                and (found := self.find(ask))):
            n = numeral_value(o.group("n"))
            if n and (nth := self._nth_item(ask, n, found)) is not None:
                return nth  # "政务简讯第三条讲的是什么": the section's third item, not a list's third row
        if row_intents or VALUE_COLUMN_Q.search(ask.question) or ask.query.item_no:
            return None  # (a row named by its number, "政策清单第3项是什么", is the row, not the list's section)
        outline_q = bool(OUTLINE_Q.search(NAMES_ASKED.sub(" ", ask.question)) or CHAPTER_NO.search(ask.question)  # ("第九部分是…吧")
                         or SECTION_COUNT_Q.search(ask.question) or QUALIFIED_ITEMS.search(ask.question))
        found = self.find(ask) if outline_q else self._asked_inside(ask)
        found = [self._narrowed(ask, f) for f in found if not measured_item(ask.question, f[2][-1], self.config.core_chars)]
        if (not found and DOC_OUTLINE_Q.search(ask.question) and self._names_only_the_document(ask)
                and not DESCRIBED_DOC.search(ask.question)):
            return self._document_outline(ask)  # nothing named but the document (no heading): its chapters
        if not outline_q and not found:
            return None
        if not found:
            if not TASKS_Q.search(ask.question):
                return None
            draft = self._task_chapters(ask)
            if draft is None and len(re.sub(r"主要|重点", "", ask.query.content)) < 2:
                # the question asks nothing but the tasks, and no heading or framed chapters give them:
                # said, rather than answered from rows that share the word 重点
                names = "、".join(doc_label(self.res.docs[d]) for d in ask.doc_ids if d in self.res.docs)
                return Draft(self.name, 0.0, f"{names}中没有名为“主要任务”或“重点任务”的部分，其章节也不是"
                                             f"“总体要求—各项任务—组织实施”的编排，无法确定哪些属于主要任务", [], refused=True)
            return draft
        top = found[0][0]
        citer = Citer(self.res)
        keep = m.group("word") if (m := QUALIFIED_ITEMS.search(ask.question)) else ""
        blocks = [(self._list_rows(doc, path, citer) or self._outline(doc, path, citer, keep)) + self._claim_corrected(ask, doc, path, citer)
                  for sc, doc, path in found[:3] if sc >= top - 1e-9]
        return Draft(self.name, top, "\n".join(blocks), citer.citations)

    def _paragraph_no(self, ask: Ask) -> tuple[int, str] | None:
        """The number of a body paragraph the question names and asks about, and how it names it ("第二十二条"),
        when it names no list and no section ("政务简讯第三条" counts within that section: a heading other
        than a numbered paragraph the question names by ``accept`` of its words); None otherwise."""
        m = PARAGRAPH_NO.search(ask.question)
        if (not m or ask.query.list_name or not PARAGRAPH_ASKED.search(ask.question[m.end():])
                or not (n := cn_value(m.group("a") or m.group("b")))):
            return None
        for doc, path in self.headings:
            if (doc in ask.doc_ids and not PARAGRAPH_MARK.match(path[-1])
                    and self.score(ask.question, path[-1]) >= self.config.accept):
                return None
        return n, m.group(0)

    def _paragraphs_named(self, ask: Ask, number: tuple[int, str]) -> list[tuple[str, tuple[str, ...]]]:
        """The body paragraphs numbered ``number`` (:meth:`_paragraph_no`), one a document in scope holding
        exactly one so numbered."""
        return [(doc, found[0][1]) for doc in ask.doc_ids
                if len(found := self.paragraphs.get(doc, {}).get(number[0], [])) == 1]

    def _paragraph_beyond(self, ask: Ask, number: tuple[int, str]) -> Draft | None:
        """A paragraph named by a number beyond the last its document's body numbers ("省方案第三十五条讲什么",
        the body running （一）…（二十九）): said so, refused — not a list's 35th row, which the question
        did not name; None when a document in scope numbers no paragraphs or has this number."""
        said = []
        # ("省方案…": the plan, not its drafting note, whose title names the plan too)
        for doc in of_own_kind(ask.question, ask.doc_ids, {d: x.title for d in ask.doc_ids if (x := self.res.docs.get(d))}):
            numbered = self.paragraphs.get(doc, {})
            if not numbered or number[0] <= max(numbered):
                return None
            meta = self.res.docs.get(doc)
            said.append(f"{doc_label(meta) if meta else doc}正文各条编号至（{numbered[max(numbered)][0][0]}）为止，没有“{number[1]}”")
        if not said:
            return None
        return Draft(self.name, 0.0, "；".join(said) + "。如指某一清单的第几项，请注明清单名称。", [], refused=True)

    def _fact_words_in_heading(self, ask: Ask) -> bool:
        """The words that ask a document fact (发文, 印发 …: :data:`DOC_FACT_WORDS`) each stand inside a
        stretch of ``core_chars`` characters or more that the question shares with a heading it names, and
        it asks an outline ("6月份市政府、市政府办公室发文目录有哪些？", also shortened: "6月份市政府发文目录有哪些")."""
        question = flat(ask.question)
        qualified = QUALIFIED_ITEMS.search(question)
        if not (OUTLINE_Q.search(question) or SECTION_COUNT_Q.search(question) or qualified):
            return False
        # (the items asked, "几份温政发文件", are no fact asked: their 发文 is the kind of item)
        facts = [m for m in DOC_FACT_WORDS.finditer(question) if not (qualified and m.start() >= qualified.start())]
        if not facts:
            return False
        for _, _, path in self.find(ask):
            heading = flat(heading_words(path[-1]))
            if all(len(shared_stretch(question, m.start(), m.end(), heading)) >= self.config.core_chars
                             for m in facts):
                return True
        return False

    def _claim_corrected(self, ask: Ask, doc: str, path: tuple[str, ...], citer: Citer) -> str:
        """A chapter named by its number with a claim of what it is ("第九部分是组织实施吧？"): when the
        claimed words name another chapter of the same run ("十、加强组织实施"), a line saying where they
        stand, cited at that heading; "" otherwise."""
        if not (CHAPTER_NO.search(ask.question) and CONFIRMATION.search(ask.question)) or self.words is None:
            return ""
        claimed, words = self._words_besides(ask, path)
        others = [p for d, p in self.headings if d == doc and p[:-1] == path[:-1] and p != path
                  and CHAPTER.match(p[-1].strip()) and words and all(w in heading_words(p[-1]) for w in words)]
        if len(others) != 1 or not self.headings.get((doc, others[0])):
            return ""
        other = others[0]
        head = self.headings[(doc, other)][0]
        mark = citer.lines(doc, head.start_line, head.end_line, " / ".join(other), chunk_id=head.chunk_id)
        return f"\n“{claimed}”是另一部分：“{other[-1].strip()}”[{mark}]，不是“{path[-1].strip()}”。"

    def _list_rows(self, doc: str, path: tuple[str, ...], citer: Citer) -> str:
        """A heading naming a list of the document's rows ("三、政策清单") with no prose under it: the rows,
        numbered as the list numbers them and each cited ("" for any other heading)."""
        words = heading_words(path[-1])
        rows = self.lists.get(doc, {}).get(words, [])
        under = [s for s in self.headings.get((doc, path), []) if heading_words(s.text) != words]
        notes = [s for s in under if LIST_NOTE.match(s.text)]
        if not rows or len(notes) < len(under):
            return ""
        meta = self.res.docs.get(doc)
        shown = rows[: self.config.max_list_rows]
        lines = [f"根据{doc_label(meta) if meta else doc}“{path[-1].strip()}”，共{len(rows)}项"
                 + (f"（列出前{len(shown)}项）" if len(shown) < len(rows) else "") + "："]
        lines += [f"{r.item_no}. {r.text}[{citer.record(r)}]" for r in shown]
        lines += [f"{n.text}[{citer.lines(doc, n.start_line, n.end_line, ' / '.join(path), chunk_id=n.chunk_id)}]" for n in notes]
        return "\n".join(lines)

    def _title_sentence(self, sents: list[Sentence], k: int) -> bool:
        """A paragraph's short opening sentence that titles it ("协同增效，源头防控。" then its text): it
        ends a sentence (not "到2030年，…提升；", one measure of a list) and its paragraph goes on."""
        s = sents[k]
        nxt = sents[k + 1] if k + 1 < len(sents) else None
        return (s.paragraph_start and len(s.text) <= self.config.title_chars and not s.text.endswith(("；", ";", "，"))
                and nxt is not None and not nxt.paragraph_start)

    @staticmethod
    def _own(sents: list[Sentence], path: tuple[str, ...]) -> list[Sentence]:
        """The section's sentences up to a short title line standing alone: an unnumbered heading
        ("加强源头防控") that begins the next part, which the text kept under this section."""
        for k, s in enumerate(sents):
            nxt = sents[k + 1] if k + 1 < len(sents) else None
            if (k and s.paragraph_start and UNNUMBERED_HEADING.fullmatch(s.text) and len(s.section) == len(path)
                    and (nxt is None or nxt.paragraph_start) and not titles_next(sents, k)):
                return sents[:k]
        return sents

    def _task_chapters(self, ask: Ask) -> Draft | None:
        """A plan's tasks are its chapters between the framing ones ("一、总体要求" … "九、加强组织实施"):
        listed, each cited at its heading line, when the question asks the 主要任务 of a document
        that has no heading of that name."""
        citer = Citer(self.res)
        blocks = []
        for doc in ask.doc_ids:
            # chapters: "一、…" headings under one parent — the document itself, or the annex that
            # prints the plan ("附件1") — numbered 一、二、三… in order, opening and closing with framing
            # chapters (总体要求 … 组织实施); anything else is not a plan's outline and is not guessed at
            runs = [r for heads in self._chapter_groups(doc, CHAPTER).values() for r in chapter_runs(heads)]
            if not runs:
                continue
            chapters = max(runs, key=len)
            if not numbered_in_order([t for _, t, _ in chapters]) or len(chapters) < 4:
                continue
            if not (FRAME_CHAPTER.search(chapters[0][1]) and FRAME_CHAPTER.search(chapters[-1][1])):
                continue
            tasks = [c for c in chapters if not FRAME_CHAPTER.search(c[1])]
            if len(tasks) < 2:
                continue
            meta = self.res.docs.get(doc)
            lines = [f"根据{doc_label(meta) if meta else doc}（未设“主要任务”标题，总体要求、组织实施等章之外的各章为其任务），"
                     f"共{len(tasks)}项："]
            for k, (line, title, chunk) in enumerate(tasks[: self.config.max_items], 1):
                n = citer.lines(doc, line, line, title, chunk_id=chunk)
                lines.append(f"{k}. {title}[{n}]")
            blocks.append("\n".join(lines))
        return Draft(self.name, 1.0, "\n".join(blocks), citer.citations) if blocks else None

    def _names_only_the_document(self, ask: Ask) -> bool:
        """The item words are only the documents' title words and words asking how they are organised."""
        titles = "".join(self.res.docs[d].title for d in ask.doc_ids if d in self.res.docs)  # type: ignore[attr-defined]
        return len(DOC_OUTLINE_WORDS.sub("", without_runs(ask.query.content, titles))) < 2

    def _chapter_groups(self, doc: str, pattern: re.Pattern[str]) -> dict[tuple[str, ...], list[tuple[int, str, str]]]:
        """Headings of ``doc`` matching ``pattern``, grouped by their parent: (first line, title, chunk)."""
        groups: dict[tuple[str, ...], list[tuple[int, str, str]]] = {}
        for (d, path), ss in self.headings.items():
            if d == doc and ss and pattern.match(path[-1]):
                groups.setdefault(path[:-1], []).append((ss[0].start_line, path[-1], ss[0].chunk_id))
        return groups

    def _document_outline(self, ask: Ask) -> Draft | None:
        """How a whole document is organised ("台州方案有哪几部分", "规划分为哪几章"): its chapters —
        the topmost run of headings numbered 一、二、三… (or 第一章, 第二章 …) in order, within the part
        of a compilation the question names — each cited at its heading."""
        citer = Citer(self.res)
        blocks = []
        for doc in ask.doc_ids:
            if ask.lines is None and self.unnamed_compilation(ask.question, doc):
                continue  # a compilation, no part named: its chapters are one printed document's, not its own
            runs = []
            for parent, group in self._chapter_groups(doc, CHAPTER_ANY).items():
                for heads in chapter_runs(group):
                    if ask.lines and not (ask.lines[0] == doc and ask.lines[1] <= heads[0][0] <= ask.lines[2]):
                        continue
                    if len(heads) >= 3 and numbered_in_order([t for _, t, _ in heads]):
                        runs.append((len(parent), -len(heads), heads))
            if not runs:
                continue
            heads = min(runs, key=lambda r: r[:2])[2]
            meta = self.res.docs.get(doc)
            lines = [f"根据{doc_label(meta) if meta else doc}，正文按章（部分）编排，共{len(heads)}项："]
            for k, (line, title, chunk) in enumerate(heads, 1):
                lines.append(f"{k}. {title}[{citer.lines(doc, line, line, title, chunk_id=chunk)}]")
            blocks.append("\n".join(lines))
        return Draft(self.name, 1.0, "\n".join(blocks), citer.citations) if blocks else None

    def _items(self, sents: list[Sentence], doc: str, path: tuple[str, ...]) -> list[tuple[str, int, int, str]]:
        """The items of a section's outline, in order, as (title, first line, last line, chunk id): its
        sub-headings and numbered titled paragraphs, else its titled news items, else its title sentences,
        else its bullet lines; fewer than two when it has no outline."""
        kids = self.children.get((doc, path), {})
        # a column of titled items (a gazette's 政务简讯: each news item under its own title, which the
        # sentences carry): the titles are its items — headings printed after the column are not
        titled: dict[str, tuple[int, str]] = {}
        for s in sents:
            if s.title and not NUMBERING.match(s.title):  # (a numbered run-in title is a paragraph's: "（一）…")
                titled.setdefault(s.title, (s.start_line, s.chunk_id))
        # a sub-heading is cited at its own line (the first line of what it covers); a paragraph that
        # opens with a numbered title ("（一）总体要求。…") is a sub-heading the parser kept as text
        items = [(t, a, a, c) for t, (a, _, c) in kids.items()]
        items += [(s.text.rstrip("。"), s.start_line, s.start_line, s.chunk_id) for s in sents
                  if s.paragraph_start and len(s.section) == len(path) and NUMBERING.match(s.text)
                  and len(s.text) <= self.config.title_chars and heading_words(s.text) != heading_words(path[-1])]
        if len(titled) >= 2:
            items = [(t, a, a, c) for t, (a, c) in titled.items()]
        items.sort(key=lambda x: x[1])
        if len(items) < 2:
            items = [(s.text.rstrip("。"), s.start_line, s.end_line, s.chunk_id) for k, s in enumerate(sents)
                     if len(s.section) == len(path) and self._title_sentence(sents, k)
                     and heading_words(s.text) != heading_words(path[-1])]
        if len(items) < 2:  # a bulleted list ("- 温政发〔2023〕18号 …的决定"): its lines are the items
            items = [(BULLET_ITEM.sub("", s.text), s.start_line, s.end_line, s.chunk_id) for s in sents
                     if s.paragraph_start and len(s.section) == len(path) and BULLET_ITEM.match(s.text)]
        if len(items) < 2:  # paragraphs numbered "1、", "2、" (however long, and however numbered — "1、2、2、"
            # of a drafting note's 编制依据 are three entries): each paragraph an item, counted as printed
            # (entries the text ran into one paragraph — lines with no full stop — are split at their numbers)
            items = [(entry.rstrip("。"), s.start_line, s.end_line, s.chunk_id) for s in sents
                     if s.paragraph_start and len(s.section) == len(path) and NUMBERED_ENTRY.match(s.text)
                     for entry in ENTRY_AFTER.split(NUMBERED_ENTRY.sub("", s.text)) if entry.strip()]
        return items

    def _nth_item(self, ask: Ask, n: int, found: list[tuple[float, str, tuple[str, ...]]]) -> Draft | None:
        """The ``n``-th item of the outline of each section named best (tied headings of other documents each
        answered: "加强组织实施第二条是什么"), cited at its line — "政务简讯第三条讲的是什么"; a section with fewer
        items says how many it has (refused when every one does); None when no section named has an outline."""
        top = found[0][0]
        citer = Citer(self.res)
        lines, answered = [], False
        for sc, doc, path in found[:3]:
            items = self._items(self._own(self.headings[(doc, path)], path), doc, path)
            if sc < top - 1e-9 or len(items) < 2:
                continue
            meta = self.res.docs.get(doc)
            head = f"{doc_label(meta) if meta else doc}“{path[-1]}”"
            if n > len(items):
                lines.append(f"{head}部分共{len(items)}项，没有第{n}项。")
                continue
            title, a, b, c = items[n - 1]
            lines.append(f"根据{head}部分，第{n}项为：{title}[{citer.lines(doc, a, b, ' / '.join([*path, title]), chunk_id=c)}]。")
            answered = True
        if not lines:
            return None
        return Draft(self.name, top, "\n".join(lines), citer.citations, refused=not answered)

    def _outline(self, doc: str, path: tuple[str, ...], citer: Citer, keep: str = "") -> str:
        """The section's items (sub-headings, titled paragraphs or bullet lines), numbered and each cited — only
        those holding ``keep`` when some do and some do not ("几份温政办文件") — or its text, quoted."""
        meta = self.res.docs.get(doc)
        sents = self._own(self.headings[(doc, path)], path)
        own = [s for s in sents if heading_words(s.text) == heading_words(path[-1])]
        mark = ""
        if own:  # the heading's own line: its words (and any years in it) are cited too
            mark = f"[{citer.lines(doc, own[0].start_line, own[0].end_line, ' / '.join(path), chunk_id=own[0].chunk_id)}]"
        label = f"{doc_label(meta) if meta else doc}“{path[-1]}”{mark}"
        items = self._items(sents, doc, path)
        first = items[0][1] if items else 0
        if len(items) >= 2 and keep and 0 < (held := len([x for x in items if keep in x[0]])) < len(items):
            items = [x for x in items if keep in x[0]]
            keep = f"，其中含“{keep}”的共{held}项"
        else:
            keep = ""
        if len(items) >= 2 or keep:
            shown = items[: self.config.max_items]
            # the section's own opening sentence, when it states what follows ("主要内容包括…三部分")
            intro = [s for s in sents if len(s.section) == len(path) and s.start_line < first
                     and heading_words(s.text) != heading_words(path[-1])][:1]
            lead = ""
            if intro:
                n0 = citer.lines(doc, intro[0].start_line, intro[0].end_line, " / ".join(path), chunk_id=intro[0].chunk_id)
                lead = f"：“{intro[0].text}”[{n0}]。其下"
            size = keep or f"，共{len(items)}项"
            lines = [f"根据{label}部分{lead}{size}".replace("其下，其中", "其中").replace("其下，", "其下") + (f"（列出前{len(shown)}项）" if len(shown) < len(items) else "") + "："]
            for k, (title, a, b, c) in enumerate(shown, 1):
                n = citer.lines(doc, a, b, " / ".join([*path, title]), chunk_id=c)
                lines.append(f"{k}. {title}[{n}]")
            return "\n".join(lines)
        body = [s for s in sents if heading_words(s.text) != heading_words(path[-1])]
        text, used = "", []
        for s in body:
            if len(text) + len(s.text) > self.config.quote_chars and text:
                break
            text += s.text
            used.append(s)
        if not used:
            return f"{label}部分没有正文。"
        n = citer.lines(doc, used[0].start_line, used[-1].end_line, " / ".join(path), chunk_id=used[0].chunk_id)
        more = "（节选）" if len(used) < len(body) else ""
        return f"根据{label}部分{more}：“{text}”[{n}]。"
