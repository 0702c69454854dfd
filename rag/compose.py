"""Deterministic Chinese answers composed from records and passages, with numbered citations.

Every sentence names its document (and 征求意见稿 status), the list and row, and ends with the
[n] markers of the verbatim passages it rests on.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.types import DocumentMeta, Record, where
from ingest.units import SHARED_LEAD, as_written
from ingest.vocab import VALUE_COLUMN
from ingest.values import find_list_default_year, scoped_deadline

from .answer_type import NUMBER_VALUE, counts_in_measure_asked
from .resources import Resources
from .sentences import HALF_WIDTH_COMMA
from .retrievers import bigrams
from .types import Citation, Fact

ITEM_QUOTE_MAX = 60
#: a row asked "what / which" with no field ("…格局以哪个园区为核心？"): its wording is the answer, so a
#: long row is quoted up to this many characters (its answer clause may stand far from the item words)
OPEN_ROW_QUOTE_MAX = 160


def doc_label(meta: DocumentMeta) -> str:
    """《title》 plus （征求意见稿） when the document is a draft and its title does not say so; a title
    quoting another document's title nests it as 〈…〉 (《〈实施方案〉编制说明》, not 《《实施方案》编制说明》).

    >>> doc_label(DocumentMeta(id="n", title="《方案》编制说明", file="n.txt", level="省"))
    '《〈方案〉编制说明》'
    """
    label = "《" + meta.title.replace("《", "〈").replace("》", "〉") + "》"
    if meta.status == "征求意见稿" and "征求意见稿" not in meta.title:
        label += "（征求意见稿）"
    return label


def quote(text: str, limit: int = ITEM_QUOTE_MAX) -> str:
    text = text.strip().rstrip("。；;")
    return text if len(text) <= limit else text[:limit].rstrip("，、；") + "…"


#: a row in a listing is shown by its first sentence when it ends within this many characters (the row's
#: gist, not cut mid-sentence: "…研究建立以区域环境目标改善和…"), else cut at the listing's own length
GIST_MAX = 80
SENTENCE_END = re.compile(r"[。；;！!]")


def gist(text: str, limit: int) -> str:
    """A row as a listing line shows it: its first sentence when that ends within :data:`GIST_MAX`
    characters, else the first ``limit`` characters (:func:`quote`).

    >>> gist("增强区域环境质量改善目标对能源和产业布局的引导作用，研究建立产业准入及退出清单机制。推进实施规划环评。", 20)
    '增强区域环境质量改善目标对能源和产业布局的引导作用，研究建立产业准入及退出清单机制'
    >>> gist("一句很长" * 30, 8)
    '一句很长一句很长…'
    """
    if limit < 1:
        raise ValueError("limit must be >= 1")
    m = SENTENCE_END.search(text.strip())
    if m and limit < m.start() <= GIST_MAX:
        return text.strip()[: m.start()]
    return quote(text, limit)


def section_of(r: Record) -> str:
    """The section path of a row, ending with its list (not repeated when the heading names it)."""
    path = list(r.section)
    if not path or r.list_name not in path[-1]:
        path.append(r.list_name)
    return " / ".join(path)


@dataclass
class Citer:
    """Numbers the passages an answer cites; the same passage gets the same number."""

    res: Resources
    citations: list[Citation] = field(default_factory=list)
    _seen: dict[tuple, int] = field(default_factory=dict)

    def lines(self, doc_id: str, start: int, end: int, section: str, record_id: str = "", chunk_id: str = "") -> int:
        key = (doc_id, start, end)
        if key in self._seen:
            return self._seen[key]
        lines = self.res.store.source_lines(doc_id)
        text = "\n".join(ln.text for ln in lines[start - 1 : end] if ln.text.strip())
        page = next((ln.page for ln in lines[start - 1 : end] if ln.page is not None), None)
        meta = self.res.docs.get(doc_id)
        n = len(self.citations) + 1
        self.citations.append(Citation(n=n, doc_id=doc_id, title=meta.title if meta else doc_id, section=section,
                                       locator=where(lines, start, end), text=text, status=meta.status if meta else "",
                                       record_id=record_id, chunk_id=chunk_id, start_line=start, end_line=end, page=page))
        self._seen[key] = n
        return n

    def record(self, r: Record) -> int:
        assert r.span is not None
        return self.lines(r.doc_id, r.span.start_line, r.span.end_line, section_of(r),
                          record_id=r.id, chunk_id=self.res.chunk_of_record.get(r.id, ""))

    def chunk(self, chunk_id: str) -> int:
        c = self.res.chunks[chunk_id]
        return self.lines(c.doc_id, c.span.start_line, c.span.end_line, " / ".join(c.section), chunk_id=chunk_id)

    def list_note(self, r: Record) -> int | None:
        line = r.extra.get("list_note_line")
        if not line:
            return None
        return self.lines(r.doc_id, int(line), int(line), section_of(r))

    def passages(self) -> dict[int, str]:
        return {c.n: c.text for c in self.citations}


def row_label(r: Record, content: str = "", whole: bool = False, limit: int = ITEM_QUOTE_MAX + 20) -> str:
    """"目标清单第3项“…”": the row's opening words, or (when the question's item words stand further
    on in a long row) the clauses around them within ``limit`` characters, or (``whole``: the question
    asks the row by its number, so its wording is what is asked) the whole row. (A follow-up reads
    the row back from this label: ``rag.question.ANSWER_ROW``.)"""
    if r.kind in ("index", "indicator"):
        return f"“{r.list_name}”第{r.item_no}项指标“{r.text}”"
    if whole:
        return f"{r.list_name}第{r.item_no}项“{r.text.strip().rstrip('。；;')}”"
    text = quote(r.text)
    if content and text.endswith("…"):
        text = focus(r.text.strip().rstrip("。；;"), content, limit)
    return f"{r.list_name}第{r.item_no}项“{text}”"


def units_text(names: list[str]) -> str:
    return "、".join(names)


def written_units(r: Record, names: list[str], res: Resources) -> str:
    """A row's department names as its cell writes them: a suffix the cell gives once stays once
    ("临海市、温岭市、三门县人民政府", which the records hold as three 人民政府 for lookups)."""
    if r.span is None:
        return units_text(names)
    lines = res.store.source_lines(r.doc_id)[r.span.start_line - 1 : r.span.end_line]
    return units_text(as_written(names, "".join(ln.text for ln in lines)))


#: a clause of a row: what one value belongs to ("城市污水处理率达到98%以上" of a row of three rates)
CLAUSE_END = re.compile(r"[，,；;。]")
#: the item words a clause must hold to own the value asked (share of the question's pairs), and how far
#: ahead of every other clause it must be: rows of several values answer with the one asked of
FOCUS_COVER, FOCUS_LEAD = 0.6, 0.3


def target_clauses(r: Record, content: str) -> list[tuple[str, object]]:
    """The clause(s) of a row of several values that hold the question's item words well ahead of the
    others, each with its value; [] when no clause stands out (the row's values are answered together).

    >>> from ingest.types import Record, Target
    >>> r = Record("wz", "目标清单", "18", False, "城市生活污水集中收集率力争达到80%以上，城市污水处理率达到98%以上；"
    ...            "农村生活污水治理行政村覆盖率达95%以上", targets=[Target("80", "%", "以上", "力争达到80%以上"),
    ...            Target("98", "%", "以上", "达到98%以上"), Target("95", "%", "以上", "达95%以上")])
    >>> [c for c, _ in target_clauses(r, "城市污水处理率")]
    ['城市污水处理率达到98%以上']
    >>> target_clauses(r, "污水")
    []
    >>> r2 = Record("zj", "目标清单", "6", False, "创建20个创新城市、50个创新园区，建设200个标杆项目", targets=[
    ...     Target("20", "个", "", "创建20个创新城市"), Target("50", "个", "", "50个创新园区"), Target("200", "个", "", "建设200个标杆项目")])
    >>> [c for c, _ in target_clauses(r2, "创建创新城市")]
    ['创建20个创新城市、50个创新园区', '创建20个创新城市、50个创新园区']
    """
    want = bigrams(content)
    if len(r.targets) < 2 or len(want) < 2:
        return []
    scored = []
    for t in r.targets:
        owner = _owner_clause(r, t)
        scored.append((len(want & bigrams(owner)) / len(want), owner, t))
    top = max(s for s, _, _ in scored)
    rest = [s for s, c, _ in scored if s < top]
    if top < FOCUS_COVER or not rest or max(rest) > top - FOCUS_LEAD:
        return []
    return [(c, t) for s, c, t in scored if s == top and c]


def other_clauses(r: Record, taken: list[object]) -> list[str]:
    """The clauses of ``r`` holding its values other than ``taken`` (each as written)."""
    return [_owner_clause(r, t) or t.text for t in r.targets if all(t is not x for x in taken)]


def _owner_clause(r: Record, t: object) -> str:
    """The clause of ``r`` (as written) that holds the value ``t`` — spaces aside ("达到96 %以上") —, or "";
    a count sharing its clause with other values is owned by its phrase (:func:`value_phrase`). A value
    written twice alike ("分别降低20%和10%，溶剂型胶粘剂使用量降低20%") is owned, in order, by the clauses
    writing it: the second "降低20%" by the second clause.

    >>> from ingest.types import Record, Target
    >>> r = Record("wz", "目标清单", "9", False, "涂料、油墨使用比例分别降低20%和10%，溶剂型胶粘剂使用量降低20%。",
    ...            targets=[Target("20", "%", "", "降低20%"), Target("10", "%", "", "10%"), Target("20", "%", "", "降低20%")])
    >>> [_owner_clause(r, t) for t in r.targets]
    ['涂料、油墨使用比例分别降低20%和10%', '涂料、油墨使用比例分别降低20%和10%', '溶剂型胶粘剂使用量降低20%']
    """
    phrase = re.sub(r"\s", "", t.text)  # type: ignore[attr-defined]
    before = next((k for k, o in enumerate(r.targets) if o is t), 0)
    nth = sum(1 for o in r.targets[:before] if re.sub(r"\s", "", o.text) == phrase)  # type: ignore[attr-defined]
    holding = [c.strip() for c in CLAUSE_END.split(r.text) if c.strip() and phrase in re.sub(r"\s", "", c)]
    clause = holding[min(nth, len(holding) - 1)] if holding else ""
    shared = sum(1 for o in r.targets if re.sub(r"\s", "", o.text) in re.sub(r"\s", "", clause)) > 1  # type: ignore[attr-defined]
    return value_phrase(r, t) if clause and shared and COUNT_TAIL.search(phrase) else clause


#: a count written before what it counts ("建成2个低碳试点县、7个以上低（零）碳试点乡镇（街道）和70个以上…"):
#: its value ends in a counting word; what it counts runs on to the next 、/和/及 or clause end
COUNT_TAIL = re.compile(r"(?:个|家|座|条|处|项|所|批)(?:以上|左右)?$")
PHRASE_END = re.compile(r"[、，,；;。和及]")
COUNTED_MAX = 20  # a longer run after the count is no noun phrase (the row goes on to say something else)


def value_phrase(r: Record, t: object) -> str:
    """The value ``t`` of row ``r`` with what it counts, as written ("7个以上" → "7个以上低（零）碳试点乡镇
    （街道）"); other values as they are.

    >>> from ingest.types import Record, Target
    >>> r = Record("wz", "目标清单", "30", False, "建成2个低碳试点县、7个以上低（零）碳试点乡镇（街道）和70个以上试点村。",
    ...            targets=[Target("2", "个", "", "建成2个"), Target("7", "个", "以上", "7个以上"), Target("70", "个", "以上", "70个以上")])
    >>> [value_phrase(r, t) for t in r.targets]
    ['建成2个低碳试点县', '7个以上低（零）碳试点乡镇（街道）', '70个以上试点村']
    """
    text = t.text  # type: ignore[attr-defined]
    at = r.text.find(text)
    if at < 0 or not COUNT_TAIL.search(text):
        return text
    start = at + len(text)
    end = m.start() if (m := PHRASE_END.search(r.text, start)) else len(r.text)
    return text + r.text[start:end] if 0 < end - start <= COUNTED_MAX else text


def compose_record(r: Record, intents: list[str], citer: Citer, res: Resources, facts: list[Fact],
                   content: str = "", whole: bool = False, count_units: bool = False, number_asked: str = "") -> str:
    """One sentence answering ``intents`` about one record (``content``: the question's item words;
    ``whole``: quote the whole row, see :func:`row_label`; ``count_units``: the number of departments
    asked, given before their names; ``number_asked``: the question, when it asks a number — a row with
    no target values shows the cells that write one, see :func:`number_cells`)."""
    meta = res.docs.get(r.doc_id)
    n = citer.record(r)
    marks = [n]
    want = set(intents)
    limit = OPEN_ROW_QUOTE_MAX if want <= {"open"} else ITEM_QUOTE_MAX + 20
    head = f"根据{doc_label(meta) if meta else r.doc_id}{row_label(r, content, whole, limit)}"
    parts: list[str] = []
    fields = {"lead", "participants", "deadline", "target", "weight", "data_source"}
    # every field for an open question, or a comparison naming none; a comparison of one field
    # ("省里和温州的湿地保护率目标分别是多少") gives that field side by side, not the rows' departments
    if "open" in want or not want & fields:
        want |= {"weight", "data_source"} if r.kind == "index" else {"lead", "participants", "deadline", "target"}

    def fact(field_: str, value) -> None:
        facts.append(Fact(r.doc_id, r.list_name, r.item_no, field_, value, n))

    if "category" in want and r.categories:
        # "…属于哪个领域": the category cells the row stands under, as the table writes them
        parts.append("所属类别：" + " › ".join(f"“{c}”" for c in r.categories))
    if r.kind == "indicator":
        return head + "：" + "；".join(parts + indicator_parts(r, intents, fact, content)) + "".join(f"[{m}]" for m in marks) + "。"

    if r.kind == "index":
        if r.parents:
            parts.append("所属指标：" + " / ".join(f"{p['level']}“{p['name']}”" for p in r.parents))
        if "weight" in want or "target" in want:
            if r.weight:
                parts.append(f"权重为{r.weight}")
                fact("weight", r.weight)
            else:
                parts.append("表中未列该指标的权重")
        if "data_source" in want or "lead" in want:
            src = r.extra.get("数据来源", "")
            if src:
                parts.append(f"数据来源为{src}")
                fact("data_source", src)
            else:
                parts.append("表中未列数据来源")
        return head + "：" + "；".join(parts) + "".join(f"[{m}]" for m in marks) + "。"

    if "lead" in want:
        lead_extra = (SHARED_LEAD if r.shared_lead else "") + (_note_after(r.lead_note) if r.lead_units else "")
        parts.append(_units_clause(r.lead_label, written_units(r, r.lead_names, res), r.lead_note, lead_extra,
                                   always=True, count=len(r.lead_names) if count_units else 0))
        if r.lead_units or r.lead_note:
            fact("lead", r.lead_names)
    if "participants" in want:
        always = "participants" in intents or r.lead_label == "牵头单位"
        extra = _note_after(r.participant_note) if r.participant_units else ""
        clause = _units_clause("参与单位", written_units(r, r.participant_names, res), r.participant_note, extra,
                               always=always, count=len(r.participant_names) if count_units else 0)
        if clause:
            parts.append(clause)
            fact("participants", r.participant_names)
    if "target" in want:
        if PRESENT_ASKED.search(content) and "现状" not in r.text:  # "…现状呢？" of a list row: the list states targets, no present value
            parts.append(f"该{'项' if r.list_name else '行'}未列现状值（只列目标）")
        if r.targets:
            focused = target_clauses(r, content)
            if focused:  # "城市污水处理率要达到多少": that clause's value first; the row's others named as such
                others = list(dict.fromkeys(other_clauses(r, [t for _, t in focused])))
                parts.append("目标值：" + "；".join(dict.fromkeys(c for c, _ in focused))
                             + (f"（同一行另列：{'；'.join(others)}）" if others else ""))
                fact("target", [t.value + t.unit for _, t in focused]
                     + [t.value + t.unit for t in r.targets if all(t is not f for _, f in focused)])
            else:
                parts.append("目标值：" + "，".join(value_phrase(r, t) for t in r.targets))
                fact("target", [t.value + t.unit for t in r.targets])
        elif cells := number_cells(r, number_asked):  # (a project row's number stands in its cells)
            parts += [f"{k}：“{v}”" for k, v in cells]
        elif "target" in intents:
            parts.append(f"该项未列具体数值，原文为“{quote(r.text, 120)}”")
            fact("target", [])
    if "deadline" in want:
        if r.deadline_year and r.deadline_source == "list_note":
            note_n = citer.list_note(r)
            note = r.extra.get("list_note", "")
            parts.append(f"完成时限为{r.deadline_year}年（该项未单独注明，按清单表注“{note.rstrip('。')}”）")
            if note_n:
                marks.append(note_n)
            fact("deadline", r.deadline_year)
        elif r.deadline_year and (split := _scoped_default(r, content)) and split[3]:
            # "建设“减污降碳在线”应用场景那项": not the sentence the row's year belongs to
            year, note, scoped, _ = split
            if note_n := citer.list_note(r):
                marks.append(note_n)
            parts.append(f"完成时限为{year}年（所问事项未单独注明，按清单表注“{note.rstrip('。')}”；"
                         f"该项中“{scoped}”注明完成期限为{r.deadline_year}年）")
            fact("deadline", year)
        elif r.deadline_year:
            parts.append(f"完成时限为{r.deadline_year}年（条目中注明）")
            fact("deadline", r.deadline_year)
        elif "deadline" in intents:
            parts.append("该清单未注明完成时限")
            fact("deadline", None)
    return head + "：" + "；".join(parts) + "".join(f"[{m}]" for m in dict.fromkeys(marks)) + "。"




def number_cells(r: Record, question: str) -> list[tuple[str, str]]:
    """The cells of a row besides its item text that write the number ``question`` asks (a count in the
    measure word it asks in, or any number with a unit), as (column, text): "温州要新建几座污水处理厂" of a
    project row whose 主要内容 reads "新建7座、清洁排放技术改造30座以上城镇污水处理厂。…"; [] when no
    number is asked ("")."""
    if not question:
        return []
    return [(k, v) for k, v in r.extra.items() if k != "list_note" and isinstance(v, str)
            and NUMBER_VALUE.search(v) and counts_in_measure_asked(v, question)]


def row_list_default(r: Record) -> tuple[str, int, str] | None:
    """For a row whose stated year closes one of its sentences only (``scoped_deadline``) and whose list
    gives another year by default: (that sentence, the default year, the list's note); else None — the
    one reading of such a row for the answer and for the verifier."""
    scoped = scoped_deadline(r.text)
    note = r.extra.get("list_note", "")
    default = find_list_default_year(note) if scoped else None
    if not scoped or not default or default == scoped[1]:
        return None
    return scoped[0], default, note


def _scoped_default(r: Record, content: str) -> tuple[int, str, str, bool] | None:
    """:func:`row_list_default` as (the default year, the list's note, the sentence, whether ``content`` —
    the question's item words — asks rather of the row's other sentences); else None."""
    split = row_list_default(r)
    if split is None:
        return None
    sentence, default, note = split
    asked = bigrams(content)
    in_scoped = len(asked & bigrams(sentence))
    in_rest = len(asked & bigrams(r.text.replace(sentence, "")))
    return default, note, sentence, in_rest > in_scoped


#: the present value asked ("现状值呢？", "现在建了没有？" → 现状): only an indicator table has a column of it
PRESENT_ASKED = re.compile(r"现状值?$")  # (the column asked ends the item words; "现状调查" names an item)
#: an indicator table's column of the standard each indicator is held to ("国家级创建参照值")
REFERENCE_COLUMN = re.compile(r"参照值")
#: an indicator row's fields shown with every answer, or said apart
INDICATOR_META = ("单位", "指标属性", "是否达标", "其余列")


def indicator_parts(r: Record, intents: list[str], fact, content: str = "") -> list[str]:
    """Clauses for an indicator-table row: the value columns asked (a year, 现状), else all of them;
    another column the question names ("国家级创建参照值" → 参照值) instead of the values."""
    cols = [k for k in r.extra if VALUE_COLUMN.search(k)]
    named = [k for k in r.extra if k not in cols and k not in INDICATOR_META and len(k) >= 2 and k in content]
    years = [y for y in re.findall(r"20\d\d", " ".join(intents))]
    asked = [k for k in cols if any(y in k for y in years)]
    if not asked and not named:
        # "现状值是什么": the 现状 column; "规划值是多少": the planned ones; both asked ("现状多少，规划值
        #怎么定的"): both; else all of them
        asked = ([k for k in cols if "现状" in k] if "现状" in content else []) + (
                 [k for k in cols if "现状" not in k] if re.search("规划值|目标值", content) else [])
        if not asked:
            # no column asked ("…的指标值是多少"): every value the row states, the standard it is held to
            # (国家级创建参照值 "≥95") first, as the table has it
            named, asked = [k for k in r.extra if REFERENCE_COLUMN.search(k)], cols
    parts = []
    meta = [f"{k}：{r.extra[k]}" for k in ("单位", "指标属性") if r.extra.get(k) not in (None, "", "-")]
    if meta:
        parts.append("，".join(meta))
    for k in named:
        parts.append(f"{k}为“{r.extra[k]}”")
        fact(f"value:{k}", r.extra[k])
    for k in asked:
        parts.append(f"{k}为“{r.extra[k]}”")
        fact(f"value:{k}", r.extra[k])
    if r.extra.get("其余列"):
        parts.append(f"该行还有多出表头的数值“{r.extra['其余列']}”，原文无法确定其对应列，请核对原文")
    if r.extra.get("是否达标"):
        parts.append(f"是否达标：{r.extra['是否达标']}")
    return parts


def _note_after(note: str) -> str:
    """A cell's note after its names: "等省级相关部门…" goes on from them as the cell writes it; any
    other note ("以下各项工作均需…") stands apart in brackets.

    >>> _note_after("等省级相关部门"), _note_after("以下不再列出"), _note_after("")
    ('等省级相关部门', '（以下不再列出）', '')
    """
    if not note:
        return ""
    return note if note.startswith("等") else f"（{note}）"


def _units_clause(label: str, names: str, note: str, extra: str, always: bool, count: int = 0) -> str:
    """"牵头单位为A、B按职责分工负责" / "牵头单位：待国家分工明确后确定" / "该行未列参与单位"
    (``names``: the cell's names as written, :func:`written_units`; ``count``: their number, when asked —
    "参与单位共4个：A、B、C、D").

    >>> _units_clause("参与单位", "市经信局、市住建局", "", "", always=False, count=2)
    '参与单位共2个：市经信局、市住建局'
    """
    if names and count:
        return f"{label}共{count}个：{names}{extra}"
    if names:
        return f"{label}为{names}{extra}"
    if note:
        return f"{label}：{note}"
    return f"该行未列{label}" if always else ""


#: where a quoted window may start or end: clause and sentence ends, not "、" (an enumeration —
#: "聚集石化、化工、化纤…等重点产业园区" — is the answer to "哪些" and is never cut in two)
#: (PDF text writes the half-width "," and ";" too — not a thousands comma: "1,000")
FOCUS_CUT = re.compile(r"(?<=[，；：。！？;])|" + HALF_WIDTH_COMMA)


def focus(sentence: str, content: str, limit: int, holds: Callable[[str], bool] | None = None) -> str:
    """The sentence, or (when longer than ``limit``) the run of clauses that covers most of
    ``content`` (ties: the shortest, then the earliest), widened by whole clauses on both sides while
    it stays within ``limit``, with "…" where cut. A single clause longer than ``limit`` is kept whole.
    ``holds(text) -> bool``: a run with a clause holding what is asked (a year, for "哪年") goes before any
    that has none. With no ``content`` (nothing to cover), the earliest run.

    >>> focus("研究制定碳达峰方案，统筹经济发展，明确路线图，确保2030年前实现碳达峰。", "碳达峰", 20,
    ...       holds=lambda t: "年" in t)
    '…明确路线图，确保2030年前实现碳达峰。'

    >>> focus("甲乙丙，丁戊己。", "丁戊", 100)
    '甲乙丙，丁戊己。'
    >>> focus("推进节水，" * 10 + "城区再生水利用率达到35%。", "再生水利用率", 20)
    '…推进节水，城区再生水利用率达到35%。'
    >>> focus("推进节能降耗，优化工艺流程；鼓励污水处理厂互联互通、削峰填谷，推广水源热泵等热能利用技术，推广建设太阳能发电设施。",
    ...       "鼓励污水处理厂推广热能利用技术", 40)
    '…优化工艺流程；鼓励污水处理厂互联互通、削峰填谷，推广水源热泵等热能利用技术，…'

    A text written with half-width commas is cut at them too, not at a thousands comma:

    >>> focus("修改为“居民自建充电设施的,应向电力部门报装;可以签订服务协议,委托其协助管理。(责任单位:市住建局)”。", "充电设施",
    ...       30, holds=lambda t: "局" in t)
    '…可以签订服务协议,委托其协助管理。(责任单位:市住建局)”。'
    >>> focus("建成1,000个站点,完成改造。", "站点", 5)
    '建成1,000个站点,…'

    No item words (what a whole opening says is asked): the sentence from its start:

    >>> focus("为深入贯彻精神，协同推进降碳，制定本方案。", "", 16)
    '为深入贯彻精神，协同推进降碳，…'
    """
    from .retrievers import bigrams

    if len(sentence) <= limit:
        return sentence
    cs = [c for c in FOCUS_CUT.split(sentence) if c]
    held = [holds(c) for c in cs] if holds is not None else []  # (judged per clause, once: a value asked stands in one)
    want = bigrams(content)
    best: tuple[float, int, int] = (-1.0, 0, 1)
    for lo in range(len(cs)):
        got: set[str] = set()
        for hi in range(lo + 1, len(cs) + 1):
            if hi > lo + 1 and len("".join(cs[lo:hi])) > limit:
                break
            got |= bigrams(cs[hi - 1])
            score = len(want & got) / len(want) if want else 0.0
            if held and any(held[lo:hi]):
                score += 1.0  # (a run holding what is asked ranks above every run that does not)
            size = len("".join(cs[lo:hi]))
            if score > best[0] + 1e-9 or want and abs(score - best[0]) <= 1e-9 and size < len("".join(cs[best[1]:best[2]])):
                best = (score, lo, hi)
    _, lo, hi = best
    while True:  # context: whole clauses on either side while the quote stays within the limit
        grew = False
        if lo > 0 and len("".join(cs[lo - 1:hi])) <= limit:
            lo, grew = lo - 1, True
        if hi < len(cs) and len("".join(cs[lo:hi + 1])) <= limit:
            hi, grew = hi + 1, True
        if not grew:
            break
    return ("…" if lo > 0 else "") + "".join(cs[lo:hi]) + ("…" if hi < len(cs) else "")
