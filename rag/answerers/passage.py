"""Answers from prose: the sentence that holds what the question asks, quoted verbatim.

The question's item words find sentences (``rag.sentences``); a sentence answers only if it holds
the kind of value asked (a number for 多少, a year for 什么时候 — ``rag.answer_type``) and, when the
question names a year, speaks of that year. The best sentence of each document within ``margin`` of
the best is quoted (cut to the clauses around the best-matching one when long), naming the document
and section, with the citation of exactly its lines.

Usage::

    pa = PassageAnswerer(res, SentenceIndex.build(res))
    draft = pa.run(Ask("台州城区再生水利用率目标多少？", query, ["tz-pilot"]))
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from ingest.structure import LEAD_IN_END, is_list_item
from ingest.values import numeral_value

from ..answer_type import VENUE_Q, VENUE_STATED, CONFIRMATION, claimed_word_counts, base_year_asked, doc_number_keys, writes_base_year, GOAL_Q, LISTING_Q, NUMBER_VALUE, counts_a_longer_term, counts_it, DAY_WORDS, PLACE_Q, PERSON, QUESTION_CHARS, asked_act, asked_class, class_verb, listed_class, asked_count, asks_a_count, counts_in_measure_asked, asked_kind, asked_place_kind, asked_role, counted_noun, asked_unit, expected_type, states_count_asked, named_days, named_months, satisfies, states_headcount_asked, states_target_only
from ..compose import Citer, doc_label, focus
from ..question import place_names
from ..retrievers import across_parts, apart_where_asked, bigrams, common_run, coverage, flat, without_runs, word_bigrams
from ..sentences import BY_YEAR, SERIES_END, SPEAKER, Sentence, SentenceIndex, opening_ids
from ..unknown_words import CODE
from .base import Answerer, Ask, Draft
from .section import heading_words


#: a clause taking a post away ("免去其温州市医疗保障局副局长职务", "不再担任…"): it says who left the
#: post, not who holds it; it answers only a question asking about a removal (REMOVAL_ASKED)
REMOVAL = re.compile(r"免去[^，；。]*职务|免职|不再担任|辞去[^，；。]*职务")
#: what an act dealt with is asked ("研究了什么", "审议了哪些"): only a sentence writing that act says it
OBJECT_ACT = re.compile(r"(研究|审议|部署|讨论|听取|通过|议定)了?(?:什么|哪些|哪几)")
#: several things asked ("哪些压力", "哪几个到位"): a series of sentences of one paragraph may answer
SEVERAL_Q = re.compile(r"哪些|哪几")
#: a governing body or a people's organisation by its level ("向市委、市政府报告", "联合市工商联制定"):
#: who acts or receives, though no list names it as a department (not "市委托")
#: — counted only as the doer (or receiver) of the very act asked, written right after it ("由温州市政府颁布实施"
#: does not say who 编制s the plan)
ORGAN = re.compile(r"(?:省|市|县|区)(?:委(?!托)|政府|人大|政协|工商联|总工会|妇联|科协|团委|侨联|残联)|党委|人民政府")
#: the act a who-question asks the doer of ("向谁报告", "联合谁制定的", "哪家单位编制的" → 报告, 制定, 编制)
WHO_ACT = re.compile(r"(?:谁|哪家单位|哪个单位|哪个部门|哪些单位|哪些部门)(?:来|去|负责)?([\u4e00-\u9fff]{2})")
#: the verb whose object is asked ("温州推广什么…要求" → 推广): two characters right before 什么, no copula,
#: modal or particle among them ("要求是什么", "有什么": no verb of its own)
VERB_WHAT = re.compile(r"([\u4e00-\u9fff]{2})(?=什么)")
NOT_VERB = re.compile(r"[是有为的了要些么]")
#: how often, as questions say it, and the forms texts write it in ("每年明确…清单" → "分年度…明确年度任务清单")
FREQUENCY_FORMS = {"每年": ("年度", "每年", "逐年"), "每月": ("月度", "每月", "逐月"), "每季度": ("季度", "每季度")}
#: the kind of body a who-question asks by ("由哪些机构建立…", "哪些银行…"): a sentence naming bodies of that
#: kind ("支持开发性金融机构、政策性银行以及商业银行建立…") names who acts, though no list names them as departments
BODY_KIND = re.compile(r"机构|银行|企业|公司|协会|学会|组织|团体|高校|院所|医院|学校")
REMOVAL_ASKED = re.compile(r"免去|免职|被免|卸任|不再担任|辞去|离任|撤销")
#: what a wording was changed to is asked ("…的规定改成了什么", "修改为什么"): the answer is the text after
#: the sentence's "修改为" (a decision's list of amendments: "将三21中“…”修改为“…”"), quoted from there
CHANGED_TO_Q = re.compile(r"(?:修)?改(?:成|为|作)了?(?:什么|哪些|怎样|啥)|怎么改|如何修改")
NEW_WORDING = re.compile(r"修改为|改为")
#: a sentence naming the first of several things and counting the rest ("对《…》（温政办〔2021〕81号）等2件
#:行政规范性文件，予以废止"): the whole list is an annex's table, one row a line ("1《…》温政办〔2021〕81号")
COUNTED_REST = re.compile(r"等\s*(\d+|[两二三四五六七八九十])\s*(?:件|项|个|份|部)")
ROW_START = re.compile(r"^\d{1,3}(?![\d.．%月日年号个项件])\S")  # (not "6月18日，…", "3个…")
TABLE_HEADER = re.compile(r"^序号")  # the header row of such a table: no title
#: clause ends: a value belongs to the item words of its own clause
CLAUSE_CUT = re.compile(r"(?<=[，；。！？;])|(?<=,)(?!\d{3})")  # (half-width "," and ";" as PDF text writes them)


def best_clauses(sentence: str, content: str) -> list[str]:
    """The clauses of ``sentence`` tied for holding most of ``content``'s bigrams, in order
    ("推进开发区(园区)整合提升,全市开发区(园区)整合到14个左右": both).

    >>> best_clauses("完成国家下达的控制目标，非化石能源占比达到24%。", "国家下达控制指标")
    ['完成国家下达的控制目标，']
    >>> best_clauses("建成乐清市生活垃圾焚烧二期扩建项目,各县至少建成1座建筑垃圾处置设施", "乐清市生活垃圾焚烧")
    ['建成乐清市生活垃圾焚烧二期扩建项目,']
    >>> best_clauses("推进开发区(园区)整合提升,全市开发区(园区)整合到14个左右,力争6个以上", "开发区园区整合")
    ['推进开发区(园区)整合提升,', '全市开发区(园区)整合到14个左右,']
    """
    want = bigrams(content)
    cs = [c for c in CLAUSE_CUT.split(sentence) if c] or [sentence]
    best = max(len(want & bigrams(c)) for c in cs)
    return [c for c in cs if len(want & bigrams(c)) == best]


def item_spread(clause: str, sentence_pairs: set[str], measure: set[str], value_pairs: int) -> bool:
    """Whether the item's pairs stand apart in a sentence (its ``sentence_pairs``): ``clause`` (stating
    the value) holds fewer than ``value_pairs`` of them while the sentence holds more. A sentence
    sharing no pair with the item — another wording of it ("预算建设资金" for 总投资) — is not spread.

    >>> m = {"县级", "级试", "试点"}
    >>> item_spread("70%以上的县级机关建成节约型机关，", bigrams("推进生活试点，70%以上的县级机关建成节约型机关，"), m, 2)
    True
    >>> item_spread("建成2个低碳试点县级单位", bigrams("建成2个低碳试点县级单位"), m, 2), item_spread("约3010.39亿元", bigrams("预算资金约3010.39亿元"), {"总投", "投资"}, 2)
    (False, False)
    """
    held = len(bigrams(clause) & measure)
    return held < min(value_pairs, len(measure)) and len(sentence_pairs & measure) > held


def asks_a_list_role(ask: Ask) -> bool:
    """The question asks a list's lead or participants (the chain judges a passage for those)."""
    return bool(set(ask.query.intents) & {"lead", "participants"})


def holds_type(kind: str, s: Sentence) -> bool:
    """Whether sentence ``s`` can answer a question expecting ``kind``; a dated log's entry holds its
    day even where its text does not ("杭州亚运会温州赛事分指挥部会议是哪天开的" → the entry under 8日).

    >>> holds_type("time", Sentence("d", "△市长参加A会议。", ["6月份市政府记事"], 3, 3, "c", day="8日"))
    True
    >>> holds_type("time", Sentence("d", "△市长参加A会议。", ["记事"], 3, 3, "c"))
    False
    """
    return satisfies(kind, s.text) or kind == "time" and (bool(s.day) or bool(s.years))
    # (… or the year its paragraph sets: "到2025年，…。…建设40个省市减污降碳标杆项目。" answers "到哪年")


@dataclass(frozen=True)
class PassageConfig:
    accept: float = 0.6  # sentence coverage of the item words needed to answer (calibrated: evals/reports/calibration.md)
    margin: float = 0.1  # other documents' best sentences within this of the best are answered too
    max_docs: int = 3
    quote_chars: int = 150  # longer sentences are cut to the clauses around the best one
    list_quote_chars: int = 320  # ... for "哪些/哪几个" the answer is an enumeration: quoted up to this long
    min_content: int = 2  # item words shorter than this do not pick a sentence
    heading_chars: int = 30  # a sentence this short that is its section's heading is a title line, not evidence
    # a sentence writing this much of the item verbatim ("国际湿地城市") but not the value asked (no year)
    # states the item without the value; then a sentence sharing at most ``stray_run`` characters of it
    # ("三垟湿地城市客厅" in a cover caption) speaks of something else and does not answer
    scattered_run: int = 3  # ... when the best writes no more of the question than this in a row
    run_margin: float = 0.2  # a runner-up this close that writes an item_run of the question word for word goes first (calibrated on the dev set)
    item_run: int = 6
    stray_run: int = 4
    value_pairs: int = 2  # the clause stating the number holds this many of the item's pairs, when other clauses hold more ("县级…70%" … "试点": no 县级试点)
    measure_pairs: int = 3  # a clause stating a number answers when it holds this many of the item's pairs ("线路长约"); dev set: 2 and 3 answer alike, 4 loses the S2 line
    max_entries: int = 8  # a dated log's entries of the day asked, quoted together …
    entry_run: int = 3  # … those writing this many characters of the question verbatim (a name: "张振丰")
    # of a number's item words, those within this factor of the rarest's sentence count must stand in the
    # sentence; the tune part scores alike from 1.25 to 3.0 (evals/reports/calibration.md), and 3.0 — the
    # anchors' own factor — answered "垃圾焚烧飞灰的处置目标" from a sentence on 垃圾焚烧 alone
    item_rare_factor: float = 2.0
    # a class of answer asked ("利用哪些节日") written by at most this many sentences is one the texts name by
    # its members: dropped when no sentence answers with it (节日: 3 of ~2000, none answering; 改革: 50 — a class
    # the texts write, whose members stand beside it: "深化…改革" is not searched without it)
    rare_class: int = 5
    verb_margin: float = 0.05  # a runner-up this close writing the verb of "推广什么" goes before a best that does not (tune set: 0 leaves one wrong answer, 0.02–0.1 answer alike)

    def __post_init__(self) -> None:
        if not (0 < self.accept <= 1 and 0 <= self.margin < 1):
            raise ValueError("accept in (0, 1], margin in [0, 1)")
        if self.item_rare_factor < 1:
            raise ValueError("item_rare_factor >= 1")
        if self.max_docs < 1 or self.quote_chars < 20 or self.list_quote_chars < self.quote_chars:
            raise ValueError("max_docs >= 1, quote_chars >= 20, list_quote_chars >= quote_chars")
        if not (0 <= self.run_margin < 1 and self.scattered_run < self.item_run):
            raise ValueError("run_margin in [0, 1), scattered_run < item_run")


#: the item words a question adds to a run-in title it names whole, at least this many characters, for
#: the title's paragraph to be what answers ("…市场激励”里，市场要发挥什么作用": 发挥作用); fewer are particles
MIN_BEYOND_TITLE = 2
#: what a passage says is asked ("…讲了什么", "具体讲什么", "什么内容"): a paragraph's run-in title the
#: question names ("政府主导，市场激励讲了什么？") is answered with the paragraph it opens, not the title alone
SAYS_Q = re.compile(r"要求了?什么|(?:有|提出了?)(?:什么|哪些)要求|讲了?(?:些)?什么|讲的?是?(?:什么|啥)|说了?什么|写了?什么|什么内容|具体内容|具体讲"
                    # ... or what it has someone do ("“加强组织领导”要求各有关部门怎么做")
                    r"|怎么做|怎样做|如何做|要做(?:些)?什么")

#: the separators of a series' members (a sentence the index cut at "；" is ``SERIES_END``)
SERIES_SEP = re.compile(r"[、；;]")


class PassageAnswerer(Answerer):
    """Quotes the sentence that answers the question."""

    name = "passage"

    def __init__(self, res: object, index: SentenceIndex, config: PassageConfig | None = None,
                 words: Callable[[str], list[str]] | None = None, unit_names: Sequence[str] = (),
                 people: Sequence[str] = (), document_numbers: Collection[str] = ()) -> None:
        """``unit_names``: the departments' names and forms a sentence can name (three characters or
        more: "市生态环境局", never a bare "市"); ``people``: the names of the people the documents name;
        ``document_numbers``: the numbers naming documents of the corpus (``header_numbers``, as flat
        tails) — a question naming one asks of that document, whose sentences need not repeat it."""
        if index is None:
            raise ValueError("a SentenceIndex is required")
        if any(len(n) < 3 for n in unit_names):
            raise ValueError("unit names have three characters or more")
        self.res = res
        self.index = index
        self.openings = opening_ids(index.sentences)  # (computed once: what "…开头说…" reads)
        self.unit_names = sorted(unit_names)
        self.people = sorted(p for p in people if len(p) >= 2)
        self.config = config or PassageConfig()
        self.document_numbers = frozenset(document_numbers)
        self.words = words or (lambda text: [text[i:i + 2] for i in range(len(text) - 1)])
        self.forms_of: dict[str, list[str]] = {}  # department key → the names it is written as
        for form, key in getattr(res, "unit_forms", {}).items():
            self.forms_of.setdefault(key, []).append(form)

    def candidates(self, ask: Ask, claimed_day: bool = False) -> list[tuple[float, Sentence]]:
        """Sentences that can answer, best first; with ``claimed_day``, a day (and the people) the
        question names are a claim to check, not the day asked ("…是6月6日开的吧？" → the entry, under
        its own day; "王振勇6月8日参加的是国家海洋日活动吧？" → the entry of who attended it, when).

        A rare class of answer asked ("利用哪些节日…") is an item word only while a sentence writes it: when
        none answers with it, the sentences answering without it are searched ("利用六五环境日、全国生态日…
        开展宣传教育" names the days, not the word 节日, which a few unrelated sentences hold)."""
        out = self._candidates(ask, claimed_day, keep_class=True)
        if not out and (cls := asked_class(ask.question)) and self.index.idf.df.get(cls, 0) <= self.config.rare_class:
            out = self._candidates(ask, claimed_day, keep_class=False)
            if (verb := class_verb(ask.question)) and verb in self.words(ask.query.prose or ask.query.content):
                out = [(sc, s) for sc, s in out if verb in s.text]  # ... doing what is asked with them ("利用")
        q = ask.query
        if not out and (spoken := next((w for w in FREQUENCY_FORMS if w in (q.prose or q.content)), None)):
            # "每年明确哪几张清单": the text writes the frequency its own way ("分年度…明确年度任务清单"); only a
            # sentence writing one of those forms answers without the spoken word
            plain = replace(q, content=q.content.replace(spoken, ""), prose=(q.prose or "").replace(spoken, ""))
            out = [(sc, s) for sc, s in self._candidates(replace(ask, query=plain), claimed_day, keep_class=True)
                   if any(f in s.text for f in FREQUENCY_FORMS[spoken])]
        return out

    def _candidates(self, ask: Ask, claimed_day: bool, keep_class: bool) -> list[tuple[float, Sentence]]:
        q = ask.query
        content = QUESTION_CHARS.sub("", q.prose or q.content)
        for place in ask.must_mention:  # the place is checked below; the rest of the item must match
            content = content.replace(place, "")
        unit = asked_unit(ask.question)  # stated by the sentence (checked below), not an item word
        act = asked_act(ask.question)
        if act:  # "调度会由谁主持": the doer may stand in the next sentence (``with_agent``)
            content = content.replace(act, "")
        if (place_kind := asked_place_kind(ask.question)) and len(content.replace(place_kind, "", 1)) >= self.config.min_content:
            content = content.replace(place_kind, "", 1)  # "哪些县市区的…": the kind of answer, no item word
        if ((cls := asked_class(ask.question)) and (not keep_class or not self.index.idf.df.get(cls)) and cls in self.words(content)
                and len(content.replace(cls, "", 1)) >= self.config.min_content):
            # "利用哪些日子…": a class of answer no text writes, no item word (a word of its own: not the
            # "来分" of "制定什么来分解")
            content = content.replace(cls, "", 1)
        if CONFIRMATION.search(ask.question):
            for claimed in claimed_word_counts(ask.question):  # "有六大海湾…吧": checked, not searched by
                content = content.replace(claimed, "", 1)
        kind = expected_type(ask.question)
        if kind == "number" and (len(content) < self.config.min_content or self.index.idf.generic(content)):
            content += counted_noun(ask.question)  # "共提出多少项具体工作任务": what is counted names the item
        if q.preamble and len(content) < self.config.min_content:
            return self.opening(ask)  # "方案开头说了什么": what the opening says, no item words needed
        if len(content) < self.config.min_content or self.index.idf.generic(content):
            return []  # no item words, or only words most sentences hold ("重点"): no sentence is picked by them
        months = named_months(ask.question)
        days = [] if claimed_day else named_days(ask.question)
        # people asked about ("程鸿伟被任命为…了吗"); in a claim checked, who is claimed is part of the claim
        named = [] if claimed_day else self.people_in(ask.question)
        role = asked_role(ask.question)
        place_asked = bool(PLACE_Q.search(ask.question))
        claimed_year = bool(CONFIRMATION.search(ask.question))
        lead_asked = asks_a_list_role(ask)
        removal_asked = bool(REMOVAL_ASKED.search(ask.question))
        out: list[tuple[float, Sentence]] = []
        contextual: list[tuple[float, Sentence]] = []  # of the year asked by their paragraph only (``context_year``)
        words = self.words(apart_where_asked(content, ask.question))
        counted = counted_noun(ask.question)  # the thing a count asks of ("几个无废城市" → 无废城市)
        count_asked = asks_a_count(ask.question)
        kind_word = asked_kind(ask.question)  # ("坚持什么做法": 做法 is rare, yet no sentence need write it)
        seams = across_parts(words)  # (工行 in 化工行业: no word of the item)
        anchors = self.index.idf.anchors([w for w in words if not (unit and w in unit) and w != kind_word and w not in seams])
        item = self.index.idf.item_anchors(anchors, words, unit) if kind == "number" else set()
        if item:  # a number's item is named by its rarest words: a sentence holding only a commoner one
            # ("垃圾焚烧" for 垃圾焚烧飞灰) speaks of another item
            low = min(self.index.idf.df.get(w, 0) for w in item)
            item = {w for w in item if self.index.idf.df.get(w, 0) <= self.config.item_rare_factor * low}
        wgrams = word_bigrams(words)
        unit_forms = [self.forms_of.get(k, [k]) for k in q.units]
        codes = {flat(c) for c in CODE.findall(ask.question)}  # the Latin-letter codes the question names (S3, VOCs)
        # the document numbers it names (温政办〔2021〕73号) — not one naming a document of the corpus, whose
        # sentences need not repeat it ("温政发〔2023〕18号修改了几件": the printed document asked of)
        numbers = [] if ask.lines else [n for n in doc_number_keys(ask.question) if n not in self.document_numbers]
        stated_without_value = 0  # the longest item run of a sentence lacking the value asked
        stated_where: set[tuple[str, tuple[str, ...]]] = set()  # (document, section) of such sentences
        measure = bigrams(content) - bigrams(unit or "")  # the item's pairs, the asked unit's aside
        pair_words = [flat(w) for w in words if len(w) >= 2 and not (unit and w in unit)]  # (flat: PM2.5 is PM_{2.5})
        # a place asked about is searched with the item ("台州化工…等行业" for 台州化工行业: the item's words
        # apart around it); the rest of the item must still match on its own (checked below)
        searched = "".join(ask.must_mention) + content if ask.must_mention else content
        for score, s in self.accepted(searched, ask.doc_ids, 40 if not q.preamble else len(self.index.sentences),
                                      None if ask.must_mention else wgrams):
            if s.section and len(s.text) <= self.config.heading_chars and heading_words(s.text) == heading_words(s.section[-1]):
                continue  # the heading's own line ("四、规划期限") names the item and says nothing of it
                # (a long numbered sentence the parser took for a heading still says something)
            if q.preamble and s.id not in self.openings:
                continue  # asked of the opening ("方案开头说…"): a sentence under a numbered heading is not there
            s = self.with_lead_in(s)
            own = bigrams(s.text)
            if anchors and not anchors & self.index.grams[s.id]:
                continue  # the sentence (and its heading) lacks the rarest words of the item ("治水" in 治水办主任)
            if item and not item & self.index.grams[s.id]:
                continue  # ... or holds only what is measured ("装机"), not the item (沼气发电装机)
            in_context = bool(q.years) and not s.years and s.context_year in q.years
            if q.years and not set(q.years) & set(s.years) and not (
                    claimed_year and common_run(content, flat(s.text)) >= self.config.item_run) and not in_context:
                continue  # the year asked must be the year the sentence speaks of (a year claimed — "2030年前
                #完成…吧？" — is checked against the sentence writing the item, whatever its year)
            if months and not any(m in re.sub(r"\s", "", s.text + "".join(s.section)) for m in months):
                continue  # ... and the month it names ("6月份的…"), in the sentence or its heading
            if days and s.day and s.day not in days:
                continue  # a dated log's entry of another day ("6月12日…参加了哪些" → the 12日 entries)
            if kind == "number" and (counted or count_asked) and (
                    not NUMBER_VALUE.search(s.text) or counts_a_longer_term(s.text, ask.question)):
                continue  # "几个无废城市", "…工程有几个": a count, not "全覆盖", and not of a longer term ("1000个“无废城市细胞”")
            if kind == "number" and count_asked and not counts_in_measure_asked(s.text, ask.question):
                continue  # "分几批": a sentence counting 项 does not say in how many batches
            if states_target_only(ask.question, s.text):
                continue  # "…现状是多少": a sentence setting a year's target states no current value
            if not states_headcount_asked(ask.question, s.text):
                continue  # "有多少工作人员": a sentence stating no count of people
            if not holds_type(kind, s) or unit and unit not in s.text.replace(" ", ""):
                run = common_run(content, flat(s.text))
                stated_without_value = max(stated_without_value, run)
                if run >= self.config.item_run:
                    stated_where.add((s.doc_id, tuple(s.section)))
                continue
            if place_asked and not place_names().search(s.text + s.lead):
                continue  # "先在哪个县试点": a sentence naming no place does not say where
            if role and role not in s.text:
                continue  # "主任是谁": a sentence naming no 主任 does not say who holds the post
            if kind == "who" and not lead_asked and not (self.names_agent(s.text + s.lead, ask.question) or (
                    (nxt := self._next_in_paragraph(s)) is not None and self.names_agent(nxt.text, ask.question))):
                continue  # "编制单位是谁": a sentence naming no one (nor the next one) does not say who
                # (a list's lead asked is the chain's to judge: the text of another document may answer)
            if (act := OBJECT_ACT.search(ask.question)) and act.group(1) not in s.text:
                continue  # "会议研究了什么": an entry saying who attended does not say what it studied
            if (kind == "number" and len(pair_words) == 2 and own & measure
                    and not all(w in flat(s.text + s.lead + "".join(s.section[-1:])) for w in pair_words)):
                continue  # an item of two words, one missing ("县级试点" → "3个县级以上…监测站"): another item
            if kind == "number" and not any(satisfies(kind, c) and not item_spread(c, own, measure, self.config.value_pairs)
                                            for c in best_clauses(s.text, content)) and not any(
                    satisfies(kind, c) and len(bigrams(c) & measure) >= self.config.measure_pairs
                    for c in CLAUSE_CUT.split(s.text)) and not states_count_asked(s.text, ask.question):
                continue  # the number stands by another item ("完成国家下达的控制目标，非化石能源…24%"), unless
                # its clause names what is measured ("S2线一期工程:线路起于…,线路长约63.6公里")
            if named and not any(p in s.text for p in named) and any(p in s.text for p in self.people):
                continue  # a sentence naming others, none of the people asked about, is about someone else
            if not removal_asked and not named and all(REMOVAL.search(c) for c in best_clauses(s.text, content)):
                continue  # "谁任…副局长": the item stands only where someone is removed from it
            if ask.lines and not (s.doc_id == ask.lines[0] and ask.lines[1] <= s.start_line <= ask.lines[2]):
                continue  # the question asks within one document of a compilation
            if codes and CODE.search(s.text) and not any(c in flat(s.text) for c in codes):
                continue  # "S3线…设站多少座": a sentence on another coded item ("M2线…设站23座"), the S3 line only in its heading
            if numbers and not any(n in flat(s.text) for n in numbers):
                continue  # "温政办〔2021〕73号改了什么": a sentence not writing that number is about another document
            if not all(any(f in s.text for f in forms) for forms in unit_forms):
                continue  # a department the question names must stand in the sentence
            if ask.must_mention and not (any(p in (where := s.text + s.lead + "".join(s.section[-1:])) for p in ask.must_mention)
                                         and self.index.idf.coverage_either(content, where, bigrams(where), wgrams) >= self.config.accept):
                continue  # a place asked about: a sentence naming it (or under a heading or row label naming
                # it: "华能瑞安1号…项目" / "本项目主要建设30万千瓦…") and the item speaks of it
            (contextual if in_context else out).append((score, s))
        # a sentence of the year its paragraph set before it answers only when none naming the year does
        out = out or contextual
        if kind == "time" and any(satisfies(kind, s.text) for _, s in out):
            out = [(sc, s) for sc, s in out if satisfies(kind, s.text)]  # a date written out before a log's day stamp
        if stated_without_value >= self.config.item_run:
            # the item is stated, the value asked is not: a sentence merely sharing a few of its
            # characters is about something else ("哪一年建成国际湿地城市" → a photo caption's 2023)
            # ... but a sentence of the very section stating it is about it ("规划重点工程清单见附表1和2" beside
            # "…49项重点工程,预算建设资金约3010.39亿元" under 一、工程内容与投资估算)
            def within(s: Sentence) -> bool:  # the same section, or one a level above or below it (a table's caption)
                own = tuple(s.section)
                return bool(own) and any(d == s.doc_id and abs(len(sec) - len(own)) <= 1
                                         and sec[:min(len(sec), len(own))] == own[:min(len(sec), len(own))]
                                         for d, sec in stated_where)
            out = [(sc, s) for sc, s in out if common_run(content, flat(s.text)) > self.config.stray_run or within(s)]
        base = base_year_asked(ask.question)
        if base and any(writes_base_year(flat(s.text), base) for _, s in out):
            # "较2015年下降了多少", "跟2015年比降了多少": the change from that year, which the sentence writing
            # it states ("较2015年大幅下降43.4%"), not a level of the year asked ("2020年…25微克/立方米")
            out = [(sc, s) for sc, s in out if writes_base_year(flat(s.text), base)]
        if counted and (of_it := [(sc, s) for sc, s in out if counts_it(s.text, counted)]):
            # "附件有多少项任务清单": the sentence writing a count of that very thing ("47 项任务清单"), not
            # one counting other things near the words ("共十章节…三部分及附件")
            out = of_it
        size = asked_count(ask.question, with_noun=True)
        if size and any(any(x in s.text for x in size) for _, s in out):
            # "以哪4个指标为核心": the sentence stating an enumeration of that size of those things
            # ("4个指标") is the answer, not one that only names the plan ("研究制定《…方案》"); a bare
            # count ("六个") is not enough — "六个领域" is not the "六个治理" asked
            out = [(sc, s) for sc, s in out if any(x in s.text for x in size)]
        # on a tie: the sentence that also holds the item's words as written, joined (jieba splits
        # 水环境 → 水 / 环境, and "环境治理" alone then covers the words), then the one whose own words,
        # not its heading's, hold more ("规划期限为2021—2030年" before "基准年为2020年" under 四、规划期限)
        # ... and, for "哪几条/哪些", the one stating a series ("基本原则为A；B；C。") before one that only
        # names the item ("明确基本原则和主要目标。")
        idf = self.index.idf
        if kind == "name":
            out = [(sc, self.with_series(s)) for sc, s in out]
        # ... and, for "…的目标是什么", the one stating a value ("规划至2030年…达到径流总量控制75%") before the
        # paragraph's opening words that only name the item ("积极推进海绵城市建设。")
        goal = bool(GOAL_Q.search(ask.question))
        venue = bool(VENUE_Q.search(ask.question))  # ... and, for "在哪举办", the one stating where (VENUE_STATED)
        out = sorted(out, key=lambda x: (-x[0], -(venue and bool(VENUE_STATED.search(x[1].text))),
                                         -(goal and bool(NUMBER_VALUE.search(x[1].text) or x[1].years)),
                                         -idf.coverage(content, x[1].text, self.index.grams[x[1].id]),
                                         -idf.coverage_either(content, x[1].text, None, wgrams),
                                         -len(SERIES_SEP.findall(x[1].text)) if kind == "name" else 0))
        listed = listed_class(ask.question)
        if kind == "name" and LISTING_Q.search(ask.question) and (enum := [
                (sc, s) for sc, s in out if counts_it(s.text, content) or listed and counts_it(s.text, listed)]):
            # "台州的美丽海湾有哪几个": a sentence as close enumerating them ("台州湾、大陈岛诸湾和温岭东部诸湾3个
            # 美丽海湾") before one that only names the item ("打造…的“美丽海湾”"); "围绕哪几个领域…": the one
            # counting the class listed ("…生态文化六个领域"), not another 围绕 sentence
            top = out[0][0]
            enum = [(top, s) for sc, s in enum if sc >= top - self.config.run_margin]
            out = enum + [x for x in out if x[1].id not in {s.id for _, s in enum}]
        return self.verbatim_first(self.verb_first(out, ask.question), content)

    def verb_first(self, ranked: list[tuple[float, Sentence]], question: str) -> list[tuple[float, Sentence]]:
        """A runner-up within ``verb_margin`` writing the verb whose object is asked goes before a best
        that does not write it: "温州推广什么农业标准化生产要求" is answered by "推广“一品一导则、一场一标准”，
        创建标准化生产基地", not by "建设渔业标准化…示范基地" (closer in words, but nothing it 推广s)."""
        m = VERB_WHAT.search(question)
        if not ranked or not m or NOT_VERB.search(m.group(1)) or m.group(1) in ranked[0][1].text:
            return ranked
        top = ranked[0][0]
        for i, (sc, s) in enumerate(ranked[1:], 1):
            if top - sc > self.config.verb_margin:
                break
            if m.group(1) in s.text:
                return [(top, s)] + ranked[:i] + ranked[i + 1:]
        return ranked

    def verbatim_first(self, ranked: list[tuple[float, Sentence]], content: str) -> list[tuple[float, Sentence]]:
        """Within one section, a close runner-up writing a stretch of the question word for word
        ("深化…行政执法改革": "行政执法改革") goes before a best sentence sharing only scattered words
        with it (the speaker, 改革 elsewhere): the best writes no more than ``scattered_run`` characters
        of the question in a row, the runner-up (within ``run_margin``) ``item_run`` or more."""
        if len(ranked) < 2:
            return ranked
        top, first = ranked[0]
        if common_run(content, flat(first.text)) > self.config.scattered_run:
            return ranked

        def run(s: Sentence) -> int:  # the words naming its section or news item are not what it says
            heading = flat(s.title + "".join(s.section[-1:]))
            own = flat(s.text).replace(flat(s.title), "") if s.title else flat(s.text)
            return common_run(without_runs(flat(content), heading), own) if len(own) > self.config.item_run else 0

        same = [i for i, (sc, s) in enumerate(ranked[1:], 1)
                if sc >= top - self.config.run_margin and s.doc_id == first.doc_id and s.section == first.section
                and s.title == first.title]
        best = max(same, key=lambda i: run(ranked[i][1]), default=0)
        if not best or run(ranked[best][1]) < self.config.item_run:
            return ranked
        return [(top, ranked[best][1])] + ranked[:best] + ranked[best + 1:]

    def opening(self, ask: Ask) -> list[tuple[float, Sentence]]:
        """The first sentence saying something in each document's opening (:func:`opening_ids`; no title,
        heading line or annex mark standing alone) — within the printed document the question names (``ask.lines``) —
        scored 1.0: what "…开头说了什么" asks."""
        first: dict[str, Sentence] = {}
        for s in self.index.sentences:
            if ask.lines and not (s.doc_id == ask.lines[0] and ask.lines[1] <= s.start_line <= ask.lines[2]):
                continue
            if (s.doc_id in ask.doc_ids and s.doc_id not in first and s.id in self.openings
                    and len(s.text) > self.config.heading_chars
                    and not (s.section and heading_words(s.text) == heading_words(s.section[-1]))):
                first[s.doc_id] = s
        return [(1.0, first[d]) for d in ask.doc_ids if d in first]

    def accepted(self, text: str, doc_ids: Sequence[str], k: int, wgrams: set[str] | None = None) -> list[tuple[float, Sentence]]:
        """The ``k`` best sentences of ``doc_ids`` covering ``text``'s words at least ``accept`` (its words'
        bigrams, :func:`word_bigrams`, unless given)."""
        if wgrams is None:
            wgrams = word_bigrams(self.words(text))
        return self.index.search(text, doc_ids, k=k, min_score=self.config.accept, word_grams=wgrams)

    def within_item(self, ask: Ask) -> list[tuple[float, Sentence]]:
        """A follow-up pointing at the item just talked of ("这条还要建设什么样的再生水厂？" after "…全域
        创建节水型社会是哪一条讲的？") when no one sentence holds the item's words and its own: the sentences
        answering its own words in the paragraphs (document and section) whose sentences state the item."""
        q = ask.query
        if not (q.followup and q.own and q.prose.endswith(q.own)):
            return []
        item = QUESTION_CHARS.sub("", q.prose[: -len(q.own)])
        if len(item) < self.config.min_content:
            return []
        where = {(s.doc_id, tuple(s.section)) for _, s in self.accepted(item, ask.doc_ids, 10) if s.section}
        if not where:
            return []
        own = replace(ask, question=q.text, query=replace(q, content=q.own, prose=q.own, followup=False))
        return [(sc, s) for sc, s in self.candidates(own) if (s.doc_id, tuple(s.section)) in where]

    def run(self, ask: Ask) -> Draft | None:
        cands = self.candidates(ask) or self.only_line_of_person(ask) or self.within_item(ask)
        if not cands and CONFIRMATION.search(ask.question) and named_days(ask.question):
            cands = self.candidates(ask, claimed_day=True)  # no entry that day: the day the documents give
        if not cands:
            return None
        top = cands[0][0]
        kind = expected_type(ask.question)
        if kind == "name":
            # "修改了哪些文件": of sentences tied at the top, the one counting them ("…等5件…予以修改") whose
            # table lists that many goes first — it names them all, one row names one
            item = ask.query.prose or ask.query.content
            counting = next((k for k, (sc, s) in enumerate(cands) if sc >= top - 1e-9 and COUNTED_REST.search(s.text)
                             and self.annex_rows(s, item)), None)
            if counting:
                cands = [cands[counting]] + cands[:counting] + cands[counting + 1:]
        best: dict[str, tuple[float, Sentence]] = {}
        for score, s in cands:
            if score >= top - self.config.margin and s.doc_id not in best:
                best[s.doc_id] = (score, s)
        picked = sorted(best.values(), key=lambda x: -x[0])[: self.config.max_docs]
        # "温州和台州分别…": each place named is answered from its own best sentence, added after the best
        # one's own reading below (a series of its paragraph, an annex), and read alike
        regions = self.regions_compared(ask)
        extra: list[tuple[float, Sentence]] = []
        for sc, s in cands:
            if regions.get(s.doc_id) not in {regions.get(p.doc_id) for _, p in picked + extra}:
                extra.append((sc, s))
        unanswered = sorted(set(regions.values()) - {regions.get(s.doc_id) for _, s in picked + extra})
        first = picked[0][1]
        several = kind == "name" and bool(SEVERAL_Q.search(ask.question))  # "哪些…": a series may answer
        series_content = QUESTION_CHARS.sub("", ask.query.prose or ask.query.content)
        if first.day and first.day in named_days(ask.question) and kind in ("name", "what"):
            # "6月12日张振丰参加了哪些活动": every entry of that day writing what the best one shares
            # with the question ("张振丰"; the day itself aside), in order
            content = DAY_WORDS.sub("", flat(ask.query.prose or ask.query.content))
            day = [s for s in self.index.sentences if s.doc_id == first.doc_id and s.section == first.section
                   and s.day == first.day]
            same = [s for s in day if common_run(content, flat(DAY_WORDS.sub("", s.text))) >= self.config.entry_run]
            # "李无文和章月影一起参加了什么": the entries naming everyone asked, when some do (a follow-up
            # naming only the day, "29日呢？", asks of the people the earlier turn named)
            named = self.people_in(ask.question)
            same = [s for s in (same or day) if named and all(p in s.text for p in named)] or same
            picked = [(top, s) for s in same[: self.config.max_entries]] or picked[:1]
        elif len(picked) == 1 and kind == "who" and not asks_a_list_role(ask):
            # "谁被免去…副指挥长职务": every line of the section stating it alike answers (two were)
            alike = self.stated_alike([s for sc, s in cands if sc >= top - 1e-9 and s.doc_id == first.doc_id
                                       and s.section == first.section], ask.query.prose or ask.query.content)
            picked = [(top, s) for s in alike] or picked
        elif len(picked) == 1 and several:
            series = self.frame_series(first, series_content)
            if len(series) == 1:  # one line each (a notice's appointments): the section's answers
                series = self.frame_series(first, series_content, pool=[s for _, s in cands])
            picked = [(top, s) for s in series] if len(series) > 1 else picked
        if len(picked) == 1 and kind == "name" and (rows := self.annex_rows(first, ask.query.prose or ask.query.content)):
            picked = picked + [(top, s) for s in rows]  # "废止了哪些文件": the sentence, and the annex listing them all
        for sc, s in extra:
            picked += [(sc, x) for x in (self.frame_series(s, series_content) if several else [s])]
        limit = self.config.list_quote_chars if kind == "name" else self.config.quote_chars
        sentences = [s for _, s in picked]
        # a sentence another one quotes whole (the paragraph's run-in title, led into the next) is not quoted twice
        sentences = [s for s in sentences if not any(
            o is not s and o.doc_id == s.doc_id and len(o.lead + o.text) > len(s.text) and flat(s.text) in flat(o.lead + o.text)
            for o in sentences)]
        if kind == "who" and not asks_a_list_role(ask):
            joined = [self.with_agent(s, asked_act(ask.question)) for s in sentences]
            if joined != sentences:
                limit = self.config.list_quote_chars  # the doer ends the joined text: quoted whole
            sentences = joined
        content = ask.query.content
        if titled := [(k, w) for k, s in enumerate(sentences) if (w := self.paragraph_titled(s, ask.question))]:
            # a run-in title the question names whole ("政府主导，市场激励"): its paragraph answers what it
            # says ("…讲了什么"), and what the question asks beyond the title ("…里，市场要发挥什么作用"),
            # quoted around the words asked beyond it
            rest = without_runs(flat(content), "".join(flat(sentences[k].text) for k, _ in titled))
            if SAYS_Q.search(ask.question) or len(rest) >= MIN_BEYOND_TITLE:
                for k, w in titled:
                    sentences[k] = w
                limit, content = self.config.list_quote_chars, rest if len(rest) >= MIN_BEYOND_TITLE else content
        if CHANGED_TO_Q.search(ask.question):
            after = [NEW_WORDING.split(s.text)[-1] for s in sentences if NEW_WORDING.search(s.text)]
            content = "".join(after) or content  # the new wording is what the quote must hold
        # ("碳达峰时间是哪年": the part of a long sentence stating a year, "确保2030年前实现碳达峰")
        # ("…修改为“…充电基础设施。(责任单位:市住建局)”" for "责任单位是谁": the part naming the doer)
        holds = ((lambda t: satisfies(kind, t)) if kind in ("time", "years")
                 else (lambda t: self.names_agent(t, ask.question)) if kind == "who" else None)
        if kind == "time":
            sentences = [self.with_year_lead(s) for s in sentences]
        draft = quote_sentences(self.res, self.name, top, sentences, content, limit, holds)
        for region in unanswered:  # a place named that no sentence answers for: said, not left out
            docs = "".join(doc_label(self.res.docs[d]) for d in ask.doc_ids if regions.get(d) == region)
            draft.text += f"\n{docs}中未找到与“{ask.query.content}”相关的表述。"
        return draft

    def regions_compared(self, ask: Ask) -> dict[str, str]:
        """Each document's region, when the question names two or more regions and its documents in scope
        are of two or more ("温州和台州分别…", "省里和台州…"); else {}."""
        if len(ask.query.regions_named) < 2:
            return {}
        regions = {d: self.res.docs[d].region for d in ask.doc_ids if d in self.res.docs}
        return regions if len(set(regions.values())) > 1 else {}

    def annex_rows(self, s: Sentence, content: str) -> list[Sentence]:
        """The rows of the table that lists what ``s`` counts ("…等2件行政规范性文件，予以废止" → the two rows
        of "附件2 废止的市政府行政规范性文件目录"): a table after ``s`` in its section (or an annex of it) whose
        title line holds the item words, with exactly as many numbered rows as ``s`` counts; else []."""
        m = COUNTED_REST.search(s.text)
        word = QUESTION_CHARS.sub("", content)
        if not m or len(word) < self.config.min_content:
            return []
        n = numeral_value(m.group(1))
        tables: dict[str, list[Sentence]] = {}  # a table's title (its line, or the heading it stands under) → its numbered rows
        title, section, row_lines = "", s.section, (0, 0)
        for x in self.index.sentences:  # (in document order)
            if x.doc_id != s.doc_id or x.start_line <= s.end_line or x.section[:len(s.section)] != s.section:
                continue
            if x.section != section:  # a title printed as a heading ("修改的市政府行政规范性文件目录")
                title, section = x.section[-1], x.section
            if ROW_START.match(x.text):
                tables.setdefault(title, []).append(x)
                row_lines = (x.start_line, x.end_line)
            elif row_lines[0] <= x.start_line <= row_lines[1]:
                continue  # a row's later sentence ("…删除三8中…") goes on the row
            elif not TABLE_HEADER.match(x.text):
                title = x.text
        return next((rows for t, rows in tables.items() if (word in t or coverage(word, t) >= self.config.accept)
                     and len(rows) == n), [])  # ("这次修改行政规范性" names "修改的市政府行政规范性文件目录")

    def people_in(self, text: str) -> list[str]:
        """The people the documents name that ``text`` names."""
        return [p for p in self.people if p in text]

    def names_unit(self, text: str) -> bool:
        """Whether ``text`` names a department the lists know."""
        return any(n in text for n in self.unit_names)

    def names_agent(self, text: str, question: str = "") -> bool:
        """Whether ``text`` names who acts: a department the lists know, a person by post and name, a
        person the documents name ("胡坚任…副局长"), or a governing body doing the act ``question``
        asks of it (:data:`ORGAN`, :data:`WHO_ACT`: "联合市工商联制定" for "联合谁制定的")."""
        if PERSON.search(text) or self.names_unit(text) or any(p in text for p in self.people):
            return True
        kind = asked_class(question)
        if BODY_KIND.fullmatch(kind) and re.search(f"[\u4e00-\u9fff]{{2,}}{kind}", text):
            return True  # "由哪些机构建立…": bodies of the kind asked, named by more than the kind word
        act = m.group(1) if (m := WHO_ACT.search(question)) else ""
        return bool(act) and bool(re.search(f"(?:{ORGAN.pattern})[^，；。]{{0,6}}{re.escape(act)}", text))

    def with_series(self, s: Sentence, last: Sentence | None = None) -> Sentence:
        """A sentence ending in "；" joined with the rest of its series, the next sentences of its
        paragraph up to the one ending in "。" (``list_quote_chars`` at most): the sentences split at
        "；", but "基本原则为协同增效，源头防控；政府主导，市场激励；…。" is one answer.

        (The index splits at "；" so that one measure of a long paragraph is quoted alone; a "哪些"
        question asks for the whole series.) ``last``: the sentence ``s`` ends with, when joined already."""
        out, last = s, last or s
        while SERIES_END.search(out.text) and (nxt := self._next_in_paragraph(last)) is not None:
            if len(out.text) + len(nxt.text) > self.config.list_quote_chars:
                break
            out, last = _joined(out, nxt), nxt
        return out

    def with_year_lead(self, s: Sentence) -> Sentence:
        """A sentence writing no year, of the year an earlier sentence of its paragraph sets ("到2025年，…"),
        led by that year, cited at its line — the year a time question asks; else ``s``."""
        if satisfies("time", s.text) or not s.years:
            return s
        year = s.years[0]
        setting = [x for x in self.index.sentences if x.chunk_id == s.chunk_id and x.start_line <= s.start_line
                   and x is not s and any(int(y) == year for y in BY_YEAR.findall(x.text))]
        if not setting:
            return s
        m = next(m for m in BY_YEAR.finditer(setting[-1].text) if int(m.group(1)) == year)
        return replace(s, lead=re.sub(r"\s", "", m.group(0)), lead_line=setting[-1].start_line)

    def with_lead_in(self, s: Sentence) -> Sentence:
        """A lead-in ending in "：" joined with what it introduces: the one-line items set under it
        ("集中赠阅点：" + "温州市档案馆" + "温州市图书馆" …, kept apart by a space), or else the sentence
        after it ("赠阅范围：" + "全市各村委会、居委会（社区）；…") — ``list_quote_chars`` at most.

        (Alone, a lead-in names the item and says nothing of it.)"""
        if not LEAD_IN_END.search(s.text):
            return s
        out, k, sents = s, s.id + 1, self.index.sentences
        while k < len(sents) and sents[k].doc_id == s.doc_id and sents[k].section == s.section:
            nxt, item = sents[k], is_list_item(sents[k].text)
            if len(out.text) + len(nxt.text) > self.config.list_quote_chars or out is not s and not item:
                break
            out = _joined(out, nxt, " " if item else "")
            if not item:
                return self.with_series(out, nxt)  # "…（社区）；" + "有关行业协会、商会和企业等。"
            k += 1
        return out

    def with_agent(self, s: Sentence, act: str = "") -> Sentence:
        """A sentence naming no one, joined with the next sentence of its paragraph when that one names
        who acts ("市政府党组会议6月14日召开，…。" + "市委副书记、市长张振丰主持会议并讲话。")."""
        nxt = self._next_in_paragraph(s)
        if self.names_agent(s.text) or nxt is None or not self.names_agent(nxt.text) or act and act not in nxt.text:
            return s
        return _joined(s, nxt)

    @staticmethod
    def stated_alike(tied: list[Sentence], content: str) -> list[Sentence]:
        """Of sentences tied on score, those writing the longest stretch of the question word for word
        ("…指挥部副指挥长职务" — not "…指挥部指挥长职务"), in document order."""
        runs = {s.id: common_run(flat(content), flat(s.text)) for s in tied}
        best = max(runs.values(), default=0)
        return sorted((s for s in tied if runs[s.id] == best), key=lambda s: s.id)

    def only_line_of_person(self, ask: Ask) -> list[tuple[float, Sentence]]:
        """A follow-up naming nothing but a person ("王云师呢？" after "谁任…副局长？") asks what the
        documents say of them: their line, when the documents in scope name them in one sentence only
        (someone named in many — a mayor in a log — is not guessed at)."""
        q = ask.query
        if not q.followup or re.sub(r"\s", "", q.content) not in self.people:
            return []
        lines = [s for s in self.index.sentences if s.doc_id in ask.doc_ids and q.content.strip() in s.text]
        return [(self.config.accept, lines[0])] if len(lines) == 1 else []

    def frame_series(self, first: Sentence, content: str, pool: list[Sentence] | None = None) -> list[Sentence]:
        """The sentences of ``first``'s paragraph that repeat the question's words it shares with them:
        "要求做到哪几个到位" → "要做到方案到位…", "要做到人员到位…" … (each holds 做到 and 到位);
        "面临哪些压力的挑战" → every "面临…压力的挑战". In order; ``first`` alone when none repeats them.
        With ``pool`` (sentences found to answer): those of ``first``'s section instead of its paragraph
        ("任命了哪些副局长" → each "…任…副局长" line of a personnel notice).

        (The frame is the asked words ``first`` holds that another sentence of the paragraph holds
        too: a word only ``first`` holds — the speaker opening the paragraph — does not bind the rest.)"""
        sents = self.index.sentences
        if first.text != sents[first.id].text:
            return [first]  # joined already with the rest of its series ("基本原则为A；B；C。")
        if pool is not None:
            para = sorted({s.id: s for s in pool if s.doc_id == first.doc_id and s.section == first.section
                           and s.title == first.title and s.text == sents[s.id].text}.values(), key=lambda s: s.id)
            para = para if any(s.id == first.id for s in para) else [first]
        else:
            start = first.id
            while start > 0 and not sents[start].paragraph_start and self._next_in_paragraph(sents[start - 1]) is sents[start]:
                start -= 1
            para = [sents[start]]
            while (nxt := self._next_in_paragraph(para[-1])) is not None:
                para.append(nxt)
        said = SPEAKER.sub("", sents[first.id].text)  # what it says, without who says it ("张振丰强调，")
        words = {w for w in self.words(content) if len(w) >= 2 and w in said}
        frame = {w for w in words if any(w in s.text for s in para if s.id != first.id)}
        if not frame or all(w in "".join(first.section) for w in frame) or 2 * len(frame) < len(words):
            return [first]  # nothing repeats, only the heading's words ("挑战" under "…面临的挑战"), or
            # too few of the asked words to frame a series (增强 of "要增强工作主动性" for "增强哪些意识")
        series = [s for s in para if all(w in s.text for w in frame)]
        return series if len(series) >= 2 else [first]

    def paragraph_titled(self, s: Sentence, question: str) -> Sentence | None:
        """``s`` joined with the rest of its paragraph when ``s`` opens it and the question names it whole
        (a run-in title: "政府主导，市场激励。" of "政府主导，市场激励讲了什么？"), else None."""
        own = re.sub(r"[。；;：:]$", "", flat(s.text))
        if not (s.paragraph_start and len(own) >= self.config.min_content and own in flat(question)):
            return None
        whole, nxt = s, self._next_in_paragraph(s)
        while nxt is not None:
            whole, nxt = _joined(whole, nxt), self._next_in_paragraph(nxt)
        return whole if whole is not s else None

    def _next_in_paragraph(self, s: Sentence) -> Sentence | None:
        """The sentence after ``s`` when it goes on in the same paragraph, else None."""
        k = s.id + 1
        nxt = self.index.sentences[k] if k < len(self.index.sentences) else None
        if nxt is None or nxt.doc_id != s.doc_id or nxt.section != s.section or nxt.paragraph_start:
            return None
        return nxt


def _joined(s: Sentence, nxt: Sentence, sep: str = "") -> Sentence:
    """``s`` with the text of the sentence after it (after ``sep``), cited over both sentences' lines."""
    return replace(s, text=s.text + sep + nxt.text, end_line=max(s.end_line, nxt.end_line))


def quote_sentences(res: object, answerer: str, score: float, sentences: list[Sentence], content: str,
                    limit: int, holds: Callable[[str], bool] | None = None) -> Draft:
    """A draft quoting each sentence verbatim (cut to ``limit`` around ``content`` and, where ``holds``
    is given, to a part holding what is asked — :func:`focus`), naming its document and section, each
    cited by exactly its lines."""
    citer = Citer(res)
    lines: list[tuple[str, list[str]]] = []  # (document and section, the quotes under it)
    for s in sentences:
        meta = res.docs.get(s.doc_id)  # type: ignore[attr-defined]
        sec = s.title or (s.section[-1] if s.section else "")  # (a news item's title, under the heading)
        n = citer.lines(s.doc_id, s.start_line, s.end_line, " / ".join([*s.section, s.title] if s.title else s.section),
                        chunk_id=s.chunk_id)
        label = doc_label(meta) if meta else s.doc_id
        quote = focus(s.text, content, limit, holds)
        year_lead = bool(BY_YEAR.fullmatch(s.lead))  # (the year a time question asks: shown however the quote starts)
        if year_lead:
            quote = quote.lstrip("…")
        if s.lead and (year_lead or not quote.startswith("…")) and s.lead.rstrip("。") != sec:
            # the paragraph's run-in title names what the sentence is about (its speaker, who said it): cited
            lead_n = citer.lines(s.doc_id, s.lead_line, s.lead_line, " / ".join(s.section), chunk_id=s.chunk_id) \
                if s.lead_line and not s.start_line <= s.lead_line <= s.end_line else 0
            quote = f"{s.lead}[{lead_n}]…{quote}" if lead_n else f"{s.lead}…{quote}"
        if s.day and not quote.lstrip().startswith(s.day):  # the day a log's entry stands under, cited
            day_n = citer.lines(s.doc_id, s.day_line, s.day_line, " / ".join(s.section), chunk_id=s.chunk_id)
            quote = f"{s.day}[{day_n}]…{quote}"
        head = f"根据{label}{('“' + sec + '”部分') if sec else ''}："
        if lines and lines[-1][0] == head:  # the next sentence of the same section: quoted on, one line
            lines[-1][1].append(f"“{quote}”[{n}]")
        else:
            lines.append((head, [f"“{quote}”[{n}]"]))
    text = "\n".join(head + "；".join(quotes) + "。" for head, quotes in lines)
    docs = {s.doc_id for s in sentences}
    if len(docs) > 1:
        text = f"共有{len(docs)}份文件载有相关表述，分别如下：\n" + text
    elif len(lines) > 1:
        text = f"共有{len(lines)}处相关记载，分别如下：\n" + text
    return Draft(answerer, score, text, citer.citations)
