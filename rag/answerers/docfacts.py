"""Answers about a document as a document: its 文号, date, addressees, when it takes effect, what it
says it is made under ("根据《…》的规定"), the period a plan covers ("规划期限为2021—2030年") — for
each document a compilation holds (a 公报 issue prints several, each with its own header) — and
the masthead facts of the issue itself (出版日期, 期号, 主办, 主编 …).

Sub-documents are found from their headers: a line that is only a document number
("温政发〔2023〕19号", not a table-of-contents line with "……"), the title lines just above it, the
addressee line after it ("各县（市、区）人民政府，市政府直属各单位："), and the signature date that
closes it ("2023年6月12日" on a line of its own).

Usage::

    da = DocFactsAnswerer(res)
    draft = da.run(Ask("温政发〔2023〕19号是什么时候发的？", query, ["wz-gazette-2023-06"]))
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from ..answer_type import CLAIMED_COUNT, CONFIRMATION, DOC_NO, EARLIER_VERSION, QUESTION_CHARS, STAGE_Q, prints_doc_number
from ..compose import Citer, doc_label
from ..retrievers import common_run, coverage, flat
from .base import Answerer, Ask, Draft

#: a date standing alone on its line: the signature date of a document
DATE_LINE = re.compile(r"^\s*((?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$")
#: addressees: a short line ending with a colon, right after the header
ADDRESSEE_LINE = re.compile(r"^\s*(\S[^。]{1,80}?)[：:]\s*$")
#: "本决定自2023年8月1日起施行"
EFFECTIVE = re.compile(r"[^。\n]{0,20}自\s*((?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起\s*(?:施行|实施|执行|生效)[^。\n]*。?")
#: masthead lines of a gazette issue: "主编：梁彬", "出版日期：2023年7月20日"
MASTHEAD = re.compile(r"^\s*([\u4e00-\u9fff]{2,6})\s*[：:]\s*(\S.{0,40})$")
ISSUE_NO = re.compile(r"第\s*\d+\s*期\s*[（(]\s*总第\s*\d+\s*期\s*[)）]|第\s*\d+\s*期")
TOC = re.compile(r"[.…·]{3,}")

#: "根据《浙江省行政规范性文件管理办法》（省政府令372号）的规定": what a document says it is made under
BASIS = re.compile(r"(?:根据|依据|按照)\s*《[^》]{2,60}》[^，。；：]{0,30}")
#: a span of years as written: "2021—2030", "2021到2035", "2021-2030"
YEAR_SPAN = r"(?:19|20)\d\d\s*年?\s*[—\-－至到~]+\s*(?:19|20)\d\d"
#: "温州生态文明建设规划到哪一年", "是2021到2035年的规划吧": the period a plan covers is asked
PERIOD_Q = re.compile(r"规划期限|实施期限|规划期|到哪一?年|哪几年|哪年到哪年|起止年|几年的规划"
                      rf"|{YEAR_SPAN}\s*年?的(?:规划|方案)")
#: "规划期限为2021—2030年（近期…）": the sentence stating it
PERIOD_LINE = re.compile(rf"(?:规划|实施)期限\s*(?:为|是|：|:)?\s*{YEAR_SPAN}\s*年[^。\n]*。?")
#: a day a document was issued asked, beside a period ("哪一年" alone asks the period's end)
DATE_ASKED = re.compile(r"哪天|日期|什么时候|何时|几月|印发|发布|签发")
#: "(2021-2030年)" in a title
TITLE_PERIOD = re.compile(rf"[（(]\s*{YEAR_SPAN}\s*年?\s*[)）]")
#: "是根据什么规定作出的", "依据是什么": what a document is made under is asked
BASIS_Q = re.compile(r"(?:根据|依据|按照)(?:什么|哪[个些部项]|的是)|(?:制定|出台|作出|法律)?依据")
#: a draft's marking in its title lines, and a question asking whether a document is the formal one
DRAFT_MARK = re.compile(r"征求意见稿|草案|送审稿|讨论稿")
FORMAL_ASKED = re.compile(r"正式")
#: the first lines of a document, where its heading (title, 文号, addressees, stage mark) stands
HEAD_LINES = 60
#: a title's first word that is a name of its own, however the page breaks the rest ("温州市人民政府公报")
MIN_TITLE_HEAD = 6
#: who made a document asked: who issued it ("台州方案是谁制定的", "…的通知是谁发的", "哪个单位印发的") — its
#: signature — or who drafted it ("省方案是哪个部门编制的", "编制说明是谁起草的", "编制单位是谁") — a sentence of
#: the documents in scope telling so; the issuer of a notice printing a plan did not draft the plan
ISSUER_VERB = r"制定|制订|印发|发布|出台|发文|发(?![展起现挥改放生])"
DRAFTER_VERB = r"编制|起草|编写|撰写|写"
AUTHOR_VERB = rf"{DRAFTER_VERB}|{ISSUER_VERB}"


def _maker_q(verbs: str) -> re.Pattern[str]:
    return re.compile(rf"(?:谁|哪个?(?:部门|单位|机关|机构|处室)|哪家(?:单位|部门|机构)?)(?:来|负责|牵头|组织)?(?:{verbs})"
                      rf"|(?:{verbs})(?:单位|部门|机关)")


ISSUER_Q, DRAFTER_Q = _maker_q(ISSUER_VERB), _maker_q(DRAFTER_VERB)
AUTHOR_Q = _maker_q(AUTHOR_VERB)
#: a sentence telling who drafted a document: "省生态环境厅组织…成立编制工作组", "由…牵头起草", "起草单位：…"
AUTHOR_LINE = re.compile(r"[^。；\n]*(?:(?:组织|牵头)[^。；\n]{0,40}(?:起草|编制)|(?:起草|编制)单位)[^。；\n]*[。；]?")
#: the issuer's signature above a document's date: a short line naming a body
ISSUER_LINE = re.compile(r"^\s*([\u4e00-\u9fff（）()]{4,30}(?:政府|办公室|办公厅|委员会|局|厅|委|办|中心|院))\s*$")
#: which fact a question asks (checked in this order)
#: (``STAGE_Q``, the stage asked: a formal issue asked of a draft is asked of the draft's marking; a
#: document printed in a compilation is asked by its own title)
FIELDS: list[tuple[str, re.Pattern[str]]] = [
    ("period", PERIOD_Q),
    ("basis", BASIS_Q),
    ("status", STAGE_Q),
    ("effective", re.compile(r"施行|实施日期|生效|起效")),
    ("drafter", DRAFTER_Q),
    ("author", ISSUER_Q),
    ("addressees", re.compile(r"主送|发给|发送|下发给|哪些单位|发文对象|送达")),
    ("date", re.compile(r"哪天|日期|什么时候|何时|哪一?年|几月")),
    ("number", re.compile(r"文号|字号|编号|几号文|哪号文")),
    ("title", re.compile(r"什么文件|哪个文件|是什么|叫什么|名称|标题")),
]
#: the question asks about a document as a document (a title alone may also name a plan whose content is asked)
#: (发的: "什么时候发的" — not the 发的 of 开发的, 研发的, 激发的 …)
DOC_Q = re.compile(r"文号|几号文|哪号文|发文|印发|发布|(?<![开研激启出爆突蒸挥引揭])发的|哪天|主送|发给|下发|施行|生效|什么文件|哪个文件|落款|签发")
FIELD_NAMES = {"period": "规划期限", "basis": "制定依据", "status": "稿本标注", "number": "文号", "date": "落款日期", "addressees": "主送单位", "effective": "施行日期", "title": "标题", "author": "发文机关", "drafter": "编制单位"}
#: a question that names a document by its number and asks about its content ("…18号废止了哪些文件")
NUMBER_ONLY_Q = re.compile(r"哪些|哪几|多少|几件|几项|内容|规定|要求|怎么|如何|为什么")


def asks_content(question: str) -> bool:
    """Whether a question naming a document by its number asks about its content: what it lists or
    requires (:data:`NUMBER_ONLY_Q`), or a count of it claimed for confirmation ("…18号修改了6件
    行政规范性文件对吧？" — the text's count answers, not the document's header).

    >>> asks_content("温政发〔2023〕18号修改了6件行政规范性文件对吧？"), asks_content("温政发〔2023〕18号是哪天发的？")
    (True, False)
    """
    return bool(NUMBER_ONLY_Q.search(question) or CONFIRMATION.search(question) and CLAIMED_COUNT.search(question))


#: share of the item words a question's titles must hold for a date or number asked to be the documents'
#: own (calibrated on the dev set's docfact and prose questions: 0.8 keeps "减污降碳实施方案" a title)
TITLE_WORDS = 0.8
#: asks which documents a compilation prints ("这期公报收录了哪些文件", "有几篇文件")
CONTENTS_Q = re.compile(r"(?:哪些|哪几[篇份个件]?|几[篇份个件]|多少[篇份个件])(?:文件|文章|公文)|收录|刊登|刊发|刊载|几篇|多少篇"
                        r"|(?:哪几|几个|哪些)部分")  # (a compilation's parts: the documents it prints)
#: "…的通知在第几页": a page of the issue's table of contents is asked
PAGE_Q = re.compile(r"第几页|哪一?页|页码|多少页")
#: a contents line's page: "（温政办〔2023〕56号）……………（65）"
TOC_PAGE = re.compile(r"[.…·]{3,}\s*[（(]\s*(\d{1,4})\s*[)）]\s*$")
MASTHEAD_Q = re.compile(r"出版|主编|主办|承编|编辑|刊号|第几期|哪一期|期号")


#: words asking a masthead label more fully ("联系电话", "通讯地址", "编辑部邮箱", "传真号码"): the same line
LABEL_QUALIFIER = re.compile(r"联系|办公|通讯|通信|编辑部")
#: a masthead is a block of label lines ("主编：…", "编辑：…", "地址：…", "邮编：…"): at least this many,
#: each within ``MASTHEAD_GAP`` lines of the last — a lone "附件：1.…" line is no masthead
MASTHEAD_BLOCK = 3
MASTHEAD_GAP = 4


def drafting_line(lines: list[str], start: int, end: int) -> tuple[int, str] | None:
    """(line, sentence) of the first sentence in ``lines[start:end]`` telling who drafted a document
    (``AUTHOR_LINE``: "省生态环境厅组织…成立编制工作组", "起草单位：…"), or None."""
    return next(((i + 1, m.group(0).strip()) for i in range(start, min(end, len(lines)))
                 if (m := AUTHOR_LINE.search(lines[i]))), None)


def issuer_above(lines: list[str], date_line: int) -> tuple[int, str] | None:
    """(line, name) of the issuer signing above a document's closing date (1-based ``date_line``): the
    nearest non-empty line within three above it, when it names a body (``ISSUER_LINE``).

    >>> issuer_above(["现印发给你们。", "温州市人民政府办公室", "", "2023年6月1日"], 4)
    (2, '温州市人民政府办公室')
    """
    for j in range(date_line - 2, max(date_line - 5, -1), -1):
        if lines[j].strip():
            return (j + 1, m.group(1)) if (m := ISSUER_LINE.match(lines[j])) else None
    return None


def masthead_block(facts: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """The facts standing in a block of label lines (``MASTHEAD_BLOCK`` or more, close together).

    >>> masthead_block([("附件", "1.清单", 5), ("主编", "梁彬", 72), ("编辑", "陈威娜", 76), ("邮编", "325009", 80)])
    [('主编', '梁彬', 72), ('编辑', '陈威娜', 76), ('邮编', '325009', 80)]
    """
    labelled = sorted((f for f in facts if f[0] != "期号"), key=lambda f: f[2])
    runs: list[list[tuple[str, str, int]]] = []
    for f in labelled:
        if runs and f[2] - runs[-1][-1][2] <= MASTHEAD_GAP:
            runs[-1].append(f)
        else:
            runs.append([f])
    return [f for run in runs if len(run) >= MASTHEAD_BLOCK for f in run]


@dataclass
class SubDocument:
    doc_id: str
    title: str
    number: str
    line: int  # the 文号 line
    title_line: int
    addressees: str = ""
    addressee_line: int = 0
    date: str = ""
    date_line: int = 0
    effective: str = ""
    effective_line: int = 0
    end_line: int = 0  # the last line before the next document's header


def find_subdocuments(doc_id: str, lines: list[str]) -> list[SubDocument]:
    """The documents a text holds, from their headers (see the module docstring)."""
    heads = [i for i, ln in enumerate(lines) if prints_doc_number(ln) and not TOC.search(ln)]
    out: list[SubDocument] = []
    for k, i in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        above = [j for j in range(max(i - 6, 0), i) if lines[j].strip()]
        title_lines = []
        for j in reversed(above):
            t = lines[j].strip()
            if DOC_NO.search(t) or DATE_LINE.match(t) or TOC.search(t) or len(t) > 60 or t.endswith(("。", "：", ":")):
                break
            if len(re.findall(r"[\u4e00-\u9fff]", t)) * 2 < len(t):
                continue  # a filing code ("ZJCC00-2023-0007") above the title is not part of it
            title_lines.insert(0, j)
            if len(title_lines) == 2:
                break
        if not title_lines:
            continue
        sd = SubDocument(doc_id, re.sub(r"\s+", "", "".join(lines[j] for j in title_lines)),
                         re.sub(r"\s+", "", lines[i].strip().strip("（()）")), i + 1, title_lines[0] + 1, end_line=end)
        body = [j for j in range(i + 1, end) if lines[j].strip()]
        if body and ADDRESSEE_LINE.match(lines[body[0]]):
            sd.addressees, sd.addressee_line = ADDRESSEE_LINE.match(lines[body[0]]).group(1).strip(), body[0] + 1
        for j in body:
            m = DATE_LINE.match(lines[j])
            if m:
                sd.date, sd.date_line = re.sub(r"\s+", "", m.group(1)), j + 1
                break
        for j in body[:40]:
            m = EFFECTIVE.search(lines[j])
            if m:
                sd.effective, sd.effective_line = m.group(0).strip(), j + 1
                break
        out.append(sd)
    return out


def core_titles(title: str) -> list[str]:
    """What a question calls a sub-document: its title without issuer, "关于印发", "的通知" and the
    years in brackets, with and without the leading place.

    >>> core_titles("温州市人民政府关于印发温州市生态文明建设规划(2021-2030年)的通知")
    ['温州市生态文明建设规划', '生态文明建设规划']
    """
    t = re.sub(r"\s+", "", title)
    t = re.sub(r"^.*?关于(?:印发)?", "", t)
    t = re.sub(r"的(?:通知|决定|意见|批复|函)$", "", t)
    t = re.sub(r"[（(][^）)]*[)）]", "", t).strip("《》")
    out = [t] if len(t) >= 6 else []
    short = re.sub(r"^[\u4e00-\u9fff]{2,3}[省市县区]", "", t)
    if short != t and len(short) >= 6:
        out.append(short)
    return out


def title_run(question: str, title: str) -> int:
    """The longest run of characters a question shares with what it would call a title
    (:func:`core_titles`; the title itself when it has no such core): the issuer and "关于印发"
    that many titles share name none of them.

    >>> title_run("温州市人民政府关于印发温州市海洋规划的通知在第几页", "温州市人民政府关于印发温州市生态文明建设规划(2021-2030年)的通知")
    3
    """
    q = re.sub(r"\s+", "", question)
    return max((common_run(q, c) for c in _cores(title)), default=0)


def title_pieces(question: str, title: str, piece: int = 2) -> int:
    """The characters a question shares, in pieces of ``piece`` or more and in the same order, with what it
    would call a title: a title shortened as officials shorten it ("温州生态文明规划" of "温州市生态文明建设
    规划(2021-2030年)": 温州 + 生态文明 + 规划).

    >>> title_pieces("温州生态文明规划什么时候印发的", "温州市人民政府关于印发温州市生态文明建设规划(2021-2030年)的通知")
    8
    """
    q = re.sub(r"\s+", "", question)
    return max((sum(b.size for b in SequenceMatcher(None, q, c, autojunk=False).get_matching_blocks() if b.size >= piece)
                for c in _cores(title)), default=0)


@lru_cache(maxsize=4096)
def _cores(title: str) -> tuple[str, ...]:
    """:func:`core_titles`, or the title itself when it has none; computed once per title."""
    return tuple(core_titles(title)) or (re.sub(r"\s+", "", title),)


#: the kind of document after a title's core as a question writes it ("修改和废止…文件的决定")
DOC_KIND_AFTER = re.compile(r"的?(?:决定|通知|意见|方案|办法|规定|规划|细则|批复|函)")


#: a title shortened to the head of its core and its kind ("修改和废止的决定" for 《…关于修改和废止部分行政
#: 规范性文件的决定》): the head at least this long, the kind the title's own
HEAD_CHARS = 4
#: the kind a title ends in
TITLE_KIND = re.compile(r"(决定|通知|意见|方案|办法|规定|规划|细则|批复|函)$")


def head_and_kind(question: str, title: str, min_head: int = HEAD_CHARS) -> tuple[int, int] | None:
    """Where (start, end in ``question`` without spaces) the question writes a title as the head of its
    core followed by the title's kind, or None.

    >>> t = "温州市人民政府关于修改和废止部分行政规范性文件的决定"
    >>> head_and_kind("修改和废止的决定修改了几件文件？", t), head_and_kind("修改和废止的通知", t)
    ((0, 8), None)
    """
    kind = TITLE_KIND.search(re.sub(r"\s+", "", title))
    if not kind:
        return None
    q = re.sub(r"\s+", "", question)
    for core in _cores(title):
        for n in range(len(core), min_head - 1, -1):
            i = q.find(core[:n])
            m = DOC_KIND_AFTER.match(q, i + n) if i >= 0 else None
            if m and m.group().endswith(kind.group(1)):
                return i, m.end()
    return None


def kind_alone(question: str, subs: list[SubDocument]) -> list[SubDocument]:
    """The one printed document whose title alone writes the kind of document ``question`` names
    ("温州规划…": the notice printing "…生态文明建设规划(2021-2030年)"), or [] — also when several titles
    write it (通知).

    >>> from types import SimpleNamespace as S
    >>> subs = [S(title="温州市人民政府关于印发温州市生态文明建设规划(2021-2030年)的通知"), S(title="温州市人民政府关于修改…的决定")]
    >>> kind_alone("温州规划有几个附表？", subs) == subs[:1], kind_alone("这个通知和决定", subs + subs)
    (True, [])
    """
    q = re.sub(r"\s+", "", question)
    kinds = {m.group(0).lstrip("的") for m in DOC_KIND_AFTER.finditer(q)}
    fits = [s for s in subs if any(k in s.title for k in kinds)]
    return fits if len(fits) == 1 else []


def without_title(question: str, title: str, min_run: int) -> str:
    """``question`` with the run of ``min_run`` characters or more it writes of a title taken out, or
    the title's head and kind it writes instead (:func:`head_and_kind`): what it asks of that document
    ("修改和废止部分行政规范性文件的决定废止了哪些文件" → "废止了哪些文件").

    >>> without_title("修改和废止部分行政规范性文件的决定废止了哪些文件？", "温州市人民政府关于修改和废止部分行政规范性文件的决定", 14)
    '废止了哪些文件？'
    >>> without_title("修改和废止的决定修改了几件文件？", "温州市人民政府关于修改和废止部分行政规范性文件的决定", 14)
    '修改了几件文件？'
    """
    q = re.sub(r"\s+", "", question)
    for core in _cores(title):
        n = common_run(q, core)
        if n >= min_run:
            i = next(i for i in range(len(q) - n + 1) if q[i:i + n] in core)
            kind = DOC_KIND_AFTER.match(q, i + n)  # the kind of document the core leaves out ("…的决定")
            return q[:i] + q[kind.end() if kind else i + n:]
    if (span := head_and_kind(q, title)) is not None:
        return q[:span[0]] + q[span[1]:]
    return question


@dataclass(frozen=True)
class DocFactsConfig:
    title_chars: int = 8  # a question naming this many consecutive characters of a title names it
    masthead_lines: int = 150  # masthead facts are read from the first lines of a document
    # a question of what a printed document says names it by a run this long of its title (its title
    # less issuer and 关于: "修改和废止部分行政规范性文件的决定" is 17); a shorter run ("生态文明建设规划",
    # 8) is a topic many parts of the issue share
    scope_title_chars: int = 14
    # a title named shortened, in pieces (:func:`title_pieces`), must lead every other title by this many characters
    pieces_margin: int = 4

    def __post_init__(self) -> None:
        if self.title_chars < 4 or self.masthead_lines < 1 or self.scope_title_chars < self.title_chars:
            raise ValueError("title_chars >= 4, masthead_lines >= 1, scope_title_chars >= title_chars")


class DocFactsAnswerer(Answerer):
    """文号, dates, addressees and effective dates of (sub-)documents; masthead facts of an issue."""

    name = "docfacts"

    def __init__(self, res: Any, config: DocFactsConfig | None = None) -> None:
        self.res = res
        self.config = config or DocFactsConfig()
        self.subdocs: list[SubDocument] = []
        self.masthead: dict[str, list[tuple[str, str, int]]] = {}
        for d in res.docs:
            lines, _ = res.store.doc_lines(d)
            self.subdocs += find_subdocuments(d, lines)
            facts = []
            for j, ln in enumerate(lines[: self.config.masthead_lines]):
                m = MASTHEAD.match(ln)
                if m and not TOC.search(ln):
                    facts.append((m.group(1), m.group(2).strip(), j + 1))
                elif ISSUE_NO.search(ln) and len(ln.strip()) <= 30:
                    facts.append(("期号", ln.strip(), j + 1))
            self.masthead[d] = facts

    def _named(self, ask: Ask) -> list[SubDocument]:
        q = re.sub(r"\s+", "", ask.question)
        by_no = [s for s in self.subdocs if flat(s.number) in flat(q)]  # (brackets however written: "温政发[2023]19号")
        if by_no:
            return by_no
        if not (DOC_Q.search(q) or PERIOD_Q.search(q) or STAGE_Q.search(q) or AUTHOR_Q.search(q)):
            return []
        return self._titled(ask)

    def _titled(self, ask: Ask) -> list[SubDocument]:
        """The sub-documents in scope whose title the question writes (whole enough, in pieces well ahead of
        the others, or by head and kind), as a document fact names them."""
        q = re.sub(r"\s+", "", ask.question)
        scored = [(title_run(q, s.title), s) for s in self.subdocs if s.doc_id in ask.doc_ids]
        scored = [(n, s) for n, s in scored if n >= self.config.title_chars]
        if not scored:
            # named shortened ("温州生态文明规划什么时候印发的"): one title holding that many characters in pieces,
            # well ahead of every other
            pieces = sorted(((title_pieces(q, s.title), s) for s in self.subdocs if s.doc_id in ask.doc_ids),
                            key=lambda x: -x[0])
            if pieces and pieces[0][0] >= self.config.title_chars and (
                    len(pieces) == 1 or pieces[1][0] <= pieces[0][0] - self.config.pieces_margin):
                return [pieces[0][1]]
            # ... or by its head and kind ("修改和废止的决定什么时候开始施行"), or — a document fact asked with the
            # compilation alone in scope — by the kind alone ("温州规划的发文字号是什么")
            mine = [s for s in self.subdocs if s.doc_id in ask.doc_ids]
            return self._by_head_and_kind(ask) or (kind_alone(ask.question, mine) if len(set(ask.doc_ids)) == 1 else [])
        top = max(n for n, _ in scored)
        return [s for n, s in scored if n == top]

    def _about_documents(self, ask: Ask) -> bool:
        """The item words, if any, are words of the titles in scope ("温州的减污降碳方案是哪天印发的");
        words of their own ("新闻传媒中心成立", "市政府党组会议") ask about an event the text reports."""
        words = ask.query.content
        for _, pattern in FIELDS:
            words = pattern.sub("", words)  # the fact asked ("起施行") is no item word
        if AUTHOR_Q.search(ask.question):
            words = re.sub(AUTHOR_VERB, "", words)  # ... nor the act of making it ("台州方案制定")
        return self._title_words_only(ask, DOC_Q.sub("", words), with_subdocs=True)

    def _asks_masthead_label(self, ask: Ask) -> bool:
        """The question names a masthead line's label of a document in scope ("邮编", "刊号", "电话")
        and nothing else but the documents' title words ("温州政府公报的邮编是多少"): "溢油应急设备库
        地址在哪里" names an item of its own, and its 地址 is not the issue's."""
        labels = {label for d in ask.doc_ids for label, _, _ in masthead_block(self.masthead.get(d, []))}
        named = [label for label in labels if label in ask.question]
        if not named:
            return False
        words = QUESTION_CHARS.sub("", ask.query.content)  # ("由哪家单位印刷": 哪家 asks, it names nothing)
        for label in named:
            words = re.sub(f"(?:{LABEL_QUALIFIER.pattern})?{re.escape(label)}(?:号码)?", "", words)
        # words the masthead prints on a line of its own ("《…公报》电子版" over "网址：…") name its line too;
        # another label's value ("温州市北大方印务有限公司的地址") names an item of its own
        return self._title_words_only(ask, words, with_subdocs=False) or coverage(words, self._masthead_captions(ask)) >= 1.0

    def _masthead_captions(self, ask: Ask) -> str:
        """The lines within the masthead blocks of the documents in scope that are no label lines, run together."""
        out = []
        for d in ask.doc_ids:
            block = masthead_block(self.masthead.get(d, []))
            if block and hasattr(self.res, "store"):
                lines, _ = self.res.store.doc_lines(d)
                labelled = {line for _, _, line in block}
                out += [lines[k - 1] for k in range(block[0][2], block[-1][2] + 1) if k not in labelled]
        return "".join(out)

    def _title_words_only(self, ask: Ask, words: str, with_subdocs: bool) -> bool:
        """``words`` (the item words left) are none, or words of the titles of the documents in scope
        (and of the documents they print, ``with_subdocs``)."""
        titles = [self.res.docs[d].title for d in ask.doc_ids if d in self.res.docs]
        if with_subdocs:
            titles += [x.title for x in self.subdocs if x.doc_id in ask.doc_ids]
        return len(words) < 2 or coverage(words, "".join(titles)) >= TITLE_WORDS

    def unnamed_compilation(self, question: str, doc_id: str) -> bool:
        """``doc_id`` prints several documents (a gazette issue) and ``question`` names none of them by
        ``title_chars`` characters of its title ("温州市人民政府", 7, opens every title of the issue).

        Usage: ``docfacts.unnamed_compilation("温州政府公报有哪几部分？", "wz-gazette-2023-06")`` → True."""
        subs = [x for x in self.subdocs if x.doc_id == doc_id]
        q = re.sub(r"\s+", "", question)
        return len(subs) >= 2 and all(common_run(q, x.title) < self.config.title_chars for x in subs)

    def printed_named(self, question: str, doc_id: str) -> tuple[int, int] | None:
        """The lines (title to end) of the one document ``doc_id`` prints whose title ``question`` names by
        ``title_chars`` characters or more, more than any other's; None when it names none, or two alike.

        Usage: ``docfacts.printed_named("温州生态文明建设规划有哪些附表？", "wz-gazette-2023-06")`` → (178, 1296)."""
        subs = [x for x in self.subdocs if x.doc_id == doc_id]
        q = re.sub(r"\s+", "", question)
        scored = sorted(((common_run(q, x.title), x) for x in subs), key=lambda t: -t[0])
        if len(subs) < 2:
            return None
        if scored[0][0] >= self.config.title_chars:
            return None if scored[1][0] == scored[0][0] else (scored[0][1].title_line, scored[0][1].end_line)
        fits = kind_alone(q, subs)  # "温州规划有几个附表"
        return (fits[0].title_line, fits[0].end_line) if fits else None

    def named(self, ask: Ask) -> list[SubDocument]:
        """The sub-documents the question names (by 文号, or by title when it asks a document fact), or
        — a question of what one of them says ("…的决定废止了哪些文件") — the one whose title it writes
        nearly whole (``scope_title_chars`` in a run), or by its head and kind alone ("修改和废止的决定"):
        the compilation's text is read within it."""
        subs = self._named(ask)
        if subs:
            return subs
        if ask.query.preamble and (subs := self._titled(ask)):
            return subs  # "温州生态文明建设规划开头说了什么": that document's opening, not the compilation's cover
        q = re.sub(r"\s+", "", ask.question)
        scored = [(title_run(q, s.title), s) for s in self.subdocs if s.doc_id in ask.doc_ids]
        top = max((n for n, _ in scored), default=0)
        if top >= self.config.scope_title_chars:
            return [s for n, s in scored if n == top]
        return self._by_head_and_kind(ask)  # "修改和废止的决定修改了几件文件"

    def _by_head_and_kind(self, ask: Ask) -> list[SubDocument]:
        """The one document in scope whose title the question writes as its head and kind, as officials
        shorten it ("修改和废止的决定"); [] when none or several fit."""
        short = [s for s in self.subdocs if s.doc_id in ask.doc_ids and head_and_kind(ask.question, s.title) is not None]
        return short if len(short) == 1 else []

    def run(self, ask: Ask) -> Draft | None:
        if EARLIER_VERSION.search(ask.question):
            return None  # the facts of the documents printed here do not answer it (the text may)
        subs = self._named(ask)
        if subs and (DOC_Q.search(ask.question) or BASIS_Q.search(ask.question) or PERIOD_Q.search(ask.question)
                     or AUTHOR_Q.search(ask.question)
                     or STAGE_Q.search(ask.question) or not asks_content(ask.question)):
            return self._subdoc(ask, subs[0])
        if PAGE_Q.search(ask.question) and (d := self._page(ask)) is not None:
            return d
        if (MASTHEAD_Q.search(ask.question) or self._asks_masthead_label(ask)) and (d := self._masthead(ask)) is not None:
            return d
        if CONTENTS_Q.search(ask.question) and (d := self._contents(ask)) is not None:
            return d
        if ("doc_fact" in ask.query.intents or AUTHOR_Q.search(ask.question)) and self._about_documents(ask):
            return self._document(ask)
        return None

    def _page(self, ask: Ask) -> Draft | None:
        """The page a contents entry gives for what the question names ("…声环境功能区划分方案的通知在第几页"
        → "（65）"): the contents line ending in a page, with the title line above it when the entry
        runs over two lines, that shares the longest run of characters with the question (at least
        ``title_chars``)."""
        q = re.sub(r"\s+", "", ask.question)
        best: tuple[int, str, int, int, str, list[str]] | None = None
        for d in ask.doc_ids:
            lines, _ = self.res.store.doc_lines(d)
            for i, ln in enumerate(lines):
                m = TOC_PAGE.search(ln)
                if not m:
                    continue
                start = i - 1 if ln.strip().startswith(("（", "(")) and i > 0 and lines[i - 1].strip() else i
                entry = "".join(x.strip() for x in lines[start:i + 1])
                run = title_run(q, TOC.sub("", TOC_PAGE.sub("", entry)))
                if run >= self.config.title_chars and (best is None or run > best[0]):
                    best = (run, d, start + 1, i + 1, m.group(1), lines)
        if best is None:
            return None
        _, d, a, b, page, lines = best
        citer = Citer(self.res)
        meta = self.res.docs.get(d)
        quoted = "".join(x.strip() for x in lines[a - 1:b])
        n = citer.lines(d, a, b, "目录")
        return Draft(self.name, 1.0, f"根据{doc_label(meta) if meta else d}的目录：“{quoted}”[{n}]，即在第{page}页。",
                     citer.citations)

    def _contents(self, ask: Ask) -> Draft | None:
        """The documents a compilation in scope prints ("这期公报收录了哪些文件"), each with its 文号 and
        cited at its title and number lines, when the question names nothing but the compilation."""
        words = ISSUE_NO.sub("", CONTENTS_Q.sub("", ask.query.content))
        if not self._title_words_only(ask, re.sub(r"这?期|本期|部分|有|共|一共|总共", "", words), with_subdocs=False):
            return None
        citer = Citer(self.res)
        blocks = []
        for d in ask.doc_ids:
            subs = [x for x in self.subdocs if x.doc_id == d]
            if len(subs) < 2:
                continue  # not a compilation
            meta = self.res.docs.get(d)
            lines = [f"根据{doc_label(meta) if meta else d}，其中载有文号的文件共{len(subs)}项："]
            lines += [f"{k}. “{x.title}”（{x.number}）[{citer.lines(d, x.title_line, x.line, x.title)}]"
                      for k, x in enumerate(subs, 1)]
            blocks.append("\n".join(lines))
        return Draft(self.name, 1.0, "\n".join(blocks), citer.citations) if blocks else None

    def _document(self, ask: Ask) -> Draft:
        """文号 / date / addressees / effective date of whole documents, read from their own text; a
        document that does not state the field asked says so (and whether it is a draft)."""
        asked = [f for f, p in FIELDS if p.search(ask.question) and f != "title"] or ["number", "date"]
        citer = Citer(self.res)
        found, missing = [], []
        for d in ask.doc_ids:
            meta = self.res.docs.get(d)
            lines, _ = self.res.store.doc_lines(d)
            label = doc_label(meta) if meta else d
            parts = []
            subs = [x for x in self.subdocs if x.doc_id == d]
            for f in asked:
                if f == "number" and subs:  # a compilation: the documents it prints, each with its number
                    parts.append("所载文件" + "、".join(
                        f"“{x.title}”（{x.number}）[{citer.lines(d, x.title_line, x.line, x.title)}]" for x in subs))
                    continue
                hit, name = self._field(f, lines), FIELD_NAMES[f]
                if hit is None and f == "author" and (hit := self._field("drafter", lines)):
                    name = FIELD_NAMES["drafter"]  # no signature: who drafted it, said so
                if hit:
                    parts.append(f"{name}“{hit[1]}”[{citer.lines(d, hit[0], hit[0], '文件信息')}]")
                    if f == "status" and FORMAL_ASKED.search(ask.question) and (m := DRAFT_MARK.search(hit[1])):
                        parts[-1] += f"，即{m.group(0)}，并非正式印发的文件"  # the premise the text contradicts
                elif f == "status" and meta and not meta.is_draft and (t := self._title_line(meta.title, lines)):
                    # no stage marked: the heading says so by what it leaves out ("温州方案是征求意见稿吗？")
                    parts.append(f"标题“{lines[t - 1].strip()}”未标注征求意见稿等稿本字样[{citer.lines(d, t, t, '文件信息')}]，"
                                 f"文件库登记为{meta.status or '正式'}文本")
                else:
                    missing.append((label, f, meta))
            if parts:
                found.append(f"{label}：" + "；".join(parts) + "。")
        lines = []
        for label, f, meta in missing:
            draft = "（该文件为征求意见稿，尚未正式印发）" if meta and meta.status == "征求意见稿" else ""
            lines.append(f"{label}中未载{FIELD_NAMES[f]}{draft}")
        not_stated = "；".join(dict.fromkeys(lines)) + "。" if lines else ""
        if found:  # a document in scope that does not state the field says so beside the ones that do
            return Draft(self.name, 1.0, "\n".join(found + ([not_stated] if not_stated else [])), citer.citations)
        return Draft(self.name, 0.0, not_stated, [], refused=True)

    @staticmethod
    def _title_line(title: str, lines: list[str]) -> int | None:
        """The line (1-based) among a document's first lines that is its title, or None. A title the
        page prints over several lines ("温州市人民政府公报" / "2023" / "第 6 期") is found by its first
        word, when that is a name of its own (``MIN_TITLE_HEAD`` characters or more).

        >>> DocFactsAnswerer._title_line("温州市人民政府公报 2023年第6期", ["", "温州市人民政府公报", "2023"])
        2
        >>> DocFactsAnswerer._title_line("某某 2023年第6期", ["某某"]) is None
        True
        """
        want = re.sub(r"\s", "", title)
        head = re.split(r"\s+", title.strip())[0]
        heads = {want} | ({head} if len(head) >= MIN_TITLE_HEAD else set())
        return next((i + 1 for i, ln in enumerate(lines[:HEAD_LINES]) if want and re.sub(r"\s", "", ln) in heads), None)

    @staticmethod
    def _field(f: str, lines: list[str]) -> tuple[int, str] | None:
        """(line, text) of a whole document's field: the header's 文号 and addressees, its signature date."""
        head = [(i + 1, ln.strip()) for i, ln in enumerate(lines[:HEAD_LINES]) if ln.strip() and not TOC.search(ln)]
        if f == "status":
            return next(((i, t) for i, t in head[:10] if DRAFT_MARK.search(t)), None)
        if f == "number":
            return next(((i, DOC_NO.search(t).group(0)) for i, t in head if DOC_NO.search(t) and len(t) <= 30), None)
        if f == "addressees":
            return next(((i, m.group(1)) for i, t in head[:20] if (m := ADDRESSEE_LINE.match(t)) and len(t) <= 60), None)
        if f == "date":
            tail = [(i + 1, ln.strip()) for i, ln in enumerate(lines) if ln.strip()][-60:]
            return next(((i, m.group(1)) for i, t in head + tail if (m := DATE_LINE.match(t))), None)
        if f == "effective":
            return next(((i + 1, m.group(0)) for i, ln in enumerate(lines) if (m := EFFECTIVE.search(ln))), None)
        if f == "author":  # the signature above the closing date
            date = DocFactsAnswerer._field("date", lines)
            if date and (sig := issuer_above(lines, date[0])):
                return sig
        if f == "drafter":
            return drafting_line(lines, 0, len(lines))
        return None

    def _subdoc(self, ask: Ask, sd: SubDocument) -> Draft | None:
        asked = [f for f, p in FIELDS if p.search(ask.question)] or ["title", "number", "date", "addressees"]
        if "period" in asked and "date" in asked and not DATE_ASKED.search(ask.question):
            asked.remove("date")  # "到哪一年": the year the plan runs to, not the day it was signed
        if "title" in asked and sd.number not in re.sub(r"\s+", "", ask.question):
            asked.remove("title")  # "是什么" after a title already names it
            asked = asked or ["number", "date", "addressees"]
        citer = Citer(self.res)
        meta = self.res.docs.get(sd.doc_id)
        where = f"{doc_label(meta) if meta else sd.doc_id}所载"
        n_head = citer.lines(sd.doc_id, sd.title_line, sd.line, sd.title)
        parts = [f"“{sd.title}”（{sd.number}）[{n_head}]"]
        for f in asked:
            if f == "date":
                parts.append(f"落款日期为{sd.date}[{citer.lines(sd.doc_id, sd.date_line, sd.date_line, sd.title)}]"
                             if sd.date else "原文未载落款日期")
            elif f == "addressees":
                parts.append(f"主送{sd.addressees}[{citer.lines(sd.doc_id, sd.addressee_line, sd.addressee_line, sd.title)}]"
                             if sd.addressees else "原文未载主送单位")
            elif f == "period":
                lines, _ = self.res.store.doc_lines(sd.doc_id)
                hit = next(((j + 1, m.group(0)) for j in range(sd.line, sd.end_line) if (m := PERIOD_LINE.search(lines[j]))), None)
                if hit:
                    parts.append(f"原文：“{hit[1]}”[{citer.lines(sd.doc_id, hit[0], hit[0], sd.title)}]")
                elif m := TITLE_PERIOD.search(sd.title):
                    parts.append(f"标题注明{m.group(0)}")
                else:
                    parts.append("原文未载规划期限")
            elif f == "basis":
                lines, _ = self.res.store.doc_lines(sd.doc_id)
                hit = next(((j + 1, m.group(0)) for j in range(sd.line, min(sd.end_line, sd.line + 30))
                            if (m := BASIS.search(lines[j]))), None)
                parts.append(f"原文：“{hit[1]}”[{citer.lines(sd.doc_id, hit[0], hit[0], sd.title)}]"
                             if hit else "原文未载制定依据")
            elif f == "status":  # "…规划是征求意见稿吗": the stage its own title marks, or that it marks none
                m = DRAFT_MARK.search(sd.title)
                parts.append(f"标题标注“{m.group(0)}”" if m else "标题未标注征求意见稿等稿本字样")
            elif f == "author":  # the issuer signing it, else the one its title names ("温州市人民政府办公室关于印发…")
                lines, _ = self.res.store.doc_lines(sd.doc_id)
                if sd.date_line and (sig := issuer_above(lines, sd.date_line)):
                    parts.append(f"发文机关为{sig[1]}（落款）[{citer.lines(sd.doc_id, sig[0], sig[0], sd.title)}]")
                elif m := re.match(r"(.{4,30}?)关于", sd.title):
                    parts.append(f"标题载明发文机关为{m.group(1)}")
                else:
                    parts.append("原文未载发文机关")
            elif f == "drafter":  # a sentence of its own telling who drafted it; the issuer signing is not that
                lines, _ = self.res.store.doc_lines(sd.doc_id)
                if hit := drafting_line(lines, sd.line, sd.end_line or len(lines)):
                    parts.append(f"原文：“{hit[1]}”[{citer.lines(sd.doc_id, hit[0], hit[0], sd.title)}]")
                elif asked == ["drafter"]:
                    return Draft(self.name, 0.0, f"{where}“{sd.title}”（{sd.number}）未载编制单位。", [], refused=True)
                else:
                    parts.append("原文未载编制单位")
            elif f == "effective":
                parts.append(f"原文：“{sd.effective}”[{citer.lines(sd.doc_id, sd.effective_line, sd.effective_line, sd.title)}]"
                             if sd.effective else "原文未载施行日期")
        text = where + parts[0] + ("：" + "；".join(parts[1:]) if len(parts) > 1 else "") + "。"
        return Draft(self.name, 1.0, text, citer.citations)

    def _masthead(self, ask: Ask) -> Draft | None:
        citer = Citer(self.res)
        out = []
        for d in ask.doc_ids:
            hits = [(label, value, line) for label, value, line in self.masthead.get(d, [])
                    if label[:2] in ask.question or (label == "期号" and re.search(r"第几期|哪一期|期号", ask.question))]
            if not hits:
                continue
            meta = self.res.docs.get(d)
            facts = "；".join(f"“{label}：{value}”[{citer.lines(d, line, line, '文件信息')}]" if label != "期号"
                             else f"“{value}”[{citer.lines(d, line, line, '文件信息')}]" for label, value, line in hits[:3])
            out.append(f"{doc_label(meta) if meta else d}：{facts}。")
        if not out:
            return None
        return Draft(self.name, 1.0, "\n".join(out), citer.citations)
