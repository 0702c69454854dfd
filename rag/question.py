"""Understand a question: level/region → documents, intents, departments, years, list/item, follow-ups.

Everything is derived from the ingested documents' metadata and records (region names, list names,
department names) plus general Chinese question words; nothing is specific to one document.

>>> from ingest.types import DocumentMeta
>>> docs = [DocumentMeta(id="p", title="浙江省方案", file="p.txt", level="省", region="浙江省"),
...         DocumentMeta(id="w", title="温州市方案", file="w.txt", level="市", region="温州市")]
>>> qp = QuestionParser(docs, unit_forms={"市生态环境局": "市生态环境局"}, list_names=["目标清单"])
>>> q = qp.run("秸秆综合利用那条温州谁牵头？")
>>> q.intents, q.doc_ids, q.content
(['lead'], ['w'], '秸秆综合利用')
>>> f = qp.run("那省里呢？", history=["秸秆综合利用那条温州谁牵头？"])
>>> f.followup, f.intents, f.doc_ids, f.content
(True, ['lead'], ['p'], '秸秆综合利用')
"""
from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.types import DocumentMeta
from ingest.values import numeral_value
from ingest.vocab import STANDARD_LEVEL, STRONG_UNIT_SUFFIXES, VALUE_COLUMN, VALUE_COLUMN_NAMED, VALUE_WORDS

from .answer_type import EARLIER_WORDS, NUMBER_Q, SIZE_COMPARED, WHICH_EARLIER, WHICH_HIGHER, SCORE_Q, STAGE_Q, asked_unit, units_counted
from .cell_values import choice_of
from .item_spans import ItemQuotes
from .retrievers import bigrams
from .types import Query

_PLACES = Path(__file__).resolve().parent.parent / "ingest" / "data" / "places.json"

#: "温州这边/那边/方面": a place and a word that only points at it (kept whole, so the item is not "这边秸秆")
REGION_SUFFIXES = ("这边", "那边", "方面")
#: after a province's short name ("浙江到2025年…", "浙江的…", "浙江要…"), words no unit or item name
#: continues it with: the name selects the province's documents (a bare "浙江" starts 浙江海事局)
PROVINCE_SHORT_NEXT = ("到", "的", "要", "在", "对", "将", "省内", "全省", "整体")
#: a question ending in 呢 with item words up to this long continues the last turn ("规划期限呢？")
FOLLOW_NE_CHARS = 6
#: a verbatim quote of an answer ("…部分：“…”[1]")
QUOTED = re.compile(r"：“(.+?)”\[\d+\]")
#: a question asking with words the last answer quotes, up to this long once its asking adverbs are aside
#: ("最终要淘汰什么？" after a quote "…逐步淘汰氢氯氟烃使用"), asks another part of the same passage
ECHO_CHARS = 4
#: adverbs of an asking turn that no passage need write ("最终", "具体", "另外"): aside when its words are
#: looked for in the last answer's quotes
ASKING_ADVERBS = re.compile(r"最终|最后|具体|另外|此外|同时|还|又|也|主要|进一步")
#: a question with item words up to this long, none a dictionary word, names no item of its own
#: ("以什么为王？" → 以王): it asks about the last turn's item
ELLIPTIC_CHARS = 2
#: item words that are only an indicator table's value column, with the level of its standard or a
#: year ("国家级参照值呢？", "2030年规划值呢？"): the column asked of the last turn's indicator
COLUMN_ASKED = re.compile(r"(?:" + STANDARD_LEVEL.pattern + r")?(?:(?:19|20)\d\d年?)?(?:" + VALUE_WORDS.pattern + r")")
#: a follow-up asking only 规划 or 目标 ("现状多少？" then "规划多少？"): that value column of the last
#: turn's item (规划值, 目标值), not an item named 规划
BARE_COLUMN = re.compile(r"(?:那|那么)?(规划|目标)值?(?:是|为|呢|要|达到|定为)*(?:多少|什么|几)?[？?]?")
#: a later part or a follow-up asking only how the item stands now ("…到2030年怎么要求？现在建了没有？",
#: "目前呢？"): the 现状 column of the indicator asked (a table's present value, under its own year), not an
#: item named 现在; a word or two of a verb may follow ("建了没有" → 建), no item words, and nothing else asked
NOW_ASKED = re.compile(r"^(?:那|那么)?(现在|目前|当前|如今|眼下)")
NOW_VERB_CHARS = 2
#: a range of items ("第27到30项", "指标27至30"): each number of it is asked
ITEM_RANGE = re.compile(r"(?:第|指标)\s*(\d{1,3})\s*[项条个]?\s*(?:到|至|~|～|-|—)\s*(?:第|指标)?\s*(\d{1,3})\s*[项条个]?")
MAX_RANGE = 20
#: a follow-up names a document by its title words only with this many of them ("减污降碳方案")
DOC_NAME_CHARS = 4
#: a later part of one message with item words this short goes on from the part before it
CONTINUE_CHARS = 4
#: a word pointing at the province after it ("省里这边", "省那边", "省方面")
PROVINCE_POINTER = re.compile(r"(里)?(?:这边|那边|方面)")
#: a question opening with a bare 省 before its item ("省协同指数有几个一级指标") asks the province's
#: documents; not 省级 / 省控 / 省内 … (adjectives of an item), not a unit's name (found before) and not a
#: numbered meeting or term of the province ("省第十五次党代会提出…": a body every document may quote)
LEADING_PROVINCE = re.compile(r"^\s*(?:那么?)?\s*(省)(?![级控内外域会委长市属直界份])"
                              r"(?!第[一二三四五六七八九十百\d]+[次届])(?=[\u4e00-\u9fff])")
#: a bare 省 inside a question, after a word that joins or places it and before a list, index or plan
#: ("省生态环境厅在省目标清单第12项里…", "温州和省任务清单…"): the province's documents, as at the start
#: (not a province word of its own — "在省方案里", "和省里": :data:`PROVINCE_WORDS`, read with the region words)
MID_PROVINCE = re.compile(r"(?<=[在和与跟及、，,看查])(省)(?![级控内外域会委长市属直界份])(?!里|方案|文件|的|层面|一级|政府)"
                          r"(?=[^\s，。？?]{0,8}?(?:清单|指数|方案))")
#: a unit set aside right before its name ("除了市经信局", "除"): of a row named, the others of its column are asked
EXCEPT_BEFORE = re.compile(r"除了?$|除去$")
#: words that select the provincial document(s)
PROVINCE_WORDS = ("省里", "全省", "省层面", "省一级", "省政府", "省方案", "省文件", "省的", "省里这边", "省里那边", "省级层面")
#: how the duties are divided ("那条职责怎么分", "如何分工"): the row's lead column, which a list may fill with
#: the division itself ("按《…实施方案》确定的职责分工负责", "…按职责分工负责")
_DUTIES_SPLIT = r"职责(?:怎么|如何|怎样)(?:划分|分工|分)|(?:怎么|如何|怎样)分工|分工(?:是什么|如何|怎样|怎么样)"
#: a day asked as 哪天 asks it ("是几号？" after a meeting asked of) — not 几号文, 第几号, 几号线
_DAY_JIHAO = r"(?<!第)几号(?![文线楼])"
#: asks what has actually been achieved (the documents are plans: refused). Ordinary words that also
#: stand in other questions (了吗, 目前, 现在, 已经, 今年 alone) are not enough: a status question pairs
#: them with achievement ("已经完成", "目前达到", "提高了多少", "完成情况", "进度").
#: ... but a report or a use of it that the question follows ("落实情况每年向谁报告", "目标完成情况纳入什么
#:考核"): who receives it, or where it goes, is asked — the rule, not an achievement
_REPORTED_TO = r"(?![^？?，,]{0,8}(?:报告|报送|通报|公布|上报|纳入|列入|计入|作为))"
#: ... nor what a plan sets ("省里定了多少", "国家下达了多少", "规划了多少"): the verb before 了多少 sets the
#: target, which the documents state
_SET_NOT_DONE = r"(?<!定)(?<!下达)(?<!划)(?<!提出)"
_STATUS = (r"完成了吗|完成没|完成了没|已经(完成|达到|实现|建成|验收|达标)|(是否|有没有)(已经)?(完成|达到|实现|建成|验收)"
           r"|完成情况" + _REPORTED_TO + r"|实际(完成|进度|进展|值|情况)|进展(如何|怎样|怎么样|情况)|进度|验收了|怎么样了|落实得"
           r"|落实情况" + _REPORTED_TO +
           r"|(目前|现在|如今)[^？?，,]{0,8}(达到|完成|进展|实现|建成)|[\u4e00-\u9fff]{1,2}" + _SET_NOT_DONE + r"了多少|多少了")
#: a year claimed as an item's deadline, to be confirmed ("要2025年完成对吧", "是2023年底前建成的吗"):
#: the deadline is asked — the true one, which the row states
_CLAIMED_DEADLINE = re.compile(r"(?:19|20)\d{2}\s*年(?:底|内)?(?:前|以前)?(?:就|要|能|会|才)?(?:完成|建成|完工|到期)的?了?"
                               r"[，,]?(?:对吧|是吧|吧|对吗|是吗|对不对|是不是|吗|没错)")
_SOURCE = (r"数据来源|数据由|数据从|(谁|哪个部门|哪些部门|哪个单位)(提供|出)数据|数据.{0,2}(谁|哪个部门|哪些部门|哪个单位)(提供|出|给|报)"
           r"|来源单位"
           # "市供电局负责几个指标的数据", "市统计局提供哪些指标的数据": the department named provides them
           # (指标 must stand before 数据: "谁负责数据共享" asks a lead, its 数据 an item word)
           r"|(?:负责|提供|报送)[^？?，,。]{0,6}?指标的?数据"
           # "市统计局提供数据的指标有哪些": the indicators whose data the department named provides
           r"|(?:负责|提供|报送)数据的?(?:那|这|该)?一?[项个条]?指标")  # (… "提供数据的那项指标")
#: "按哪个文件确定分工": a row whose lead cell names the document that divides the duties — its lead asked
_DIVIDED_BY = r"按(?:哪个|什么|哪份|哪一?个)(?:文件|方案|规定)?(?:来)?确定的?(?:职责)?分工|"
#: the participants asked: 参与 heading the column (参与单位, 参与的…, 参与呢) or after who asks
#: (谁参与, 哪些部门参与; "省经信厅参与了哪些"), or the units besides the lead ("除了牵头的还有哪些单位"); _PARTICIPANTS_WORD is
#: the part removed from the item words
_PARTICIPANTS = (r"参与(?:单位|部门|方)|参与(?=了|的|呢|有|是|[？?，,]|$)|除了?牵头(?:单位|部门)?的?(?:以外|之外)?还有"
                 r"|(?:谁|哪些|哪个|哪几)[^，,？?]{0,5}参与(?![度率式性者感])")
_PARTICIPANTS_WORD = (r"参与(?:单位|部门|方)|参与(?=了|的|呢|有|是|[？?，,]|$)|除了?牵头(?:单位|部门)?的?(?:以外|之外)?还有"
                      r"|(?<=[谁些个几门位家也还])参与(?![度率式性者感])")
#: an indicator's attribute asked as a choice ("是约束性还是参考性指标", "属于约束性指标还是预期性指标")
_ATTRIBUTE = r"(?:是|属于)?(?:约束性|参考性|预期性)(?:指标)?(?:还是|或是|或者)(?:约束性|参考性|预期性)(?:指标)?|指标属性"
# (intent, detect pattern, question words removed before item matching — "" = the detect pattern)
INTENT_PATTERNS: list[tuple[str, str, str]] = [
    ("status", _STATUS, ""),
    ("weight", SCORE_Q.pattern, ""),
    # the class a row stands under asked ("生态环境状况指数属于哪个领域", "那条归哪一类", "…机制是哪一类的" — 是 only
    # where the question ends on the class, not "重点是哪个领域的项目"): its categories
    ("category", r"属于哪(?:个|一)?(?:领域|任务|类别?|方面|板块|部分|大类)|归(?:属于?|在)?哪(?:个|一)?(?:领域|类别?|方面|板块)"
                 r"|是哪(?:个|一)?(?:领域|类别?|方面|板块|大类)的?(?=[？?]?$)"
                 r"|(?:所属|所在)的?(?:领域|类别?|方面|板块)(?:是|为)?(?:什么|哪)?", ""),
    ("data_source", _SOURCE, ""),
    # ("第几项": the place of one row, asked below as a position; not a list's size)
    ("count", r"一共|总共|共有|共几|共多少|(?<!第)多少项|(?<!第)几项|(?<!第)多少条|(?<!第)几条|数量", ""),
    # "这是任务清单第几项？": the position of the item a turn is about — its row, which names it
    ("position", r"第几[项条个]|第多少[项条]|序号是?多少|是第几", ""),
    # (发给谁 / 下发给: the addressees, as 主送 — the document facts answerer's words for them)
    # (发文字号 / 发文号 is the 文号 written out: one word, no 字号 left as an item word)
    ("doc_fact", r"发文字?号|文号|几号文|哪号文|发文|印发|发布日期|什么时候(发布|印发|出台)|哪天|" + _DAY_JIHAO + r"|发文对象|主送|抄送|发给|下发给|征求意见|"
     + STAGE_Q.pattern + r"|正式施行|哪个部门(发布|印发)|谁(发布|印发)|文件日期",
     r"发文字?号|文号|几号文|哪号文|发文|定稿|正式(?:稿|版|文件|印发|发布|出台|的(?=吗|么))|印发|发布日期|什么时候(发布|印发|出台)|(?:哪天|" + _DAY_JIHAO + r")(?:召开|开|举行|举办)?的?|发文对象|主送|抄送|发给|下发给|哪个部门(发布|印发)|谁(发布|印发)|文件日期"),
    ("compare", r"比较|对比|区别|不同|差异|差别|分别|各是|各自|相比|一样吗|有何不同", ""),
    # (由谁 before another act — 主持, 参加, 召开 … — asks who did it in the text, not a list's lead)
    # ("几个单位负责": the lead asked, and counted)
    # ("由哪几家单位做", "哪个部门来抓": who carries the row out — its lead, not those helping)
    # ("是谁的活儿", "归谁的事": whose job the row is, spoken — its lead)
    ("lead", _DIVIDED_BY + r"(?<!除)(?<!除了)牵头|谁负责|归哪[个些几]?[个家]?(?:部门|单位)管|归谁管|(?:是|归)?谁的(?:活儿?|事儿?|职责|责任|工作)|由谁(?!主持|参加|出席|召开|讲话|发布|印发|签发|担任)|哪[个些几]家?(部门|单位)(?:来)?(?:负责|做|干|抓|承担|实施)|由哪[个些几]家?(部门|单位)(?!参与|配合|协同)|(?:几|多少)个?(部门|单位)负责|负责(部门|单位)|责任(单位|部门)|主责|谁管|归口|" + _DUTIES_SPLIT,
     _DIVIDED_BY + r"(?<!除)(?<!除了)牵头(单位|部门)?|谁负责|归哪[个些几]?[个家]?(?:部门|单位)管|归谁管|(?:是|归)?谁的(?:活儿?|事儿?|职责|责任|工作)|由谁(?!主持|参加|出席|召开|讲话|发布|印发|签发|担任)|哪[个些几]家?(部门|单位)(?:来)?(?:负责|做|干|抓|承担|实施)|由哪[个些几]家?(部门|单位)(?!参与|配合|协同)|(?:几|多少)个?(部门|单位)负责|负责(部门|单位)?|责任(单位|部门)|主责|谁管|归口|" + _DUTIES_SPLIT),
    # (参与度 / 参与率 / 参与式 are indicator and item words, not the participants column; 参与 before
    # the item's own words — "调动社会资本参与碳达峰", "激励公众参与垃圾分类" — is a verb of the item)
    ("participants", _PARTICIPANTS + r"|配合|协同单位|协助|协办|还有谁|哪些单位参加",
     _PARTICIPANTS_WORD + r"|配合(单位|部门)?|协同单位|协助|协办|还有谁|哪些单位参加"),
    ("deadline", r"什么时候|何时|时限|期限|哪一?年|截止|完成时间|到期|多久|几月|时间节点|完成年份|完工|竣工|建成时间",
     # (the 前 of "哪一年前实现" goes with the year asked)
     r"什么时候|何时|完成时限|时限|期限|哪一?年(?:以前|之前|前)?|截止|完成时间|到期|多久|几月|时间节点|完成年份|完工|竣工|建成时间"),
    # (a value column an indicator table heads — 现状值, 规划值, 参照值 — asks its value, also with 是什么)
    # ("有什么要求": what the item requires, in its words — no value asked; "要求达到多少" asks one)
    # ("约束性还是参考性": an indicator's 指标属性 asked — the row's columns, not item words)
    # ("哪几个地方", "哪几家": which ones are asked, no value)
    ("target", r"目标|多少|达到|比例|比重|百分之|(?<!哪)几个|(?<!哪)几家|数值|指标值|" + VALUE_COLUMN_NAMED + r"|(?<!什么)(?<!哪些)(?<!有何)(?<!啥)要求|多大|多高|多长|规模|覆盖率|利用率|%|" + _ATTRIBUTE,
     # ("要降到多少", "提高至多少": the verb asks the value, no item word)
     r"(?:降|下降|降低|减少|减|提高|提升|增加|增长|控制)(?:到|至|在)(?=多少|几)|"
     # (the measure word after 多少 goes with it: "建成多少家低碳生态农场" asks of 建成低碳生态农场, not 建成家…)
     r"目标值|目标是|百分之多少|多少[个家座处辆所台套艘株户]?|百分之几|(?<!哪)几个|(?<!哪)几家|数值|指标值|多大|多高|多长|" + _ATTRIBUTE),
]
#: the end of a five-year plan ("“十四五”末", "十四五期末"): the plan's last year — the N-th plan of
#: 十N五 ends in 2005 + 5N (十三五 2020, 十四五 2025, 十五五 2030)
PLAN_END = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?期?末")
_CN_DIGIT = "一二三四五六七八九"


def plan_end_as_year(text: str) -> str:
    """``text`` with a five-year plan's end written as its year.

    >>> plan_end_as_year("温州“十四五”末要建成多少条美丽河湖"), plan_end_as_year("十五五期末")
    ('温州2025年要建成多少条美丽河湖', '2030年')
    """
    return PLAN_END.sub(lambda m: f"{2005 + 5 * (_CN_DIGIT.index(m.group(1)) + 1)}年", text)


def mask_intent_words(text: str) -> str:
    """``text`` with the words of every intent pattern blanked (same length): what a question asks
    ("由哪个部门提供数据", "什么时候完成") is never an item word.

    >>> mask_intent_words("哪个部门提供数据？").strip()
    '？'
    """
    for _, detect, _ in INTENT_PATTERNS:
        text = re.sub(detect, lambda m: " " * len(m.group(0)), text)
    return text


#: ("负责的是哪两项": the rows, their number as the question expects it)
#: (a unit named and "哪项 / 哪一条" asked: the rows it leads or joins, a list of one or more — "杭州铁路办事处牵头的是哪项目标")
#: (哪个 + what a list holds: "玉环市政府负责的是哪个试点" — not 哪个部门, which asks a unit)
#: (how many rows the unit holds, asked of its role: "有几个试点是台州市政府负责的", "台州市政府负责的有几个" —
#: not "有几个单位参与", which counts units)
#: a unit's one row pointed at ("…负责的那项", "…牵头的这条")
ONE_ROW_POINTER = r"的(?:那|这|该)一?[项条个]"
LIST_BY_DEPT = (r"哪些|哪几[个种类项条家座处]?|哪一?[项条]|哪[两二三四五六七八九十]+[个项条]|哪一?个(?=试点|任务|项目|事项|工程|指标|目标|政策|条目|措施)"
                r"|什么(任务|工作|事项|项目)|有什么|都有|列出|所有|(牵头|负责|参与|管)(什么|啥)"
                r"|(?:几|多少)\s*[个项条](?!单位|部门)(?=[^？?，,]{0,12}?(?:负责|牵头|参与)的)"
                r"|(?:负责|牵头|参与)的(?:有|共有?|一共)?(?:几|多少)\s*[个项条]"
                r"|(?:负责|牵头|参与)" + ONE_ROW_POINTER  # ("市铁投集团负责的那项…什么时候完成": the unit's row)
                + r"|有没有(?=[^？?，,]{0,14}?(?:负责|牵头|参与)的)")  # ("有没有市财政局牵头的任务": its rows, or none)
#: the kind of row a unit's listing asks for: a list named by it ("省林业局牵头的是哪个目标" → the 目标清单's rows),
#: or rows naming their kind ("玉环市政府负责的是哪个试点" → the rows that are 试点, not the unit's other tasks;
#: "有几个试点是台州市政府负责的"); not 任务, which officials say of any row ("哪些任务是省能源局牵头的": the
#: 目标清单's rows too)
ROW_NOUN_ASKED = re.compile(r"(?:哪(?:一?个|些|几[个项条]?)|(?:几|多少)个)\s*(试点|项目|工程|目标|政策)")
#: ... of those, the kinds a row's own name or category ends in (a row of any list may be a 试点; "任务" written
#: in a row's text — "完成…任务" — does not make it one)
ROW_NAME_HEADS = ("试点", "项目", "工程")


def asked_row_noun(question: str) -> str:
    """The kind of row a listing by unit asks for (:data:`ROW_NOUN_ASKED`), or "".

    >>> asked_row_noun("玉环市政府负责的是哪个试点？"), asked_row_noun("省林业局牵头的是哪个目标"), asked_row_noun("哪些任务")
    ('试点', '目标', '')
    """
    m = ROW_NOUN_ASKED.search(question)
    return m.group(1) if m else ""


#: the intents asking a row's role columns (a follow-up asking another role of the same unit's rows)
ROLE_INTENTS = frozenset({"lead", "participants"})
#: a unit a question claims leads or joins the row it asks about ("红树林那项是市林业局牵头吗", "由省林业局负责的
#:吧"): a name ending as units end (:data:`ingest.vocab.STRONG_UNIT_SUFFIXES`), after 是 / 由, right before its
#: role — found by its shape, so a unit no document lists is no item word either
CLAIMED_UNIT = re.compile(r"(?:是由|是|由)(?P<unit>(?![由是])[\u4e00-\u9fff]{1,10}?(?:"
                          + "|".join(sorted(STRONG_UNIT_SUFFIXES, key=len, reverse=True))
                          + r"))(?=来?(?P<role>牵头|负责|参与|配合))")


def claimed_units(question: str) -> list[tuple[str, str]]:
    """Each unit the question claims in a role (:data:`CLAIMED_UNIT`): (its name, "lead" or "part").

    >>> claimed_units("温州红树林那项是市林业局牵头吗？"), claimed_units("这条是由市发展和改革委员会参与的吧")
    ([('市林业局', 'lead')], [('市发展和改革委员会', 'part')])
    >>> claimed_units("温州红树林那项谁牵头？")
    []
    """
    return [(m.group("unit"), "part" if m.group("role") in ("参与", "配合") else "lead")
            for m in CLAIMED_UNIT.finditer(question)]


#: the role written right after a unit's name ("省生态环境厅既牵头、省发展改革委参与的"): that unit's role
UNIT_ROLE_AFTER = re.compile(r"[^，,。；;？?、]{0,3}?(牵头|参与|配合)")


def roles_named(question: str, unit_forms: Mapping[str, str]) -> dict[str, str]:
    """Each unit named with a role right after it (:data:`UNIT_ROLE_AFTER`) → "lead" or "part".

    >>> roles_named("省生态环境厅既牵头又有省发展改革委参与的有几项", {"省生态环境厅": "生态", "省发展改革委": "发改"})
    {'生态': 'lead', '发改': 'part'}
    """
    out: dict[str, str] = {}
    for form in sorted(unit_forms, key=len, reverse=True):
        for m in re.finditer(re.escape(form), question):
            if (r := UNIT_ROLE_AFTER.match(question, m.end())) and unit_forms[form] not in out:
                out[unit_forms[form]] = "lead" if r.group(1) == "牵头" else "part"
    return out


#: a unit named as the one the rows asked are not of ("不是省生态环境厅牵头的", "不由市水利局负责的", "除了市财政局以外")
UNIT_NEGATED_BEFORE = re.compile(r"(?:不是|不由|并非|非|除了?)(?:由)?$")


def units_negated(question: str, unit_forms: Mapping[str, str]) -> set[str]:
    """The keys of the units ``question`` names right after a negation (:data:`UNIT_NEGATED_BEFORE`).

    >>> units_negated("省政策清单里不是省生态环境厅牵头的有哪些？", {"省生态环境厅": "生态"}), units_negated("省生态环境厅牵头的", {"省生态环境厅": "生态"})
    ({'生态'}, set())
    """
    return {unit_forms[form] for form in unit_forms for m in re.finditer(re.escape(form), question)
            if UNIT_NEGATED_BEFORE.search(question, 0, m.start())}


def unit_as_named(question: str, key: str, unit_forms: Mapping[str, str], display: Mapping[str, str]) -> str:
    """The unit ``key`` as ``question`` writes it (its longest form there: "市住建局", not the first name
    the documents gave the key, "市建设局"), else as ``display`` names it.

    >>> forms = {"市住建局": "住建", "市建设局": "住建"}
    >>> unit_as_named("温州任务清单里市住建局牵头的有哪些", "住建", forms, {"住建": "市建设局"})
    '市住建局'
    >>> unit_as_named("谁牵头的多", "住建", forms, {"住建": "市建设局"})
    '市建设局'
    """
    written = [f for f, k in unit_forms.items() if k == key and f in question]
    return max(written, key=len) if written else display.get(key, key)


LIST_BY_YEAR = r"(到期|完成|截止|时限)[^？?]*(哪些|哪几|什么)|(哪些|哪几)[^？?]*(到期|完成|截止)"
#: a particle jieba's HMM glues onto the next word when it knows neither ("对小微企业园" → 对小微, "规划里
#: 亩均税收" → 里亩): cut off before item matching when at least this many characters follow it
#: (对 needs two: "对标" is a word jieba does not know, 对 + a two-character word is the preposition)
GLUED_PARTICLE = {"里": 1, "对": 2}
#: 要 + a one-character verb right before what is asked ("A级景区村要建多少个", "体验地要建哪些"): the asking,
#: not the item — jieba glues the 要 onto the word before it ("村要", "地要") where FILLER_TOKENS cannot drop it
#: (the question words may be blanked already: "要建" then stands before a space; 主要, 重要, 需要 are words)
#: 要 + a verb setting a value before what is asked ("湿地率要保持在多少以上", "要达到多少"): the asking too
#: (jieba cuts "率要" whole), the verb with it — the text writes "湿地率16%以上", no verb
ASKING_VERB = re.compile(r"(?<![主重需只想还])要(?:[建种修装植造搞做办](?=多少|几|哪|什么|啥|\s|$)"
                         r"|(?:达到|保持在?|稳定在|控制在|提高到|提升到|降低?到|下降到)(?=多少|几|哪|什么|啥|\s|$)"
                         r"|(?=多少|几|哪|什么|啥|怎么|怎样|如何))")
#: 主要 before a verb ("试点主要聚焦什么行业", "主要包括哪些"): how the asker hedges, no item word — the text
#: writes "聚焦橡胶行业"; 主要 before a noun names the item ("主要污染物", "主要目标")
HEDGE_BEFORE_VERB = re.compile(r"主要(?=聚焦|包括|是|有|开展|围绕|针对|负责|用于|集中|面向|涉及|解决|推进)")
FILLER_TOKENS = set(
    "请问 一下 那条 那项 这条 这项 那一条 这一条 那一项 这一项 那句 这句 那一句 这一句 那个 这个 那件 这件 关于 有关 相关 里面 里 中 方面 的 是 呢 吗 呀 啊 吧 了 "
    "是什么 是哪个 哪个 哪些 哪几个 哪里 哪儿 什么 谁 要 需要 应当 应该 请 告诉 告诉我 我 想 知道 具体 和 与 及 或 还 也 都 各 那 那么 这 "
    "完成 实现 工作 事项 内容 情况 单位 部门 项目 任务 文件 方案 规定 有 在 到 由 对 为 把 被 等 共 几 哪 项 条 个 一 年 多 少 "
    # whether a text speaks of something ("台州有没有提到氢能"): the asking, not the item
    "有没有 有无 是否 提及 涉及 提没提 "
    "指标 目标 要求 达到 提到 说 讲 写 规定 明确 提出 之 其 上 下 时候 一项 一条 里头 当中 当 做 做到 怎么 如何 怎样 怎么样 "
    # 要建, 要种 …: jieba's joins of 要 + a one-character verb ("要建几个", "红树林要种多少公顷"; 要 + 搞,
    # 做, 办 … it cuts apart); 这期 …: the document in scope
    "要建 要种 要修 要装 要植 要造 这期 本期 该期 这份 那份 本文件 该文件 "
    # 这次 / 此次 / 本次: the occasion the document itself is ("这次改了什么"), no item word
    "这次 此次 本次 "
    # 已经: when, not what ("台州方案已经正式印发了吧" asks the stage; status is read from the question)
    "已经 "
    # 这是 / 它是: jieba's joins pointing back at the item a turn is about ("这是第几项")
    "这是 它是 "
    # 其下 / 下面 / 其中: pointing into the item the last turn named ("其下有哪些二级指标")
    "其下 下面 下边 其中 "
    # 效果: "要达到什么效果" asks the outcome a sentence states, no item word
    "效果 "
    # 力争 / 争取: how firmly a target is set ("力争建设多少个标杆项目"), no item word: a row writes
    # "建设200个标杆项目" without it, while unrelated sentences share it ("力争达到80%以上")
    "力争 争取 "
    # 另外 / 此外: a further question opens, no item word ("另外，瓯海南部…要促进什么")
    "另外 此外 "
    # 打算 / 准备: what the doer means to do, as 要 ("台州打算把再生水回用到哪些行业"); texts write the act
    "打算 准备 "
    # 可以 / 能够: what may be done, as the asker puts it ("再生水可以作哪几种用水"); texts write the act
    # itself ("再生水回用于…生产用水、冷却用水"); 作 alone is 做's light verb ("作…用水"), no item word
    "可以 能够 作 "
    # 定 alone: what a plan sets, as 要 ("…淘汰省里定了多少"); the text writes the target
    "定 "
    # 属于: the class of an item asked ("属于哪个二级指标", "属于约束性指标吗"); tables write the class as a
    # column or a heading, never the verb
    "属于".split()
) | set(EARLIER_WORDS) | {  # a post asked ("林国锋被任命为什么职务"): notices write "林国锋任…主任", so these name the kind of answer
    "任命", "担任", "职务", "职位"}
#: a question word: a question holding one and this many item words of its own asks for itself
OWN_QUESTION_WORD = re.compile(r"什么|哪|多少|谁|几(?:[个项条种月年类大]|方面)|如何|怎么|怎样|是否")
OWN_ITEM_CHARS = 6
#: kinds of document a title names and one document alone may be (its region word selects it)
DOC_KINDS = ("公报", "编制说明", "起草说明", "政策解读")
#: "台州有类似的任务吗？", "温州也有这项要求吗？": the item talked of, asked of another place — a
#: follow-up as "台州呢？" is
SIMILAR_ASKED = re.compile(r"(?:也|是否|有没)?有(?:没有)?(?:类似|相似|相同|同样|这样|这类|这项|这条)的?"
                           r"(?:任务|要求|内容|条目|规定|事项|目标|工作|措施|安排|表述)?(?:吗|么|没有)?\s*(?=[？?]?\s*$)"
                           # "省里对应的是哪一条？": the row of another place for the same item
                           r"|(?:相)?对应的?(?:是)?(?:哪一?[条项]|什么)(?:任务|条目|内容)?\s*(?=[？?]?\s*$)")
#: a list row an answer quotes, as compose labels it ("《台州市…方案》协同治理清单第23项“…”"): the item
#: the turn resolved, which a follow-up asking another field of it ("哪几个？", "谁负责？") is about
ANSWER_ROW = re.compile(r"《([^》]+)》([^《》“”\s，。：；]{2,20}?)第(\d{1,3})项“")
#: ... and the words it quotes of the row
ROW_QUOTED = re.compile(ANSWER_ROW.pattern + r"([^”]{2,120})”")


def answer_rows(answer: str) -> list[tuple[str, str, str]]:
    """The list rows ``answer`` quotes, as (document title, list, item number), each once, in its order.

    >>> answer_rows("（1）根据《甲》目标清单第3项“…”。（2）根据《甲》目标清单第7项“…”；《甲》目标清单第3项“…”")
    [('甲', '目标清单', '3'), ('甲', '目标清单', '7')]
    """
    return list(dict.fromkeys(ANSWER_ROW.findall(re.sub(r"\s", "", answer))))


def row_quote(answer: str) -> str:
    """The words of the one list row ``answer`` quotes; "" when it quotes none or several."""
    quotes = [m.group(4) for m in ROW_QUOTED.finditer(re.sub(r"\s", "", answer))]
    return quotes[0] if len(quotes) == 1 else ""
#: the share of the asked words' character pairs the indicator a follow-up takes from the answered row must hold
INDICATOR_SHARE = 0.5
#: a row stating an indicator and its value ("建筑垃圾综合利用率达到90%以上"): the indicator's name
INDICATOR_BEFORE_VALUE = re.compile(r"^(?P<item>[^，。；、…“”\d]{4,20}?)(?:达到|保持在?|提高到|提升到|下降到|降低到|控制在|不低于|不高于|稳定在)"
                                    r"\s*\d")
#: a row's indicator opening with the whole of its region ("全省森林覆盖率", "全市用水总量"): the region is the
#: row's document's, not part of the indicator asked of another
WHOLE_REGION = re.compile(r"^(?:全省|全市|全县|全区|全域)")
#: a place's name that goes on as another kind of name's (a river, lake, harbour, bay, island, pond or
#: sluice: "黄岩溪", "玉环湖"): the county is not the place asked about
NAME_GOES_ON = r"(?![溪江河湖港湾岛塘闸])"
#: the pointer at the item an answer gave ("它", "它的", "这项", "该条"), as the item words keep it
POINTER_WORD = re.compile(r"^(?:它|这一?[项条个]|那一?[项条个]|该[项条])的?")
#: a pointed follow-up's words this short (or a column's name) ask a field of the row just answered
#: ("它建在哪里" leaves 建), not something the row's text says ("这项要建设什么平台")
ROW_FIELD_CHARS = 2
#: the regions of the dialogue pointed at in a comparison ("三个里哪个最高", "两者哪个更早", "它们谁的高"): no item
#: words — the item and the regions come from the turns before
TURNS_POINTED = re.compile(r"(?:这|那)?(?:[两三四五六七八九几]个(?:地方|地区|文件)?|两者|三者|二者|它们|这些|各地)(?:里|中|之中|当中|之间)?")
#: the item of the turn before pointed at by its kind ("这个试点谁负责？", "该工程投资多少？"): the kind is no
#: item word of its own
_POINTER = r"(?:这|那|该)(?:个|一个|项|条|座|家)?"
POINTED_KIND = re.compile(r"^\s*(?:那么?)?" + _POINTER + r"(?P<noun>试点|项目|工程|任务|目标|政策|事项|措施|机制|平台|指标)")
#: a question opening by pointing at the last turn's item ("这项要建设什么平台？", "这个试点…"): its words ask a
#: part of that item, whatever their length
POINTS_AT_ITEM = re.compile(r"^\s*(?:这|那|该)一?(?:项|条)|^\s*它|" + POINTED_KIND.pattern)
#: a measure asked by its size ("多大功率以上" → "56千瓦以上"): the measure word is what the value is, and
#: texts write the value with its unit, not the measure's name
ASKED_MEASURE = r"多[大高长宽深远重]的?(?:功率|面积|规模|长度|宽度|高度|深度|容量|体量|重量|范围|排量)?"
#: "…了没有？" ending a question: the yes-or-no asking, as 吗 is ("定稿了没有"), no item word
YES_NO_ASKED = re.compile(r"了?没有(?=[？?\s]*$)")
#: question words, removed from the item words; "哪些地方 / 哪个地区" first: the place is what is asked,
#: the word 地方 is in no sentence ("鼓励哪些地方创建" → 鼓励创建)
QUESTION_TAIL = r"(?:是)?哪(?:些|个|[几两三四五六七八九十]个)?(?:地方|地区)|哪几?位|(?:是)?哪[一二三四五六七八九十两几]+(?:件事情?|个|项|类|种|条|大|方面|家|座|处)|(?:是)?哪[项条类种]|几月份?|哪个月|请问|那条|那项|这条|这项|那一条|这一条|那一项|这一项|这个指标|这个|那个|是多少|是哪个|是哪些|是什么|有哪些|哪些|哪个|哪里|哪儿|什么程度|什么效果|什么|多少|谁|呢|吗|的?单位|的?部门"
#: a comparator asked with the number ("不低于多少", "超过几个"): it belongs to the value asked, not to the
#: item's words; a follow-up "台州呢？" carries the item to a text that writes "达到35%"
#: the 有 of "有多少", "有几个", "有哪些": the question's, not the item's — where jieba joins it to the
#: word before ("建制村有多少" → 建制 / 村有) the filler list never sees it; verbs ending in 有 keep theirs
HAVE_ASKED = re.compile(r"有(?=多少|几|哪)")
HAVE_VERBS = {"拥有", "具有", "含有", "没有", "占有", "所有", "还有", "都有", "只有", "共有", "设有", "建有"}
QUESTION_AFTER_HAVE = re.compile(r"^(?:多少|几|哪)")
#: the kind of place asked ("核心区是哪些地方", "在哪个地区试点"): the class of the answer, no word of the item
#: (prose drops it with ``QUESTION_TAIL``; a row's words must not count it either)
ASKED_PLACE_CLASS = re.compile(r"(?<=哪些|哪个)(?:地方|地区)|(?<=哪[几两三四五六七八九十]个)(?:地方|地区)")  # (… "哪两个地方")
#: "什么样的" / "啥样的": the asking, as 什么 (jieba keeps "什么样" whole: "构建什么样的发展格局") — not the
#: 什么 + 样板 of "打造什么样板"
WHAT_KIND = re.compile(r"(?:什么|啥)样(?=的|[？?，,。\s]|$)")
ASKED_COMPARATOR = re.compile(r"(?:不低于|不少于|不高于|不超过|不小于|不大于|低于|高于|超过|少于|多于)(?=多少|几|百分之)"
                              # ... or after it ("多少以上"): the bound asked, which the text writes after its value
                              r"|(?<=多少)(?:以上|以下|以内)")
#: a list of tasks or targets, each row due in one year (not an indicator table with a column per year)
TASK_LIST = re.compile(r"清单$")
#: a place opening a document's title ("温州市" of 温州市减污降碳协同增效实施方案): the title without it
#: names another document of that name (the national 《减污降碳协同增效实施方案》)
TITLE_PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|市|县|区)")


#: the word naming the time asked ("碳达峰时间是哪年"), for the words a sentence is matched on
TIME_ASKED = re.compile(r"(?<!完成)(?<!建成)时间(?!节点)")
#: spoken negation before a verb of achieving ("还没达标", "没有完成"): the texts write 未 ("未达标指标5项");
#: "有没有" asks whether there is, and is no negation
SPOKEN_NEGATION = re.compile(r"(?<!有)(?:还)?没有?(?=达标|完成|实现|建成|达到|落实|开展|启动|纳入|印发|出台|列入)")
#: a verb said by one of its characters before a count ("一共改了几件、废了几件"), after a word boundary
#: (a stop or an adverb): the question writes the verb whole earlier ("修改和废止的决定"), the text too
SHORT_VERB = re.compile(r"(?:(?<=[共都又还已，、,；;])|^)([\u4e00-\u9fff])了(?=几|多少)")


#: talk opening a question ("换个话题，…", "另外问一下：…", "我想问一下"): no words of the item — and a new topic
TALK_PREFACE = re.compile(r"^\s*(?:好的?|嗯|哦|那个)?[，,\s]*(?:换个(?:话题|问题)|换一个(?:话题|问题)|另外(?:再)?问(?:一下|下)?|再问(?:一下|一个|个问题)?"
                          r"|还有一个问题|顺便问(?:一下|下)?|我想(?:再)?问(?:一下|下)?|我想了解(?:一下)?|想咨询(?:一下)?|咨询一下|请教一下)[，,：:。\s]*")


def without_preface(question: str) -> str:
    """``question`` without the talk opening it (the rest is asked; left as it is when nothing follows).

    >>> without_preface("换个话题，台州的美丽海湾有哪几个？"), without_preface("我想问一下温州秸秆那条谁牵头？")
    ('台州的美丽海湾有哪几个？', '温州秸秆那条谁牵头？')
    >>> without_preface("另外问一下"), without_preface("话题是什么？")
    ('另外问一下', '话题是什么？')
    """
    rest = TALK_PREFACE.sub("", question, count=1)
    return rest if re.search(r"[\u4e00-\u9fff\w]", rest) else question


def in_written_negation(question: str) -> str:
    """``question`` with spoken negation before a verb of achieving written as the texts write it.

    >>> in_written_negation("温州有几项还没达标？"), in_written_negation("有没有完成的？")
    ('温州有几项未达标？', '有没有完成的？')
    """
    return SPOKEN_NEGATION.sub("未", question)


#: a count asked inside a quoted formula ("哪“三个一批”"): the count is asked, the rest of the quote is
#: the formula's words ("一批", written "巩固一批、创建一批、培育一批")
QUOTED_COUNT = re.compile(r"哪\s*([“\"])([一二三四五六七八九十两\d]+)\s*([个项类条种大])")


def with_count_unquoted(question: str) -> str:
    """``question`` with a count asked inside a quoted formula taken out of the quote.

    >>> with_count_unquoted("美丽乡村创建要通过哪“三个一批”？"), with_count_unquoted("“三个一批”是什么？")
    ('美丽乡村创建要通过哪三个“一批”？', '“三个一批”是什么？')
    """
    return QUOTED_COUNT.sub(lambda m: f"哪{m.group(2)}{m.group(3)}{m.group(1)}", question)


def with_verbs_written_out(question: str) -> str:
    """``question`` with a verb said by one of its characters before a count written as the question
    writes it earlier, when exactly one two-character word before it holds that character.

    >>> with_verbs_written_out("修改和废止的决定一共改了几件文件、废了几件？")
    '修改和废止的决定一共修改了几件文件、废止了几件？'
    >>> with_verbs_written_out("一共建了几个？"), with_verbs_written_out("完成了几项？")
    ('一共建了几个？', '完成了几项？')
    """
    def whole(m: re.Match[str]) -> str:
        before = m.string[:m.start()]
        words = {before[i:i + 2] for i in range(len(before) - 1)
                 if m.group(1) in before[i:i + 2] and re.fullmatch(r"[\u4e00-\u9fff]{2}", before[i:i + 2])}
        # (a character two such verbs hold is ambiguous: left as it is)
        verbs = {w for w in words if re.search(re.escape(w) + r"(?:[和与及、]|的)", before)}
        return (verbs.pop() + "了") if len(verbs) == 1 else m.group(0)
    return SHORT_VERB.sub(whole, question)


def names_document(quoted: str, title: str) -> bool:
    """Whether a title quoted in 《》 names the document titled ``title``: it holds the title, or is part
    of it other than the title without the place that opens it.

    >>> names_document("减污降碳协同增效实施方案", "温州市减污降碳协同增效实施方案")
    False
    >>> names_document("温州市减污降碳协同增效实施方案", "温州市减污降碳协同增效实施方案"), names_document("温州市人民政府公报", "温州市人民政府公报 2023年第6期")
    (True, True)
    """
    if len(quoted) < 6:
        return False
    if title in quoted:
        return True
    at = title.find(quoted)
    return at >= 0 and not (at > 0 and TITLE_PLACE.fullmatch(title[:at]) and at + len(quoted) == len(title))


PUNCT = r"(?<!\d)\.|\.(?!\d)|[\s，。、；：？！?!,;:“”\"'《》（）()\[\]【】—\-]+"


_JIEBA_LOCK = threading.Lock()
_JIEBA: list[Any] = []


def _jieba() -> Any:
    """The question tokenizer, built once per process. Built under a lock: loading jieba's
    dictionary takes ~1 s and ~100 MB, and a cache alone would let concurrent first questions each
    build their own (measured: a cold server under 10 concurrent clients peaked at 1.4 GB)."""
    if not _JIEBA:
        with _JIEBA_LOCK:
            if not _JIEBA:
                import jieba

                jieba.setLogLevel(60)
                tk = jieba.Tokenizer()
                for w in ("那条", "那项", "这条", "这项", "那句", "这句", "哪个", "哪些", "是什么"):
                    tk.add_word(w, freq=100000)
                _JIEBA.append(tk)
    return _JIEBA[0]


@lru_cache(maxsize=1)
def _places() -> dict[str, list[str]]:
    return {k: v for k, v in json.loads(_PLACES.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def gazetteer_names(kind: str) -> list[str]:
    """The gazetteer's names of one kind: "provinces", "cities" or "counties" (short forms: 杭州, 椒江).

    >>> "杭州" in gazetteer_names("cities"), "椒江" in gazetteer_names("counties")
    (True, True)
    """
    if kind not in ("provinces", "cities", "counties"):
        raise ValueError("kind is provinces, cities or counties")
    return list(_places()[kind])


def county_cities() -> dict[str, str]:
    """Each county of the gazetteer → its city (椒江 → 台州).

    >>> county_cities()["椒江"]
    '台州'
    """
    return dict(_places()["counties"])


@lru_cache(maxsize=1)
def place_names() -> re.Pattern[str]:
    """Any province, city or county of the gazetteer (``ingest/data/places.json``).

    >>> bool(place_names().search("在平阳县试点")), bool(place_names().search("探索建立分质供水机制模式"))
    (True, False)
    """
    places = _places()
    names = [*places["provinces"], *places["cities"], *places["counties"]]
    return re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))


def history_questions(history: Sequence[Any] | None) -> list[str]:
    """User questions of earlier turns, oldest first, from strings, (q, a) pairs or chat messages."""
    out: list[str] = []
    for h in history or []:
        if isinstance(h, str):
            out.append(h)
        elif isinstance(h, dict) and h.get("role") == "user":
            c = h.get("content")
            out.append(c if isinstance(c, str) else str(c))
        elif isinstance(h, (list, tuple)) and h and isinstance(h[0], str):
            out.append(h[0])
    return [q for q in out if q.strip()]


def history_answers(history: Sequence[Any] | None) -> list[str]:
    """The assistant's answers of earlier turns, oldest first, from chat messages or (q, a) pairs."""
    out: list[str] = []
    for h in history or []:
        if isinstance(h, dict) and h.get("role") == "assistant":
            out.append(str(h.get("content") or ""))
        elif isinstance(h, (list, tuple)) and len(h) > 1 and isinstance(h[1], str):
            out.append(h[1])
    return out


def last_answer(history: Sequence[Any] | None) -> str:
    """The assistant's answer of the last turn ("" when the history holds none), from chat messages or
    (q, a) pairs."""
    for h in reversed(list(history or [])):
        if isinstance(h, dict) and h.get("role") == "assistant":
            return str(h.get("content") or "")
        if isinstance(h, (list, tuple)) and len(h) > 1 and isinstance(h[1], str):
            return h[1]
    return ""


def _with_region(q: Query, region_from: Query | None) -> Query:
    """``q`` in the region of the turn ``region_from`` when it names no region of its own."""
    if not q.doc_ids and region_from is not None and not q.regions_named:
        q.doc_ids = region_from.doc_ids
        q.inherited.append("region")
    return q


def holds_pairs(words: str, title: str) -> bool:
    """Whether ``title`` holds every two adjacent characters of ``words`` (in any order of the pairs).

    >>> holds_pairs("减污降碳", "温州市减污降碳协同增效实施方案"), holds_pairs("降碳减污", "温州市减污降碳协同增效实施方案")
    (True, False)
    """
    return all(words[i:i + 2] in title for i in range(len(words) - 1))


#: right after a region word: the kind of document named, perhaps after words of its title ("温州减污降碳方案",
#: "温州的方案"; not "温州方案里的…规划" read past the kind)
DOC_KIND_AFTER_REGION = re.compile(r"(?:市|的)?([\u4e00-\u9fff]{0,8}?)(实施方案|方案|规划|公报|编制说明)")
#: "2030年规划呢", "2025年规划多少": a year's 规划 asked for a value is the column 规划值 of that year —
#: not the word of a plan's name ("生态文明建设规划"), which no year stands right before with a question
#: word right after (nor the end of a plan's span, "2021—2030年规划是什么文件")
YEAR_PLAN_ASKED = re.compile(r"(?<![-—–－至到~～]\d{4}年)(?<=\d年)规划"
                             r"(?=(?:是|为)?(?:多少|几|啥|什么(?!时候|文件|时间)|呢|如何|怎样|怎么样)|[？?]?$)")


#: a table's number opening its caption ("表2-1省级生态文明建设指标规划表"): a question naming only the
#: number ("表2-1里…的参照值") names that list, however it writes the dash ("表2－1", "表 2-1")
TABLE_NUMBER = re.compile(r"^附?表\s*\d+(?:\s*[-—－.]\s*\d+)*")
#: a table named by words of its caption before 表 and a locative ("国家级指标表里", "省级表中"): the words
#: run back from 表; the longest tail whose words one caption alone holds names that table
TABLE_BY_WORDS = re.compile(r"(?P<run>[\u4e00-\u9fff]{2,})表格?(?=[里中内上])")
TABLE_NUMBER_SEP = re.compile(r"\s*[-—－.]\s*")


def table_number_pattern(label: str) -> re.Pattern[str]:
    """The ways a question writes a table number, and no longer number it begins.

    >>> bool(table_number_pattern("表2-1").search("表2－1里的参照值")), bool(table_number_pattern("表2-1").search("表2-10"))
    (True, False)
    >>> bool(table_number_pattern("表2-1").search("附表2-1"))
    False
    """
    head, *nums = TABLE_NUMBER_SEP.split(re.sub(r"\s", "", label))
    body = re.escape(head).replace("表", r"表\s*") + "".join(r"\s*[-—－.]\s*" + re.escape(n) for n in nums)
    return re.compile(r"(?<!附)" + body + r"(?!\d|\s*[-—－.]\s*\d)")


def names_table_number(title: str, text: str) -> bool:
    """Whether ``text`` writes the number a table's title opens with (:data:`TABLE_NUMBER`), however it
    writes the dash, and not as part of a longer number.

    >>> names_table_number("表2-2国家级生态文明建设指标规划表", "表2－2里哪些指标…"), names_table_number("表2-2国家级…", "附表2里…")
    (True, False)
    >>> names_table_number("温州市减污降碳协同增效任务清单", "表2-2里…")
    False
    """
    m = TABLE_NUMBER.match(re.sub(r"\s", "", title))
    return bool(m) and bool(table_number_pattern(m.group(0)).search(text))


#: a kind of document written right after the level or place naming it ("省方案", "台州的方案"): of that
#: place's documents, those whose own title (a title it quotes aside: a drafting note's "《…方案》编制说明")
#: is of that kind
KIND_AFTER_PLACE = re.compile(r"(?:省|市|州)(?:里|的)?(实施方案|方案|规划)")
QUOTED_TITLE = re.compile(r"《[^》]*》")


def of_own_kind(question: str, doc_ids: Sequence[str], titles: Mapping[str, str]) -> list[str]:
    """Of ``doc_ids``, those whose own title is of the kind ``question`` writes after the place
    (:data:`KIND_AFTER_PLACE`); all of them when none or all are. (Only where a document's own structure is
    asked: the plan's drafting is told by its note — "省方案初稿什么时候形成".)

    >>> of_own_kind("省方案第三部分讲什么", ["p", "n"], {"p": "浙江省实施方案", "n": "《浙江省实施方案》编制说明"})
    ['p']
    >>> of_own_kind("省里第三部分讲什么", ["p", "n"], {"p": "浙江省实施方案", "n": "《浙江省实施方案》编制说明"})
    ['p', 'n']
    """
    m = KIND_AFTER_PLACE.search(question)
    if not m:
        return list(doc_ids)
    own = [d for d in doc_ids if m.group(1) in QUOTED_TITLE.sub("", titles.get(d, ""))]
    return own if own and len(own) < len(doc_ids) else list(doc_ids)


#: a locative (or a verb only a document does) right after a document's kind: the kind names the document
#: the rest is asked of ("规划里", "规划要求"; "规划环评" is an item)
KIND_LOCATIVE = re.compile(r"里面?|中(?![国心央期型小华])|内(?![容涵部])|要求|提出|明确|规定"
                           # ... or a level of what it holds ("温州规划省级指标…": the 规划's 省级 indicators)
                           r"|(?=省级|国家级|市级|县级)")
#: the document named right after a region, with what says it is the document ("温州规划要求…"): shared by
#: every part of a question asking several items of it (rag/parts.py)
DOC_NAMED_AFTER_REGION = re.compile(DOC_KIND_AFTER_REGION.pattern + f"(?:{KIND_LOCATIVE.pattern})?")
#: the province said as the one acting, right after 省 ("省里支持温州…", "省要求台州…", "省里对温州…"):
#: a city named after it in the same clause is what the province's text is asked about
SCOPE_ACTING = re.compile(r"里?(?=对|支持|鼓励|推动|指导|要求|帮助|给|为)|里")
#: what joins or sets apart a later region as a document of its own ("省里和台州", "省里目标多少，台州呢",
#: "省里比台州高"): then it is no place within the first
REGION_JOINED = re.compile(r"[和与及跟、比或，,。？?；;！!]|(?<![协共相不合如等])同|还是|以及|对比|相比")  # (协同 joins nothing)
#: a region word that names a document's kind itself ("省方案", "省文件")
DOC_KIND_END = re.compile(r"(?:方案|规划|文件|公报|说明)$")
#: … and a comparison asked anywhere ("省里对温州和台州分别…")
REGION_JOINED_ANYWHERE = re.compile(r"分别|各自|对比|比较|区别|不同|差异")
#: a draft's stage written right after the kind that names the document, before what is asked of it
#: ("台州方案征求意见稿里有几个附件", "省方案草案中…"): part of the document's name when its title says
#: so — no item words, and no question about the document's stage
DRAFT_AFTER_KIND = re.compile(r"(?<=方案|规划|说明)的?(征求意见稿|送审稿|草案|初稿|讨论稿)"
                              r"(?=里|中|内|上|的|有|提|对|关于|第|附件|要求|明确|提出|规定)")
#: a formal version named with the kind, before what is asked of it ("正式印发的方案里…", "台州正式方案中…",
#: "省方案正式版里…"): the stage the question gives the document (a draft's stage: DRAFT_AFTER_KIND)
FORMAL_WITH_KIND = re.compile(r"正式(?:印发|发布|出台)?的?(?=方案|规划)"
                              r"|(?<=方案|规划)的?正式(?:稿|版|文本|文件)(?=里|中|内|上|的|有|提|对|关于|第|附件|要求|明确|提出|规定)")


#: a row named by its number, in digits or in Chinese numerals ("第3项", "第十二条", "第一项")
ITEM_NO = re.compile(r"第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[项条个]")
#: a row of a list asked by its place from the end: the last ("任务清单最后一项是什么", "末项", "倒数第一条")
#: or another ("倒数第二项": group 1 the place; ITEM_NO would read its "第二项" as row 2)
LAST_ITEM = re.compile(r"最后(?:一\s*)?[项条个]|末\s*[项条]|倒数第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[项条个]")


#: "完成时限不是2025年的", "时限不在2025年", "2025年以外完成的": rows whose year is another than the one
#: named (the word goes with the year: no item word)
YEAR_EXCLUDED = re.compile(r"(?:不是|不在|不为|并非)\s*(?=20\d\d\s*年)|(?<=年)\s*(?:以外|之外)")
#: the rows are asked ("哪项", "哪些", "有几项"): with a year excluded, a listing of the others
WHICH_ROWS = re.compile(r"哪[些几项条个]|有几|多少项|多少条")
#: a list's size claimed as a yes/no question ("是不是只有4项", "一共10条吧", "有5项吗"): the count asked, the
#: number the premise's (said to differ when the list has another size); a row number ("第4项") is none
COUNT_CLAIMED = re.compile(r"(?P<ask>是不是|是否)?(?:只有|仅有|一共|总共|共|有)?\s*(?<!第)(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})"
                           r"\s*[项条](?=\s*(?P<tail>吗|吧|么|嘛)?\s*[？?。]?\s*$)")
#: "台州清单第33项", "温州方案清单里第40项": a numbered row in a list the question does not name — the
#: bare noun names no item (which list holds that number is the chain's to find)
BARE_LIST_NOUN = re.compile(r"(?:方案)?清单(?:里|中)?的?")


def from_end(m: re.Match[str]) -> int:
    """The place from the end a :data:`LAST_ITEM` match names (1: the last; 0: a numeral it cannot read —
    no row is then pointed at, rather than the last one).

    >>> from_end(LAST_ITEM.search("最后一项")), from_end(LAST_ITEM.search("倒数第二条")), from_end(LAST_ITEM.search("倒数第3项"))
    (1, 2, 3)
    """
    if not m.group(1):
        return 1
    return numeral_value(m.group(1))


#: the opening of a document pointed to ("温州方案开头说要协同推进哪几方面", "前言里…"): where to read, no
#: item word — the paragraphs before its first numbered heading (``rag.sentences.opening_ids``)
PREAMBLE = re.compile(r"(?:的)?(?:开头|开篇|前言|引言|导语)(?:部分|那段|那一段|一段|段落)?")


class QuestionParser:
    """Parse a question into a :class:`Query`, inheriting item and intent from earlier turns."""

    def __init__(self, docs: Iterable[DocumentMeta], unit_forms: dict[str, str], list_names: Iterable[str],
                 item_texts: Iterable[str] = (), column_names: Iterable[str] = (),
                 person_names: Iterable[str] = (), printed_titles: dict[str, list[str]] | None = None,
                 column_values: Mapping[str, Iterable[str]] | None = None, written: str = "") -> None:
        """``printed_titles``: per document, the titles of the documents it prints (a gazette issue's);
        ``column_values``: the values of the lists' categorical columns (建设性质 → 新建类, 续建类);
        ``written``: the documents' text, to tell a bare province name from the start of a name they write."""
        self.docs = list(docs)
        # a province's short name written bare ("浙江森林覆盖率目标多少"): the province, unless the documents
        # write the words after it with it (浙江三澳核电, a project; 浙江海事局 is a unit, found before) — each
        # short name → its documents, and the two characters the documents write after it (found once, here)
        self._province_docs: dict[str, list[str]] = {}
        for d in self.docs:
            if d.level == "省" and len(short := re.sub(r"省$", "", (d.region or "").strip())) >= 2:
                self._province_docs.setdefault(short, []).append(d.id)
        flat_written = re.sub(r"\s", "", written)
        self._bare_province = (re.compile("|".join(sorted(map(re.escape, self._province_docs), key=len, reverse=True)))
                               if self._province_docs else None)
        self._written_after = ({m.group(0) + flat_written[m.end():m.end() + 2]
                                for m in self._bare_province.finditer(flat_written)} if self._bare_province else set())
        # titles without spaces, each document's own and those it prints (a gazette issue's documents)
        self._titles = {d.id: re.sub(r"\s", "", d.title) for d in self.docs}
        self._printed = {d: re.sub(r"\s", "", "".join(ts)) for d, ts in (printed_titles or {}).items()}
        # the names of the tables' own columns ("投资总预算", "建设地点"): a question asking only one
        # of them ("投资多少？") asks it of the item the dialogue is about
        self.column_names = sorted({c for c in column_names if len(c) >= 2})
        # ... or asking which of its values the item has ("是新建还是续建？")
        self.column_values = {h: sorted(vs) for h, vs in (column_values or {}).items()}
        # intent words are read outside the item wording a question quotes ("…达到98%那条谁牵头")
        self._quotes = ItemQuotes(item_texts)
        if not isinstance(unit_forms, dict):
            raise TypeError("unit_forms must map surface form → unit key")
        self.unit_forms = dict(unit_forms)
        self._unit_re = self._alternation(self.unit_forms)
        self.list_names = sorted({n for n in list_names if n}, key=len, reverse=True)
        # a list named by its caption's table number alone ("表2-1"), when one list's caption opens with it
        by_number: dict[str, list[str]] = {}
        for n in self.list_names:
            if (m := TABLE_NUMBER.match(n)) and m.end() < len(n):
                by_number.setdefault(m.group(0), []).append(n)
        self._list_numbers = [(table_number_pattern(k), v[0]) for k, v in by_number.items() if len(v) == 1]
        self.region_words = self._region_words()
        self._region_re = self._alternation(self.region_words, city_area=True)
        self._tok = _jieba()  # loaded now, while the chain is built, not by the first questions
        # the people the documents name ("李无文"), kept whole: jieba cuts a name it does not know
        # ("李无文和章月影" → 李无 / 文章 / 月影); a name that is a dictionary word ("会议" after
        # 主任) is none
        people = sorted({n for n in person_names if len(n) >= 2 and not self._tok.FREQ.get(n)}, key=len, reverse=True)
        self.people = people
        self._person_re = re.compile("|".join(map(re.escape, people))) if people else None
        covered = {w for w in self.region_words}
        places = _places()
        covered_cities = {re.sub(r"(省|市)$", "", d.region or "") for d in self.docs}
        # "浙江" is no region word (unit names start with it) but is covered, not foreign
        foreign = [p for k in ("provinces", "cities") for p in places[k] if p not in covered and p not in covered_cities]
        foreign += [c for c, city in places["counties"].items() if city not in covered_cities and c not in covered]
        self._foreign_re = re.compile("|".join(sorted(map(re.escape, foreign), key=len, reverse=True))) if foreign else None
        # a county of a city the documents cover ("瑞安" of 温州), no region word of its own: a question
        # naming it asks what the text says of that county
        local = [c for c, city in places["counties"].items() if city in covered_cities and c not in covered]
        # (not a county's name run on into a river's, bay's or island's: "黄岩溪", "玉环湖" are no places asked about)
        self._local_re = re.compile("(?:" + "|".join(sorted(map(re.escape, local), key=len, reverse=True)) + ")"
                                    + NAME_GOES_ON) if local else None

    def _table_by_words(self, text: str) -> tuple[str, str] | None:
        """The table a question names by words of its caption ("国家级指标表里" → "表2-2国家级生态文明建设
        指标规划表") and the words naming it, 表 and its locative included; None when no caption alone
        holds them (two captions with 指标: "指标表里" names neither).

        >>> qp = QuestionParser([], {}, ["表2-1省级生态文明建设指标规划表", "表2-2国家级生态文明建设指标规划表"])
        >>> qp._table_by_words("国家级指标表里河长制参照值"), qp._table_by_words("指标表里河长制参照值")
        (('表2-2国家级生态文明建设指标规划表', '国家级指标表里'), None)
        """
        tables = [n for n in self.list_names if "表" in n]
        for m in TABLE_BY_WORDS.finditer(text):
            run = m.group("run")
            for start in range(len(run) - 1):
                words = [w for w in self.words(run[start:]) if len(w) >= 2]
                holding = [n for n in tables if words and all(w in n for w in words)]
                if holding:
                    if len(holding) == 1:
                        return holding[0], text[m.start() + start:m.end() + 1]
                    break
        return None

    @staticmethod
    def _alternation(words: Iterable[str], city_area: bool = False) -> re.Pattern[str] | None:
        """One pattern for ``words``, longest first; ``city_area``: a word ending in 市 does not take the 市
        of 市区 ("温州市区PM2.5浓度": 温州 is the region, 市区 the item's own word)."""
        ws = sorted({w for w in words if w}, key=len, reverse=True)
        alts = [re.escape(w) + ("(?!区)" if city_area and w.endswith("市") else "") for w in ws]
        return re.compile("|".join(alts)) if ws else None

    def _region_words(self) -> dict[str, list[str]]:
        """Surface word → ids of the documents it selects (by region and level)."""
        words: dict[str, list[str]] = {}

        def add(w: str, doc_id: str) -> None:
            words.setdefault(w, [])
            if doc_id not in words[w]:
                words[w].append(doc_id)

        for d in self.docs:
            region = (d.region or "").strip()
            if region:
                add(region, d.id)
                short = re.sub(r"(省|市|县|区)$", "", region)
                if len(short) >= 2 and d.level != "省":  # "浙江" starts many unit names (浙江海事局)
                    add(short, d.id)
                elif len(short) >= 2:
                    for nxt in PROVINCE_SHORT_NEXT:
                        add(short + nxt, d.id)
                for suffix in REGION_SUFFIXES:  # "温州这边…", "浙江方面…": with a suffix no unit name starts so
                    if len(short) >= 2:
                        add(short + suffix, d.id)
            if d.level == "省":
                for w in PROVINCE_WORDS:
                    add(w, d.id)
        # a kind of document named in its title and unique to one document (公报, 编制说明 …)
        for kind in DOC_KINDS:
            owners = [d for d in self.docs if kind in d.title]
            if len(owners) == 1:
                add(kind, owners[0].id)
                for longer in ("政府" + kind, "人民政府" + kind):  # "温州市政府公报": the document, not an item word
                    if longer in owners[0].title.replace(" ", ""):
                        add(longer, owners[0].id)
        return words

    # ------------------------------------------------------------------
    def _named_by_kind(self, text: str, region_ms: list[re.Match], doc_ids: list[str]) -> tuple[list[str], str]:
        """The documents of a region a question names by their kind, perhaps with title words between
        ("温州减污降碳方案", "温州的方案", "温州规划"): those whose own title holds the kind and every pair of
        those words — else those printing a document so titled (a gazette's "…生态文明建设规划") —; []
        when none does or all do (the region alone decides then). Second, the title words with the kind
        when there are such words ("生态文明规划"): they name the document, no item ("温州生态文明规划里
        自然岸线保有率现状值" asks of the row "自然岸线保有率"); a bare kind stays ("温州规划环评") unless
        a locative after it says it is the document ("温州规划里…": "规划里")."""
        for m in region_ms:
            k = DOC_KIND_AFTER_REGION.match(text, m.end())
            if not k:
                continue
            words, kind = k.group(1), k.group(2)
            for titles in (self._titles, self._printed):
                hits = [d for d in doc_ids if kind in titles.get(d, "") and holds_pairs(words, titles[d])]
                if hits:
                    if len(hits) == len(doc_ids):
                        return [], ""
                    if len(words) >= 2:
                        return hits, words + kind
                    # a bare kind with 里/中 after it names the document ("温州规划里亩均税收…")
                    after = KIND_LOCATIVE.match(text, k.end())
                    return hits, words + kind + after.group(0) if after else ""
        return [], ""

    def _places_within(self, text: str, region_ms: list[re.Match], leading: re.Match | None = None) -> list[re.Match]:
        """The region words after one naming a document with a locative ("台州方案里", "温州规划中") — or
        the province said as the one acting ("省里支持温州…", "省方案里对台州…", "省要求温州…") — that
        select other documents, in the same clause and not joined to it: places asked of within that
        document ("台州方案里温州的…"), not documents. A region joined or compared ("省里和台州…",
        "省里目标多少，台州呢") stays a document of its own."""
        scopes = [(m.end(), set(self.region_words[m.group(0)]), m.group(0).endswith("里")) for m in region_ms]
        if leading is not None:
            scopes.insert(0, (leading.end(), {d.id for d in self.docs if d.level == "省"}, True))
        for end, own, acting in scopes:
            k = DOC_KIND_AFTER_REGION.match(text, end)
            if k and KIND_LOCATIVE.match(text, k.end()):
                stop, said = k.end(), False  # (the document named: what follows is asked of it)
            elif acting and (loc := SCOPE_ACTING.match(text, k.end() if k else end)):  # ("省方案对温州…" too)
                stop, said = loc.end(), True  # (the province acting: a city joined or compared is a document)
                if REGION_JOINED_ANYWHERE.search(text):
                    return []
            else:
                continue
            return [x for x in region_ms if x.start() >= stop and not set(self.region_words[x.group(0)]) & own
                    and not (said and REGION_JOINED.search(text[stop:x.start()]))]
        return []

    def _places_before_named(self, text: str, region_ms: list[re.Match]) -> list[re.Match]:
        """The region words before one naming a document by its kind ("省方案", "台州方案", "温州的规划"),
        in the same clause and not joined to it: places the item names, asked of that document ("温州电镀
        行业的减污降碳协同写在省方案哪一部分" → 温州 is of the item "温州电镀"), not documents. A region
        joined or compared ("温州和省方案…", "温州的，省方案里呢") stays a document of its own.

        (:meth:`_places_within` reads the places after a document named with a locative.)"""
        def names_kind(m: re.Match) -> bool:
            k = DOC_KIND_AFTER_REGION.match(text, m.end())
            return bool(DOC_KIND_END.search(m.group(0))) or bool(k) and not k.group(1)
        named = [m for m in region_ms if names_kind(m)]
        if not named or REGION_JOINED_ANYWHERE.search(text):
            return []
        first = named[0]
        own = set(self.region_words[first.group(0)])
        if any(set(self.region_words[m.group(0)]) != own for m in named):
            return []  # (two documents named by kind: each a document)
        return [x for x in region_ms if x.end() < first.start() and x not in named
                and not set(self.region_words[x.group(0)]) & own
                and text[x.end():first.start()].strip() and not REGION_JOINED.search(text[x.end():first.start()])]

    def parse_one(self, question: str) -> Query:
        q = Query(text=question)
        text = YEAR_PLAN_ASKED.sub("规划值", question.strip())
        rest = text
        # departments first (their names contain region words: 温州铁管中心, 省生态环境厅)
        if self._unit_re:
            excepted = set()
            for m in self._unit_re.finditer(text):
                key = self.unit_forms[m.group(0)]
                if EXCEPT_BEFORE.search(text[:m.start()]):
                    excepted.add(key)  # ("…的参与单位除了市经信局还有哪些": the row's others, not the unit's rows)
                if key not in q.units:
                    q.units.append(key)
            rest = self._unit_re.sub(" ", rest)
            if ITEM_NO.search(text):  # (of a row named; "除了X还有谁牵头…的任务" asks of a unit's rows otherwise)
                q.units = [k for k in q.units if k not in excepted]
        for name, _ in claimed_units(rest):  # (a unit no document lists, named as the row's: no item word)
            rest = rest.replace(name, " ")
        for m in re.finditer(r"《([^》]{2,60})》", rest):
            titled = [d.id for d in self.docs if names_document(m.group(1), d.title)]
            if titled:  # a document named by its title; other 《…》 are part of an item's wording
                q.doc_ids += [d for d in titled if d not in q.doc_ids]
                rest = rest.replace(m.group(0), " ")
        m = LEADING_PROVINCE.match(rest) or MID_PROVINCE.search(rest)
        leading = None
        if m and (province := [d.id for d in self.docs if d.level == "省"]):
            leading = m
            q.regions_named.append(m.group(1))  # "省协同指数…", "省目标清单第5项…": the province's
            q.doc_ids += [d for d in province if d not in q.doc_ids]
            # ("省里这边…", "省这边…": the pointing word is no item word; 里 stays, it says the province acts)
            pointer = PROVINCE_POINTER.match(rest, m.end(1))
            rest = rest[:m.start(1)] + " " + ((pointer.group(1) or "") + rest[pointer.end():] if pointer else rest[m.end(1):])
        rest = self._bare_province_named(rest, q)
        full = rest  # item words before region words are removed (they may be part of the item text)
        region_ms = list(self._region_re.finditer(rest)) if self._region_re else []
        blanked = rest
        for m in region_ms:
            blanked = blanked[:m.start()] + " " * (m.end() - m.start()) + blanked[m.end():]
        if self._local_re:
            q.local_places = list(dict.fromkeys(m.group(0) for m in self._local_re.finditer(blanked)))
        if self._foreign_re:
            foreign_ms = list(self._foreign_re.finditer(blanked))
            q.foreign_places = list(dict.fromkeys(m.group(0) for m in foreign_ms))
            # a region word right after a place no document covers belongs to it ("江苏" + "省的")
            ends = {m.end() for m in foreign_ms}
            region_ms = [m for m in region_ms if m.start() not in ends]
        if self._region_re and (before := self._places_before_named(rest, region_ms)):
            # "温州电镀行业…写在省方案哪一部分": 温州 is part of the item the province plan writes ("温州电镀等行业")
            q.local_places += [x.group(0) for x in before if x.group(0) not in q.local_places]
            region_ms = [x for x in region_ms if x not in before]
        if self._region_re and (later := self._places_within(rest, region_ms, leading)):
            # "台州方案里温州的…": 温州 is a place the Taizhou plan is asked about, not a second document
            q.local_places += [x.group(0) for x in later if x.group(0) not in q.local_places]
            region_ms = [x for x in region_ms if x not in later]
        if self._region_re:
            sets = []
            for m in region_ms:
                q.regions_named.append(m.group(0))
                sets.append(set(self.region_words[m.group(0)]))
            if sets:
                common = set.intersection(*sets)
                chosen = common if common and len(sets) > 1 else set().union(*sets)
                order = [d.id for d in self.docs]
                q.doc_ids += [d for d in order if d in chosen and d not in q.doc_ids]
                kinds = [set(self.region_words[m.group(0)]) for m in region_ms if m.group(0) in DOC_KINDS]
                if kinds and (one := set.intersection(*kinds)) and one < set(q.doc_ids):
                    # "省方案编制说明里…": of the province's documents, the one of the kind named
                    q.doc_ids = [d for d in q.doc_ids if d in one]
                kinds, title_words = self._named_by_kind(text, region_ms, q.doc_ids) if len(q.doc_ids) > 1 else ([], "")
                if kinds:
                    q.doc_ids = kinds  # "温州减污降碳方案": of 温州's documents, the one whose title says so
                    if title_words:
                        rest, full = rest.replace(title_words, " ", 1), full.replace(title_words, " ", 1)
            rest = self._region_re.sub(" ", rest)
        # the stage named with the document is no item word; it is kept as the stage the question claims
        # (the chain says so when the document answering has another: "温州方案征求意见稿里…")
        for pattern in (DRAFT_AFTER_KIND, FORMAL_WITH_KIND):
            if q.doc_ids and (m := pattern.search(rest)):
                rest, full = rest.replace(m.group(0), " ", 1), full.replace(m.group(0), " ", 1)
                q.stage_claimed = m.group(1) if pattern is DRAFT_AFTER_KIND else "正式"  # (a draft's stage as written)
        rest, full = plan_end_as_year(rest), plan_end_as_year(full)
        year_re = r"(20[0-6]\d)\s*年|(?<![\d.])(20[1-5]\d)(?=$|[\s，。？?、的前底到至和或])"
        q.years = [int(a or b) for a, b in re.findall(year_re, rest)]
        if q.years and (m := YEAR_EXCLUDED.search(rest)):
            q.years_excluded = True
            rest, full = rest[: m.start()] + " " + rest[m.end():], YEAR_EXCLUDED.sub(" ", full)
        # the year goes with the word that times it ("到2025年", "截至2020年"): a 到 left behind would
        # join the item's last word ("分担率到") into a pair no sentence writes
        # (a base year goes with its 较/比/相比 too: "较2015年下降" leaves no "较" to the item)
        # (… and so do 底 and 前 after it: "2025年底前完成" leaves no "底前" to the item)
        timed = r"(?:截至|截止到?|到|至|较|相比|比)?\s*(?:" + year_re + r")(?:年?底|内)?(?:以前|之前|前)?"
        rest = re.sub(timed, " ", rest)
        full = re.sub(timed, " ", full)
        m = ITEM_RANGE.search(rest)
        if m and 0 < int(m.group(2)) - int(m.group(1)) <= MAX_RANGE:
            q.item_range = tuple(range(int(m.group(1)), int(m.group(2)) + 1))
            rest = rest[: m.start()] + " " + rest[m.end():]
            full = ITEM_RANGE.sub(" ", full)
        if m := LAST_ITEM.search(rest):  # (first: "倒数第二项" holds "第二项")
            q.item_from_end = from_end(m)
            rest, full = rest[: m.start()] + " " + rest[m.end():], LAST_ITEM.sub(" ", full)
        m = ITEM_NO.search(rest)
        if m:
            q.item_no = m.group(1) if m.group(1).isdigit() else str(numeral_value(m.group(1)))
            q.item_from_end = 0  # (a number named decides)
            rest = rest[: m.start()] + " " + rest[m.end():]
        if m := PREAMBLE.search(rest):
            q.preamble = True
            rest, full = rest[: m.start()] + " " + rest[m.end():], PREAMBLE.sub(" ", full)
        for name in self.list_names:
            if name in rest:
                q.list_name = name
                rest = rest.replace(name, " ")
                break
        else:
            for pat, name in self._list_numbers:
                if pat.search(rest):
                    q.list_name = name
                    rest, full = pat.sub(" ", rest), pat.sub(" ", full)
                    break
            else:
                if named := self._table_by_words(rest):
                    q.list_name, phrase = named
                    rest, full = rest.replace(phrase, " ", 1), full.replace(phrase, " ", 1)
        if q.list_name and not q.item_no and (m := COUNT_CLAIMED.search(rest)) and (m.group("ask") or m.group("tail")):
            n = m.group("n")
            q.count_claimed = numeral_value(n)
            q.intents.append("count")
            rest, full = rest[: m.start()] + " " + rest[m.end():], COUNT_CLAIMED.sub(" ", full, count=1)
        if q.item_no and not q.list_name and (m := BARE_LIST_NOUN.search(rest)):
            rest, full = rest[: m.start()] + " " + rest[m.end():], BARE_LIST_NOUN.sub(" ", full, count=1)
        asked = self._quotes.mask(rest)  # the question words: what is left outside quoted item wording
        for intent, pat, _ in INTENT_PATTERNS:
            if re.search(pat, asked):
                q.intents.append(intent)
        if (which := WHICH_HIGHER.search(asked)) and WHICH_EARLIER.search(which.group(0)) and "deadline" not in q.intents:
            q.intents.append("deadline")  # "哪个完成得更早": the times compared are the rows' deadlines
        if _CLAIMED_DEADLINE.search(text) and (claimed := _CLAIMED_DEADLINE.search(self._quotes.mask(text))):
            # the year claimed is no year the row must carry: the row's own deadline is the answer
            q.intents += [] if "deadline" in q.intents else ["deadline"]
            q.years = [y for y in q.years if str(y) not in claimed.group(0)]
        q.wants_number = bool(NUMBER_Q.search(asked) or "数值" in asked)
        if q.units and re.search(LIST_BY_DEPT, asked) and not ({"weight", "data_source"} & set(q.intents)):
            q.intents.append("list_by_dept")
        if q.years and (re.search(LIST_BY_YEAR, asked) or q.years_excluded and WHICH_ROWS.search(asked)):
            q.intents.append("list_by_year")
        # prose states "规划期限为…", "基准年为…": for sentences the words of a time or value field stay
        # (roles — 牵头, 参与 — are list columns, not words of the text)
        rest, full = ASKED_COMPARATOR.sub(" ", rest), ASKED_COMPARATOR.sub(" ", full)
        rest, full = WHAT_KIND.sub(" ", rest), WHAT_KIND.sub(" ", full)
        # "省里和台州哪个目标更高": the values answer, side by side; the comparing words name no item
        if WHICH_HIGHER.search(rest):
            rest, full = TURNS_POINTED.sub(" ", rest), TURNS_POINTED.sub(" ", full)
        rest, full = WHICH_HIGHER.sub(" ", rest), WHICH_HIGHER.sub(" ", full)
        rest = ASKED_PLACE_CLASS.sub(" ", rest)
        rest, full = self._have_apart(rest), self._have_apart(full)
        # (the measure goes before 多大 goes as a target word, and with it from the words of the text)
        rest, full = re.sub(ASKED_MEASURE, " ", rest), re.sub(ASKED_MEASURE, " ", full)
        prose_rest = re.sub(_ATTRIBUTE, " ", rest)  # (an attribute is a column of indicator rows, no word of the text)
        # "碳达峰时间是哪年": the time asked, which a sentence states ("确保2030年前实现碳达峰") without the word
        # (no row has it either: the row words keep it, so no row merely naming 碳达峰 answers)
        prose_rest = re.sub(TIME_ASKED, " ", prose_rest) if "deadline" in q.intents else prose_rest
        for intent, detect, remove in INTENT_PATTERNS:
            rest = re.sub(remove or detect, " ", rest)
            if intent not in ("deadline", "target"):
                prose_rest = re.sub(remove or detect, " ", prose_rest)
            full = re.sub(remove or detect, " ", full)
        rest = re.sub(LIST_BY_DEPT, " ", YES_NO_ASKED.sub(" ", rest))
        prose_rest = YES_NO_ASKED.sub(" ", prose_rest)
        full = re.sub(QUESTION_TAIL, " ", YES_NO_ASKED.sub(" ", full))
        full = re.sub(LIST_BY_DEPT, " ", full)
        if q.list_name:
            full = full.replace(q.list_name, " ")
        if q.item_no:
            full = re.sub(r"第\s*\d{1,3}\s*[项条个]", " ", full)
        q.content = self.content_words(re.sub(PUNCT, " ", rest))
        q.prose = self.content_words(re.sub(PUNCT, " ", re.sub(QUESTION_TAIL + "|" + LIST_BY_DEPT, " ", prose_rest)))
        full = re.sub(QUESTION_TAIL, " ", full)
        q.content_full = re.sub(r"(的|有|是|完成|实现)+$", "", re.sub(PUNCT, "", full)) if len(q.content) >= 2 else q.content
        if q.list_name and not q.item_no and "count" not in q.intents and SIZE_COMPARED.search(asked):
            q.intents.append("count")  # "温州和省里的政策清单，哪个条目多": the lists' sizes, compared
            q.content = q.content_full = q.prose = ""
        return q

    def _bare_province_named(self, rest: str, q: Query) -> str:
        """``rest`` with a bare province name blanked (:attr:`_bare_province`), its documents added to ``q``;
        a region word starting there ("浙江省", "浙江的") is left to the region words, and a name the documents
        write on after it ("浙江三澳核电") is no region at all.

        >>> from ingest.types import DocumentMeta
        >>> p = QuestionParser([DocumentMeta(id="p", title="浙江省方案", file="p", level="省", region="浙江省")], {}, [],
        ...                    written="浙江三澳核电一期")
        >>> q = Query(text=""); p._bare_province_named("浙江森林覆盖率目标", q), q.doc_ids
        ('  森林覆盖率目标', ['p'])
        >>> q = Query(text=""); p._bare_province_named("浙江三澳核电投资多少", q), q.doc_ids
        ('浙江三澳核电投资多少', [])
        """
        if self._bare_province is None or not self._written_after:
            return rest
        for m in reversed(list(self._bare_province.finditer(rest))):
            after = re.sub(r"\s", "", rest[m.end():])[:2]
            if (self._region_re and self._region_re.match(rest, m.start())) or len(after) < 2 or m.group(0) + after in self._written_after:
                continue
            q.regions_named.append(m.group(0))
            q.doc_ids += [d for d in self._province_docs[m.group(0)] if d not in q.doc_ids]
            rest = rest[:m.start()] + " " * len(m.group(0)) + rest[m.end():]
        return rest

    def _have_apart(self, text: str) -> str:
        """``text`` with the 有 jieba joined to the word before a question word cut off (:data:`HAVE_ASKED`;
        a text without such a 有 is not cut again).

        >>> QuestionParser([], {}, [])._have_apart("建制村有多少")
        '建制村 多少'
        """
        if not HAVE_ASKED.search(text):
            return text
        toks = self._cut(text)
        return "".join(t[:-1] + " " if (len(t) == 2 and t[1] == "有" and t not in HAVE_VERBS
                                        and i + 1 < len(toks) and QUESTION_AFTER_HAVE.match(toks[i + 1])) else t
                       for i, t in enumerate(toks))

    def words(self, content: str) -> list[str]:
        """The words of ``content`` as jieba's search mode splits them (钢铁行业 → 钢铁, 行业, 钢铁行业)."""
        return [t for t in self._cut(content, search=True) if t.strip()]

    def _unglued(self, tokens: list[str]) -> list[str]:
        """``tokens`` with a particle jieba glued onto the next word it does not know cut off
        (:data:`GLUED_PARTICLE`: "对小微" → "对", "小微"; a word it knows — 里程, 对于 — stays).

        >>> QuestionParser([], {}, [])._unglued(["对小微", "企业", "对标", "里亩", "里程"])
        ['对', '小微', '企业', '对标', '里', '亩', '里程']
        """
        out: list[str] = []
        for t in tokens:
            fewest = GLUED_PARTICLE.get(t[:1])
            if fewest and len(t) > fewest and not self._tok.FREQ.get(t):
                out += [t[0], t[1:]]
            else:
                out.append(t)
        return out

    def content_words(self, text: str) -> str:
        """The item words of ``text``: jieba tokens minus question fillers, joined."""
        out, dropped = "", False
        for t in self._unglued(self._cut(HEDGE_BEFORE_VERB.sub(" ", ASKING_VERB.sub(" ", text)))):
            if not t.strip() or t in FILLER_TOKENS:
                dropped = dropped or bool(t.strip())
                continue
            # (two Latin words a filler stood between stay two: "ODS和HFCs" → "ODS HFCs", not "ODSHFCs")
            latin = dropped and out[-1:].isascii() and out[-1:].isalnum() and t[0].isascii() and t[0].isalnum()
            out, dropped = out + (" " if latin else "") + t, False
        return out.strip()

    def _cut(self, text: str, search: bool = False) -> list[str]:
        """jieba's tokens of ``text``, each person the documents name one token."""
        cut = self._tok.cut_for_search if search else self._tok.lcut
        if self._person_re is None:
            return list(cut(text))
        out: list[str] = []
        at = 0
        for m in self._person_re.finditer(text):
            out += cut(text[at:m.start()]) if m.start() > at else []
            out.append(m.group(0))
            at = m.end()
        return out + (list(cut(text[at:])) if at < len(text) else [])

    def run(self, question: str, history: Sequence[Any] | None = None, continues: bool = False) -> Query:
        """Parse ``question``; a follow-up ("那温州呢？", "参与单位呢？") inherits from earlier turns.
        ``continues``: the question is a later part of one message, so a part naming no document and
        only a few item words ("年引水量多少？" after "瓯江引水工程输水线路多长？") goes on from the part
        before it."""
        if not isinstance(question, str):
            raise TypeError("question must be a string")
        prev_qs = history_questions(history)
        if prev_qs and SIMILAR_ASKED.search(question):
            question = SIMILAR_ASKED.sub("呢", question)  # "台州有类似的任务吗？" → "台州呢？"
        q = self.parse_one(question)
        if not prev_qs:
            return self._finish(q)
        short = len(q.content) < 2 and (not q.item_no and not q.list_name or "position" in q.intents)
        # "那温州呢？", "参与单位呢？", "规划期限呢？": a short question ending in 呢 goes on from the last turn
        ne = bool(re.search(r"呢\s*[？?]?\s*$", question))
        named = self._document_named(q) if ne else []
        if named:
            # "温州减污降碳方案里呢？": the words name a document (its title holds them); the same item
            # is asked of it
            q.doc_ids, q.content = named, ""
            short = not q.item_no and not q.list_name
        value_column = q.content if (self._asks_a_column(q) and VALUE_COLUMN.search(q.content)
                                     or COLUMN_ASKED.fullmatch(q.content)) else ""
        if (bare := BARE_COLUMN.fullmatch(re.sub(r"\s", "", question))) and not q.doc_ids:
            value_column = bare.group(1) + "值"
        if ((now := NOW_ASKED.match(re.sub(r"\s", "", question))) and not q.doc_ids and not q.item_no and not q.units
                and set(q.intents) <= {"target"} and len(q.content.replace(now.group(1), "", 1)) <= NOW_VERB_CHARS):
            # (only the value asked: "现在谁牵头？" asks the lead, "现在达到了吗？" an achievement)
            value_column = "现状"
        short = short or bool(value_column)  # "2025年规划值多少？": an indicator's column; the item is the last turn's
        if (kind := POINTED_KIND.match(question)) and not q.item_no and kind.group("noun") in q.content:
            # "这个试点谁负责？", "该工程投资多少？": the item the turn before was about, called by its kind
            q.content = re.sub("^" + _POINTER, "", re.sub(r"\s", "", q.content).replace(kind.group("noun"), "", 1))
            short = short or not q.content
        ends_ne = ne and len(q.content) <= FOLLOW_NE_CHARS and not q.doc_ids
        # (the unit a quantity is asked in is no item word: "总投资多少亿元？" goes on as "总投资")
        unit = asked_unit(question)
        part_of = (continues and not q.doc_ids and not q.item_no
                   and len(q.content.replace(unit, "", 1) if unit else q.content) <= CONTINUE_CHARS)
        # "以什么为王？" after "…新闻传媒中心要以什么为魂？": no dictionary word of its own (以王 is
        # none) to name an item — the same item, asked anew ("规划期限是什么？" names 规划)
        elliptic = (not short and not ne and len(q.content) <= ELLIPTIC_CHARS and not q.doc_ids and not q.item_no
                    and not q.list_name and not q.foreign_places and bool(OWN_QUESTION_WORD.search(question))
                    and not any(len(t) >= 2 and self._tok.FREQ.get(t) for t in self.words(q.content)))
        # "主要特征呢？" after an answer quoting "…为建设核心、“一统三化九场景”为主要特征的新时代未来乡村":
        # words the last answer's quotes hold (not its labels: "“四、规划期限”部分") ask another part of
        # the same passage
        quoted = "".join(QUOTED.findall(re.sub(r"\s+", "", last_answer(history))))
        echoed = ends_ne and not short and len(q.content) >= 2 and not q.item_no and q.content in quoted
        # ... and a question of its own asking only words the quotes hold ("最终要淘汰什么？"), no place or list named
        bare = ASKING_ADVERBS.sub("", re.sub(r"\s", "", q.content))
        quoted_ask = (not ne and not short and not q.doc_ids and not q.item_no and not q.list_name and not q.units
                      and 2 <= len(bare) <= ECHO_CHARS and bare in quoted and bool(OWN_QUESTION_WORD.search(question)))
        echoed = echoed or quoted_ask
        # "第3项是什么？" after "温州政策清单有几项？": a row number alone is of the list the last turns named
        numbered = bool(q.item_no or q.item_from_end) and not q.list_name and not q.doc_ids and len(q.content) < 2
        looks_follow = (bool(re.match(r"^\s*(那|那么|还有|另外|再问|同样|它|这项|这条|那项|那条|这是|其下|其中|下面)", question)) or short
                        or ends_ne or self._asks_a_column(q) or part_of or elliptic or numbered or quoted_ask)
        if not looks_follow:
            return self._finish(q)
        # the item comes from the nearest earlier turn that named one; the region from the nearest turn,
        # up to that one, that named a region ("秸秆…谁牵头？" → "那温州呢？" → "谁牵头？": 温州's item)
        # ... and what is asked from the nearest turn that asked something ("…谁牵头？" → "参与单位呢？"
        # → "温州呢？": 温州's participants)
        prev = None
        region_from: Query | None = None
        intent_from: Query | None = None
        years_from: list[int] = []
        talked_of: list[str] = []  # the documents of the turns back to the one naming the item, nearest first
        for back, pq in enumerate(reversed(prev_qs)):
            # (an earlier "台州有类似的吗？" was read as "台州呢？": its item is the one before it, not 类似)
            cand = self.parse_one(SIMILAR_ASKED.sub("呢", pq))
            talked_of += [d for d in cand.doc_ids if d not in talked_of]
            if numbered and cand.list_name:
                q.list_name = cand.list_name  # (the row numbered is that list's; the region comes with it below)
                q.inherited.append("list")
                return self._finish(_with_region(q, region_from or (cand if cand.doc_ids else None)))
            if numbered and cand.item_no and not cand.list_name and not cand.doc_ids and len(cand.content) < 2:
                continue  # an earlier row number alone ("第3项是什么？"): its list was named before it
            if region_from is None and cand.doc_ids:
                region_from = cand
            if intent_from is None and [i for i in cand.intents if i != "compare"]:
                intent_from = cand
            if POINTS_AT_ITEM.match(pq) and not cand.item_no:
                continue  # "这项要建设什么平台？" asked a part of the item before it: that item is still talked of
            if not (cand.content or cand.item_no or cand.units) and cand.years and (
                    re.search(r"呢\s*[？?]?\s*$", pq) or back < len(prev_qs) - 1):
                # "2030年呢？", "比2019年高了还是低了？" asked a year of the item before it (a first turn naming
                # only a year — "2025年的目标有哪些？" — is the item itself, taken below when none is earlier)
                years_from = years_from or cand.years
                continue
            if ((cand.content or cand.item_no or cand.units or cand.years) and not self._asks_a_column(cand)
                    and not COLUMN_ASKED.fullmatch(cand.content)):  # ("国家级参照值呢？" named a column, no item)
                prev = cand
                break
        if prev is None:
            # no earlier turn named an item, one named a document: a short question goes on in it ("台州方案
            #什么时候印发的？" → "文号是什么？": 台州方案's number, not every document's) — and in the list it
            # named ("台州协同能力清单有几条？" → "其中市生态环境局负责的有哪些？": that list's rows)
            if short and region_from is not None and region_from.list_name and not q.list_name:
                q.list_name = region_from.list_name
                q.inherited.append("list")
                if q.units and set(q.intents) & ROLE_INTENTS and "list_by_dept" not in q.intents:
                    q.intents.append("list_by_dept")  # ("其中省生态环境厅牵头的呢？": the unit's rows of that list)
            return self._finish(_with_region(q, region_from) if short else q)
        pointed = not short and bool(POINTS_AT_ITEM.match(question)) and bool(q.content) and not q.item_no
        if pointed and not q.doc_ids and (row := self._row_answered(history, region_from)) is not None:
            field = POINTER_WORD.sub("", q.content)
            if len(field) <= ROW_FIELD_CHARS or self._asks_a_column(replace(q, content=field)):
                # "它建在哪里？", "它的实施期限是哪几年？" after an answer giving one row: a field of that row
                q.doc_ids, q.list_name, q.item_no = [row[0]], row[1], row[2]
                q.content = q.prose = q.content_full = field
                q.inherited.append("item")
                q.followup = True
                return self._finish(q)
        if (not short and not pointed and not self._asks_a_column(q) and len(q.content) >= OWN_ITEM_CHARS
                and OWN_QUESTION_WORD.search(question)):
            # a question of its own — item words and its own question word: "另外，瓯海南部开发保护要
            # 促进什么和谐共生？" asks what it says, in the region talked of, not what the turn before asked
            return self._finish(_with_region(q, region_from))
        # "省里…多少？" → "台州呢？" → "温州呢？" → "三个里哪个最高？": every region the item was asked of compared
        comparing = (short and not q.doc_ids and not q.regions_named and len(talked_of) >= 2
                     and bool(WHICH_HIGHER.search(question)))
        carried = False  # the item carried over is an indicator the last row states, not that row
        if short:
            q.content, q.item_no, q.list_name = prev.content, prev.item_no or q.item_no, prev.list_name or q.list_name
            if value_column:  # the column asked now, not the one the last turn asked ("现状值" → "规划值呢？")
                q.content = VALUE_WORDS.sub("", prev.content) + value_column
            q.content_full = prev.content_full
            q.prose = prev.prose
            q.preamble = q.preamble or prev.preamble  # ("开头说要推进哪几方面？" → "台州呢？": its opening too)
            q.inherited.append("item")
            if not q.units and prev.units:
                q.units = prev.units
                if "list_by_dept" in prev.intents and "list_by_dept" not in q.intents and set(q.intents) & ROLE_INTENTS:
                    # "市水利局牵头的有哪些？" → "它参与的呢？": the same unit's rows, in the role asked now
                    q.intents.append("list_by_dept")
            # a year of its own, not the last turn's ("省里要建多少个创新园区？" → "到2030年呢？"): what the documents
            # state for that year, not the task-list row the last turn answered (due in its own year; an indicator
            # table's row has a column per year and stays)
            year_anew = bool(q.years) and set(q.years) != set(prev.years)
            if not q.years and not COLUMN_ASKED.fullmatch(value_column) and (years_from or prev.years):
                q.years = years_from or prev.years  # (a column asked anew — "国家级参照值" — has a year of its own or none)
            if (q.doc_ids and prev.item_no and len(prev.content) < 2 and (row := self._row_answered(history, None))
                    and row[0] not in q.doc_ids and (name := self._indicator_of_row(history))):
                # "省目标清单第29项是什么？" → "台州方案里这个指标是多少？": the indicator the row states, asked of
                # another document — not that document's row of the same number, which holds something else
                q.content = q.prose = q.content_full = name
                q.item_no, q.list_name = "", ""
                carried = True  # (the row's number and list are no words of it: the turn's basis is left out)
            elif (not q.doc_ids and not comparing and (not q.item_no or not q.list_name) and (row := self._row_answered(history, region_from))
                    and (not q.item_no or q.item_no == row[2]) and not (year_anew and TASK_LIST.search(row[1]))):
                # the row the last turn answered from ("第5项是什么？" → "谁牵头？": that list's 5th row, not
                # every list's)
                q.doc_ids, q.list_name, q.item_no = [row[0]], row[1], row[2]
            elif (q.doc_ids and not q.item_no and (item := self._indicator_answered(history, prev.content))
                  and item[0] not in q.doc_ids and re.sub(r"\s", "", prev.content) not in item[1]):
                # "建筑垃圾资源化利用率目标多少" → "谁牵头" → "省里呢": the indicator as the row answered names
                # it ("建筑垃圾综合利用率"), not the asker's words, which another list's task row holds better
                q.content = q.prose = item[1]
        # "达标了吗？" after an indicator asked: a column of the last turn's item (是否达标), no item of its own
        of_column = not short and not elliptic and not pointed and not ne and self._asks_a_column(q) and not q.years
        if elliptic or echoed or pointed or of_column:  # the last turn's item; words found in its answer (or asked of it) added
            own = (bare if quoted_ask else q.content) if echoed or pointed or of_column else ""
            q.content, q.prose = prev.content + own, (prev.prose or prev.content) + own
            q.own = own if pointed else ""
            q.inherited.append("item")
        q.followup = True
        q.basis = "" if carried else prev.text
        if pointed and not q.intents and OWN_QUESTION_WORD.search(question):
            q.intents = ["open"]  # "这项要建设什么平台": what the item says, not the field the last turn asked
        if intent_from is None and not [i for i in prev.intents if i != "compare"]:
            # "森林覆盖率目标多少？" → "湿地保护率呢？" → "温州呢？": the item came from a turn asking nothing of its
            # own; what is asked comes from the nearest turn before it that asked something (the target)
            for pq in reversed(prev_qs[:len(prev_qs) - back - 1]):
                cand = self.parse_one(SIMILAR_ASKED.sub("呢", pq))
                if [i for i in cand.intents if i != "compare"]:
                    intent_from = cand
                    break
        if not q.intents or q.intents == ["compare"]:
            asked = intent_from or prev
            q.intents = [i for i in asked.intents if i != "compare"] + q.intents
            q.wants_number = q.wants_number or asked.wants_number
            q.inherited.append("intent")
        if comparing:
            order = [d.id for d in self.docs]
            q.doc_ids = sorted(talked_of, key=order.index)
            q.inherited.append("region")
            return self._finish(q)
        return self._finish(_with_region(q, region_from))

    def _row_answered(self, history: Sequence[Any] | None, region_from: Query | None) -> tuple[str, str, str] | None:
        """(document, list, item number) of the one list row the last answer quotes, in the region
        talked of, or None (no row, several rows, or a list this parser does not know)."""
        rows = set()
        for title, list_name, n in answer_rows(last_answer(history)):
            docs = [d for d, t in self._titles.items() if t and (t == title or t in title)]
            if len(docs) == 1 and list_name in self.list_names:
                rows.add((docs[0], list_name, n))
        if len(rows) != 1:
            return None
        row = rows.pop()
        return row if region_from is None or not region_from.doc_ids or row[0] in region_from.doc_ids else None

    def _indicator_of_row(self, history: Sequence[Any] | None) -> str:
        """The indicator the one row the last answer quotes states first with a value, without the whole
        region it is of ("全省森林覆盖率达到61.5%，…" → "森林覆盖率"); "" when its first clause states none so.

        >>> p = QuestionParser([], {}, [])
        >>> p._indicator_of_row([{"role": "assistant", "content": "根据《甲》目标清单第29项“全省森林覆盖率达到61.5%，建成…”：…"}])
        '森林覆盖率'
        """
        m = INDICATOR_BEFORE_VALUE.match(re.split(r"[，。；]", row_quote(last_answer(history)))[0])
        return WHOLE_REGION.sub("", m.group("item")) if m else ""

    def _indicator_answered(self, history: Sequence[Any] | None, asked: str) -> tuple[str, str] | None:
        """(document, indicator) of the one list row the last answer quotes: of the indicators its clauses
        state with a value ("建筑垃圾综合利用率达到90%以上" → "建筑垃圾综合利用率"), the one sharing the most
        character pairs with ``asked``, at least ``INDICATOR_SHARE`` of them (a row stating two —
        "畜禽粪污…处理率保持在92%以上，农作物秸秆综合利用率达到96%以上" — is about the one asked); else None."""
        row = self._row_answered(history, None)
        if row is None:
            return None
        quoted = row_quote(last_answer(history))
        if not quoted:
            return None
        want = bigrams(asked)
        best, share = "", 0.0
        for clause in re.split(r"[，。；、]", quoted):
            if (m := INDICATOR_BEFORE_VALUE.match(clause)) and want:
                got = len(want & bigrams(m.group("item"))) / len(want)
                best, share = (m.group("item"), got) if got > share else (best, share)
        return (row[0], best) if best and share >= INDICATOR_SHARE else None

    def _document_named(self, q: Query) -> list[str]:
        """The documents (of those the question's region selects) whose title holds every two
        characters of the item words ("减污降碳" in 《温州市减污降碳协同增效实施方案》), when that
        is fewer than the region selects."""
        c = q.content
        if len(c) < DOC_NAME_CHARS or self._asks_a_column(q):
            return []  # "实施期限呢？" leaves 实施, which every 实施方案's title holds: a column, not a document
        # (the region's documents: the kind named may have narrowed the scope already — "温州减污降碳方案")
        regions = {d.region for d in self.docs if d.id in q.doc_ids}
        scope = [d for d in self.docs if not q.doc_ids or d.id in q.doc_ids or d.region and d.region in regions]
        hit = [d.id for d in scope if holds_pairs(c, self._titles[d.id])]
        return hit if hit and len(hit) < len(scope) else []

    def _asks_a_column(self, q: Query) -> bool:
        """The item words are only (part of) a table column's name ("投资多少？", "建设地点呢？"), or a
        choice between its values ("是新建还是续建？"): nothing names an item, a region or a row."""
        return (bool(q.content) and not q.doc_ids and not q.item_no and not q.list_name
                and (any(q.content in c for c in self.column_names)
                     or choice_of(q.content, self.column_values) is not None))

    @staticmethod
    def _finish(q: Query) -> Query:
        if not q.intents:
            q.intents = ["open"]
        # "多少" in a weight question is the weight, not a target value
        if "weight" in q.intents and "target" in q.intents:
            q.intents.remove("target")
        if "data_source" in q.intents and "target" in q.intents:
            q.intents.remove("target")
        if units_counted(q.text) and {"lead", "participants"} & set(q.intents):
            # "有几个参与单位": the departments are counted (and named), no value of the row is asked — nor, of a
            # row named ("第6项的参与单位一共几个"), its list's size
            q.intents = [i for i in q.intents if i != "target" and not (i == "count" and q.item_no)]
            q.wants_number, q.counts_units = False, True
        if "count" in q.intents and len(q.content) >= 2 and not q.list_name:
            q.intents.remove("count")  # "氮磷拦截沟多少条" asks a target value, not a list size
            if "target" not in q.intents:
                q.intents.append("target")
        if "count" in q.intents and "target" in q.intents:
            q.intents.remove("target")
        return q
