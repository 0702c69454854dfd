"""What kind of value a question asks for, and whether a passage holds one.

All the regexes of this reading live here, each with what it catches.

>>> expected_type("台州城区再生水利用率到2025年达到多少？")
'number'
>>> expected_type("台州以哪个岛为试点打造“零碳”岛屿？"), expected_type("“六个治理”是哪六个治理？")
('name', 'name')
>>> expected_type("重点重金属污染物指哪几种？"), expected_type("建几种？")
('name', 'number')
>>> satisfies("number", "城区再生水利用率达到 35%。"), satisfies("number", "推进再生水利用。")
(True, False)
>>> satisfies("number", "湿地保护率不减少。"), satisfies("number", "完成国家下达的控制目标，")
(True, False)
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ingest.values import cn_numeral, cn_value, numeral_value
from .sentences import BY_YEAR

#: "多少 / 几个 / 百分之几 / 比例是" — a quantity (checked before "which": "多少个园区" is a number)
NUMBER_Q = re.compile(r"多少|(?<!哪)几(?:个|家|件|份|处|条|辆|座|项|成|类|种|批|大)|百分之几|多大|多高|多长|比例是|比重是|占比")
#: "占几分 / 多少分 / 分值 / 权重 / 评分": an index table's score (the weight intent too) — a text answers it
#: only where it writes one ("3分"); "森林覆盖率达到61.5%" is no score (checked before a quantity: "多少分"
#: is not "多少"; "几分之几" is a share)
SCORE_Q = re.compile(r"权重|分值|评分|(?<!百)几分(?!之)|多少分(?!之)")
SCORE_VALUE = re.compile(r"\d+(?:\.\d+)?\s*分(?![之钟])")
#: "规划期限是多少年" — years, not a quantity
DURATION_Q = re.compile(r"多少年|几年")
#: "几年内不迁出", "用多少年时间": a number of years, which the text writes as a count ("5年内"), not a
#: year (checked before ``DURATION_Q``)
_YEARS_SPAN = r"个?年(?:之内|以内|内|以后|之后|后|时间|左右)"
YEARS_COUNT_Q = re.compile(r"(?:几|多少)" + _YEARS_SPAN)
#: a count of years written ("5年内", "三年时间"), not a year ("2025年"): the answer to ``YEARS_COUNT_Q``
YEARS_COUNT_VALUE = re.compile(r"(?:(?<![\d.])\d{1,2}\s*|(?<![一二三四五六七八九十两])[一二三四五六七八九十两]{1,2})" + _YEARS_SPAN)
#: "几月 / 哪个月" — a month of the year ("每年6月"): no year need stand by it
MONTH_Q = re.compile(r"几月|哪个月|哪一?月|几月份")
#: "什么时候 / 哪一年 / 哪天" — a year or a date
TIME_Q = re.compile(r"什么时候|何时|哪一?年|哪天|什么时间")
#: "谁 / 哪个部门 / 哪些单位" — a department or a person
WHO_Q = re.compile(r"谁|哪位|哪几位|哪(?:个|些|家|几个)(?:部门|单位|机构)")
#: a sentence reporting what was achieved by a past year ("根据2020年各项工作完成情况，温州市已经达到
#:指标35项"): the documents' baseline, which a status question naming that year may be answered from
#: a text stating in itself what has been achieved ("全市已建成森林康养基地53处")
DONE_STATED = re.compile(r"已经?(?:达到|完成|实现|建成|达标)")
REPORTED_STATE = re.compile(DONE_STATED.pattern + r"|完成情况|现状")
#: a question asking the state now ("目前", "现在"): a text's own statement is of its writing, not now
NOW_ASKED = re.compile(r"目前|现在|如今|当前|眼下|今年|截至目前|到现在")
#: a document number ("温政办〔2023〕56号", "温政发[2023]19号"): its issuer's short name, the year in brackets, the number
DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d+\s*号")
#: a document number as flat text, from the two characters before its year on ("政办202356号"): what
#: opens a match may be words of the question ("那个温政办〔2023〕56号"), and brackets are written many ways
NUMBER_TAIL = re.compile(r"[\u4e00-\u9fff]{0,2}(?:19|20)\d\d\d+号$")


def doc_number_keys(text: str) -> list[str]:
    """The document numbers ``text`` writes, each as its flat tail (brackets however written).

    >>> doc_number_keys("那个温政办〔2023〕56号和温政发[2023]19号")
    ['政办202356号', '政发202319号']
    """
    out = []
    for m in DOC_NO.finditer(text):
        if tail := NUMBER_TAIL.search(re.sub(r"[\W_]+", "", m.group(0))):
            out.append(tail.group(0))
    return out


def header_numbers(lines: Iterable[str]) -> set[str]:
    """The document numbers printed on a line of their own — a document's header ("温政发〔2023〕18号"),
    which names that document — as ``doc_number_keys``; a number inside a row or sentence is not one.

    >>> sorted(header_numbers(["温政发〔2023〕18号", "3\t《…管理办法》\t温政办〔2021〕73号\t删除…"]))
    ['政发202318号']
    """
    return {k for ln in lines if prints_doc_number(ln) for k in doc_number_keys(ln)}


def prints_doc_number(line: str) -> bool:
    """Whether ``line`` holds a document number and nothing else (a header line, brackets around it allowed).

    >>> prints_doc_number("（温政发〔2023〕18号）"), prints_doc_number("3\t《…管理办法》\t温政办〔2021〕73号")
    (True, False)
    """
    return bool(DOC_NO.fullmatch(line.strip().strip("（()）")))


#: the stage of a document asked ("是征求意见稿吗", "是正式印发的吗", "是正式的吗", "什么稿"): the document-facts
#: answerer's field, and a word of the document-fact intent
STAGE_Q = re.compile(r"征求意见稿|正式(?:稿|版|文件|印发|发布|出台|的吗|的么)|定稿|草案|什么稿|哪一稿|稿本")
#: "以前的…规划文号": an earlier version of the document named is asked, not the one printed here
#: (these words are no item words either)
EARLIER_WORDS = ("以前", "之前", "此前", "原来", "原先", "过去", "旧版", "老版", "上一版", "前一版", "上一轮")
EARLIER_VERSION = re.compile("|".join(EARLIER_WORDS))
#: "主任是谁 / 哪位副市长 / 谁任…副局长": the post a person is asked for holds — the sentence that
#: answers names that post (a sentence about the centre that names no 主任 does not say who heads it)
ASKED_ROLE = re.compile(r"(?:常务|执行)?副?(?:市长|县长|区长|主任|局长|厅长|书记|部长|主席|院长|行长|秘书长|主编|组长|处长|科长|站长|馆长|校长|总经理|董事长)")
#: a person named by post and name ("市长张振丰", "副市长王彩莲"): the name is group ``name``
PERSON = re.compile(r"(?<!总)" + ASKED_ROLE.pattern + r"(?P<name>[\u4e00-\u9fff]{2,3})"
                    r"(?=[，、。；：]|主持|参加|出席|讲话|强调|指出|要求|率|检查|代表|表示|调研)")
#: a person a personnel notice appoints or removes ("王云师任温州市…副主任", "免去池晓荣的…职务")
APPOINTEE = re.compile(r"(?:^|(?<=[；。]))(?P<name>[\u4e00-\u9fff]{2,3})任(?=[^，；。]{2,30}?(?:长|主任|书记|委员|主席))"
                       r"|免去(?P<name2>[\u4e00-\u9fff]{2,3})的")
#: a share as the item's own words ("靠哪些项目提高清洁能源占比"): no quantity asked where a "which"
#: word asks a name (NAME_Q) and no other quantity word stands
SHARE_WORD = re.compile(r"比例是|比重是|占比")
#: "哪个 / 哪些 / 哪里 / 哪几" — a name: a place, park, project, industry, document
NAME_Q = re.compile(r"哪[一二三四五六七八九十两]+(?:个|项|类|种|条|大|方面)|哪几个|哪个|哪些|哪里|哪几|哪座|哪家|哪条|哪类|哪种|什么(地方|园区|项目|行业|试点|改革|标准)")

#: a count of places ("涵盖…在内的1市10镇", "龙港3市（县级市）", "洞头4区，"): the place word is followed by
#: a number, a bracket or a stop, never by the rest of a name ("3\t市统计局", "2市生态环境局")
PLACE_COUNT = re.compile(r"(?<![\d.])\d+(?:市|县|区|镇|乡|村)(?=\d|[（(、，。；]|$)")
#: a noun made only of kinds of places ("市镇", "县区", "乡镇", "街道")
PLACE_KINDS = re.compile(r"[市县区镇乡村]+|街道")
#: a count asked in a measure word of its own ("几件", "分几批", "建成多少座", "几家企业"): its answer
#: writes a number in that word (``counts_in_measure_asked``; ``states_count_asked`` allows that many
#: characters to qualify the thing counted: "5件行政规范性文件" for "几件文件"); 个, 项, 条, 类, 种 count
#: anything and are written interchangeably, so not these
OWN_MEASURE = re.compile(r"(?:多少|几)\s*(批|家|座|辆|艘|台|套|所|件|份|户|株|处)")
NOUN_MODIFIER_CHARS = 6
#: the two characters a question writes right before its count asked ("…城镇群涵盖多少" → 涵盖)
COUNT_PREDICATE = re.compile(r"([\u4e00-\u9fff]{2})(?=(?:多少|几)(?:个|项|条|件|类|种|家|批)?)")
#: a count in Chinese numerals, two to ninety-nine (not a bare 一: "一批" is "a batch")
CN_COUNT_WORD = r"[二三四五六七八九两]|[一二三四五六七八九]?十[一二三四五六七八九]?"
#: a number with a unit, a percent or a share, as the documents write targets ("35%", "19.79 亿立方米", "8 个",
#: "1/3以上的县（市）"), or a count of kinds, batches and households ("野生动物植物56种", "3批", "“绿色家庭”600户"), in digits or words ("十项")
NUMBER_VALUE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|个百分点|大|[万亿]?[\u4e00-\u9fff]{0,3}(?:个|家|处|条|辆|座|项|件|吨|米|方|亩|公顷|公里|千瓦|元|人|次|倍|克|分贝|种|类|批|户|所|台|套|艘|株))"
                          r"|百分之[一二三四五六七八九十百]+"
                          # a count in Chinese numerals ("十项“重大工程”", "两个", "共十章节", "三部分"): not a bare 一 ("一批" is "a batch"), no ordinal
                          r"|(?<![第一二三四五六七八九十百两])(?:" + CN_COUNT_WORD + r"|[一二三四五六七八九]百[零一二三四五六七八九十]*)(?:个|项|条|类|种|批|家|座|处|件|章|部分|方面)"
                          r"|(?<![\d/])\d{1,2}\s*/\s*\d{1,2}(?![\d/])|[一二三四五六七八九十]+分之[一二三四五六七八九十]+"  # a share: "1/3以上", "三分之一"
                          # a count written as a quoted formula ("“13+X”个重点行业"); without a counting word it names, not counts ("“5+N”传统产业")
                          r"|[“\"]\d+(?:\s*[+＋]\s*[A-Za-z\d]+)+[”\"]\s*(?:个|项|类|家|条|大)"
                          r"|" + PLACE_COUNT.pattern)
#: a count of things claimed ("5个美丽海湾"; a rate claimed, "下降30%是吗", may be answered by a
#: sentence stating the duty instead, "完成上级下达任务")
CLAIMED_COUNT = re.compile(r"\d+\s*(?:个|家|处|条|辆|座|项|件|所|批|户|台|套|艘|株)")
#: ... or in Chinese numerals ("六大海湾", "四个试点"): a claim checked against the sentence, no item word
#: to find it by (the text may write another count: "五大海湾"); not an ordinal, not a bare 一 ("一批")
CLAIMED_WORD_COUNT = re.compile(r"(?<![第一二三四五六七八九十百两])(?:" + CN_COUNT_WORD + r")(?:大|个|项|条|类|种|批|家|座|处|件)(?![一二三四五六七八九十])")
#: a target stated as a direction, not a number ("湿地保护率不减少", "保持稳定", "全覆盖")
QUALITATIVE_VALUE = re.compile(r"不减少|不下降|不降低|不低于|只增不减|保持稳定|持续改善|稳中有升|逐年(上升|提高|下降)|全覆盖|零增长|负增长")
#: the year a change is measured from is asked ("较哪一年提高10%", "比哪年下降", "基准年是哪一年") …
BASE_YEAR_Q = re.compile(r"(?:较|比|相比|对比)(?:哪一?年|哪个年份|什么时候)|基准年")
#: … which a text writes after 较/比 ("较2021年提高10%") or as its 基准年
BASE_YEAR = re.compile(r"(?:较|比|相比)\s*(?:19|20)\d\d\s*年|基准年为?\s*(?:19|20)\d\d")
#: the year a question measures a change from, however it is said ("比2015年", "跟2015年比", "与2015年相比")
#: ... or as the start of a rise or fall ("从2015年的多少提升到了多少", "由2015年的66.7%提升为87.5%")
ASKED_BASE_YEAR = re.compile(r"(?:较|比|相比|对比)\s*((?:19|20)\d\d)\s*年|(?:跟|和|与|同)\s*((?:19|20)\d\d)\s*年\s*(?:相比|比)"
                             r"|基准年为?\s*((?:19|20)\d\d)|(?:从|由)\s*((?:19|20)\d\d)\s*年的?[^，。？?]{0,12}?(?:提升|提高|上升|增加|增长|下降|降低|减少|降)(?:到|至|为)")


def base_year_asked(question: str) -> str:
    """The year ``question`` measures a change from ("" when none), however the comparison is worded.

    >>> base_year_asked("市区PM2.5浓度跟2015年比降了多少？"), base_year_asked("比2015年提升了多少"), base_year_asked("降了多少")
    ('2015', '2015', '')
    >>> base_year_asked("水质比例从2015年的多少提升到了多少？")
    '2015'

    """
    m = ASKED_BASE_YEAR.search(question)
    return next((g for g in m.groups() if g), "") if m else ""


def writes_base_year(text: str, year: str) -> bool:
    """Whether ``text`` writes a change from ``year`` ("较2015年大幅下降43.4%", "比2015年…", "基准年为2015").

    >>> writes_base_year("市区PM2.5浓度为25微克/立方米，较2015年大幅下降43.4%", "2015"), writes_base_year("到2025年", "2025")
    (True, False)
    >>> writes_base_year("Ⅰ-Ⅲ类以上水质比例由2015年的66.7%提升为87.5%", "2015")
    True
    """
    return bool(year) and bool(re.search(rf"(?:较|比|相比|与|同)\s*{year}\s*年|基准年为?\s*{year}"
                                         rf"|(?:从|由)\s*{year}\s*年的?[^，。；]{{0,16}}?(?:提升|提高|上升|增加|增长|下降|降低|减少|降)(?:到|至|为)", text))
#: an administrative place is asked ("先在哪个县试点", "哪些县（市、区）"): the answer names one
PLACE_Q = re.compile(r"哪(?:[个些]|几个?)?\s*(?:县|市|区|乡镇|镇|乡|街道)(?!领导|长|民|场|委|级|政府|直属|属|里|内|域|别)")  # (not 哪些市领导, 哪些区域)
#: where an event takes place asked ("论坛在哪个城市举办", "在什么地方开幕"), and a sentence stating a venue
#: ("…论坛在温举行", "…系列活动在平阳县南麂岛启动"): on a tie, the one stating it answers — not a record
#: that someone attended the event
VENUE_Q = re.compile(r"在(?:哪(?:里|儿|个[\u4e00-\u9fff]{1,2}|些[\u4e00-\u9fff]{1,2})?|什么地方)(?:举办|举行|召开|启动|开幕|开展|开|办)")
VENUE_STATED = re.compile(r"在[^，。；、]{1,24}?(?:举办|举行|召开|启动|开幕)")
#: the kind of place asked, as written after the question word ("哪些县市区", "哪几个县（市、区）")
PLACE_KIND = re.compile(r"哪(?:[个些]|几个?)?\s*([县市区乡镇街道（()）、]+)")


def asked_place_kind(question: str) -> str:
    """The words naming the kind of place a question asks for (the answer's kind, no item words), or "".

    >>> asked_place_kind("台州要完成哪些县市区的污水厂建设？"), asked_place_kind("哪些区域"), asked_place_kind("是哪几个县")
    ('县市区', '', '县')
    """
    m = PLACE_Q.search(question)
    k = PLACE_KIND.match(question, m.start()) if m else None
    return re.sub(r"[（()）、]", "", k.group(1)) if k else ""


#: "文号是多少": a document's number is asked, not a quantity
DOC_NUMBER_Q = re.compile(r"(?:文号|字号|发文号)(?:是|为)?(?:多少|几号)")
#: "几大领域" asks how many big fields: "五大领域", "9大重点行业" (a count of fields is no target value, so
#: only this question takes it: "十大绿色示范行动" does not answer "绿色家庭要创建多少")
FIELDS_Q = re.compile(r"几大|多少大")
FIELDS_VALUE = re.compile(r"(?:\d+|(?<![第一二三四五六七八九十百两])(?:[二三四五六七八九两]|[一二三四五六七八九]?十[一二三四五六七八九]?))大")
YEAR_VALUE = re.compile(r"(?:19|20)\d\d\s*年")
DAY_VALUE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日")
MONTH_VALUE = re.compile(r"(?<!\d)\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月")
#: a month a question names: "6月", or "六月" opening a word ("今年六月", not the 一月 of 统一月度)
NAMED_MONTH = re.compile(r"(?<!\d)\d{1,2}\s*月|(?:(?<=年)|(?<![\u4e00-\u9fff]))[一二三四五六七八九十]{1,2}月")
#: question words left in the item words ("建成哪美丽海湾"; "是针对哪些对象": the target asked): they are in no sentence
QUESTION_CHARS = re.compile(r"是?针对(?:哪些|什么|哪几?[类个])?(?:对象)?|是?(?:哪几?位|哪[一二三四五六七八九十两几]+(?:个|项|类|种|条|大|方面|家|座|处)|哪一?年|哪[几个些里种类家座条]?(?:地方)?|多少年?|什么(?:程度|效果)?|谁|几[个家处条项类种批辆座件份大]?)|是$|^地方|地方(?=的)")


#: a quantity asked, in a sentence of a question, and the mark ending such a sentence
QUANTITY_ASKED = re.compile(r"多少|几")
QUESTION_MARK = re.compile(r"[？?]")
#: the unit a quantity is asked in ("多少平方公里", "几个亿元"): the answer's unit, not an item word —
#: the sentence must state it; its words must not pick the sentence ("平方公里" is in every area target);
#: "哪几家单位" asks which, not how many: no unit
ASKED_UNIT = re.compile(r"(?:多少|(?<!哪)几)个?(平方公里|平方米|立方米|亿立方米|万立方米|公里|公顷|万亩|亩|亿元|万元|千瓦|万千瓦|万吨|吨|辆|家|座|处)")


#: "哪4个指标 / 哪六个治理 / 哪三大行业": an enumeration of a stated size is asked — the sentence
#: that answers states that size ("以…4个指标为核心", "六个治理")
ASKED_COUNT = re.compile(r"哪\s*(\d+|[一二三四五六七八九十两]+)\s*(个|项|类|种|条|大|方面|家|座)([\u4e00-\u9fff]{2})?")


def asked_count(question: str, with_noun: bool = False) -> tuple[str, ...]:
    """The ways a sentence writes the size of the enumeration asked ("哪4个" → 4个, 四个), or ();
    ``with_noun``: followed by the two characters the question puts after it ("4个指标").

    >>> asked_count("温州碳达峰实施方案以哪4个指标为核心？")
    ('4个', '四个')
    >>> asked_count("“六个治理”是哪六个治理？", with_noun=True), asked_count("有哪些？")
    (('6个治理', '六个治理'), ())
    """
    m = ASKED_COUNT.search(question)
    if not m:
        return ()
    n, measure, noun = m.group(1), m.group(2), (m.group(3) or "") if with_noun else ""
    value = numeral_value(n)
    if not value:
        return ()
    cn = cn_numeral(value) if value < 100 else ""
    return tuple(dict.fromkeys(f"{x}{measure}{noun}" for x in (str(value), cn) if x))


#: "多少项具体工作任务", "几个重点项目": the thing counted, written after the count asked
#: (a 的 closing the question is none of the noun: "编了多少个传统产业的")
COUNTED = re.compile(r"(?:多少|几)\s*(?:个|项|条|件|类|种|家|批|方面)\s*([\u4e00-\u9fff]{2,8}?)的?(?=[？?，,。；;]|$)")


def counted_noun(question: str) -> str:
    """The words a count asked is a count of, or "" — item words even where they are words
    questions use for anything (任务, 工作: "共提出多少项具体工作任务").

    >>> counted_noun("编制说明里重点任务共提出多少项具体工作任务？"), counted_noun("要建几个？")
    ('具体工作任务', '')
    >>> counted_noun("自律标准编了多少个传统产业的？")
    '传统产业'
    """
    return _first_group(COUNTED, question)


#: a count of things asked ("有几个", "多少项", "几家"): a number answers it, not a direction such as
#: "全覆盖" (:data:`QUALITATIVE_VALUE`) — but not "多少个百分点", a rate's change, nor "哪几个", which asks which
THINGS_COUNTED = re.compile(r"(?:多少|(?<!哪)几)\s*(?:个|项|条|件|家|处|座|批|所|艘|台|套|辆)(?!百分点|点)")


CN_COUNT = r"(?:\d+|[一二三四五六七八九十两百]+)"


def counts_in_measure_asked(text: str, question: str) -> bool:
    """Whether ``text`` writes a count in the measure word ``question`` asks its count in (True when
    it asks in none of its own).

    >>> counts_in_measure_asked("明确32项目标清单、47项任务清单。", "创新区建设分几批？")
    False
    >>> counts_in_measure_asked("分3批推进。", "分几批？"), counts_in_measure_asked("建成15个以上", "建几个？")
    (True, True)
    """
    m = OWN_MEASURE.search(question)
    return not m or bool(re.search(CN_COUNT + r"\s*(?:余|多)?" + m.group(1), re.sub(r"\s", "", text)))


def asks_a_count(question: str) -> bool:
    """Whether ``question`` asks how many things there are.

    >>> asks_a_count("近期重点工程里垃圾分类工程有几个？"), asks_a_count("要提高多少个百分点？"), asks_a_count("覆盖率是多少？")
    (True, False, False)
    >>> asks_a_count("活性炭再生工程在哪几个地方建？")
    False
    """
    return bool(THINGS_COUNTED.search(quantity_sentence(question)))


#: what a count asked counts, written right after its measure word up to a stop ("几个县", "多少项重点工程")
COUNTED_AFTER = re.compile(r"(?:几|多少)\s*[项个家条座处]\s*([\u4e00-\u9fff]{1,8}?)(?=[，,。？?]|$)")


#: the words a count of a list's or a table's entries is asked with ("多少个项目", "几项任务")
ENTRY_NOUNS = re.compile(r"^(?:项目|工程|任务|事项|条目|指标|政策|措施|内容)$")


def counted_after(question: str) -> str:
    """The words right after a count's measure word, up to a stop, or "": what is counted, even one
    character long.

    >>> counted_after("重点工程一共涉及几个县？"), counted_after("有多少项重点工程，投资多少？"), counted_after("一共多少项？")
    ('县', '重点工程', '')
    """
    return _first_group(COUNTED_AFTER, question)


def counts_another_thing(question: str, *names: str) -> bool:
    """Whether a count asked counts a thing other than the entries of a table or list known by ``names``
    (its title, caption, headers): the counted words stand in none of them and are no word for an entry.
    A count of it is no count of the entries ("重点工程一共涉及几个县" is no 工程数量, no list's size).

    >>> counts_another_thing("重点工程一共涉及几个县？", "重点工程汇总表"), counts_another_thing("近期重点工程有多少个项目？", "重点工程清单")
    (True, False)
    """
    counted = counted_after(question)
    return bool(counted) and not ENTRY_NOUNS.match(counted) and not any(counted in n for n in names)


#: the number of departments asked ("有几个参与单位", "牵头部门有几个", "多少家单位参与"): the units are
#: counted as well as named — no value of the row is asked
UNITS_COUNTED = re.compile(r"(?:几|多少)\s*(?:个|家)?\s*(?:参与|牵头|责任)?(?:单位|部门)"
                           r"|(?:单位|部门)[^，,？?。]{0,3}(?:几|多少)\s*(?:个|家)")


def units_counted(question: str) -> bool:
    """Whether ``question`` asks how many departments there are (a row's lead or participants when the
    question asks a role too: callers check; "建成几个试点单位" counts pilots, not departments).

    >>> units_counted("建筑垃圾那项有几个参与单位？"), units_counted("牵头部门有几个？"), units_counted("谁牵头？")
    (True, True, False)
    >>> units_counted("建成几个试点单位？"), units_counted("建成几个单位？")
    (False, True)
    """
    return bool(UNITS_COUNTED.search(question))


#: the goal of an item asked ("海绵城市的目标是什么", "有什么目标"): a sentence stating a value (a number,
#: a share, a year) states a goal; one that only names the item ("积极推进海绵城市建设") does not
GOAL_Q = re.compile(r"目标(?:是|有|为)?(?:什么|哪些|啥)|(?:什么|哪些|啥)目标")


#: a listing asked ("有哪几个", "完成哪些"): the answer names each of them
LISTING_Q = re.compile(r"哪些|哪几")
#: ... and the class listed, right after its question word ("围绕哪几个领域" → 领域): a sentence counting that
#: class ("…六个领域") enumerates the members asked
LISTED_CLASS = re.compile(r"(?:哪些|哪几[个项条类种家处方]?)([\u4e00-\u9fff]{2})")


def listed_class(question: str) -> str:
    """The two-character noun a listing question asks members of ("" when none).

    >>> listed_class("规划围绕哪几个领域提出目标？"), listed_class("台州的美丽海湾有哪几个？")
    ('领域', '')
    """
    return _first_group(LISTED_CLASS, question)


#: a count written right before what it counts ("47 项", "1000个以上“", "十"): a number, a counting word, a quote
COUNT_BEFORE = r"(?:\d+(?:\.\d+)?|[一二三四五六七八九十百两]+)\s*[个项条件类种家批座处]?\s*(?:以上|左右)?\s*[“\"]?"
#: a count written before a quoted term ("1000个以上“无废城市细胞”单元"): what it counts is that term's thing
COUNTED_TERM = re.compile(COUNT_BEFORE + r"(?<=[“\"])(?P<term>[^”\"]{2,20})[”\"]")


def counts_a_longer_term(text: str, question: str) -> bool:
    """Whether ``text`` counts the thing a count question asks of ("几个无废城市") only inside a longer
    quoted term that goes on after it ("1000个以上“无废城市细胞”单元": the count is of 细胞, the head of
    the term, not of cities) — then it states no count of what is asked.

    >>> counts_a_longer_term("建成1000个以上“无废城市细胞”单元", "台州方案要建成几个无废城市？")
    True
    >>> counts_a_longer_term("建成3个“美丽海湾”", "要建成几个美丽海湾？"), counts_a_longer_term("建成1000个细胞", "几个无废城市？")
    (False, False)
    """
    noun = counted_noun(question)
    if not noun:
        return False
    longer = [t for m in COUNTED_TERM.finditer(text) if (t := m.group("term")).startswith(noun) and t != noun]
    return bool(longer) and not counts_it(text, noun, whole=True)


def counts_it(text: str, noun: str, whole: bool = False) -> bool:
    """Whether ``text`` writes a count right before ``noun`` (perhaps with a counting word and a quote);
    ``whole``: the noun not run on into a longer word ("1000个“无废城市细胞”" counts no 无废城市 then).

    >>> counts_it("明确…32项目标清单、47 项任务清单", "任务清单"), counts_it("共十章节…三部分及附件", "任务清单")
    (True, False)
    >>> counts_it("建成1000个以上“无废城市细胞”单元", "无废城市"), counts_it("建成1000个以上“无废城市细胞”单元", "无废城市", whole=True)
    (True, False)
    """
    end = r"(?![\u4e00-\u9fff])" if whole else ""
    return bool(noun) and bool(re.search(COUNT_BEFORE + re.escape(noun) + end, text))


#: a number right after a word, before any other item starts (、，。；和及与): "氮磷拦截沟40条", "充电桩达到15000个"
COUNT_AFTER = r"[^、，,。；;和及与]{0,6}?\d"
#: ... or a count a few words before it, within its item: "7个以上低（零）碳试点乡镇" counts 乡镇
COUNT_WITHIN = r"[^、，,。；;和及与\d]{0,8}?"
#: "一批", "一些", "若干": no count, though written with a numeral and a counting word
VAGUE_COUNT = re.compile(r"一批|一些|若干|一系列")


def counts_near(text: str, word: str) -> bool:
    """Whether ``text`` counts ``word``: a count a few characters before it or a number right after it, within
    its own item (no 、，。；和及与 between) — not a word named uncounted ("一批") beside a count of something else.

    >>> counts_near("新增氮磷拦截沟40条", "拦截沟"), counts_near("建设200个标杆项目", "标杆")
    (True, True)
    >>> counts_near("建成一批固体废物标杆项目和1000个以上“无废城市细胞”单元", "标杆")
    False
    >>> counts_near("建成2个低碳试点县、7个以上低（零）碳试点乡镇（街道）", "乡镇")
    True
    """
    text = VAGUE_COUNT.sub("", text)
    if word not in text:  # (both patterns write the word: most rows a question's records hold lack it)
        return False
    return bool(re.search(COUNT_BEFORE + COUNT_WITHIN + re.escape(word), text)
                or re.search(re.escape(word) + COUNT_AFTER, text))


def states_count_asked(sentence: str, question: str) -> bool:
    """Whether a clause of ``sentence`` writes the count ``question`` asks as its own, where the
    item's words stand in the clause before it: the number with the very thing counted ("…等在内的
    75个街镇，构建温州1小时都市圈" for "1小时都市圈包括多少个街镇"; places counted by their kinds,
    "1市10镇" for "多少个市镇"), or right after the question's own verb, the item just before
    ("依托鳌江流域平原城镇群，涵盖…1市10镇" for "鳌江流域平原城镇群涵盖多少").

    >>> states_count_asked("依托A城镇群，涵盖龙港市等在内的1市10镇，推进一体化。", "A城镇群涵盖多少？")
    True
    >>> states_count_asked("依托A城镇群，涵盖龙港市等在内的1市10镇。", "A城镇群涵盖多少个市镇？")
    True
    >>> states_count_asked("完成国家下达的控制目标，非化石能源占比达到24%。", "国家下达的控制目标是多少？")
    False

    The counted thing may be written longer, its measure word the question's ("等5件行政规范性文件" for
    "修改了几件文件"):

    >>> states_count_asked("对《细则》等5件行政规范性文件的部分内容，予以修改。", "修改了几件文件？")
    True
    """
    text = re.sub(r"\s", "", sentence)
    clauses = [c for c in re.split(r"(?<=[，；。,;])", text) if c]
    noun = counted_noun(question)
    verb = m.group(1) if (m := COUNT_PREDICATE.search(question)) else ""
    measure = m.group(1) if (m := OWN_MEASURE.search(question)) else ""
    for i, c in enumerate(clauses):
        if not satisfies("number", c):
            continue
        if noun and (re.search(r"\d+(?:\.\d+)?[个项条件类种家批]?" + re.escape(noun), c) or PLACE_KINDS.fullmatch(noun)
                     and any(m.group(0)[-1] in noun for m in PLACE_COUNT.finditer(c))):
            return True
        if noun and measure and re.search(rf"\d+{measure}[\u4e00-\u9fff]{{1,{NOUN_MODIFIER_CHARS}}}?{re.escape(noun)}", c):
            return True
        item = QUESTION_CHARS.sub("", question[:question.find(verb)]) if verb else ""
        if verb and verb in c and i and len(item) >= 2 and re.sub(r"[^\w]", "", item)[-4:] in clauses[i - 1]:
            return True
    return False


def named_months(question: str) -> list[str]:
    """The months a question names as its time ("6月份的…" → 6月), not asked ("几月"): a sentence
    answering it speaks of that month.

    >>> named_months("温州6月份的地区生产总值是多少？"), named_months("每年几月是生态文化月？")
    (['6月'], [])
    >>> named_months("今年六月开了哪些会？"), named_months("统一月度考核怎么做？")
    (['六月'], [])
    """
    return list(dict.fromkeys(re.sub(r"\s", "", m.group(0)) for m in NAMED_MONTH.finditer(question)))


#: a day a question names as its time ("6月12日", "6月12号"), not asked ("哪天", "几号"); a bare "18号"
#: is no day ("温政发〔2023〕18号", "1号海上风电场")
NAMED_DAY = re.compile(r"(?<![\d.])(\d{1,2})\s*日|(?<=月)\s*(\d{1,2})\s*号")
#: a date as a question or a log's stamp writes it ("6月12日", "12日", "6月份"): no item word of an entry
DAY_WORDS = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{1,2}\s*日|\d{1,2}\s*月份?")
#: a day a follow-up points back to ("杨胜杰那天参加了什么？" after "6月9日谁参加了…？")
DAY_DEIXIS = re.compile(r"那一?天|当天|当日|同一天|同日|这一?天")
#: the date an earlier question names, with its month when written ("6月9日", "9日")
NAMED_DATE = re.compile(r"(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日|\d{1,2}\s*月\s*\d{1,2}\s*号")

#: a question that states something and asks to have it confirmed ("…是6月6日开的吧？", "…对吗？"):
#: what it names (a day) is its claim, which the documents may contradict
CONFIRMATION = re.compile(r"(?:吧|对吗|是吗|对不对|是不是|没错吧?|了吗)[？?。！!]*\s*$")


def named_values(question: str) -> list[str]:
    """The values a question writes with their units as part of the item it names ("…达到25%那条"),
    spaces dropped.

    >>> named_values("非化石能源比重达到25 %那条谁负责？"), named_values("2025年要建几个？"), named_values("建几个？")
    (['25%'], [], [])
    """
    return [re.sub(r"\s", "", m.group(0)).replace("％", "%") for m in NUMBER_VALUE.finditer(question)
            if m.group(0)[0].isdigit()]


def claimed_places(question: str, places: Sequence[str]) -> list[str]:
    """The places a question asking for confirmation claims as where something is or who does it ("…试点在路桥区
    吧？", "是椒江负责的吧？"): the claim to check, not a place the answer must name.

    >>> claimed_places("大陈岛海洋蓝碳交易试点在路桥区吧？", ["路桥"]), claimed_places("路桥区的试点有哪些？", ["路桥"])
    (['路桥'], [])
    """
    if not CONFIRMATION.search(question):
        return []
    return [p for p in places if re.search(rf"(?:在|是|位于|属于|由){re.escape(p)}[\u4e00-\u9fff]{{0,3}}?"
                                           rf"(?:的|负责|牵头|实施|建设)?(?:吧|吗|对吗|是吗|对不对|，|,)", question)]


def claimed_word_counts(question: str) -> list[str]:
    """The counts a question claims in Chinese numerals (``CLAIMED_WORD_COUNT``), outside quotes.

    >>> claimed_word_counts("温州有六大海湾被列入全国50个重点海湾吧？"), claimed_word_counts("通过“三个一批”对吧")
    (['六大'], [])
    """
    bare = re.sub(r"“[^”]*”|\"[^\"]*\"", lambda m: " " * len(m.group(0)), question)
    return [m.group(0) for m in CLAIMED_WORD_COUNT.finditer(bare)]


def writes_count(text: str, count: str) -> bool:
    """Whether ``text`` writes the count ``count`` ("六大", "四个"), in Chinese numerals or in digits.

    >>> writes_count("沿浦湾五大海湾被列入", "六大"), writes_count("建成 4 个试点", "四个"), writes_count("两个", "二个")
    (False, True, True)
    """
    n, measure = cn_value(count[:-1]), count[-1]
    flat_text = re.sub(r"\s", "", text)
    words = {cn_numeral(n) + measure} | ({"两" + measure} if n == 2 else set())
    return any(w in flat_text for w in words) or bool(re.search(rf"(?<![\d.]){n}{re.escape(measure)}", flat_text))


def writes_value(text: str, value: str) -> bool:
    """Whether ``text`` writes ``value`` (spaces aside; "25%" is not the tail of "125%").

    >>> writes_value("比重达到 25%", "25%"), writes_value("达到125%", "25%")
    (True, False)
    """
    return bool(re.search(r"(?<![\d.])" + re.escape(value), re.sub(r"\s", "", text).replace("％", "%")))


def named_days(question: str) -> list[str]:
    """The days a question names, written as a log stamps them ("6月12日" → "12日"): an entry of a
    dated log answers it only under that day.

    >>> named_days("6月12日张振丰参加了哪些活动？"), named_days("6月5号开了什么会？"), named_days("哪天成立的？")
    (['12日'], ['5日'], [])
    >>> named_days("温政发〔2023〕18号是什么文件？")
    []
    """
    return list(dict.fromkeys((m.group(1) or m.group(2)) + "日" for m in NAMED_DAY.finditer(question)))


#: "…现状是多少 / 现状如何": the state the text reports is asked — a sentence setting a target for a year
#: ("到2025年，城区再生水利用率达到35%") states none
STATE_ASKED = re.compile(r"现状")


def states_target_only(question: str, text: str) -> bool:
    """Whether ``question`` asks an item's current state (现状) and ``text`` only sets a target for a
    year, reporting no state.

    >>> states_target_only("台州城区再生水利用率现状是多少？", "到2025年，城区再生水利用率达到35%。")
    True
    >>> states_target_only("城区再生水利用率现状是多少？", "2020年已经达到30%，到2025年达到35%。")
    False
    >>> states_target_only("台州城区再生水利用率是多少？", "到2025年，城区再生水利用率达到35%。")
    False
    """
    return bool(STATE_ASKED.search(question)) and bool(BY_YEAR.search(text)) and not reports_state(text)


def reports_state(text: str) -> bool:
    """Whether a sentence reports an achieved state (a baseline), not a target.

    >>> reports_state("根据2020年各项工作完成情况, 温州市已经达到指标35项"), reports_state("到2025年达到35%")
    (True, False)
    """
    return bool(REPORTED_STATE.search(text))


#: "由谁主持 / 谁参加了": the act whose doer is asked — the answer's verb, not an item word; "工作组由哪几家
#:单位组成": its members are asked — the text may name them as those who set it up ("…、省环科院成立编制工作组")
ASKED_ACT = re.compile(r"谁(主持|参加|出席|讲话|召开|签发)|由(?:谁|哪些|哪几|哪)[^，。？]{0,4}?(组成|构成)")


def asked_act(question: str) -> str:
    """The act whose doer a question asks ("会议由谁主持" → 主持), or "".

    >>> asked_act("重点专项工作调度会由谁主持？"), asked_act("秸秆那条谁牵头？")
    ('主持', '')
    >>> asked_act("编制工作组由哪几家单位组成？")
    '组成'
    """
    m = ASKED_ACT.search(question)
    return next((g for g in m.groups() if g), "") if m else ""


def asked_role(question: str) -> str:
    """The post a "who" question asks the holder of ("主任是谁" → 主任, "哪位副市长" → 副市长), or "".

    >>> asked_role("温州市新闻传媒中心主任是谁？"), asked_role("哪位副市长参加了现场会？")
    ('主任', '副市长')
    >>> asked_role("市长主持的会议研究了什么？"), asked_role("谁牵头？")
    ('', '')
    """
    if not WHO_Q.search(question):
        return ""
    roles = [m.group(0) for m in ASKED_ROLE.finditer(question)]
    return max(roles, key=len) if roles else ""


#: "奖励多少钱 / 补贴多少资金": money is asked — only a text writing an amount in 元 (万元, 亿元) answers
#: ("总投资多少", "投资额是多少": an investment is an amount of money, not a row's target count)
MONEY_Q = re.compile(r"多少钱|几块钱|多少资金|多少经费|多少补贴|补贴多少|奖励多少|奖多少|投资(?:总额|额)?(?:是|为|有|要|达到?)?多少")


#: a noun right after "什么 / 哪种 / 哪类" names the kind of answer ("坚持什么做法" → “一口一策”): texts
#: state the answer, seldom the kind's own word
ASKED_KIND = re.compile(r"(?:什么|哪种|哪类|哪一种|哪一类)([\u4e00-\u9fff]{2})(?=[？?吗呢，,。]|$)")


def asked_kind(question: str) -> str:
    """The two-character noun naming the kind of answer, when it ends the question ("做法" of "坚持什么做法？").

    >>> asked_kind("台州入海排污口整治坚持什么做法？"), asked_kind("瑞安要创建什么试点？"), asked_kind("谁牵头？")
    ('做法', '试点', '')
    """
    return _first_group(ASKED_KIND, question)


#: ... and a noun right after "哪些 / 什么 / 哪种 / 哪类" anywhere in the question ("利用哪些日子开展宣传"): the
#: class of the answer, which a text may never write (it names the days: "六五环境日、全国生态日")
ASKED_CLASS = re.compile(r"(?:什么|哪些|哪几?种|哪几?类|哪一种|哪一类)([\u4e00-\u9fff]{2})")


#: the two characters right before that question word ("利用哪些节日", "推广哪种模式"): the act done with the
#: class asked, which a sentence answering without the class word still writes
CLASS_VERB = re.compile(r"([\u4e00-\u9fff]{2})(?:什么|哪些|哪几?种|哪几?类|哪一种|哪一类)[\u4e00-\u9fff]{2}")


def class_verb(question: str) -> str:
    """The two characters before the question word of the class asked (a word only if the item's words hold it).

    >>> class_verb("温州利用哪些节日开展宣传？"), class_verb("谁牵头？")
    ('利用', '')
    """
    return _first_group(CLASS_VERB, question)


def asked_class(question: str) -> str:
    """The two-character noun after the question word that names the class of answer, wherever it stands.

    >>> asked_class("温州利用哪些日子开展宣传？"), asked_class("谁牵头？")
    ('日子', '')
    """
    return _first_group(ASKED_CLASS, question)


#: a count of people asked ("有多少工作人员", "几名干部", "多少人参加"): the sentence answering states one
#: ("编制12名", "参会300余人"), not any number beside the body named ("三个“一号工程”")
HEADCOUNT_Q = re.compile(r"(?:多少|几)(?:个|名|位)?(?:工作人员|人员|员工|职工|干部|人)")
HEADCOUNT = re.compile(r"(?:\d+|[一二两三四五六七八九十百千万]+)(?:余|多)?(?:名|人|位)(?!民)")


def states_headcount_asked(question: str, text: str) -> bool:
    """False when ``question`` asks a count of people and ``text`` states none; else True.

    >>> states_headcount_asked("温州市新闻传媒中心有多少工作人员？", "落实三个“一号工程”的出新出彩")
    False
    >>> states_headcount_asked("有多少人参加？", "共有120余人参加培训。"), states_headcount_asked("投资多少？", "三个")
    (True, True)
    """
    return not HEADCOUNT_Q.search(question) or bool(HEADCOUNT.search(text))


def asked_unit(question: str) -> str:
    """The unit a quantity is asked in, or "".

    >>> asked_unit("温州的海绵城市建设面积目标是多少平方公里？"), asked_unit("达到多少？"), asked_unit("建成清新园区奖励多少钱？")
    ('平方公里', '', '元')
    >>> asked_unit("新建小微湿地多少处？湿地率多少以上？"), asked_unit("新建小微湿地多少处？台州呢？")
    ('', '处')
    >>> asked_unit("有几家企业？"), asked_unit("工作组由哪几家单位组成？")
    ('家', '')
    """
    asked = quantity_sentence(question)
    return _first_group(ASKED_UNIT, asked) or ("元" if MONEY_Q.search(asked) else "")


def quantity_sentence(question: str) -> str:
    """The last sentence of ``question`` asking a quantity, or the whole when none does: a follow-up part
    carrying the one before it ("…小微湿地多少处？湿地率要保持在多少以上？") asks its own, not in the
    earlier one's unit nor as a count; "台州呢？" after it asks none of its own, so the earlier one's stands.

    >>> quantity_sentence("新建小微湿地多少处？湿地率多少以上？"), quantity_sentence("多少处？台州呢？")
    ('湿地率多少以上', '多少处')
    """
    for sentence in reversed(QUESTION_MARK.split(question)):
        if QUANTITY_ASKED.search(sentence):
            return sentence
    return question


def _first_group(pattern: re.Pattern[str], text: str) -> str:
    m = pattern.search(text)
    return m.group(1) if m else ""


#: "省里和台州哪个目标更高", "温州和台州谁的要求更严", "哪个更早": which of two values is higher (earlier) is
#: asked — the values, side by side, answer it ("谁的" asks no one); the comparing words are no item word
#: which list has more rows ("哪个条目多", "哪份清单项目更少", "哪个数量多"): the lists' sizes compared
SIZE_COMPARED = re.compile(r"哪(?:个|一个|份|边|一份)的?(?:清单)?(?:的)?(?:条目|项目|事项|内容|任务|政策)?(?:数量|数目|个数|项数)?"
                           r"(?:更|比较|较)?(?P<w>多|少)(?:一些|一点|些)?(?=[？?，,。！!；;\s]|$|呢|吗|啊)")
WHICH_HIGHER = re.compile(r"(?:哪个|哪一个|哪家|哪边|谁)的?(?:目标|指标|要求|数值|值|时间|时限)?(?:(?:完成|实现|达标|建成|达到)得?)?(?:更|比较|较|最)?"
                          r"(?:高|低|多|少|大|小|严格?|宽松?|早|晚|快|慢)(?:一些|一点|些)?"
                          r"(?=[？?，,。！!；;\s]|$|呢|吗|啊)"  # (at the clause's end: not the 大 of "哪个大堤")
                          # ... or one direction against the other ("比2019年高了还是低了"): the values answer
                          r"|(?:高|低|多|少|升|降|增|减|大|小|好|差)了?(?:还是|或是|或者)(?:高|低|多|少|升|降|增|减|大|小|好|差)了?"
                          r"(?=[？?，,。！!；;\s]|$|呢|吗|啊)")
#: ... the earlier or later of two times
WHICH_EARLIER = re.compile(r"(?:早|晚)(?:一些|一点|些)?$")


def expected_type(question: str) -> str:
    """score | fields | number | years | time | month | who | name | what — of the last sentence when it asks
    one of its own: a follow-up carrying the turn before it ("…标杆项目有几个？" + "到哪年？") asks a
    year, not the earlier count; "台州呢？" asks none of its own, so the whole decides.

    >>> expected_type("台州要建设几个标杆项目？到哪年？"), expected_type("台州要建设几个标杆项目？台州呢？")
    ('time', 'number')

    >>> expected_type("每年几月是“温州生态文化月”？"), satisfies("month", "坚持固定每年6月为“温州生态文化月”")
    ('month', True)
    >>> expected_type("协同指数里森林覆盖率占几分？"), satisfies("score", "全市森林覆盖率达到61.5%。")
    ('score', False)
    >>> expected_type("提高百分之几？"), satisfies("score", "低碳生活践行占3分")
    ('number', True)
    >>> expected_type("台州要建设5个美丽海湾，对吗？"), expected_type("那项是市能源局负责的吧？")
    ('number', 'what')
    >>> expected_type("靠哪些项目提高清洁能源占比？"), expected_type("清洁能源占比多少？"), expected_type("哪个县占比多少？")
    ('name', 'number', 'number')
    >>> expected_type("再生水利用率温州和台州谁的目标更高？"), expected_type("这两项哪个更早？")
    ('number', 'time')
    """
    last = [x for x in QUESTION_MARK.split(question) if x.strip()]
    if len(last) > 1 and (own := _expected_type(last[-1])) != "what":
        return own
    return _expected_type(question)


def _expected_type(question: str) -> str:
    if SCORE_Q.search(question):
        return "score"
    if FIELDS_Q.search(question):
        return "fields"
    if DOC_NUMBER_Q.search(question):
        return "what"  # "文号是多少": a document number ("温政办〔2022〕2号") is no quantity
    if YEARS_COUNT_Q.search(question):
        return "years"
    if DURATION_Q.search(question):
        return "time"
    if MONTH_Q.search(question):
        return "month"
    if (NUMBER_Q.search(question) and not (NAME_Q.search(question) and not NUMBER_Q.search(SHARE_WORD.sub("", question)))
            or CONFIRMATION.search(question) and CLAIMED_COUNT.search(question)):
        return "number"  # (a count claimed for confirmation, "建设5个美丽海湾，对吗", asks the true one)
    if TIME_Q.search(question):
        return "time"
    if m := WHICH_HIGHER.search(question):  # (not a who: "谁的目标更高")
        return "time" if WHICH_EARLIER.search(m.group(0)) else "number"
    if WHO_Q.search(question):
        return "who"
    if NAME_Q.search(question):
        return "name"
    return "what"


def satisfies(kind: str, text: str) -> bool:
    """Whether ``text`` can hold an answer of ``kind`` (names and open questions: any text)."""
    if kind == "number":
        return bool(NUMBER_VALUE.search(text) or QUALITATIVE_VALUE.search(text))
    if kind == "score":
        return bool(SCORE_VALUE.search(text))
    if kind == "fields":
        return bool(FIELDS_VALUE.search(text))
    if kind == "time":  # a year, or a day of a month ("6月14日召开": a meeting's day)
        return bool(YEAR_VALUE.search(text) or DAY_VALUE.search(text))
    if kind == "years":
        return bool(YEARS_COUNT_VALUE.search(text))
    if kind == "month":
        return bool(MONTH_VALUE.search(text) or YEAR_VALUE.search(text) and "月" in text)
    return True


def person_names(texts: Iterable[str]) -> set[str]:
    """The names of the people ``texts`` name by post ("副市长李无文参加…" → 李无文): words a tokenizer
    does not know, kept whole ("李无文和章月影" is not 李无 / 文章 / 月影).

    >>> sorted(person_names(["市长张振丰，市委常委、副市长李无文，副市长章月影参加会议。"]))
    ['张振丰', '李无文', '章月影']
    >>> sorted(person_names(["王云师任温州市住房公积金管理中心副主任；", "免去池晓荣的…指挥长职务；"]))
    ['池晓荣', '王云师']
    """
    out: set[str] = set()
    for t in texts:
        for line in t.splitlines():
            line = re.sub(r"\s+", "", line)
            out |= {m.group("name") or m.group("name2") for p in (PERSON, APPOINTEE) for m in p.finditer(line)}
    return out


#: a follow-up naming another person, with perhaps the day ("张振丰呢？", "6月12日张振丰呢？", "那王振勇呢？")
PERSON_FOLLOW_UP = re.compile(r"^(?:那么?|那)?\s*(?P<day>(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])?\s*(?P<who>[\u4e00-\u9fff]{2,4})\s*呢\s*[？?]?\s*$")


def with_person_swapped(question: str, earlier: list[str], people: Iterable[str]) -> str:
    """A follow-up naming only a day and another person ("6月12日张振丰呢？", after "那天" is read as the
    date) asks the latest earlier question of them: that question with its person and day replaced —
    unchanged otherwise.

    >>> with_person_swapped("6月12日张振丰呢？", ["陈宽6月12日参加了什么？"], ["陈宽", "张振丰"])
    '张振丰6月12日参加了什么？'
    >>> with_person_swapped("王振勇呢？", ["陈应许6月26日参加了什么推介会？"], ["陈应许", "王振勇"])
    '王振勇呢？'
    >>> with_person_swapped("温州呢？", ["陈宽6月12日参加了什么？"], ["陈宽"])
    '温州呢？'
    """
    m = PERSON_FOLLOW_UP.match(question)
    people = set(people)
    if not m or not m.group("day") or m.group("who") not in people or not earlier:
        return question  # (a bare "王振勇呢？" goes on as a follow-up: the earlier question's words may be too narrow for them)
    last = earlier[-1]
    before = [p for p in sorted(people, key=len, reverse=True) if p in last and p != m.group("who")]
    if len(before) != 1:
        return question  # the earlier question names no one else, or several: nothing to swap
    out = last.replace(before[0], m.group("who"))
    if d := NAMED_DATE.search(out):
        out = out[:d.start()] + re.sub(r"\s+", "", m.group("day")) + out[d.end():]
    return out


def with_day_pointed_to(question: str, earlier: list[str]) -> str:
    """``question`` with a day it points back to ("那天") replaced by the date the latest earlier question
    names; unchanged when none names one.

    >>> with_day_pointed_to("杨胜杰那天参加了什么？", ["6月9日谁参加了全省现代社区建设工作推进会？"])
    '杨胜杰6月9日参加了什么？'
    >>> with_day_pointed_to("那天还有什么会？", ["谁参加了推进会？"])
    '那天还有什么会？'
    """
    if not DAY_DEIXIS.search(question):
        return question
    for q in reversed(earlier):
        if m := NAMED_DATE.search(q):
            return DAY_DEIXIS.sub(re.sub(r"\s+", "", m.group(0)), question, count=1)
    return question
