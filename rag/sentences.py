"""Sentence-level evidence: the prose of every document split into sentences, each with its section
path, the original lines it stands on, and what it holds (years, numbers).

Built from the stored chunks and document lines when the chain loads (no re-ingest needed), with an
inverted bigram index so a question only scores the sentences that share a word with it.

Usage::

    idx = SentenceIndex.build(res)
    for score, s in idx.search("城区再生水利用率", {"tz-pilot"}):
        print(score, s.text, s.start_line)

>>> split_sentences("到2025年，城区再生水利用率达到35%。推进节水；建设湿地")
['到2025年，城区再生水利用率达到35%。', '推进节水；', '建设湿地']
>>> clauses("到2025年，城区再生水利用率达到35%。")
['到2025年，', '城区再生水利用率达到35%。']
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ingest.structure import H_ANNEX, H_CHAPTER, H_L1, H_L2, H_TABLE, PAGE_NO
from ingest.vocab import VALUE_COLUMN

from .retrievers import Idf, bigrams

#: sentence ends; a long list of measures separated by "；" is several sentences
SENTENCE_END = re.compile(r"(?<=[。！？；])|(?<=;)")  # (PDF text writes the half-width ";" too)
#: a dated caption run on into the one before it with no stop ("…在平阳县南麂岛启动6月12日，2023中国—东盟…"):
#: a page of photo captions joined into one paragraph; each caption is a sentence of its own (not after
#: a word the date goes with: "截至6月12日，", "于6月12日，")
DATED_START = re.compile(r"(?<=[\u4e00-\u9fff）)”])(?<![至于到在自从止起及和与今年])(?=\d{1,2}月\d{1,2}日[，,])")
#: clause ends inside a sentence
#: a half-width "," ends a clause (PDF text writes it), not a thousands comma ("1,000")
HALF_WIDTH_COMMA = r"(?<=,)(?!\d{3})"
CLAUSE_END = re.compile(r"(?<=[，、；：。！？;])|" + HALF_WIDTH_COMMA)
#: "到2030年，…": the year a paragraph (and each of its sentences) speaks of
#: "到2030年" inside a sentence
BY_YEAR = re.compile(r"(?:到|至)\s*((?:19|20)\d\d)\s*年")
LEAD_YEAR = re.compile(r"^(?:[（(][一二三四五六七八九十]+[)）]\s*)?(?:[^。，；\d]{2,12}。)?(?:力争)?" + BY_YEAR.pattern)
#: (… also after a run-in title: "(二) 主要目标。到 2025 年，…")
YEARS = re.compile(r"((?:19|20)\d\d)\s*年")
#: a document's title as the text quotes it
TITLED = re.compile(r"《[^《》]*》")
#: a sentence the index cut at "；": its series of measures goes on in the next sentence
SERIES_END = re.compile(r"[；;]\s*$")
#: a paragraph's run-in title: a short first sentence with no figure ("开展活水畅水工程建设。重点推进…
#: 水系连通"): the item its paragraph is about, found by the words of the sentences after it (up to
#: this many characters; a longer first sentence already says something of its own)
RUN_IN = re.compile(r"^[^\d%％；，]{4,20}。$")
#: a speech's paragraph opening with its speaker ("张振丰强调，要…", "市委副书记、市长张振丰要求，…"):
#: the sentences after it say what that speaker said, and are found by the name too
SPEAKER = re.compile(r"^[^，。；]{0,16}?[\u4e00-\u9fff]{2,4}(?:强调|指出|要求|表示|提出)(?=[，,：:])")
#: a table cell with at least this many CJK characters holds prose ("主要内容" of a project), not a
#: value ("新建类", "2020-2025", "≥85")
CELL_CJK = 12
CJK = re.compile(r"[\u4e00-\u9fff]")
#: a dated log's day stamp opening an entry ("12日" on its own line, then "△市长…参加…"): the entries
#: after it, up to the next stamp in the same section, happened that day
DAY_STAMP = re.compile(r"^\s*(\d{1,2})\s*日\s*(?=[△▲●■◆•]|$)")
#: an unnumbered title line over the paragraphs after it (a news item's "温州市新闻传媒中心成立"): one
#: short line, no table cells and no sentence punctuation, whose words the next paragraph repeats (at
#: least TITLE_ECHO of its character pairs: "6月28日，温州市新闻传媒中心成立，…"; TITLE_ECHO_DATED when
#: that paragraph opens with a dateline, as a news item's does) — a wrapped line of prose or a caption
#: is not repeated so
TITLE_LINE = re.compile(r"^[^\t。，；：！？,;:!?△▲●]{8,40}$")
TITLE_ECHO = 0.6
TITLE_ECHO_DATED = 0.3
DATELINE = re.compile(r"^\s*(?:20\d\d\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,]")
#: a table of contents ("……………（65）"): navigation, not evidence
TOC = re.compile(r"[.…·]{3,}\s*[（(]?\d*[)）]?")


def is_title_line(para: str, after: str) -> bool:
    """Whether ``para`` is an unnumbered title over ``after`` (see ``TITLE_LINE``).

    >>> is_title_line("温州市新闻传媒中心成立", "6月28日，温州市新闻传媒中心成立，这是我市…")
    True
    >>> is_title_line("个减污降碳协同创新区建设", "根据生态环境部等七部委联合印发的…")
    False
    """
    if "\t" in para.strip():
        return False
    flat_para = re.sub(r"\s+", "", para)
    if not TITLE_LINE.match(flat_para) or DAY_STAMP.match(flat_para) or TOC.search(flat_para):
        return False
    own = bigrams(flat_para)
    return len(own & bigrams(after)) / len(own) >= (TITLE_ECHO_DATED if DATELINE.match(after) else TITLE_ECHO)


def title_lines(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, title) of every unnumbered title line of a document (see ``TITLE_LINE``)."""
    out = []
    for i, line in enumerate(lines):
        after = next((x for x in lines[i + 1:i + 4] if x.strip()), "")
        if is_title_line(line, after):
            out.append((i + 1, re.sub(r"\s+", "", line)))
    return out


def with_titles(sentences: list[Sentence], titles: list[tuple[int, str]]) -> None:
    """Give each sentence (one document's, in order) the last title line above it inside its section
    (a section's own heading stands above its first sentence: no title of its own)."""
    run_start, section = 0, None
    for s in sentences:
        if s.section != section:
            run_start, section = s.start_line, s.section
        above = [t for n, t in titles if run_start <= n <= s.start_line]
        s.title = above[-1] if above else ""


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``; one that opens a quotation goes on until it closes (an amendment quoting
    the new wording "修改为“…提出用电报装;可以与物业服务人签订服务协议…”" is one sentence), unless the
    quotation never closes.

    >>> split_sentences("将“甲;乙”修改为“丙;丁”。又一句；再一句")
    ['将“甲;乙”修改为“丙;丁”。', '又一句；', '再一句']
    >>> split_sentences("未闭合“甲;乙")
    ['未闭合“甲;', '乙']
    >>> split_sentences("6月8日，活动在南麂岛启动6月12日，论坛在温举行"), split_sentences("截至6月12日，已完成")
    (['6月8日，活动在南麂岛启动', '6月12日，论坛在温举行'], ['截至6月12日，已完成'])
    """
    pieces = [s for s in (p.strip() for q in SENTENCE_END.split(text) for p in DATED_START.split(q)) if s]
    out: list[str] = []
    k = 0
    while k < len(pieces):
        buf, j = pieces[k], k + 1
        while buf.count("“") > buf.count("”") and j < len(pieces):
            buf, j = buf + pieces[j], j + 1
        if buf.count("“") > buf.count("”"):  # never closed: the pieces as they were
            buf, j = pieces[k], k + 1
        out.append(buf)
        k = j
    return out


def clauses(sentence: str) -> list[str]:
    return [c for c in CLAUSE_END.split(sentence) if c.strip()]


#: an annex heading ("附件2"): the annex is named by the title line that follows it
ANNEX = re.compile(r"^附\s*件\s*\d*$")
ANNEX_TITLE_CHARS = 40  # a title line is short and ends no sentence


def annex_titles(sentences: list["Sentence"]) -> dict[tuple[str, tuple[str, ...]], str]:
    """The title line of each annex section ("附件2" → "台州市县（市、区）减污降碳协同指数"): its
    sentences are about what the title names, so they are found by its words too (a note under
    the index table, "指标27…采用各年度累计得分", is about the 协同指数)."""
    out: dict[tuple[str, tuple[str, ...]], str] = {}
    for s, nxt in zip(sentences, sentences[1:]):
        key = (s.doc_id, tuple(s.section))
        if (s.section and ANNEX.match(s.section[-1]) and ANNEX.match(s.text)  # the 附件 line itself …
                and (nxt.doc_id, tuple(nxt.section)) == key and len(nxt.text) <= ANNEX_TITLE_CHARS
                and not re.search(r"[。；;]", nxt.text)):  # … and the short line right after it
            out.setdefault(key, nxt.text)
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


@dataclass
class Sentence:
    doc_id: str
    text: str
    section: list[str]
    start_line: int
    end_line: int
    chunk_id: str
    years: list[int] = field(default_factory=list)  # years it names, else the year its paragraph opens with
    # a sentence naming no year after one in its paragraph setting one ("到2025年，建设投用…。全市再生水利用率
    # 达到25%以上。"): that year, when it is the only one set before it — the year it is likely of, not one it names
    context_year: int = 0
    paragraph_start: bool = False  # first sentence of its paragraph (a principle's or measure's title)
    id: int = 0
    lead: str = ""  # the paragraph's run-in title or speaker, for the sentences after it (``RUN_IN``, ``SPEAKER``) …
    lead_line: int = 0  # … and the line it stands on
    day: str = ""  # the day stamp ("12日") a dated log's entry stands under (``DAY_STAMP``) …
    day_line: int = 0  # … and the line printing it
    title: str = ""  # the title line of the item it stands in, when its section heading is not (``TITLE_LINE``)
    cell: bool = False  # prose of a table cell (``SentenceIndex._cell_sentences``), under its row, not a heading


#: a numbered heading of a body ("一、总体要求", "（一）基本原则", "第一章", "表2-1"): a sentence under one is past
#: the opening of what it stands in
_NUMBERED = (H_L1, H_L2, H_CHAPTER, H_TABLE)


def opening_ids(sentences: Iterable[Sentence]) -> set[int]:
    """The ids of the sentences standing in an opening — what a question pointing at the 开头 or 前言 asks of:
    under no numbered heading, before the first numbered heading of the unnumbered block they stand in (the
    document itself, a plan printed as its annex 1, a notice a gazette prints). An annex mark first met after
    a body's numbered headings heads an appendix (a table, its notes), no opening.

    >>> ss = [Sentence("d", "为深入贯彻…，制定本方案。", [], 3, 7, ""),
    ...       Sentence("d", "协同增效，源头防控。", ["一、总体要求", "（一）基本原则"], 12, 12, ""),
    ...       Sentence("d", "备注说明：…采用前一年度数据。", ["附件2"], 306, 306, ""),
    ...       Sentence("e", "为深入贯彻…，制定本方案。", ["附件1"], 4, 6, "")]
    >>> for k, x in enumerate(ss):
    ...     x.id = k
    >>> sorted(opening_ids(ss))
    [0, 3]
    """
    out: set[int] = set()
    closed: dict[str, set[tuple[str, ...]]] = {}  # per document, the blocks whose numbered headings began
    for s in sentences:
        done = closed.setdefault(s.doc_id, set())
        at = next((k for k, sec in enumerate(s.section) if any(h.match(sec) for h in _NUMBERED)), None)
        if at is not None:
            done.add(tuple(s.section[:at]))
            continue
        block = tuple(s.section)
        appendix = any(H_ANNEX.match(sec) for sec in block) and bool(done - {block})
        if block not in done and not appendix:
            out.add(s.id)
    return out


class _LineMap:
    """Finds a passage in a document's original lines (whitespace and page numbers ignored)."""

    def __init__(self, lines: list[str]) -> None:
        chars: list[str] = []
        line_of: list[int] = []
        for i, ln in enumerate(lines):
            if PAGE_NO.match(ln):
                continue
            for ch in ln:
                if not ch.isspace():
                    chars.append(ch)
                    line_of.append(i + 1)
        self.text = "".join(chars)
        self.line_of = line_of

    def find(self, passage: str, from_line: int) -> tuple[int, int] | None:
        p = _norm(passage)
        if not p:
            return None
        start = next((k for k, ln in enumerate(self.line_of) if ln >= from_line), 0)
        at = self.text.find(p, start)
        if at < 0:
            at = self.text.find(p)
        if at < 0:
            return None
        return self.line_of[at], self.line_of[at + len(p) - 1]


def stamp_days(sentences: list[Sentence]) -> None:
    """Give each entry of a dated log the day stamp it stands under (in place): a sentence opening
    with a stamp sets the day of its section until the next stamp or the next section.

    >>> ss = [Sentence("d", t, ["记事"], i, i, "c") for i, t in enumerate(["12日△甲参加A会。", "△乙参加B会。", "13日", "△丙参加C会。"])]
    >>> stamp_days(ss); [s.day for s in ss]
    ['12日', '12日', '13日', '13日']
    >>> t = [Sentence("d", "△丁参加D会。", ["别处"], 9, 9, "c")]; stamp_days(t); t[0].day
    ''
    """
    day, line, where = "", 0, None
    for s in sentences:
        key = (s.doc_id, tuple(s.section))
        if key != where:
            day, line, where = "", 0, key
        m = DAY_STAMP.match(s.text)
        if m:
            day, line = m.group(1) + "日", s.start_line
        s.day, s.day_line = day, line


class SentenceIndex:
    """All prose sentences of the loaded documents, searchable by the question's item words."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        for k, s in enumerate(sentences):
            s.id = k
        # a sentence is found by its own words and its heading's ("四、规划期限" / "规划期限为2021—2030年")
        titles = annex_titles(sentences)
        self.grams = [bigrams(s.text) | bigrams(s.section[-1] if s.section else "") | bigrams(s.lead) | bigrams(s.day)
                      | bigrams(s.title)
                      | bigrams(titles.get((s.doc_id, tuple(s.section)), "")) for s in sentences]
        self.idf = Idf(self.grams)
        # ... and scored, once found so, by its whole section path too ("水污染减污降碳协同的重点行业": the
        # sentence under "五、推进水污染减污降碳协同" › "（一）注重废水治理源头减碳" before one of 四's) — not a
        # table cell's, whose path is its table's (the words every cell of the table would share)
        self.path_grams = [g | set().union(*map(bigrams, s.section[:-1])) if len(s.section) > 1 and not s.cell else g
                           for g, s in zip(self.grams, sentences)]
        self.postings: dict[str, list[int]] = {}
        for k, g in enumerate(self.grams):
            for b in g:
                self.postings.setdefault(b, []).append(k)

    @classmethod
    def build(cls, res: Any) -> "SentenceIndex":
        """From a :class:`rag.resources.Resources` (its text chunks and document lines)."""
        out: list[Sentence] = []
        by_doc: dict[str, list[Any]] = {}
        for c in res.chunks.values():
            if c.kind != "row":
                by_doc.setdefault(c.doc_id, []).append(c)
        for doc_id, chunks in by_doc.items():
            lines, _ = res.store.doc_lines(doc_id)
            lm = _LineMap(lines)
            doc_out: list[Sentence] = []
            for c in sorted(chunks, key=lambda c: c.span.start_line):
                doc_out += cls._chunk_sentences(c, lm)
            with_titles(doc_out, title_lines(lines))
            out += doc_out
        stamp_days(out)
        for r in res.records.values():
            out += cls._cell_sentences(r, res.chunk_of_record.get(r.id, ""))
        return cls(out)

    @staticmethod
    def _cell_sentences(r: Any, chunk_id: str) -> list[Sentence]:
        """The prose a table cell holds besides the row's item ("主要内容": "乐清市建成1座生活垃圾焚烧处理设施,
        龙港市建成1座餐厨垃圾处理设施。"): sentences under the row ("附表1第35项（城镇生活垃圾处理设施建设）"),
        cited by the row's lines — a question about what a project does names those words, not its title."""
        if not r.span or not chunk_id or r.kind not in ("list", "indicator"):
            return []  # (an evaluation index's cells are weights and data sources: its own answerer reads them)
        row = f"{r.list_name}第{r.item_no}项（{r.text}）"
        out = []
        for key, value in r.extra.items():
            if key.isascii() or not isinstance(value, str) or len(CJK.findall(value)) < CELL_CJK:
                continue  # (ascii keys are the parser's own fields — a list's note —, not columns)
            if r.kind == "indicator" and not VALUE_COLUMN.search(key):
                continue  # a reference column's standard wording ("已达标地区保持稳定…"), the same in many rows
            # an indicator's cell says which column it stands in ("现状值(2020年)": "…划定生态保护红线面积
            # 4955.11平方公里"): the column is part of where the sentence is
            # (the table's name is left out: every cell of the table holds it, so it would find them all)
            path = [*r.section, f"第{r.item_no}项（{r.text}）{key}一栏" if r.kind == "indicator" else row]
            column_years = [int(y) for y in re.findall(r"(?:19|20)\d\d", key)] if r.kind == "indicator" else []
            for s in split_sentences(value):  # (a cell speaks of its column's year, "现状值(2020年)", also
                # where it names another to compare with: "54025元, 较2019年(51490) 稳步提升")
                out.append(Sentence(r.doc_id, s, path, r.span.start_line, r.span.end_line, chunk_id,
                                    years=sorted({int(y) for y in YEARS.findall(s)} | set(column_years)), cell=True))
        return out

    @staticmethod
    def _chunk_sentences(c: Any, lm: _LineMap) -> list[Sentence]:
        out = []
        at = c.span.start_line
        for para in c.text.split("\n"):
            m = LEAD_YEAR.match(_norm(para))
            para_year = [int(m.group(1))] if m else []
            parts = split_sentences(para)
            lead = _norm(parts[0]) if len(parts) > 1 and RUN_IN.match(_norm(parts[0])) else ""
            if not lead and len(parts) > 1 and (sp := SPEAKER.match(_norm(parts[0]))):
                lead = sp.group(0)
            lead_line = 0
            carry: list[int] = []  # "到2030年，A；B；C。": the measures after a year's, cut at "；", are of that year
            set_before: set[int] = set()  # the years set ("到2025年") by the paragraph's sentences so far
            for k, s in enumerate(parts):
                if TOC.search(s):
                    continue
                span = lm.find(s, at) or (c.span.start_line, c.span.end_line)
                at = span[0]
                lead_line = lead_line or span[0]
                # (a year inside a title — "《…美丽温州规划纲要（2020—2035年）》" — is the title's, not a year
                # the sentence speaks of)
                own = sorted({int(y) for y in YEARS.findall(TITLED.sub("", s))})
                out.append(Sentence(c.doc_id, s, list(c.section), span[0], span[1], c.id,
                                    years=own or carry or para_year, paragraph_start=k == 0, lead=lead if k else "",
                                    lead_line=lead_line if k and lead else 0,
                                    context_year=next(iter(set_before)) if not own and len(set_before) == 1 else 0))
                set_before |= {int(y) for y in BY_YEAR.findall(s)}
                if (m := BY_YEAR.search(s)) is not None:
                    carry = [int(m.group(1))]
                if not SERIES_END.search(s):
                    carry = []
        return out

    def search(self, content: str, doc_ids: Iterable[str] | None = None, k: int = 20,
               min_score: float = 0.0, word_grams: set[str] | None = None) -> list[tuple[float, Sentence]]:
        """Sentences sharing the item words of ``content``, by IDF-weighted bigram coverage (the
        better of its bigrams' and ``word_grams``', see :meth:`Idf.coverage_either`)."""
        q = bigrams(content) | (word_grams or set())
        if not q:
            return []
        docs = set(doc_ids) if doc_ids is not None else None
        cand: set[int] = set()
        for b in q:
            cand.update(self.postings.get(b, ()))
        scored = []
        score_of = self.idf.scorer(content, word_grams)
        for i in cand:
            s = self.sentences[i]
            if docs is not None and s.doc_id not in docs:
                continue
            score = score_of(self.grams[i])
            if score >= min_score:
                scored.append((max(score, score_of(self.path_grams[i])) if self.path_grams[i] is not self.grams[i] else score, s))
        scored.sort(key=lambda x: (-x[0], x[1].doc_id, x[1].start_line))
        return scored[:k]

    def of_section(self, doc_id: str, path_prefix: list[str]) -> list[Sentence]:
        """Sentences under a section (its path starts with ``path_prefix``), in document order."""
        n = len(path_prefix)
        return [s for s in self.sentences if s.doc_id == doc_id and s.section[:n] == path_prefix]
