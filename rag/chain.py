"""The answer chain: understand → retrieve → compose → verify, as LangChain runnables.

Usage::

    from rag.chain import PolicyQA
    qa = PolicyQA.from_settings(Settings.from_env())
    ans = qa.answer("秸秆综合利用那条谁牵头？")
    print(ans.answer, ans.citations[0].locator)

``answer(question, history=None, filters=None) -> Answer`` at module level uses a chain built once
from the environment (POLICY_QA_HOME etc.).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from langchain_core.runnables import RunnableLambda

from ingest.config import Settings
from ingest.embed import Embedder
from ingest.vocab import STANDARD_LEVEL, VALUE_COLUMN, VALUE_WORDS
from ingest.types import Record
from ingest.units import held_keys, unit_key
from ingest.values import cn_number

from .answer_type import PLACE_Q, asked_kind, asked_place_kind, THINGS_COUNTED, claimed_places, counts_near, STATE_ASKED, BASE_YEAR, BASE_YEAR_Q, CONFIRMATION, claimed_word_counts, writes_count, DOC_NO, DONE_STATED, LISTING_Q, MONTH_VALUE, NOW_ASKED, NUMBER_VALUE, QUESTION_CHARS, asked_count, asked_unit, base_year_asked, counts_a_longer_term, counts_in_measure_asked, counts_it, doc_number_keys, header_numbers, satisfies, expected_type, states_count_asked, named_values, person_names, reports_state, with_day_pointed_to, with_person_swapped, writes_base_year, writes_value
from .answerers.base import Ask, Draft
from .answerers.columns import ColumnAnswerer, columns_of, header_name
from .answerers.column_extreme import ColumnExtremeAnswerer
from .answerers.column_threshold import ColumnThresholdAnswerer
from .answerers.role_count import RoleCountAnswerer
from .answerers.row_place import RowPlaceAnswerer
from .answerers.time_extreme import TimeExtremeAnswerer
from .answerers.column_value import ColumnValueAnswerer
from .answerers.docfacts import DocFactsAnswerer, core_titles, without_title
from .answerers.location import LocationAnswerer
from .answerers.mentions import MentionsAnswerer
from .answerers.basis import BasisAnswerer
from .answerers.index import IndexAnswerer
from .answerers.index_lookup import IndexLookupAnswerer
from .answerers.categories import CategoryAnswerer
from .answerers.item_range import ItemRangeAnswerer
from .answerers.joint_lead import JointLeadAnswerer
from .answerers.lead_pending import LeadPendingAnswerer
from .answerers.legend import LegendAnswerer
from .answerers.list_size import ListSizeAnswerer
from .answerers.places_named import PlacesNamedAnswerer
from .answerers.list_tables import MIN_TITLE_RUN, numbering_runs, size_of_list  # noqa: F401 (numbering_runs: re-exported)
from .answerers.passage import PassageAnswerer, quote_sentences
from .answerers.section import CHAPTER_NO, SectionAnswerer, chapter_unit, heading_words
from .answerers.series_count import SeriesCountAnswerer
from .answerers.structure import StructureAnswerer
from .answerers.table_rows import TableRowsAnswerer
from .answerers.table_cells import TableCellAnswerer
from .answerers.year_goals import YearGoalsAnswerer
from .cell_values import categorical_values
from .compose import Citer, compose_record, doc_label, number_cells, gist, quote, row_list_default, written_units
from .followups import COUNTERPART_ASKED, listing_pointed_into, with_counterpart_asked, with_document_pointed_to, with_entry_pointed_to, with_listed_row_pointed_to, with_row_pointed_to, with_rows_pointed_to, with_unit_pointed_to
from .edge_rows import EdgeRows
from .row_range import in_range
from .role_verdict import RoleVerdict
from .neighbours import Neighbours
from .question import (QuestionParser, ONE_ROW_POINTER, claimed_units, units_negated, unit_as_named, names_table_number, roles_named, ITEM_NO, LAST_ITEM, ROW_NAME_HEADS, asked_row_noun, place_names, history_answers, history_questions, in_written_negation, last_answer, mask_intent_words,
                       with_count_unquoted, with_verbs_written_out, without_preface)
from .resources import Resources
from .parts import split_parts
from .versions import version_pairs
from .sentences import BY_YEAR, SentenceIndex
from .retrievers import (BM25Retriever, DenseRetriever, FusionRetriever, GatedRetriever, RecordRetriever, bigrams, word_bigrams, written_prefix,
                         common_run, coverage, flat, without_runs)
from .unknown_words import CODE, UnknownWords
from .types import ITEM_INTENTS, Answer, Citation, Fact, Hit, Query
from .comparison import ValueComparer
from .verify import CitedRow, Verifier

NOT_FOUND = "文件中未找到"
#: a passage draft's line saying a document in scope states nothing of the item (``PassageAnswerer.run``)
NONE_STATED = re.compile(r"^.+中未找到与“.*”相关的表述。$")


#: a list named as the place to look in ("近期重点工程里…", "…清单中…"): after the words it shares with the list's title
LIST_AS_PLACE = re.compile(r"(?:清单|表|项目|工程)?(?:里面|当中|里|中|内)")
#: ... or as the list a row number is of ("近期重点工程第14项", "近期重点工程清单里的第3个")
ROW_AFTER_TITLE = re.compile(r"(?:清单|表)?(?:里面|当中|里|中|内)?的?\s*第\s*(?:\d|[一二三四五六七八九十])")
#: a unit claimed in its role asked to confirm with 吗 ("…那项是市林业局牵头吗？"; :data:`CONFIRMATION` takes
#: "…是吗", not a plain 吗, which ends questions of every kind)
UNIT_CONFIRMED = re.compile(r"吗[？?。！!]*\s*$")


@dataclass(frozen=True)
class ChainConfig:
    """Thresholds of the chain (set once, measured in evals/, never per question)."""

    accept: float = 0.6  # item-word coverage a row needs to be answered from
    other_doc_margin: float = 0.2  # other documents answer too when within this margin of the best
    dense_skip: float = 0.8  # dense search is skipped when record lookup covers this much (> 2: never)
    top_k: int = 30
    max_list_rows: int = 40
    whole_rows: int = 3  # a listing of this few rows quotes each row whole ("…负责的是哪一条": the row is the answer); longer ones cut each to 40 characters
    fused_rank_bonus: float = 0.05  # a row the fused retrievers also ranked gets 0.05 / rank on top of its coverage
    index_only_penalty: float = 0.5  # weight / data-source questions: rows that are not index-table rows
    index_row_penalty: float = 0.15  # lead / participants / deadline / target questions: index-table rows
    quote_min_chars: int = 6  # item words of at least this length are looked up as a quote in other documents
    quote_cover: float = 0.8  # ... and such a quote, led by a region word, holds this share of the item words (a leftover verb aside)
    narrow_coverage: float = 0.5  # item words narrow a listing (by year) or pick a list to count at this coverage
    nearest_passages: int = 3  # passages a refusal shows, and passages an open answer looks at
    tie_margin: float = 0.05  # rows of one document this close are tied; the question's verbatim quote decides
    rare_margin: float = 0.1  # ... and a row this close holding every rare item word goes before one lacking some (tune set: 0 and 0.05 leave one wrong answer, 0.1 and 0.2 answer alike)
    indicator_accept: float = 0.7  # item-word coverage an indicator-table row needs (calibrated on the dev set)
    prose_over_row: float = 0.05  # a sentence answers instead of the best row when it covers the words asked this much better (calibrated: evals/reports/calibration.md)
    what_both: float = 0.1  # "有什么要求/要实现什么": a sentence nearly as close as the best row (within this) is given with it (calibrated)
    item_chars: int = 4  # item words this long (and not generic) name an item: "…到2025年要完成什么" asks what it requires

    def __post_init__(self) -> None:
        if not (0 < self.accept <= 1 and 0 < self.narrow_coverage <= 1):
            raise ValueError("thresholds must be in (0, 1]")
        if min(self.top_k, self.max_list_rows, self.whole_rows, self.quote_min_chars, self.nearest_passages) < 1:
            raise ValueError("counts must be >= 1")
        if self.dense_skip < self.accept:
            raise ValueError("dense_skip below accept would skip dense search for rows the chain cannot answer from")


#: what is done with a document, asked with when ("哪天印发", "什么时候征求意见"): a text telling when answers
#: only if it writes that act
DOC_ACT = re.compile(r"印发|发布|出台|征求(?:公众)?意见|签发|下发|施行|生效|批复|审议|通过")


def writes_act_asked(question: str, text: str) -> bool:
    """Whether ``text`` writes an act on a document the question asks the time of (True when it asks none).

    >>> writes_act_asked("省方案什么时候征求意见的", "2022年9月，…征求公众意见"), writes_act_asked("编制说明哪天印发的", "2022年5月，形成初稿")
    (True, False)
    """
    acts = DOC_ACT.findall(question)
    return not acts or any(re.sub(r"公众", "", a) in re.sub(r"公众", "", text) for a in acts)


#: a field of one row asked of a unit's rows ("…负责的那项工程实施期限是哪几年", "…牵头的这条什么时候完成"):
#: when the unit holds that one row, the row answers with the field as it writes it
ROW_FIELDS_ASKED = {"deadline", "target"}
ONE_ROW_POINTED = re.compile(ONE_ROW_POINTER)
#: "完成什么" asks what something requires; "完成哪些/哪几" asks for a listing (answer_type.LISTING_Q)
WHAT_OF_ITEM = re.compile(r"什么")
#: a question pointing at one list row ("码头岸电设施全覆盖那项什么时候完成"): the row's own fields answer it
ROW_POINTED = re.compile(r"[那这该]一?[项条]")
#: a run of the question this long shared with a table's title names the table ("国家级生态文明建设指标里…"),
#: not the indicator asked: shorter runs are words an indicator shares with its table ("建设")
TITLE_RUN_CHARS = 3
#: a document's number or a full date written in a row ("已编制实施《…规划》(温政发〔2004〕63号)"): the row
#: can answer a question about a document's issue
ISSUE_WRITTEN = re.compile(DOC_NO.pattern + r"|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
#: the question asks of an index table ("协同指数里…", "权重", "占几分", "数据来源"): its rows answer a
#: value asked; otherwise an index row (a weight and a source, no value of the indicator) does not
#: ("台州PM2.5浓度目标是多少" is the list's 22微克/立方米, not the index weight 4)
INDEX_ASKED = re.compile(r"指数|权重|分值|几分|多少分|占.{0,4}分|数据来源|评价")

#: a field of a row is asked: the row answers it alone
FIELD_INTENTS = {"lead", "participants", "deadline", "weight", "data_source"}
#: whether an indicator meets its standard, asked ("是否达标", "…达标了吗", "达标没有"); not 未达标 or a name
#: holding 达标 (农村饮用水达标人口覆盖率), which stand before other words
STANDARD_MET_ASKED = re.compile(r"是否达标|(?:达标|达没达标)(?:了吗|了没有?|没有|了没|吗|了)?\s*[？?]?\s*$")


@dataclass
class _State:
    question: str
    history: Sequence[Any] | None
    filters: dict[str, Any]
    query: Query | None = None
    doc_ids: list[str] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    matches: list[tuple[float, Record]] = field(default_factory=list)
    answer: Answer | None = None
    citer: Citer | None = None
    superseded: list[tuple[str, str]] = field(default_factory=list)  # (old, new) versions: answered from new
    continues: bool = False  # a later part of one message ("…输水线路多长？年引水量多少？")
    texts_quoted: set[str] = field(default_factory=set)  # documents whose text a rows answer quotes already


#: several units asked together ("由省发展改革委和省生态环境厅共同牵头", "都参与了哪些"): the rows all of them
#: hold, not those of any one ("…牵头的都有哪些" lists every row: 都有 is the listing's)
JOINTLY_ASKED = re.compile(r"共同|一起|联合|同时|都(?:是|要|参与|牵头|负责)|均")
#: one unit leading with no other ("市生态环境局单独牵头的", "独自负责的", "只由市电力局牵头的"): the rows whose
#: lead column names that unit and none besides it
ALONE_ASKED = re.compile(r"单独|独自|独立|一家|只由|仅由|只有[^？?，,]{2,12}?(?:一个|一家)?(?:牵头|负责)")


class PolicyQA:
    """Answer questions about the ingested policy documents with exact, cited, verified answers."""

    def __init__(self, resources: Resources, config: ChainConfig | None = None, phraser: Any | None = None) -> None:
        self.res = resources
        self.config = config or ChainConfig()
        self.phraser = phraser  # optional LLM phrasing (rag.llm.LLMPhraser)
        self._lock = threading.Lock()
        self._build()
        self.chain = (RunnableLambda(self._understand) | RunnableLambda(self._retrieve)
                      | RunnableLambda(self._compose) | RunnableLambda(self._verify))

    @classmethod
    def from_settings(cls, settings: Settings, embedder: Embedder | None = None, **kw: Any) -> "PolicyQA":
        phraser = None
        if settings.llm_base_url and settings.llm_model:
            from .llm import LLMPhraser

            phraser = LLMPhraser.from_settings(settings)
        return cls(Resources.load(settings, embedder), phraser=kw.pop("phraser", phraser), **kw)

    def _build(self) -> None:
        res = self.res
        texts = {d: res.store.doc_lines(d)[0] for d in res.docs}  # each document's lines, read once here
        people = person_names("\n".join(lines) for lines in texts.values())
        self.docfacts = DocFactsAnswerer(res)
        # the titles of the documents a compilation prints ("…关于印发温州市生态文明建设规划…的通知"): "温州规划" names it
        printed: dict[str, list[str]] = {}
        for sd in self.docfacts.subdocs:
            printed.setdefault(sd.doc_id, []).append(sd.title)
        self.parser = QuestionParser(res.docs.values(), res.unit_forms, {r.list_name for r in res.records.values()},
                                     [r.text for r in res.records.values()],
                                     {header_name(k) for r in res.records.values() for k in columns_of(r)}
                                     # (an index table's levels are its columns too: "属于哪个二级指标？")
                                     | {p["level"] for r in res.records.values() for p in r.parents}, people,
                                     printed_titles=printed,
                                     column_values=categorical_values(columns_of(r) for r in res.records.values()
                                                                      if r.kind == "list"),
                                     written="".join("".join(lines) for lines in texts.values()))
        self.records_ret = RecordRetriever(list(res.records.values()), res.chunk_of_record)
        rets: list[Any] = [self.records_ret]
        if res.bm25 is not None:
            rets.append(BM25Retriever(res.bm25, {cid: c.doc_id for cid, c in res.chunks.items()}))
        if res.dense_index is not None:
            rets.append(GatedRetriever(DenseRetriever(res.dense_index, res.embedder), self._needs_dense))
        self.retriever = FusionRetriever(rets)
        names = set(res.unit_forms) | {u.name for r in res.records.values() for u in [*r.lead_units, *r.participant_units]}
        self.unit_names = sorted(n for n in names if len(n) >= 3)  # "市生态环境局", not a bare "市"
        self.verifier = Verifier(names)
        self.comparer = ValueComparer()  # "…哪个更高": which region's value is, after the side-by-side answer
        self.sentences = SentenceIndex.build(res)
        numbers = {k for lines in texts.values() for k in header_numbers(lines)}  # the numbers naming documents
        numbers |= {k for m in res.docs.values() if m.doc_number for k in doc_number_keys(m.doc_number)}
        self.passage = PassageAnswerer(res, self.sentences, words=self.parser.words, unit_names=self.unit_names,
                                        people=self.parser.people, document_numbers=numbers)
        # each document's sentences as flat text, once ("全省…现场会" looked up verbatim: _quoted_elsewhere)
        flat_sentences: dict[str, list[str]] = {}
        for s in self.sentences.sentences:
            flat_sentences.setdefault(s.doc_id, []).append(flat(s.text))
        self.flat_text = {d: "\n".join(xs) for d, xs in flat_sentences.items()}
        self._flat_docs: dict[str, str] = {}  # each document's whole text as flat text, read when first asked
        self.item_range = ItemRangeAnswerer(res, self.sentences)
        self.section = SectionAnswerer(res, self.sentences, unnamed_compilation=self.docfacts.unnamed_compilation,
                                       words=self.parser.words)
        self.index_parents = IndexAnswerer(res)
        self.index_lookup = IndexLookupAnswerer(res)
        self.column_extreme = ColumnExtremeAnswerer(res, texts)
        self.column_value = ColumnValueAnswerer(res, texts)
        self.column_threshold = ColumnThresholdAnswerer(res, texts)
        self.role_count = RoleCountAnswerer(res, texts, max_rows=self.config.max_list_rows)
        self.time_extreme = TimeExtremeAnswerer(res, texts)
        self.row_place = RowPlaceAnswerer(res)
        self.list_size = ListSizeAnswerer(res, texts)
        self.location = LocationAnswerer(res, self.sentences)
        self.mentions = MentionsAnswerer(res, self.sentences)
        self.places_named = PlacesNamedAnswerer(res, self.sentences)
        self.basis = BasisAnswerer(res, self.sentences)
        self.categories = CategoryAnswerer(res, max_rows=self.config.max_list_rows, words=self.parser.words,
                                           generic=self.records_ret.idf.generic)
        list_titles: dict[str, list[str]] = {}
        for (doc, _), title in self.list_size.tables.titles.items():  # (lists' and indicator tables')
            list_titles.setdefault(doc, []).append(title)
        self.table_cells = TableCellAnswerer(res, list_titles=list_titles)
        spans: dict[str, list[tuple[int, int, str]]] = {}
        for sd in self.docfacts.subdocs:  # the documents a compilation prints
            spans.setdefault(sd.doc_id, []).append((sd.title_line, sd.end_line, sd.title))
        self.structure = StructureAnswerer(res, spans, printed_named=self.docfacts.printed_named)
        self.columns = ColumnAnswerer(res, titles=[sd.title for sd in self.docfacts.subdocs], words=self.parser.words)
        self.year_goals = YearGoalsAnswerer(res, self.sentences)
        self.series_count = SeriesCountAnswerer(self.passage)
        self.table_rows = TableRowsAnswerer(self.table_cells)
        self.legend = LegendAnswerer(res, self.sentences)
        self.lead_pending = LeadPendingAnswerer(res, max_rows=self.config.max_list_rows)
        self.joint_lead = JointLeadAnswerer(res, max_rows=self.config.max_list_rows)
        self.newer = dict(version_pairs(list(res.doc_info.values())))  # old id → the id of its newer version
        self.unknown = UnknownWords((" ".join(lines) for lines in texts.values()), self.parser._tok)
        numbered: dict[tuple[str, str], set[int]] = {}
        for r in res.records.values():
            if r.item_no.isdigit():
                numbered.setdefault((r.doc_id, r.list_name), set()).add(int(r.item_no))
        self.neighbours = Neighbours(numbered, {doc_label(m)[1:-1]: d for d, m in res.docs.items()})
        self.role_verdict = RoleVerdict()

    def _needs_dense(self, query: Query, doc_ids: Any) -> bool:
        """Dense search helps unless record lookup already matched the item words of the question."""
        return self.records_ret.best(query, doc_ids) < self.config.dense_skip

    def refresh(self) -> bool:
        """Pick up documents ingested or removed since loading (no restart needed)."""
        with self._lock:
            if self.res.refresh_if_changed():
                self._build()
                return True
            return False

    # ---- public API -------------------------------------------------------
    def answer(self, question: str, history: Sequence[Any] | None = None, filters: dict[str, Any] | None = None) -> Answer:
        if not isinstance(question, str):
            raise TypeError("question must be a string")
        q = question.strip()
        limit = self.res.settings.max_question_chars
        if not q or not re.search(r"[\w\u4e00-\u9fff]", q):
            return Answer(question=question, answer="请输入问题，例如：“秸秆综合利用那条谁牵头？”", refused=True)
        if len(q) > limit:
            return Answer(question=question, answer=f"问题过长（{len(q)}字，上限{limit}字），请精简后再问。", refused=True)
        q = "".join(ch for ch in q if ch.isprintable() or ch in "\n\t")
        asked = history_questions(history)
        q = with_day_pointed_to(q, asked)
        q = with_person_swapped(q, asked, self.parser.people)  # "6月12日张振丰呢？"
        q = with_entry_pointed_to(q, listing_pointed_into(asked, history_answers(history)), asked)  # "里面第一条是什么？" after an outline
        previous = last_answer(history)
        q = with_listed_row_pointed_to(q, previous)  # "第一个指标…" after "其下共2项：第22项…"
        q = with_document_pointed_to(q, previous)  # "第二个文件是哪天印发的？" after a listing of documents
        q = with_unit_pointed_to(q, previous, self.parser.unit_forms)  # "它还牵头了哪项？" after a row's one lead
        q = with_row_pointed_to(q, previous)  # "省生态环境厅在这项里是牵头还是参与？" after one row
        q = with_rows_pointed_to(q, previous)  # "这两项的完成时限各是哪年？" after two rows
        if asked and COUNTERPART_ASKED.match(q):  # "省里对应的目标是多少？" (parsed only when it reads so)
            q = with_counterpart_asked(q, self.parser.parse_one(q).regions_named, asked)
        q = in_written_negation(without_preface(q))  # "换个话题，…" asks the rest; "还没达标" → "未达标", as the texts write it
        q = with_count_unquoted(q)  # "通过哪“三个一批”" → "通过哪三个“一批”": the count asked, of the formula's words
        q = with_verbs_written_out(q)  # "修改和废止的决定…改了几件、废了几件" → "…修改了几件、废止了几件"
        if (pointed := Neighbours.asked(q)) is not None:  # "X那项的下一项谁牵头？", "上一项呢？"
            anchor = (self._answer_part(pointed.anchor, list(history or []), filters, False).answer
                      if pointed.anchor else previous)
            beside = self.neighbours.run(pointed, anchor)
            if beside.refusal:
                return Answer(question=question, answer=beside.refusal, refused=True)
            q = beside.question or q
        if (edge := EdgeRows.asked(q)) is not None and (key := self._one_list(edge.probe, history, filters)) is not None:
            meta = self.res.docs.get(key[0])  # "省政策清单最后两项是什么": a question per row
            q = EdgeRows.run(edge, self.neighbours.numbers.get(key, frozenset()),
                             f"{doc_label(meta) if meta else key[0]}{key[1]}") or q
        groups = self._parts(q)
        if len(groups) == 1:
            whole = self._answer_part(q, list(history or []), filters, continues=False)
            if not whole.refused or len(groups[0]) == 1 or whole.dropped_claims:
                return whole
        # several things asked at once: each part is answered (later parts follow the earlier ones); a
        # field asked of the same item goes with its part — unless that is not found as one: "台州零碳岛屿
        # 试点是哪个岛？谁牵头？" has no row, the text names the island and no department: each is said apart
        # (not an answer refused because a phrasing model's wording failed verification)
        parts: list[str] = []
        answers: list[Answer] = []
        turns = list(history or [])

        def said(part: str, a: Answer) -> None:
            parts.append(part)
            answers.append(a)
            turns.extend([{"role": "user", "content": part}, {"role": "assistant", "content": a.answer}])

        for group in groups:
            a = whole if len(groups) == 1 else self._answer_part("".join(group), turns, filters, bool(answers))
            if not a.refused or len(group) == 1 or a.dropped_claims:
                # (refused as what a phrasing model wrote failed verification: not asked again apart)
                said("".join(group), a)
                continue
            for piece in group:
                said(piece, self._answer_part(piece, turns, filters, bool(answers)))
        return merge_parts(q, parts, answers)

    def _one_list(self, question: str, history: Sequence[Any] | None, filters: dict[str, Any] | None) -> tuple[str, str] | None:
        """The one list ``question`` (naming a row of it) is about — by its name in the documents in scope,
        or by its printed title ("近期重点工程" → 附表1) —, or None when it names none or several."""
        st = self._understand(_State(question=question, history=list(history or []), filters=dict(filters or {})))
        q = st.query
        assert q is not None
        keys = list(dict.fromkeys((r.doc_id, r.list_name) for r in self.res.records.values()
                                  if r.doc_id in st.doc_ids and (not q.list_name or r.list_name == q.list_name)))
        if not q.list_name:
            keys = self.list_size.tables.named(question, keys, "")
        return keys[0] if len(keys) == 1 else None

    def _answer_part(self, part: str, turns: list[Any], filters: dict[str, Any] | None, continues: bool) -> Answer:
        """One part of a question answered after the ``turns`` before it (``continues``: not the first)."""
        return self.chain.invoke(_State(question=part, history=list(turns), filters=dict(filters or {}),
                                        continues=continues))

    def _parts(self, question: str) -> list[list[str]]:
        """The question's parts, each a group of the pieces asked together: a piece that only asks another
        field of the same item ("…谁牵头？目标多少？") goes with the piece before it (one answer gives both
        fields of the row) — not one naming a row by its number ("…有几项，第一项是什么", "…，最后一项呢"), nor one
        following a piece that asks a value column ("…现状多少？目标多少？": two values, each answered or
        said missing)."""
        pieces = split_parts(question, self.parser.parse_one(question).regions_named, self.parser.people)
        out: list[list[str]] = []
        column_asked = False  # the last piece kept asks a value column (现状, 规划值)
        for p in pieces:
            pq = self.parser.parse_one(p)
            if (out and len(pq.content) < 2 and not pq.regions_named and not pq.doc_ids and not pq.years and not pq.item_no
                    and not pq.item_from_end and not column_asked):
                out[-1].append(p)
            else:
                out.append([p])
                column_asked = bool(VALUE_WORDS.search(pq.content))
        return out

    def rows_across_documents(self, question: str) -> list[Record]:
        """The row each document holds for the item ``question`` names (for a side-by-side view): the
        rows an answer would give (same acceptance, anchoring and margin), one a document, province first."""
        if not isinstance(question, str) or not question.strip():
            raise ValueError("question is empty")
        st = self._retrieve(self._understand(_State(question=question.strip(), history=None, filters={})))
        first: dict[str, Record] = {}  # (one row a document: a document's twin rows are an answer's, not a column's)
        for _, r in self._pick_records(st):
            first.setdefault(r.doc_id, r)
        return list(first.values())

    # ---- steps --------------------------------------------------------------
    def _understand(self, st: _State) -> _State:
        st.query = self.parser.run(st.question, st.history, continues=st.continues)
        docs = list(self.res.docs)
        f = st.filters
        if f.get("doc_id"):
            wanted = f["doc_id"] if isinstance(f["doc_id"], (list, tuple)) else [f["doc_id"]]
            docs = [d for d in docs if d in wanted]
        if f.get("region"):
            docs = [d for d in docs if self.res.docs[d].region == f["region"]]
        if f.get("level"):
            docs = [d for d in docs if self.res.docs[d].level == f["level"]]
        named = [d for d in st.query.doc_ids if d in docs]
        st.doc_ids = named or docs
        # an older version (征求意见稿) of a document the corpus also holds newer is not answered from,
        # unless the question or a filter asks for it
        pinned = f.get("doc_id") or []
        for old, new in self.newer.items():
            if (old in st.doc_ids and new in st.doc_ids and old not in pinned
                    and "征求意见" not in st.question and "旧版" not in st.question):
                st.doc_ids.remove(old)
                st.superseded.append((old, new))
        self._subdocument_named(st)
        self._list_title_named(st)
        self._item_in_class(st)
        self._last_item_numbered(st)
        return st

    def _item_in_class(self, st: _State) -> None:
        """"固废方面第一条", "大气领域最后一项": the row at that place in the class named before it, not the
        list's row of that number (the class is named as :class:`CategoryAnswerer` reads it)."""
        q = st.query
        assert q is not None
        if not (q.item_no.isdigit() or q.item_from_end) or (m := LAST_ITEM.search(st.question) or ITEM_NO.search(st.question)) is None:
            return
        ask = self._ask(st)
        groups = self.categories.named(replace(ask, question=st.question[:m.start()]))
        if len(groups) != 1:
            return
        rows = self.categories.groups[groups[0]]
        n = len(rows) + 1 - q.item_from_end if q.item_from_end and not q.item_no else int(q.item_no)
        if 1 <= n <= len(rows):
            q.item_no, q.list_name, st.doc_ids = rows[n - 1].item_no, groups[0][1], [groups[0][0]]

    def _last_item_numbered(self, st: _State) -> None:
        """"…清单最后一项" ("倒数第二项"): the row number of the named list's last row (the one before it), when
        one document in scope holds that list (several: the question has not said whose, and no number is guessed)."""
        q = st.query
        assert q is not None
        if not q.item_from_end or q.item_no or not q.list_name:
            return
        last: dict[str, int] = {}
        for r in self.res.records.values():
            if r.list_name == q.list_name and r.doc_id in st.doc_ids and r.item_no.isdigit():
                last[r.doc_id] = max(last.get(r.doc_id, 0), int(r.item_no))
        if len(last) == 1 and (n := next(iter(last.values())) + 1 - q.item_from_end) >= 1:
            q.item_no, st.doc_ids = str(n), [next(iter(last))]

    def _subdocument_named(self, st: _State) -> None:
        """A question naming a document a compilation prints ("温州市生态文明建设规划的规划期限") asks within
        that document: the title selects it and is not part of the item asked about."""
        q = st.query
        assert q is not None
        for sd in self.docfacts.subdocs:
            if sd.doc_id not in st.doc_ids:
                continue
            for t in [sd.number, *core_titles(sd.title)]:
                if t in q.content and len(q.content) - len(t) >= 2 or t in q.prose and len(q.prose) - len(t) >= 2:
                    q.content = q.content.replace(t, "", 1)
                    q.content_full = q.content_full.replace(t, "", 1)
                    q.prose = q.prose.replace(t, "", 1)
                    st.doc_ids = [sd.doc_id]
                    return

    def _list_title_named(self, st: _State) -> None:
        """"近期重点工程里光伏项目的责任单位是谁": a list named by its printed title ("…近期重点工程清单") as the
        place to look in (:data:`LIST_AS_PLACE` right after the words it shares with the title) is where to look —
        its documents — and its words are no item words (the row writes "光伏项目" alone). A row number right
        after the title (:data:`ROW_AFTER_TITLE`, "近期重点工程第14项") is of that list."""
        q = st.query
        assert q is not None
        if q.list_name:
            return
        tables = self.list_size.tables
        # (lists whose name is not their title — "附表1" under "…近期重点工程清单"; an indicator table named by its
        # caption, "表2-1省级…规划表", is the parser's and the class answerer's to read)
        named = tables.named(st.question, [k for k, t in tables.titles.items()
                                           if t and k[0] in st.doc_ids and re.sub(r"\s", "", t) not in k[1]], "")
        if not named:
            return
        title = max((tables.titles[k] for k in named), key=lambda t: common_run(q.content, t))
        m = SequenceMatcher(None, st.question, title, autojunk=False).find_longest_match(0, len(st.question), 0, len(title))
        if q.item_no:
            # "近期重点工程第14项": the row of that number in the list the title names, not another list's
            if len(named) == 1 and ROW_AFTER_TITLE.match(st.question, m.a + m.size):
                q.list_name, st.doc_ids = named[0][1], [named[0][0]]
                q.content = without_runs(q.content, title, MIN_TITLE_RUN)
                q.prose = without_runs(q.prose, title, MIN_TITLE_RUN) or q.prose
            return
        if not LIST_AS_PLACE.match(st.question, m.a + m.size):
            return  # ("…减污降碳协同创新试点建设": words of the item that a title holds too, not the list as a place)
        kept = without_runs(q.content, title, MIN_TITLE_RUN)
        if kept != q.content and len(kept) >= 2:
            q.content = kept
            q.prose = without_runs(q.prose, title, MIN_TITLE_RUN) or q.prose
            st.doc_ids = [d for d in st.doc_ids if any(k[0] == d for k in named)]

    def _retrieve(self, st: _State) -> _State:
        q = st.query
        assert q is not None
        cfg = self.config
        hits = self.retriever.retrieve(q, k=self.config.top_k, doc_ids=set(st.doc_ids))
        # vectors are written before their document commits (and another process may be ingesting):
        # only chunks of the loaded snapshot are answerable
        st.hits = [h for h in hits if h.chunk_id in self.res.chunks]
        fused_rank = {}
        for h in st.hits:
            for rid in self.res.chunks[h.chunk_id].record_ids:
                fused_rank.setdefault(rid, h.rank)
        scored = []
        want = set(q.intents)
        candidates = self.records_ret.scored(q, set(st.doc_ids))
        if any(w in q.content_full for w in q.regions_named) and len(flat(q.content_full)) >= cfg.quote_min_chars:
            # a region word can be part of the item's own wording ("支持温州开展红树林蓝碳试点")
            quote_ = flat(q.content_full)
            candidates += [(s, r) for s, r in self.records_ret.scored(q, None)
                           if r.doc_id not in st.doc_ids and quote_ in flat(r.text)]
        for s, r in candidates:
            bonus = cfg.fused_rank_bonus / fused_rank[r.id] if r.id in fused_rank else 0.0
            if want & {"weight", "data_source"} and r.kind != "index":
                bonus -= cfg.index_only_penalty  # weights and data sources live in index tables
            elif want & {"lead", "participants", "deadline", "target"} and r.kind == "index":
                bonus -= cfg.index_row_penalty  # responsibility questions prefer list rows
            scored.append((s + bonus, r))
        if q.preamble:  # asked of a document's opening paragraphs ("方案开头说…"): prose, no list row
            scored = []
        if q.item_range:  # "第3到5项里…那条": only rows numbered in the range answer
            scored = [(s, r) for s, r in scored if r.item_no.isdigit() and int(r.item_no) in q.item_range]
        scored.sort(key=lambda x: -x[0])
        st.matches = scored
        return st

    # ---- composing ------------------------------------------------------------
    def _refuse(self, st: _State, why: str) -> Answer:
        citer = Citer(self.res)
        for h in st.hits[: self.config.nearest_passages]:
            citer.chunk(h.chunk_id)
        q = st.query
        why += self._places_unwritten(st)
        return Answer(question=st.question, answer=why + ("以下为最接近的原文段落，供参考。" if citer.citations else ""),
                      refused=True, nearest=citer.citations, intents=q.intents if q else [], query=q)

    def _compose(self, st: _State) -> _State:
        q = st.query
        assert q is not None
        cfg = self.config
        if "status" in q.intents and q.years and self._table_reports_year(st):
            # "…2020年已经达到国家级创建参照值了吧": an indicator table reports that year's state in a
            # column of its own ("现状值(2020年)", beside the reference values and 是否达标): the row answers
            q.intents = [i for i in q.intents if i != "status"] or ["target"]
        if "status" in q.intents:
            if (reported := self._reported_state(st)) is not None:
                st.answer = self._from_draft(st, reported)  # "2020年已经达到多少项": the baseline the text reports
                return st
            st.answer = self._refuse(st, f"{NOT_FOUND}执行进展或完成情况：现有文件是规划、方案或公报文本，只载明任务、目标和时限，不含实际完成情况。")
            return st
        if q.foreign_places and not q.doc_ids:
            mention = [h for h in st.hits if any(p in self.res.chunks[h.chunk_id].text for p in q.foreign_places)]
            rest = without_places(q.content, q.foreign_places)
            if not mention or len(rest) < 2 or self.records_ret.idf.generic(rest):
                covered = "、".join(sorted({m.region for m in self.res.docs.values() if m.region}))
                st.answer = self._refuse(st, f"{NOT_FOUND}关于{'、'.join(q.foreign_places)}的内容：现有文件覆盖{covered}。")
                return st
            # a row speaks of the place only if it names it and also covers the rest of the item
            idf = self.records_ret.idf
            st.matches = [(s, r) for s, r in st.matches if any(p in r.text for p in q.foreign_places)
                          and idf.coverage(rest, r.text) >= cfg.accept]
            st.hits = mention
        if q.doc_ids and (places := q.foreign_places + q.local_places):
            # a place asked of the documents named ("省方案里宁波的光伏目标"): a row answers when one of its
            # sentences names the place with the rest of the item — not a row naming 宁波 in one sentence
            # and 光伏组件 in another
            st.matches = [(s, r) for s, r in st.matches if self._names_place_with_item(r.text, places, q.content)]
        if (missing := self._list_not_in_scope(q)) is not None:
            st.answer = self._refuse(st, missing)  # "台州的目标清单": Taizhou's lists have other names
            return st
        if unwritten := self._numbers_unwritten(st.question):
            # "温政办〔2023〕60号是什么文件": no document writes that number — not the nearest one (56号)
            st.answer = self._refuse(st, f"{NOT_FOUND}文号{'、'.join(f'“{n}”' for n in unwritten)}：现有文件中没有出现这一文号。")
            return st
        if (other := self._in_other_list(st)) is not None:
            return other  # "表2-1里公共交通出行分担率": that table lacks it, the other one has it
        ask = self._ask(st)
        for answerer in (self.docfacts, self.mentions, self.places_named, self.legend, self.lead_pending, self.joint_lead, self.row_place, self.item_range, self.categories, self.index_lookup, self.table_rows, self.time_extreme, self.column_extreme,
                         self.column_value, self.column_threshold, self.role_count, self.location, self.index_parents, self.columns, self.table_cells,
                         self.list_size, self.series_count,
                         self.structure, self.section, self.basis, self.year_goals):
            draft = answerer.run(ask)
            if draft is not None and not self._misses_own_words(q, draft):
                if (draft.refused and answerer is self.docfacts and expected_type(ask.question) == "time"
                        and (text := self.passage.run(ask)) is not None and not text.refused
                        and writes_act_asked(st.question, "".join(c.text for c in text.citations))):
                    # "省方案什么时候征求意见的": no document date answers it, and the text tells when
                    # (the drafting note: "2022年9月，…修改完善后征求公众意见") — a text writing the act asked:
                    # "编制说明是哪天印发的" is not answered by when a draft was sent out for comments
                    st.answer = self._from_draft(st, text)
                    return st
                st.answer = self._refused_draft(st, draft) if draft.refused else self._from_draft(st, draft)
                if (draft.answerer == self.table_cells.total_name and (text := self.passage.run(ask)) is not None
                        and not text.refused and self.table_cells.disagrees(draft, text)):
                    # "重点工程总投资多少亿元": the table's 总计 row (3012.47) and the text's sum ("约3010.39亿元")
                    # differ: both, labelled — not one of two disagreeing values
                    st.answer = self._with_passage(st.answer, text)
                return st
        if "list_by_dept" in q.intents and q.units:
            # "省生态环境厅组织哪些单位成立了编制工作组": words no list is about, which a sentence holds
            if len(q.content) >= 4 and not self.records_ret.idf.generic(q.content) and (
                    passage := self.passage.run(ask)) is not None:
                st.answer = self._from_draft(st, passage)
                return st
            st.answer = self._list_by_dept(st)
            return st
        if "list_by_year" in q.intents and q.years and not self._asks_what_an_item_requires(st.question, q):
            st.answer = self._list_by_year(st)
            return st
        if "count" in q.intents and not q.content and (q.units or q.years):
            # "任务清单里市农业农村局牵头的有几项", "2023年要完成的有几条": the rows of that department or
            # year, counted and each shown — not the size of the whole list
            st.answer = self._list_by_dept(st) if q.units else self._list_by_year(st)
            return st
        if "count" in q.intents:
            st.answer = self._count(st)
            return st
        unknown = [] if q.item_no or q.followup else self.unknown.run(mask_intent_words(st.question),
                                                                      [*q.regions_named, *q.foreign_places])
        if unknown:
            st.answer = self._refuse(st, f"{NOT_FOUND}“{'、'.join(unknown)}”：现有文件中没有出现这一说法。")
            return st
        picked = self._pick_records(st)
        if expected_type(ask.question) == "month":
            # "生态文化月是几月": a row's completion year is no month; only a row writing one answers
            picked = [(sc, r) for sc, r in picked if MONTH_VALUE.search(r.text + " ".join(map(str, r.extra.values())))]
        unplaced: list[tuple[float, Record]] = []  # rows about the item that name no place, when places are asked
        if PLACE_Q.search(ask.question):
            # "10个林业增汇试点县具体是哪几个县": a row naming no place ("建成林业增汇试点县10个") does not say
            # which; only a row writing one answers (as for sentences, ``PassageAnswerer``)
            placed = [(sc, r) for sc, r in picked if place_names().search(r.text + " ".join(map(str, r.extra.values())))]
            picked, unplaced = placed, [p for p in picked if p not in placed]
        if BASE_YEAR_Q.search(ask.question):
            # "较哪一年提高10%": the year compared with, which a row's completion year is not; only a row
            # writing "较2021年" answers
            picked = [(sc, r) for sc, r in picked if BASE_YEAR.search(r.text)]
        if (picked and "doc_fact" in q.intents and not set(q.intents) & FIELD_INTENTS
                and not any(ISSUE_WRITTEN.search(r.text + " ".join(map(str, r.extra.values()))) for _, r in picked)):
            # "温州碳达峰实施方案是哪天印发的": no document in scope is that one (the document-facts
            # answerer found none); rows only name it as a task ("制定实施温州市碳达峰实施方案"), and a
            # row holds no date or number of its issue: not found, with the rows that mention it
            ans = self._answer_records(st, picked)
            if self._a_table_in_scope(q):  # ("台州的协同指数是谁发布": tz's own table, which no text says who issues)
                ans.answer, ans.refused = (f"{NOT_FOUND}“{q.content}”的发布单位或发布日期：它是文件所列的表，文件未载明"
                                           f"由谁、何时发布。相关条目如下：\n" + ans.answer), True
            else:
                ans.answer, ans.refused = (f"{NOT_FOUND}“{q.content}”的发文信息（文号、印发日期等）：文件库未收录该文件，"
                                           f"现有文件只在以下条目中提及它：\n" + ans.answer), True
            st.answer = ans
            return st
        picked, premise = self._rows_writing_named_values(st, picked)
        if premise is not None:
            st.answer = premise
            return st
        if (len(picked) == 1 and picked[0][1].kind == "list"
                and (cells := self.columns.run_rows(ask, picked, kind_only=True)) is not None):
            # the one list row found, and a column of its table asked by name or kind ("…那个工程建在哪几个县");
            # an indicator row's columns (单位, 参照值, the years') are the row composer's
            st.answer = self._from_draft(st, cells)
            return st
        passage = self.passage.run(ask) if not q.item_no and not q.item_range else None
        if (passage is not None and "doc_fact" in q.intents and expected_type(st.question) == "time"
                and not writes_act_asked(st.question, "".join(c.text for c in passage.citations))):
            passage = None  # "编制说明是哪天印发的": a sentence on when a draft was sent out for comments is no date of it
        if picked and self._rows_lack_value(st, picked):
            if passage is not None:
                st.answer = self._from_draft(st, passage)
                return st
            # a number is asked and none of the matching rows states one
            st.hits = [Hit(self.res.chunk_of_record[r.id], s, "record", i + 1) for i, (s, r) in enumerate(picked)
                       if r.id in self.res.chunk_of_record] + st.hits
            st.answer = self._refuse(st, f"{NOT_FOUND}“{STATE_ASKED.sub('', q.content)}”的现状值：文件中的相关条目和段落只载明目标或未列数值。"
                                     if STATE_ASKED.search(st.question) else f"{NOT_FOUND}“{q.content}”的具体数值：最接近的条目未列数值。")
            return st
        if (picked and passage is not None and not set(q.intents) & {"weight", "data_source"}
                and not self._asks_standard_met(st.question, picked)
                and (passage.score >= self._rows_cover(q, picked) + cfg.prose_over_row
                     or self._only_text_counts(ask.question, passage, picked))):
            # the text covers the question better than any row; a department or deadline asked too
            # comes from the row
            fields = set(q.intents) & {"lead", "participants", "deadline"}
            if fields == {"deadline"} and not any(r.deadline_year for _, r in picked):
                # a time asked, and the rows state none (nor their list's note): the text says it
                # ("生态环境部等七部门什么时候印发《…》" → "2022年6月，…印发了…", not a row "未注明完成时限")
                st.answer = self._from_draft(st, passage)
            elif fields:
                st.answer = self._with_passage(self._answer_records(st, picked), passage)
            elif elsewhere := [(s, r) for s, r in picked if r.doc_id not in {c.doc_id for c in passage.citations}]:
                # the text of one document covers the question better than a row of another: each
                # document answers for itself ("低碳试点县建几个": the gazette's plan says 1, the
                # Wenzhou plan's list 2) — the row is not dropped for another document's sentence
                st.answer = self._answer_records(st, elsewhere)
                # (not a document's text quoted twice; another's only as close as this one had to be)
                if besides := self._text_besides(st, ask, passage, self._rows_cover(q, picked) + cfg.prose_over_row):
                    st.answer = self._with_passage(st.answer, besides)
            else:
                st.answer = self._from_draft(st, passage)
            return st
        if picked:
            st.answer = self._answer_records(st, picked)
            if (passage is not None and set(q.intents) & FIELD_INTENTS == {"deadline"} and not ROW_POINTED.search(st.question)
                    and not any(r.deadline_year for _, r in picked)
                    and any(satisfies("time", c.text) for c in passage.citations)):
                # "温州什么时候实现碳达峰": the rows state no time (a list without a note), the text states
                # one ("确保2030年前实现碳达峰"): both, labelled — no year is given to the rows
                st.answer = self._with_passage(st.answer, passage)
                return st
            if self._only_time_unstated(q, picked) and not ROW_POINTED.search(st.question) and not q.item_no:
                # (a row asked by its number — "第30项…什么时候完成", also as a follow-up — is the entry itself)
                # "…项目哪年完工？": the rows found state no time, nor does a note of their list — the time
                # is not found; the rows are shown for what they say ("码头岸电…那项什么时候完成" asks of
                # the entry itself: it is answered that its list states none)
                st.answer.answer = f"{NOT_FOUND}“{q.content}”的完成时限：清单未注明，相关条目如下：\n" + st.answer.answer
                st.answer.refused = True
                return st
            if (passage is not None and not set(q.intents) & FIELD_INTENTS
                    and passage.score >= self._rows_cover(q, picked) - cfg.what_both
                    and (expected_type(ask.question) in ("what", "name")
                         or (q.wants_number or expected_type(ask.question) == "number")
                         and self._values_differ(passage, picked))):
                # "what is required", "which ones": the row and the text both say it, close: both, labelled;
                # "how much": a sentence as close as the row states another value: both, labelled
                # (a confident answer from one of two close, disagreeing candidates is the worst outcome)
                if besides := self._text_besides(st, ask, passage, self._rows_cover(q, picked) - cfg.what_both):
                    st.answer = self._with_passage(st.answer, besides)
            return st
        wants_item = bool(set(q.intents) & set(ITEM_INTENTS))
        if passage is not None:
            if (set(q.intents) & {"lead", "participants"} and "intent" not in q.inherited
                    and not self._names_a_unit(passage)):
                # a department is asked, no list row is about the item and the text names none:
                # not found — the text is shown, no department is invented from it ("台州这项谁牵头？"
                # too). (A follow-up "那台州呢？" that carries the earlier turn's question asks how
                # another document treats the item: its text is the answer.)
                st.answer = Answer(question=st.question, refused=True, nearest=passage.citations, intents=q.intents,
                                   query=q, answer=f"{NOT_FOUND}“{q.content}”的牵头或参与单位：清单中没有这一条目，"
                                                   f"正文的相关表述也未载明负责部门。以下为相关原文，供参考。")
                return st
            ans = self._from_draft(st, passage)
            if (wants_item and "doc_fact" not in q.intents  # (a document's number asked is no list item)
                    and not expected_type(ask.question) in ("number", "fields", "time", "month", "name")
                    and not _names_cited_heading(st.question, passage)):  # ("规划的规划期限": a section, no row)
                # no list row is about this item, but the text is: say so (a field the question
                # asks for is not invented from it)
                ans.answer = f"清单中未找到与“{q.content}”对应的条目；正文中的相关表述如下：\n" + ans.answer
            st.answer = ans
            return st
        if unplaced:
            # the rows about the item say how many, not which places: said so, the rows shown
            st.hits = [Hit(self.res.chunk_of_record[r.id], sc, "record", i + 1) for i, (sc, r) in enumerate(unplaced)
                       if r.id in self.res.chunk_of_record] + st.hits
            st.answer = self._refuse(st, f"{NOT_FOUND}具体是哪些{asked_place_kind(ask.question) or '地方'}：相关条目只写到"
                                     f"“{unplaced[0][1].text}”，未列出具体名单。")
            return st
        what = f"与“{q.content}”相关的" if q.content else "相关"
        if q.years:
            what = "、".join(f"{y}年" for y in q.years) + what
        if q.preamble:  # (asked of the opening: other parts of the documents may say it — the passages shown)
            what = "开头部分" + what
        st.answer = self._refuse(st, f"{NOT_FOUND}{what}{'条目' if wants_item else '内容'}。")
        if q.years and len(q.content) >= 2:
            self._say_other_years(st)
        return st

    def _say_other_years(self, st: _State) -> None:
        """A year no document speaks of for the item ("到2035年森林覆盖率", the plans run to 2025/2030):
        the refusal goes on with what the documents do say of the item for their own years, answered
        and verified as the question without its year, and says so."""
        q = st.query
        assert q is not None and st.answer is not None
        other = _State(question=st.question, history=st.history, filters=st.filters, query=replace(q, years=[]),
                       doc_ids=list(st.doc_ids), hits=st.hits, matches=st.matches)
        alt = self._verify(self._compose(other))
        if alt.refused or not alt.citations:
            return
        asked = "、".join(f"{y}年" for y in q.years)
        if not any(self._row_states_a_year(c.record_id) or YEARS_WRITTEN.search(c.text + c.section.split(" / ")[-1])
                   for c in alt.citations):
            # the passages state no year at all, nor do their own headings ("…新增城市绿道500公里以上。"
            # asked "到2025年"; a plan's span in a title above is no year of the sentence): nothing
            # contradicts the year asked — the text answers, and says it names none (a list row has its
            # year, its own or its list's default: "省里2035年森林覆盖率" is not answered from a 2025 row —
            # but a row of a list with neither states none: "台州到2025年PM2.5浓度目标", tz 协同管理清单第1项)
            # (the year asked is not repeated: the verifier keeps only years the cited passages write)
            alt.answer = "原文该表述未注明年份，未说明是否为所问年份的目标：\n" + alt.answer
            st.answer = alt
            return
        # (said only where the passages quoted do not speak of the year asked themselves)
        of_year = any(str(y) in flat(c.text) for c in alt.citations for y in q.years)
        st.answer.answer = (st.answer.answer.replace("以下为最接近的原文段落，供参考。", "")
                            + ("文件对该事项的相关表述如下：\n" if of_year else f"文件对该事项载明的是其他年份的内容（并非{asked}）：\n")
                            + alt.answer)
        st.answer.nearest = alt.citations

    def _a_table_in_scope(self, q: Query) -> bool:
        """The item words name a table a document in scope prints ("台州的协同指数是谁发布": the index is
        tz's own table) — not a document the corpus lacks."""
        c = re.sub(r"\s", "", q.content)
        return len(c) >= 2 and any(r.doc_id in q.doc_ids and c in r.list_name for r in self.res.records.values())

    def _row_states_a_year(self, record_id: str) -> bool:
        """Whether a cited row has a year: a list row's own or its list's default; an indicator or index
        table's rows always (its columns are of years) — not a list row with neither."""
        r = self.res.records.get(record_id) if record_id else None
        return r is not None and (r.deadline_year is not None or r.kind != "list")

    def _asks_what_an_item_requires(self, question: str, q: Query) -> bool:
        """"新污染物风险管控到2025年要基本完成什么": 什么 (not 哪些) asked of a named item is what the item
        requires by that year, not a listing of the rows due then ("2025年要完成哪些污染治理任务")."""
        return (bool(WHAT_OF_ITEM.search(question)) and not LISTING_Q.search(question)
                and len(q.content) >= self.config.item_chars and not self.records_ret.idf.generic(q.content))

    @staticmethod
    def _only_text_counts(question: str, d: Draft, picked: list[tuple[float, Record]]) -> bool:
        """"以哪4个指标为核心": the sentence states an enumeration of the size asked and no row does
        (the row "制定实施温州市碳达峰实施方案" names the plan, not its four indicators)."""
        size = asked_count(question, with_noun=True)
        return bool(size) and any(x in c.text for c in d.citations for x in size) and not any(
            x in r.text for _, r in picked for x in size)

    @staticmethod
    def _asks_standard_met(question: str, picked: list[tuple[float, Record]]) -> bool:
        """Whether the indicator is asked to meet its standard ("…是否达标", "…达标了吗") and a row found
        says so in its 是否达标 column — which no sentence of the text can say better."""
        return bool(STANDARD_MET_ASKED.search(question)) and any(r.extra.get("是否达标") for _, r in picked)

    @staticmethod
    def _only_time_unstated(q: Query, picked: list[tuple[float, Record]]) -> bool:
        """Only a time is asked (no value, department or other field) and none of the rows found states
        one, by itself or by its list's note."""
        return (set(q.intents) & (FIELD_INTENTS | {"target"}) == {"deadline"} and not q.wants_number
                and bool(picked) and not any(r.deadline_year for _, r in picked))

    @staticmethod
    def _values_differ(d: Draft, picked: list[tuple[float, Record]]) -> bool:
        """The passages a draft cites state a number with a unit that none of the rows states."""
        rows = {re.sub(r"\s+", "", v) for _, r in picked for v in NUMBER_VALUE.findall(r.text)}
        said = {re.sub(r"\s+", "", v) for c in d.citations for v in NUMBER_VALUE.findall(c.text)}
        return bool(said - rows)

    def _list_not_in_scope(self, q: Query) -> str | None:
        """The refusal for a list the question names that no document in its scope has, saying which
        lists each has ("《台州…》中没有“目标清单”；其清单为协同管理清单、…"); None otherwise."""
        if not q.list_name or not q.doc_ids:
            return None
        have = {d: list(self.section.lists.get(d, {})) for d in q.doc_ids}
        if any(q.list_name in names for names in have.values()) or not any(have.values()):
            return None
        parts = []
        for d, names in have.items():
            meta = self.res.docs.get(d)
            label = doc_label(meta) if meta else d
            parts.append(f"{label}中没有“{q.list_name}”" + (f"，其清单为{'、'.join(names)}" if names else ""))
        return f"{NOT_FOUND}该清单：" + "；".join(parts) + "。"

    def _in_other_list(self, st: _State) -> _State | None:
        """The answer from another list when the list the question names has no row for its item and
        another list in scope has ("表2-1里公共交通出行分担率规划值": 表2-1 lacks it, 表2-2 has it),
        said before the answer; None otherwise."""
        q = st.query
        assert q is not None
        accept = self.config.accept
        if not q.list_name or q.item_no or len(q.content) < 2 or any(s >= accept for s, _ in st.matches):
            return None
        if (own := self.categories.run(self._ask(st))) is not None and not own.refused:
            return None  # "表2-1里生态文化领域有哪些指标": the list's own class of rows answers, no other list's
        wider = replace(q, list_name="")
        docs = set(st.doc_ids)
        if not any(s >= accept and r.list_name != q.list_name for s, r in self.records_ret.scored(wider, docs)):
            return None
        other = self._compose(self._retrieve(_State(question=st.question, history=st.history, filters=st.filters,
                                                    query=wider, doc_ids=list(st.doc_ids))))
        ans = other.answer
        if ans is None or ans.refused or not any(c.record_id for c in ans.citations):
            return None  # (only another list's row is what the note says: not a passage of the text)
        ans.answer = f"“{q.list_name}”中没有该项；其他清单（表）中的相关条目如下：\n" + ans.answer
        return other

    def _table_reports_year(self, st: _State) -> bool:
        """Whether the best rows include an indicator row with a state column of a year the question
        asks ("现状值(2020年)" for 2020), and that row covers the item."""
        q = st.query
        assert q is not None
        picked = [(s, r) for s, r in self._pick_records(st) if r.kind == "indicator" and any(
            reports_state(k) and set(q.years) & years_written(k) for k in r.extra)]
        return bool(picked) and self._rows_cover(q, picked) >= self.config.accept

    def _reported_state(self, st: _State) -> Draft | None:
        """A status question: the sentence (of the year it names) that reports what was achieved — the
        plans state their baseline ("根据2020年各项工作完成情况，已经达到指标35项", an indicator's
        现状值(2020年) cell "下降2.0%") —, or None."""
        ask = self._ask(st)
        # with no year asked, only a cell the table labels as the state ("现状值(2020年)") answers: a
        # sentence reporting what was done by then does not say it is the state now
        base = base_year_asked(st.question)
        ranked = self.passage.candidates(ask)
        cands = [(sc, s) for sc, s in ranked
                 if s.section and reports_state(s.section[-1]) or st.query.years and reports_state(s.text)
                 # "2020年…较2015年下降了多少": a sentence stating the change since that year, and no
                 # target year ("到2025年…较2020年下降16%"), reports it ("…较2015年大幅下降43.4%")
                 or writes_base_year(flat(s.text), base) and not BY_YEAR.search(s.text)]
        if not cands and ranked and not st.query.years and not NOW_ASKED.search(st.question):
            # "已经建了多少处…": the best sentence stating what the text says is already done answers as
            # the document's own statement — with no year ("全市已建成森林康养基地53处"), or with the year
            # it reports on and no target year ("根据2020年各项工作完成情况,温州市已经达到指标35项": the
            # quote says as of when); of the sentences as close as the best
            done = [(sc, s) for sc, s in ranked if sc >= ranked[0][0] and DONE_STATED.search(s.text)
                    and not BY_YEAR.search(s.text)]
            sc, s = done[0] if done else ranked[0]
            if done:
                cands = [(sc, s)]
            elif states_count_asked(s.text, st.question) and not BY_YEAR.search(s.text):
                # "自律标准编了多少个传统产业的": the best sentence writes that count of that very thing,
                # as done, with no target year ("编制服装、…等20个传统产业行业自律标准") — the text's report
                cands = [(sc, s)]
        if not cands:
            return None
        return quote_sentences(self.res, "passage", cands[0][0], [cands[0][1]], ask.query.content,
                               self.passage.config.quote_chars)

    def _names_a_unit(self, d: Draft) -> bool:
        """Whether the passages a draft cites name a department (of the lists' units or their forms)."""
        return any(self.passage.names_unit(c.text) for c in d.citations)

    def _rows_lack_value(self, st: _State, picked: list[tuple[float, Record]]) -> bool:
        """A number is asked and none of the matching rows states one."""
        q = st.query
        assert q is not None
        if not (q.wants_number and "target" in q.intents):
            return False
        unit = asked_unit(st.question)  # "奖励多少钱": a row stating no amount in 元 does not answer
        # ("几个无废城市": a row counting “无废城市细胞” counts another thing)
        # (a project row states its numbers in its cells: "装机多少" of a row whose 主要内容 reads "装机容量120万千瓦")
        return not any((self._states_number(r) or self._cell_states_asked(r, st.question))
                       and (not unit or unit in flat(r.text + "".join(f"{k}{v}" for k, v in r.extra.items())))
                       and not counts_a_longer_term(r.text, st.question) for _, r in picked)

    @staticmethod
    def _cell_states_asked(r: Record, question: str) -> bool:
        """Whether a cell of the row states the number asked (:func:`number_cells`), in a sentence of the
        cell naming the codes the question names: "S3线一期工程设站多少座" is not answered by the M1 line's
        "设站23座" in the cell that also describes S3's length.

        >>> r = Record(doc_id="d", list_name="附表2", item_no="4", item_no_assigned=False, text="M1线、S3线一期工程",
        ...            extra={"主要内容": "M1线线路长度32.5公里，设站23座。S3线一期工程线路长度31.2公里。"})
        >>> PolicyQA._cell_states_asked(r, "S3线一期工程设站多少座？"), PolicyQA._cell_states_asked(r, "M1线设站多少座？")
        (False, True)
        """
        cells = number_cells(r, question)
        codes = {flat(c) for c in CODE.findall(question)}
        if not codes:
            return bool(cells)
        return any(any(c in flat(part) for c in codes) and counts_in_measure_asked(part, question)
                   for _, v in cells for part in re.split(r"[。；;]", v) if NUMBER_VALUE.search(part))

    def _with_passage(self, ans: Answer, d: Draft) -> Answer:
        """A rows answer followed by a passage draft, the draft's citations numbered on — unless the
        draft only quotes lines the rows cite already (an indicator row's own cell, "23.92立方米/万元…").
        The draft's note that a document states nothing of the item is dropped when the answer already
        quotes that document (its own sentence, found for it alone: "…台州…中未找到…" after 台州's quote)."""
        if d.citations and all(any(c.doc_id == r.doc_id and r.start_line <= c.start_line and c.end_line <= r.end_line
                                   for r in ans.citations) for c in d.citations):
            return ans
        quoted = [doc_label(self.res.docs[c.doc_id]) for c in ans.citations if c.doc_id in self.res.docs]
        text = "\n".join(line for line in d.text.split("\n")
                         if not (NONE_STATED.match(line) and any(label in line for label in quoted)))
        base = len(ans.citations)
        ans.citations = ans.citations + [replace(c, n=c.n + base) for c in d.citations]
        ans.answer += "\n正文中的相关表述：" + re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + base}]", text)
        return ans

    def _ask(self, st: _State) -> Ask:
        """The question part as answerers see it; a follow-up carries the words of the turn it follows."""
        q = st.query
        assert q is not None
        text = f"{q.basis}{q.content_full}{st.question}" if q.followup else st.question
        if q.followup and (now := {chapter_unit(m.group(0)): m.group(0) for m in CHAPTER_NO.finditer(st.question)}):
            # "第四部分呢" after "第三部分讲什么": the part now named, in the place of the one named before; a part
            # of another level stays ("第三部分呢" after "第七章第二部分讲什么": the seventh chapter's third part)
            if any(chapter_unit(m.group(0)) in now for m in CHAPTER_NO.finditer(q.basis)):
                text = (CHAPTER_NO.sub(lambda m: now.get(chapter_unit(m.group(0)), m.group(0)), q.basis)
                        + CHAPTER_NO.sub("", f"{q.content_full}{st.question}"))
            else:
                text = CHAPTER_NO.sub("", f"{q.basis}{q.content_full}") + st.question
        # a place no document covers, asked of none; a county of a covered city, asked of any: the
        # sentence answering names it ("省方案里瑞安要创建什么试点" → no sentence of the province's)
        places = (q.foreign_places if not q.doc_ids else []) + q.local_places
        if claimed := claimed_places(st.question, places):
            # "…试点在路桥区吧？": the place claimed is checked against the sentence writing the item, not searched
            # by it (the text says 椒江区)
            places = [p for p in places if p not in claimed]
            drop = re.compile("|".join(rf"{re.escape(p)}[区县市]?" for p in claimed))
            q = replace(q, content=drop.sub("", q.content), prose=drop.sub("", q.prose))
        ask = Ask(text, q, st.doc_ids + self._quoted_elsewhere(st), places)
        subs = self.docfacts.named(ask)
        if len(subs) == 1:
            ask.lines = (subs[0].doc_id, subs[0].title_line, subs[0].end_line)
            rest = without_title(st.question, subs[0].title, self.docfacts.config.scope_title_chars)
            if rest != st.question and not q.followup:
                # the document named by its title, what it says asked: the title's words are no item words
                own = self.parser.parse_one(rest)
                ask.query = replace(q, content=own.content or q.content, prose=own.prose or q.prose)
        return ask

    def _quoted_elsewhere(self, st: _State) -> list[str]:
        """Documents outside the scope a region word set whose text writes that word with the words after
        it as one phrase ("全省减污降碳协同创新建设现场会": the 全省 names a meeting the city log records,
        not the province's plan) — the region word is part of the item's own wording there."""
        q = st.query
        assert q is not None
        out: list[str] = []
        titles = [flat(self.res.docs[d].title) for d in st.doc_ids if d in self.res.docs]
        for w in q.regions_named:
            for m in re.finditer(re.escape(w) + r"[\u4e00-\u9fff“”]+", st.question):
                phrase = flat(m.group(0))  # may run on past the name: "全省“千所联千会”机制推进会是哪天开的"
                if any(t.startswith(phrase[:len(w) + self.config.quote_min_chars]) for t in titles):
                    continue  # the title of a document in scope ("浙江省减污降碳协同创新区建设实施方案是什么稿")
                named = flat(QUESTION_CHARS.sub("", m.group(0)))
                for d, text in self.flat_text.items():
                    if d in st.doc_ids or d in out:
                        continue
                    written = phrase[:written_prefix(phrase, text)]
                    # the phrase is written whole, or its written start names the item (the item's words,
                    # all but a leftover verb, stand in it)
                    if len(named) - len(w) >= self.config.quote_min_chars and named in text or (
                            len(written) - len(w) >= self.config.quote_min_chars
                            and coverage(q.content, written) >= self.config.quote_cover):
                        out.append(d)
        return out

    def _names_place_with_item(self, text: str, places: list[str], content: str) -> bool:
        """Whether a sentence of ``text`` names one of ``places`` and, on its own, covers the item words as
        a row must (``accept``); when the rest of them names nothing (generic or too short), naming the
        place is enough."""
        rest = without_places(content, places)
        idf = self.records_ret.idf
        sentences = [t for t in SENTENCE_END.split(text) if any(p in t for p in places)]
        if len(rest) < 2 or idf.generic(rest):
            return bool(sentences)
        return any(idf.coverage(content, t) >= self.config.accept for t in sentences)

    def _numbers_unwritten(self, question: str) -> list[str]:
        """The document numbers ("温政办〔2023〕60号") a question writes that no document writes, compared
        by their flat tails (``doc_number_keys``: brackets however written, whatever words open the match)."""
        return [m.group(0) for m in DOC_NO.finditer(question) if (keys := doc_number_keys(m.group(0)))
                and not any(keys[0] in self._doc_flat(d) for d in self.res.docs)]

    def _doc_flat(self, doc_id: str) -> str:
        """A document's whole text (lists and headers too, not only its sentences) as flat text, read once."""
        if doc_id not in self._flat_docs:
            self._flat_docs[doc_id] = flat("".join(self.res.store.doc_lines(doc_id)[0]))
        return self._flat_docs[doc_id]

    def _places_unwritten(self, st: _State) -> str:
        """Why a place asked of named documents finds nothing there: the places ("台州方案里温州的…",
        "省方案里瑞安…") the documents named never write, said with them; "" when each is written."""
        q = st.query
        if q is None or not q.local_places or not q.doc_ids:
            return ""
        notes = []
        for d in dict.fromkeys(q.doc_ids):
            text = self._doc_flat(d) if d in self.res.docs else ""
            missing = [p for p in q.local_places if text and p not in text]
            if missing and d in self.res.docs:
                notes.append(f"{doc_label(self.res.docs[d])}中未出现{'、'.join(f'“{p}”' for p in missing)}")
        return f"（{'；'.join(notes)}。）" if notes else ""

    def _refused_draft(self, st: _State, d: Draft) -> Answer:
        """A draft saying the documents do not hold what is asked: with the rows it cites, what they hold
        instead ("文件中未找到二期的投资总预算…：…只列全项目的…"); else with the nearest passages."""
        if not d.citations:
            return self._refuse(st, f"{NOT_FOUND}：{d.text}")
        ans = self._from_draft(st, d)
        ans.answer, ans.refused = f"{NOT_FOUND}{d.text}", True
        return ans

    def _from_draft(self, st: _State, d: Draft) -> Answer:
        q = st.query
        return Answer(question=st.question, answer=d.text, refused=False, citations=d.citations, facts=d.facts,
                      records=d.records, intents=q.intents if q else [], query=q)

    def _pick_records(self, st: _State) -> list[tuple[float, Record]]:
        """The best row per document, for documents whose best row clears the threshold and is within
        ``other_doc_margin`` of the best document's. A number asked is answered from rows that state
        one when any does ("美丽海湾建几个": the row with "3个", not the pilot row of the same bay)."""
        q = st.query
        assert q is not None
        if q.wants_number and "target" in q.intents and THINGS_COUNTED.search(st.question):
            # "台州的标杆项目要建几个": a count of things asked is a row's only where it counts them ("建设200个标杆
            # 项目", "氮磷拦截沟40条"), not where it names them uncounted ("建成一批固体废物标杆项目和1000个…单元")
            words = [w for w in self.parser.words(q.content) if len(w) >= 2]
            counting = [(s, r) for s, r in st.matches if any(counts_near(r.text, w) for w in words)]
            return self._pick_from(st, counting) if counting else []
        if q.wants_number and "target" in q.intents:
            numeric = [(s, r) for s, r in st.matches if self._states_number(r)]
            if numeric and (picked := self._pick_from(st, numeric)):
                return picked
        if LISTING_Q.search(st.question) and not set(q.intents) & FIELD_INTENTS and len(q.content) >= 2:
            # "台州的美丽海湾有哪几个": the row enumerating them ("台州湾、大陈岛诸湾和温岭东部诸湾3个“美丽海湾”"),
            # not a row only naming the item (a plan's title "《台州市“美丽海湾”建设规划…》")
            listing = [(s, r) for s, r in st.matches if counts_it(r.text, q.content)]
            if listing and (picked := self._pick_from(st, listing)):
                return picked
        return self._pick_from(st, st.matches)

    def _rows_cover(self, q: Query, picked: list[tuple[float, Record]]) -> float:
        """How well the best row covers the words a sentence is matched on (the field words kept:
        "规划期限" is not covered by the row "生态文明建设规划")."""
        idf = self.records_ret.idf
        words = QUESTION_CHARS.sub("", q.prose or q.content)  # as sentences are matched (PassageAnswerer):
        wgrams = word_bigrams(self.parser.words(words))  # "哪里" is in neither
        return max(idf.coverage_either(words, self._row_words(r), word_grams=wgrams) for _, r in picked)

    @staticmethod
    def _row_words(r: Record) -> str:
        """What a row says: its text, its categories and, for an indicator table, the names of its
        value and reference columns ("规划值(2025年)", "国家级创建参照值": a question asking one asks
        this row's column)."""
        cols = [k for k in r.extra if VALUE_COLUMN.search(k) or VALUE_WORDS.search(k)] if r.kind == "indicator" else []
        return " ".join([r.text, *r.categories, *cols])

    @staticmethod
    def _other_year(q: Query, r: Record) -> bool:
        """A value asked for a year ("省里2030年非化石能源占比") is not the value of a list row due in
        another year (the 2025 row's 24%), nor of an index row, unless the row names the year asked. Department and
        deadline questions are about the row whatever year they mention."""
        if not q.years or q.item_no or set(q.intents) & {"lead", "participants", "deadline"}:
            return False
        if any(str(y) in r.text for y in q.years) or r.kind == "indicator":  # indicator rows: year columns
            return False
        if r.kind == "index":  # an index row holds weights and data sources, no value of any year
            return not set(q.intents) & {"weight", "data_source"}
        return r.deadline_year is not None and r.deadline_year not in q.years

    @staticmethod
    def _states_number(r: Record) -> bool:
        return bool(r.targets or r.weight or r.kind == "indicator" or NUMBER_VALUE.search(r.text))

    def _pick_from(self, st: _State, matches: list[tuple[float, Record]]) -> list[tuple[float, Record]]:
        q = st.query
        assert q is not None
        if not matches:
            return []
        if not q.item_no and (len(q.content) < 2 or self.records_ret.idf.generic(q.content)):
            return []
        best_by_doc: dict[str, tuple[float, Record]] = {}
        twins: dict[str, list[tuple[float, Record]]] = {}  # rows as good as a document's best, answering otherwise
        idf = self.records_ret.idf
        words = self.parser.words(q.content)
        # the item's rarest words, found once — not the kind of answer ending the question ("开展什么活动": 活动
        # is rare in rows, yet the row naming what is 开展ed need not write it), as the passage answerer's
        kind = asked_kind(st.question)
        anchors = idf.anchors([w for w in words if w != kind])
        item = idf.item_anchors(anchors, words, asked_unit(st.question)) if q.wants_number else set()
        anchors |= self._categories_named(words, matches) if anchors else set()
        quote_ = flat(q.content_full)
        for s, r in self._rare_words_first(matches, anchors):
            held = best_by_doc.get(r.doc_id)
            if held is not None and held[0] - s > self.config.tie_margin:
                continue  # this document is decided
            # a row that shares only the common words of the item ("综合利用") and none of its rare
            # ones ("秸秆") is about something else: it does not answer (an item asked by 第N项 does)
            if not (q.item_no or not anchors or anchors & self._row_context(r)):
                continue
            if item and not q.item_no and not item & self._row_context(r):
                continue  # ... nor one holding only what is measured ("装机", not the 沼气发电 asked)
            if self._other_year(q, r):
                continue
            if (r.kind == "index" and "target" in q.intents and not set(q.intents) & {"weight", "data_source"}
                    and not q.item_no and not INDEX_ASKED.search(st.question + q.basis)):
                continue  # a value asked of the indicator, not of its index row (INDEX_ASKED)
            if (r.kind == "indicator" and not q.item_no
                    and self._indicator_cover(self._without_table_title(VALUE_WORDS.sub("", q.content), r), r.text,
                                              " ".join([r.text, *STANDARD_LEVEL.findall(r.list_name), *r.extra]))
                    < self.config.indicator_accept):
                # an indicator's name is short and exact: words the question adds ("6月份", "包含多少方面")
                # ask something the row does not hold (its table's level and columns it does:
                # "国家级创建参照值" names 表2-2's 参照值 column; the rest of the table's title —
                # "生态文明建设指标规划表" — is every row's, and names none)
                continue
            if held is None:
                best_by_doc[r.doc_id] = (s, r)
            elif (held[0] - s <= self.config.tie_margin and self._twins(q, held[1], r)
                  and common_run(quote_, flat(r.text)) == common_run(quote_, flat(held[1].text))):
                # two rows of one document both hold every item word and give the field asked differently
                # (台州's 协同管理清单 and 协同能力清单 both list "工业企业碳账户碳排放评价体系", with other
                # leads): both, labelled — not one of two disagreeing answers
                twins.setdefault(r.doc_id, []).append((s, r))
            elif (held[0] - s <= self.config.tie_margin and len(quote_) >= self.config.quote_min_chars
                  and common_run(quote_, flat(r.text)) > common_run(quote_, flat(held[1].text))):
                # two rows of one document score alike: the one holding more of the words the
                # question quotes verbatim is the one asked about
                best_by_doc[r.doc_id] = (held[0], r)
        if not best_by_doc:
            return []
        top = max(s for s, _ in best_by_doc.values())
        if top < self.config.accept:
            return []
        margin = self.config.other_doc_margin
        keep = [(s, r) for s, r in best_by_doc.values() if s >= self.config.accept and s >= top - margin]
        keep += [t for s, r in keep for t in twins.get(r.doc_id, []) if t[0] >= self.config.accept]
        if q.years and set(q.intents) & {"target", "deadline"}:
            # a year the row does not carry is a question the documents do not answer
            keep = [(s, r) for s, r in keep if r.deadline_year in q.years or any(str(y) in r.text for y in q.years)
                    or (r.kind == "indicator" and any(str(y) in k for k in r.extra for y in q.years))
                    # ... or an indicator's cell writes that year's value ("逐年提升(2019年81.77, 2020年82.05)",
                    # "2019—2020年…分别为99.10%、99.16%")
                    or (r.kind == "indicator" and set(q.years) & {y for v in r.extra.values() for y in years_written(str(v))})]
        keep.sort(key=lambda x: (self._doc_order(x[1].doc_id), -x[0]))
        return keep

    def _twins(self, q: Query, a: Record, b: Record) -> bool:
        """Two rows the question cannot tell apart that answer it differently: each holds every item word
        and the department or deadline asked differs between them; or one indicator of two tables of a
        document (the province's and the nation's standard) whose values differ, the question naming
        neither table ("温州河湖岸线保护率现状如何": "上级无管控目标" in 表2-1, "上级未下达管控目标" in 表2-2)."""
        if a.kind == b.kind == "indicator":
            return (a.list_name != b.list_name and flat(a.text) == flat(b.text) and not q.item_no
                    and not any(lv in q.text for t in (a.list_name, b.list_name) for lv in STANDARD_LEVEL.findall(t))
                    and not any(names_table_number(t, q.text) for t in (a.list_name, b.list_name))
                    and any(a.extra.get(k) != b.extra.get(k) for k in set(a.extra) & set(b.extra) if VALUE_COLUMN.search(k)))
        fields = set(q.intents) & {"lead", "participants", "deadline"}
        if not fields or q.item_no or a.kind != "list" or b.kind != "list":
            return False
        idf = self.records_ret.idf
        if min(idf.coverage(q.content, a.text), idf.coverage(q.content, b.text)) < 1.0 - 1e-9:
            return False
        asked = {"lead": lambda r: sorted(u.key for u in r.lead_units),
                 "participants": lambda r: sorted(u.key for u in r.participant_units),
                 "deadline": lambda r: r.deadline_year}
        return any(asked[f](a) != asked[f](b) for f in fields)

    @staticmethod
    def _misses_own_words(q: Query, draft: Draft) -> bool:
        """A follow-up asking words of its own ("基准年呢？" after "…规划期限是哪几年？") is not answered by
        a draft neither whose text nor whose quotes hold any of them: the question it carries on from
        still names what the turn before asked (规划期限), which that draft answers again."""
        if not q.followup or "item" in q.inherited or len(q.content) < 2 or draft.refused:
            return False
        said = flat(draft.text + "".join(c.text for c in draft.citations))
        return not bigrams(q.content) & bigrams(said)

    @staticmethod
    def _categories_named(words: Sequence[str], matches: list[tuple[float, Record]]) -> set[str]:
        """The bigrams of the row categories the question names as a word of its own ("台州汽车产业“一核多点”
        格局" → the 汽车 rows, whose text need not say 汽车): rare words of the item however common, so a
        row of another category sharing the rest ("…形成“一核多点”的新能源产业发展格局") goes after them.

        >>> r = Record(doc_id="d", list_name="清单", item_no="14", item_no_assigned=False, text="以…为核心区",
        ...            categories=["领域协同", "汽车"])
        >>> sorted(PolicyQA._categories_named(["汽车", "产业"], [(0.6, r)]))
        ['汽车']
        """
        categories = {flat(c) for _, r in matches for c in r.categories}
        return {g for w in words if len(w) >= 2 and w in categories for g in bigrams(w)}

    @staticmethod
    def _row_context(r: Record) -> set[str]:
        """The bigrams of a row with its list's name and categories: where an item's rare words are looked for."""
        return bigrams(" ".join([r.text, r.list_name, *r.categories]))

    def _rare_words_first(self, matches: list[tuple[float, Record]], anchors: set[str]) -> list[tuple[float, Record]]:
        """``matches`` with, per document, a row holding every rare word of the item (``anchors``, :meth:`Idf.anchors`)
        moved before a better-scored row lacking one, when within ``rare_margin`` of it: "医化产业要构建
        什么产业发展空间格局" is the 医化 row's "双核多点", not the 精密制造 row that shares the phrase
        "产业发展空间格局" word for word. The moved row takes the score of the row it passes."""
        if len(anchors) < 2:
            return matches  # one rare word: :meth:`_pick_from` already asks each row for it
        out = list(matches)
        for doc in dict.fromkeys(r.doc_id for _, r in out):
            at = next(i for i, (_, r) in enumerate(out) if r.doc_id == doc)
            top, first = out[at]
            if anchors <= self._row_context(first):
                continue
            for j in range(at + 1, len(out)):
                s, r = out[j]
                if top - s > self.config.rare_margin:
                    break
                if r.doc_id == doc and anchors <= self._row_context(r):
                    out[at:j + 1] = [(top, r), *out[at:j]]
                    break
        return out

    @staticmethod
    def _without_table_title(content: str, r: Record) -> str:
        """The item words without the words of the row's table title the row itself does not write
        ("国家级生态文明建设指标里河长制…": 河长制 — the table named, not the indicator), unless nothing
        would be left.

        >>> r = Record(doc_id="d", list_name="表2-2国家级生态文明建设指标规划表", item_no="4", item_no_assigned=False, text="河长制")
        >>> plan = Record(doc_id="d", list_name=r.list_name, item_no="1", item_no_assigned=False, text="生态文明建设规划")
        >>> PolicyQA._without_table_title("国家级生态文明建设河长制", r), PolicyQA._without_table_title("生态文明建设规划", plan)
        ('河长制', '生态文明建设规划')
        """
        kept = without_runs(content, r.list_name, TITLE_RUN_CHARS, kept_in=r.text)
        return kept if len(kept) >= 2 else content

    def _indicator_cover(self, content: str, name: str, row: str) -> float:
        """How much of the item words an indicator row holds: by bigrams, or by words where the question
        leaves out a row's particles ("公众生态文明建设满意度" of "公众对生态文明建设的 满意度") — then
        every word of the indicator's ``name`` stands in the question too ("地区生产总值" is not
        "单位地区生产总值用水量", "生态文明建设…已达标" not "生态文明建设规划")."""
        by_bigrams = self.records_ret.idf.coverage(content, row)
        if by_bigrams >= self.config.indicator_accept:
            return by_bigrams  # (the words are looked at only when the bigrams fall short)

        def share(words: list[str], text: str) -> float:
            text = flat(text)
            words = [w for w in words if len(w) >= 2]
            return sum(w in text for w in words) / len(words) if words else 0.0
        # (the question names the whole indicator: every word of its name stands in it)
        by_words = share(self.parser.words(content), row) if share(self.parser.words(name), content) == 1 else 0.0
        return max(by_bigrams, by_words)

    def _doc_order(self, doc_id: str) -> tuple[int, str]:
        meta = self.res.docs.get(doc_id)
        return ({"省": 0, "市": 1}.get(meta.level, 2) if meta else 3, doc_id)

    def _rows_writing_named_values(self, st: _State, picked: list[tuple[float, Record]]
                                   ) -> tuple[list[tuple[float, Record]], Answer | None]:
        """"达到25%那条谁负责": of the rows found, those writing every value the question names (not the
        same indicator's rows of other documents with other values); when none writes them, the answer
        saying so with what the rows do write — the premise is wrong."""
        q = st.query
        assert q is not None
        named = named_values(st.question) if set(q.intents) & FIELD_INTENTS and not q.item_no else []
        if not (picked and named):
            return picked, None
        holding = [(sc, r) for sc, r in picked if all(writes_value(r.text, v) for v in named)]
        if holding:
            return holding, None
        if (not {"lead", "participants"} & set(q.intents)  # (a list's role no sentence's department answers)
                and (text := self.passage.run(self._ask(st))) is not None and not text.refused and text.citations
                and all(any(writes_value(c.text, v) for c in text.citations) for v in named)):
            # "创建8个减污降碳协同试点是到哪年": no row writes the value, the text does (tz:15 "创建8个…试点"):
            # the sentence holding it answers — the premise is the text's, not wrong
            return [], self._from_draft(st, text)
        q.intents += [] if "target" in q.intents else ["target"]  # the values the rows do write, shown
        ans = self._answer_records(st, picked)
        item = q.content
        for v in named:  # (the value named stays out: no cited text writes it, verification would drop it)
            item = item.replace(v, "")
        ans.answer = f"{NOT_FOUND}数值与问题所述一致的“{item}”条目；文件中该项的表述如下：\n" + ans.answer
        return picked, ans

    def _answer_records(self, st: _State, picked: list[tuple[float, Record]]) -> Answer:
        q = st.query
        assert q is not None
        citer = Citer(self.res)
        facts: list[Fact] = []
        asked = q.intents + [str(y) for y in q.years]  # indicator rows pick their year columns
        sentences = [compose_record(r, asked, citer, self.res, facts, q.content, whole=bool(q.item_no),
                                    count_units=q.counts_units, number_asked=st.question if q.wants_number else "")
                     for _, r in picked]
        found_docs = {r.doc_id for _, r in picked}
        found_regions = {self.res.docs[d].region for d in found_docs if d in self.res.docs}
        texts: list[Draft] = []
        for d in q.doc_ids:  # a region the user named that has no such item
            meta = self.res.docs.get(d)
            if (meta and d in st.doc_ids and meta.region not in found_regions
                    and self.res.doc_info.get(d, {}).get("n_records")):
                item = q.content or '该事项'
                # its text may state it ("省里和台州的森林覆盖率目标各是多少": 台州's lists have no such
                # row, its prose "全市森林覆盖率达到61.5%" answers): quoted after the rows
                own = self._text_of(st, d)
                sentences.append(f"{doc_label(meta)}清单中未找到与“{item}”对应的条目，正文中的相关表述见下。" if own
                                 else f"{doc_label(meta)}中未找到与“{item}”对应的条目。")
                texts += [own] if own else []
                st.texts_quoted |= {d} if own else set()
                found_regions.add(meta.region)
        text = "\n".join(sentences)
        if len(picked) == 1 and q.units and RoleVerdict.asked(st.question):  # "X是牵头还是参与": said first
            said = {k: unit_as_named(st.question, k, self.parser.unit_forms, self.res.unit_display) for k in q.units}
            text = self.role_verdict.run(picked[0][1], said).sentence + "\n" + text
        if len(found_docs) > 1:
            text = f"共有{len(found_docs)}份文件载有该事项，分别如下：\n" + text
        elif len(picked) > 1:  # two rows of one document the question cannot tell apart (``_twins``)
            text = f"{doc_label(self.res.docs[picked[0][1].doc_id])}有{len(picked)}项载有该事项，分别如下：\n" + text
        ans = Answer(question=st.question, answer=text, refused=False, citations=citer.citations,
                     records=[self._record_json(r) for _, r in picked], facts=facts, intents=q.intents, query=q)
        for own in texts:
            ans = self._with_passage(ans, own)
        return ans

    def _text_besides(self, st: _State, ask: Ask, passage: Draft, floor: float) -> Draft | None:
        """``passage``, or where it quotes a document whose text the rows answer quotes already
        (:meth:`_text_of`), the passage draft of the other documents in scope that scores ``floor`` or
        more — the score that let ``passage`` in (None when there is none: "温州和台州的城镇污水集中处理率"
        quotes 台州's own sentence, not the gazette's "农村生活污水治理率" that only shares 污水…率)."""
        if not {c.doc_id for c in passage.citations} & st.texts_quoted:
            return passage
        rest = [d for d in ask.doc_ids if d not in st.texts_quoted]
        other = self.passage.run(replace(ask, doc_ids=rest)) if rest else None
        return other if other is not None and other.score >= floor else None

    def _text_of(self, st: _State, doc_id: str) -> Draft | None:
        """The passage draft of one document's text for the question (a document in a comparison whose
        lists have no row for the item), or None."""
        ask = self._ask(st)
        ask.doc_ids = [doc_id]
        d = self.passage.run(ask)
        return d if d is not None and not d.refused and all(c.doc_id == doc_id for c in d.citations) else None

    def _list_by_dept(self, st: _State) -> Answer:
        """The rows the units named lead or join (``role`` as asked), cited one per line; several units
        asked together ("共同牵头", "都参与") the rows all of them hold."""
        q = st.query
        assert q is not None
        role = "lead" if "lead" in q.intents and "participants" not in q.intents else (
            "part" if "participants" in q.intents and "lead" not in q.intents else None)
        rows: list[Record] = []
        for key in q.units:
            for d in st.doc_ids:
                rows += self.res.store.query_records(doc_id=d, unit_key=key, role=role,
                                                     year=q.years[0] if q.years else None)
        negated = bool(q.list_name) and set(q.units) <= units_negated(st.question, self.parser.unit_forms)
        if negated:  # "政策清单里不是省生态环境厅牵头的有哪些": the list's other rows
            held = {r.id for r in rows}
            rows = [r for d in st.doc_ids for r in self.res.store.query_records(doc_id=d, list_name=q.list_name)
                    if r.id not in held]
        rows, within = self._narrowed(st, rows)
        if noun := asked_row_noun(st.question):  # "…牵头的是哪个目标": the 目标清单's; "…哪个试点": rows that are 试点
            rows = ([r for r in rows if noun in r.list_name]
                    or [r for r in rows if noun in ROW_NAME_HEADS and (noun in r.text or any(noun in c for c in r.categories))]
                    or rows)
        in_list = [r for r in rows if not q.list_name or r.list_name == q.list_name]
        elsewhere = ""
        if not in_list and rows and {"list", "item"} & set(q.inherited) and not negated:
            # "温州政策清单里哪项的牵头单位最多？" → "其中市科技局还参与了哪项任务？": the list was the last turn's, not
            # asked now — none of its rows, the unit's rows of the document's other lists
            elsewhere = q.list_name
            in_list = rows
        rows = sorted({r.id: r for r in in_list}.values(),
                      key=lambda r: (self._doc_order(r.doc_id), r.span.start_line if r.span else 0))  # (the list named)
        alone = role == "lead" and not negated and bool(ALONE_ASKED.search(st.question))
        if alone:  # "…单独牵头的": the unit leads with no other
            rows = [r for r in rows if held_keys(r.lead_units) == set(q.units) and len(r.lead_units) == len(q.units)]
        jointly = len(q.units) >= 2 and bool(JOINTLY_ASKED.search(st.question))
        if jointly:  # "…由A和B共同牵头": the rows every unit named holds (in the role asked), not those of either
            rows = [r for r in rows if set(q.units) <= held_keys(
                r.lead_units if role == "lead" else r.participant_units if role == "part" else [*r.lead_units, *r.participant_units])]
        said = {k: self._unit_said(st.question, k, rows) for k in q.units}
        name = ("不是" if negated else "") + "、".join(said.values())
        role_txt = ("共同" if jointly else "单独" if alone else "") + {"lead": "牵头", "part": "参与", None: "牵头或参与"}[role]
        roles = roles_named(st.question, self.parser.unit_forms)
        if not jointly and len(q.units) >= 2 and set(roles) == set(q.units) and len(set(roles.values())) == 2:
            # "A牵头、B参与的有几项": the rows where each unit named holds the role written after it
            rows = [r for r in rows if all(k in held_keys(r.lead_units if rl == "lead" else r.participant_units)
                                           for k, rl in roles.items())]
            name, role_txt = "、".join(f"{said[k]}{'牵头' if rl == 'lead' else '参与'}"
                                       for k, rl in roles.items()), ""
        if not rows:
            return self._refuse(st, f"{NOT_FOUND}{within or (q.list_name + '里' if q.list_name else '')}{name}{role_txt}的条目。")
        if len(rows) == 1 and set(q.intents) & ROW_FIELDS_ASKED and ONE_ROW_POINTED.search(st.question):
            # "市铁投集团负责的那项重点工程实施期限是哪几年": the one row it holds, with the field asked as the row
            # writes it ("实施期限(年)为“2018-2023”"), not a listing line with its deadline year
            if (cell := self.columns.run_rows(self._ask(st), [(1.0, rows[0])], kind_only=True)) is not None:
                ans = self._from_draft(st, cell)  # (a column the question names: its cell as the table writes it)
                ans.answer = f"{name}{role_txt}的条目共1项：\n" + ans.answer
                return ans
            citer, facts = Citer(self.res), []
            text = compose_record(rows[0], [i for i in q.intents if i in ROW_FIELDS_ASKED], citer, self.res, facts)
            return Answer(question=st.question, answer=f"{name}{role_txt}的条目共1项：\n{text}", refused=False,
                          citations=citer.citations, records=[self._record_json(rows[0])], facts=facts,
                          intents=q.intents, query=q)

        def describe(r: Record, deadline: str) -> tuple[str, str, Any]:
            if negated:  # (a row the unit does not hold: its own lead shown)
                lead = written_units(r, r.lead_names, self.res) or r.lead_note
                return f"（{r.lead_label or '牵头单位'}：{lead}{deadline}）", "lead", lead
            as_lead = bool(held_keys(r.lead_units) & set(q.units))
            # a unit found in another's parentheses is shown as the list writes it ("省发展改革委（省能源局）")
            inside = [u.name for u in (r.lead_units if as_lead else r.participant_units)
                      if u.key not in q.units and held_keys([u]) & set(q.units)]
            written = f"，原文写作“{'、'.join(inside)}”" if inside else ""
            # (a list with one column of who answers — 责任单位 — says so, not 牵头: it names no lead apart)
            held = ("牵头" if r.lead_label in ("", "牵头单位") else r.lead_label) if as_lead else "参与"
            return f"（{held}{deadline}{written}）", "lead" if as_lead else "participants", name

        other = f"{elsewhere}中没有{name}{role_txt}的条目；其他清单中，" if elsewhere else ""
        return self._listing(st, rows, f"{other}{within}{name}{role_txt}的条目", describe)

    def _unit_said(self, question: str, key: str, rows: list[Record]) -> str:
        """The unit ``key`` as a listing's title names it: as the question writes it when the rows listed
        write that too ("市住建局"), else as the first of them writes it ("市建设局" for a 台州 list asked of
        市住建局) — a name the verifier finds in the passages cited."""
        asked = unit_as_named(question, key, self.parser.unit_forms, self.res.unit_display)
        written = [u.name for r in rows for u in [*r.lead_units, *r.participant_units] if u.key == key]
        return asked if not written or any(asked in w for w in written) else written[0]

    def _narrowed(self, st: _State, rows: list[Record]) -> tuple[list[Record], str]:
        """``rows`` kept to the list classes the question names ("大气方面哪些任务是…牵头的") and to the
        range of rows it names ("前十项里…", "第11到20项中…"), with both as the answer names them ("“任务协同 ›
        大气”中", "第1—10项中"); unchanged, "" when it names neither."""
        assert st.query is not None
        rows, numbered = in_range(rows, st.query.item_range)
        named = self.categories.members(self._ask(st))
        if named is None:
            return rows, f"{numbered}中" if numbered else ""
        ids, classes = named
        return [r for r in rows if r.id in ids], f"{classes}{numbered}中"

    def _list_by_year(self, st: _State) -> Answer:
        q = st.query
        assert q is not None
        if q.years_excluded:  # ("完成时限不是2025年的": the rows of another year)
            rows = [r for d in st.doc_ids for r in self.res.store.query_records(doc_id=d)
                    if r.deadline_year and r.deadline_year not in q.years and (not q.list_name or r.list_name == q.list_name)]
        else:
            rows = [r for d in st.doc_ids for y in q.years for r in self.res.store.query_records(doc_id=d, year=y)
                    if not q.list_name or r.list_name == q.list_name]  # (the list named)
        rows, within = self._narrowed(st, rows)
        if q.units:
            rows = [r for r in rows if held_keys([*r.lead_units, *r.participant_units]) & set(q.units)]
        if q.content:
            narrowed = [r for r in rows if coverage(q.content, r.text) >= self.config.narrow_coverage]
            rows = narrowed or rows
        years = ("不是" if q.years_excluded else "为") + "、".join(f"{y}年" for y in q.years)
        if not rows:
            return self._refuse(st, f"{NOT_FOUND}{within or (q.list_name + '里' if q.list_name else '')}完成时限{years}的条目。")
        def describe(r: Record, deadline: str) -> tuple[str, str, Any]:
            how = "按清单表注" if r.deadline_source == "list_note" else "条目中注明"
            lead = f"，{r.lead_label}：{written_units(r, r.lead_names, self.res) or r.lead_note}" if (r.lead_names or r.lead_note) else ""
            return f"（{how}{lead}）", "deadline", r.deadline_year

        return self._listing(st, rows, f"{within}完成时限{years}的条目", describe)

    def _listing(self, st: _State, rows: list[Record], title: str, describe: Any) -> Answer:
        """One cited line per row; ``describe(row, deadline_text) -> (suffix, fact field, fact value)``."""
        q = st.query
        assert q is not None
        citer = Citer(self.res)
        facts: list[Fact] = []
        limit = self.config.max_list_rows
        out = [f"{title}共{len(rows)}项" + (f"（列出前{limit}项）" if len(rows) > limit else "") + "："]
        for r in rows[:limit]:
            meta = self.res.docs.get(r.doc_id)
            marks = [citer.record(r)]
            deadline = ""
            if r.deadline_year:
                deadline = f"，完成时限{r.deadline_year}年" + ("（按清单表注）" if r.deadline_source == "list_note" else "")
                if r.deadline_source == "list_note" and (nn := citer.list_note(r)):
                    marks.append(nn)
            suffix, field_, value = describe(r, deadline)
            shown = quote(r.text, len(r.text)) if len(rows) <= self.config.whole_rows else gist(r.text, 40)
            out.append(f"{doc_label(meta) if meta else r.doc_id}{r.list_name}第{r.item_no}项“{shown}”{suffix}"
                       + "".join(f"[{m}]" for m in dict.fromkeys(marks)) + "。")
            facts.append(Fact(r.doc_id, r.list_name, r.item_no, field_, value, marks[0]))
        return Answer(question=st.question, answer="\n".join(out), refused=False, citations=citer.citations,
                      records=[self._record_json(r) for r in rows[:limit]], facts=facts, intents=q.intents, query=q)

    def _count(self, st: _State) -> Answer:
        q = st.query
        assert q is not None
        lists: dict[tuple[str, str], list[Record]] = {}
        for r in self.res.records.values():
            if r.doc_id in st.doc_ids and (not q.list_name or r.list_name == q.list_name):
                lists.setdefault((r.doc_id, r.list_name), []).append(r)
        if q.content and not q.list_name:
            lists = {k: v for k, v in lists.items() if coverage(q.content, k[1]) >= self.config.narrow_coverage}
        if not lists:
            # no list of the documents in scope holds the rows: a sentence may state the count
            # ("明确…32项目标清单、47项任务清单" in a drafting note that prints no list)
            if (passage := self.passage.run(self._ask(st))) is not None:
                return self._from_draft(st, passage)
            return self._refuse(st, f"{NOT_FOUND}可计数的清单{('“' + q.list_name + '”') if q.list_name else ''}。")
        citer = Citer(self.res)
        facts: list[Fact] = []
        out = []
        for (doc_id, name), rows in lists.items():
            meta = self.res.docs.get(doc_id)
            text, fact = size_of_list(f"{doc_label(meta) if meta else doc_id}{name}", rows, citer)
            out.append(text)
            facts.append(replace(fact, doc_id=doc_id, list_name=name))
        if q.count_claimed and all(f.value != q.count_claimed for f in facts):
            # "政策清单是不是只有4项": the size the question claims is not the list's (said in words: no row writes it)
            out.append(f"（问题所述为{cn_number(q.count_claimed)}项，与文件所列不一致。）")
        return Answer(question=st.question, answer="\n".join(out), refused=False, citations=citer.citations,
                      facts=facts, intents=q.intents, query=q)

    # ---- verification -----------------------------------------------------------
    def _verify(self, st: _State) -> Answer:
        ans = st.answer
        assert ans is not None
        if ans.refused:
            return ans
        if self.phraser is not None:
            ans = self.phraser.rephrase(ans)
        passages = {c.n: c.text for c in ans.citations}
        rows = {c.n: self._cited_row(c.record_id) for c in ans.citations if c.record_id in self.res.records}
        res = self.verifier.run(ans.answer, passages, rows, sections={c.n: c.section for c in ans.citations})
        ans.dropped_claims = res.dropped
        if res.dropped:
            ans.answer = res.text
        if not ans.answer.strip() or (res.dropped and res.kept_claims == 0):
            refused = self._refuse(st, f"{NOT_FOUND}可核实的答案：候选答案中的数值或部门未能在引用原文中找到。")
            refused.dropped_claims = res.dropped
            return refused
        used = {int(m) for m in re.findall(r"\[(\d+)\]", ans.answer)}
        if used:
            ans.citations = [c for c in ans.citations if c.n in used]
            ans.facts = [f for f in ans.facts if f.citation in used]
        if claimed := self._claims_unwritten(st.question, ans):
            # "核电装机的要求是1200万千瓦吧？": the value claimed is said not to be the documents' (what they write follows)
            ans.answer = f"问题所述{'、'.join(f'“{v}”' for v in claimed)}与文件不一致，文件所载如下：\n" + ans.answer
        if st.query is not None and (verdict := self.comparer.run(
                st.question, st.query.content, ans.citations, {d: m.region for d, m in self.res.docs.items()}, ans.facts)):
            ans.answer += "\n" + verdict.text
        if note := self._stage_unlike(st.query, ans):
            ans.answer = note + ans.answer
        for old, new in st.superseded:
            if any(c.doc_id == new for c in ans.citations):
                ans.answer += (f"\n（{doc_label(self.res.docs[new])}是{doc_label(self.res.docs[old])}的新版本，"
                               "以上按新版本作答。）")
        return ans

    def _claims_unwritten(self, question: str, ans: Answer) -> list[str]:
        """The values a confirmation question claims ("…是1200万千瓦吧？", "…达到55%对吗？") whose number no
        passage the answer cites writes: the claim the documents do not bear out. (The number alone is
        looked for: an indicator table gives its unit in a column of its own — "62（原林业统计口径）" under %.)
        So too a unit claimed in a role ("…是市林业局牵头吗") that no cited row gives it."""
        confirming = bool(CONFIRMATION.search(question))
        units: list[str] = []
        if confirming or UNIT_CONFIRMED.search(question):  # ("是市林业局牵头吗" asks to confirm as "…吧" does)
            rows = [self.res.records[c.record_id] for c in ans.citations if c.record_id in self.res.records]
            roles = {"lead": "牵头", "part": "参与"}
            units = [f"{name}{roles[role]}" for name, role in claimed_units(question) if rows and not any(
                unit_key(name) in held_keys(r.lead_units if role == "lead" else r.participant_units) for r in rows)]
        if not confirming:
            return units
        def written(v: str) -> bool:
            number = re.escape(re.match(r"\d+(?:\.\d+)?", v).group(0))  # type: ignore[union-attr]
            return any(re.search(rf"(?<![\d.]){number}(?!\.?\d)", re.sub(r"\s", "", c.text)) for c in ans.citations)
        cited = [c.text for c in ans.citations]
        return ([v for v in named_values(question) if not written(v)]
                + [v for v in claimed_word_counts(question) if not any(writes_count(t, v) for t in cited)]  # ("六大海湾…吧")
                + units)

    def _stage_unlike(self, q: Query | None, ans: Answer) -> str:
        """A note that the documents answering are not at the stage the question gives them ("温州方案征求意见稿
        里…" of a formal plan; "台州正式方案里…" of a draft, the corpus holding no formal version): "" when
        they are, or when no stage was named. (A question about the stage itself is the document-facts
        answerer's, which says it.)"""
        if q is None or not q.stage_claimed or "doc_fact" in q.intents:
            return ""
        draft_claimed = q.stage_claimed != "正式"
        unlike = [self.res.docs[d] for d in dict.fromkeys(c.doc_id for c in ans.citations)
                  if d in self.res.docs and self.res.docs[d].is_draft != draft_claimed]
        if not unlike:
            return ""
        labels = "、".join(doc_label(m) for m in unlike)
        if draft_claimed:
            return f"注意：{labels}未标注为{q.stage_claimed}（文件库登记为{'、'.join(dict.fromkeys(m.status or '正式' for m in unlike))}文本），以下按该文件作答。\n"
        return f"注意：{labels}为征求意见稿，文件库中没有其正式印发文本，以下按征求意见稿作答。\n"

    def _cited_row(self, record_id: str) -> CitedRow:
        """A cited row's fields by role, for role-aware verification."""
        r = self.res.records[record_id]
        src = tuple(u.name for u in r.data_sources) + ((r.extra["数据来源"],) if r.extra.get("数据来源") else ())
        split = row_list_default(r)
        return CitedRow(lead=tuple(r.lead_names), participants=tuple(r.participant_names), data_source=src,
                        deadline_year=r.deadline_year, weight=str(r.weight or ""), other_years=(split[1],) if split else ())

    @staticmethod
    def _record_json(r: Record) -> dict[str, Any]:
        return {
            "id": r.id, "doc_id": r.doc_id, "list": r.list_name, "item_no": r.item_no, "text": r.text,
            "section": r.section, "categories": r.categories, "lead_label": r.lead_label,
            "lead": r.lead_names, "lead_note": r.lead_note, "participants": r.participant_names,
            "participant_note": r.participant_note, "shared_lead": r.shared_lead,
            "deadline_year": r.deadline_year, "deadline_source": r.deadline_source,
            "targets": [t.text for t in r.targets], "weight": r.weight,
            "data_source": r.extra.get("数据来源", "") if r.kind == "index" else "",
            "kind": r.kind, "locator": r.span.locator() if r.span else "",
            "list_note": r.extra.get("list_note", "") if r.deadline_source == "list_note" else "",
        }


REFUSAL_TAIL = "以下为最接近的原文段落，供参考。"


def without_places(content: str, places: list[str]) -> str:
    """The item words with the places asked of taken out: what is asked of them.

    >>> without_places("宁波光伏", ["宁波"])
    '光伏'
    """
    for p in places:
        content = content.replace(p, "")
    return content


#: where a row's sentences end (a place and the item it is asked of stand in one of them)
SENTENCE_END = re.compile(r"[。；;！!？?]")


#: a year, or a span of years, a text writes a value for ("2019年81.77", "2019—2020年…分别为…")
YEARS_WRITTEN = re.compile(r"((?:19|20)\d\d)(?:\s*[—\-－~至到]\s*((?:19|20)\d\d))?\s*年")


def years_written(text: str) -> set[int]:
    """The years ``text`` writes, spans expanded.

    >>> sorted(years_written("持续改善(2019—2020年综合利用率分别为99.10%、99.16%)")), sorted(years_written("2019年81.77"))
    ([2019, 2020], [2019])
    """
    out: set[int] = set()
    for a, b in YEARS_WRITTEN.findall(text):
        out.update(range(int(a), int(b or a) + 1) if int(b or a) - int(a) <= 10 else (int(a), int(b)))
    return out


NAMED_HEADING_CHARS = 3  # a heading the question writes out: at least this long ("规划期限", not "目标")


def _names_cited_heading(question: str, draft: Draft) -> bool:
    """Whether the question writes out the heading of the section a draft quotes ("温州规划的规划期限" →
    "四、规划期限"): it asks what that section says, not a list row.

    >>> from rag.types import Citation
    >>> c = Citation(n=1, doc_id="d", title="t", section="第二章 规划总则 / 四、规划期限", locator="", text="")
    >>> _names_cited_heading("温州规划的规划期限？", Draft("passage", 1.0, "", [c])), _names_cited_heading("期限？", Draft("passage", 1.0, "", [c]))
    (True, False)
    """
    q = re.sub(r"\s+", "", question)
    for c in draft.citations:
        last = heading_words(c.section.split(" / ")[-1]) if c.section else ""
        if len(last) >= NAMED_HEADING_CHARS and last in q:
            return True
    return False


def merge_parts(question: str, parts: list[str], answers: list[Answer]) -> Answer:
    """One answer from the answers to a question's parts: each under its part, citations renumbered
    (a passage cited by two parts keeps one number). A part not found says so; the whole is refused
    only when every part is."""
    if all(a.refused for a in answers):
        nearest = [c for a in answers for c in a.nearest]
        seen: dict[tuple[str, str], Citation] = {}
        for c in nearest:
            seen.setdefault((c.doc_id, c.locator), c)
        near = [replace(c, n=k) for k, c in enumerate(seen.values(), 1)]
        text = "\n".join(f"（{k}）{p}\n{a.answer.replace(REFUSAL_TAIL, '')}" for k, (p, a) in enumerate(zip(parts, answers), 1))
        return Answer(question=question, answer=text + ("\n" + REFUSAL_TAIL if near else ""), refused=True, nearest=near)
    cites: list[Citation] = []
    number: dict[tuple[str, str], int] = {}
    texts, facts, records, intents = [], [], [], []
    for k, (p, a) in enumerate(zip(parts, answers), 1):
        mapping: dict[int, int] = {}
        for c in ([] if a.refused else a.citations):
            key = (c.doc_id, c.locator)
            if key not in number:
                number[key] = len(cites) + 1
                cites.append(replace(c, n=number[key]))
            mapping[c.n] = number[key]
        body = a.answer.replace(REFUSAL_TAIL, "") if a.refused else re.sub(
            r"\[(\d+)\]", lambda m: f"[{mapping.get(int(m.group(1)), int(m.group(1)))}]", a.answer)
        texts.append(f"（{k}）{p}\n{body}")
        facts += [replace(f, citation=mapping.get(f.citation, f.citation)) for f in a.facts]
        records += a.records
        intents += [i for i in a.intents if i not in intents]
    return Answer(question=question, answer="\n".join(texts), refused=False, citations=cites, facts=facts,
                  records=records, intents=intents, query=answers[0].query)


_default: PolicyQA | None = None
_default_lock = threading.Lock()


def answer(question: str, history: Sequence[Any] | None = None, filters: dict[str, Any] | None = None) -> Answer:
    """Answer with a chain built once from the environment (see :class:`ingest.config.Settings`)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = PolicyQA.from_settings(Settings.from_env())
    return _default.answer(question, history=history, filters=filters)


__all__ = ["PolicyQA", "ChainConfig", "answer", "Answer", "Citation"]
