"""The dev set: written by reading the documents, every expected part found at its file:line, the
held-out third unchanged since the split, and the sizes the issue asks for."""
from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest

from evals.dev_eval import score_turn, summarise
from evals.devset import CATEGORIES, MINIMUM, Turn, check_sources, counts, frozen, load, parse_src, source_text


def test_every_expected_part_stands_in_the_lines_its_item_cites():
    assert check_sources(load("all")) == []


def test_the_held_out_third_is_unchanged_since_the_split():
    frozen()


def test_sizes_and_split():
    tune, held = load("tune"), load("heldout")
    c = counts(tune + held)
    for k, n in MINIMUM.items():
        assert c.get(k, 0) >= n, k
    # the first split (session 5) held out a third; later passes (h4-, h5-) appended a third of theirs to tune
    first_tune = [it for it in tune if not re.match(r"h\d+-", it.id)]
    assert 0.3 <= len(held) / (len(first_tune) + len(held)) <= 0.36
    for later in ("heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "heldout24", "heldout25", "heldout26", "heldout27", "heldout28", "heldout29", "heldout30", "heldout31", "heldout32", "heldout33", "heldout34", "heldout35", "heldout36", "heldout37", "heldout38", "heldout39", "heldout40", "heldout41", "heldout42", "heldout43", "heldout44", "heldout45", "heldout46", "heldout47", "heldout48", "heldout49", "heldout50", "heldout51", "heldout52", "heldout53", "heldout54", "heldout55", "heldout56", "heldout57", "heldout58", "heldout59", "heldout60", "heldout61", "heldout62", "heldout63", "heldout64", "heldout65", "heldout66", "heldout67", "heldout68", "heldout69", "heldout70", "heldout71", "heldout72", "heldout73", "heldout74", "heldout75", "heldout76"):
        prefix = "h" + re.search(r"\d+$", later).group() + "-"
        appended = [it for it in tune if it.id.startswith(prefix)]
        assert 0.25 <= len(appended) / (len(appended) + len(load(later))) <= 0.4, later
    assert not {it.id for it in tune} & {it.id for it in held}
    earlier = tune + held
    for later in ("heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "heldout24", "heldout25", "heldout26", "heldout27", "heldout28", "heldout29", "heldout30", "heldout31", "heldout32", "heldout33", "heldout34", "heldout35", "heldout36", "heldout37", "heldout38", "heldout39", "heldout40", "heldout41", "heldout42", "heldout43", "heldout44", "heldout45", "heldout46", "heldout47", "heldout48", "heldout49", "heldout50", "heldout51", "heldout52", "heldout53", "heldout54", "heldout55", "heldout56", "heldout57", "heldout58", "heldout59", "heldout60", "heldout61", "heldout62", "heldout63", "heldout64", "heldout65", "heldout66", "heldout67", "heldout68", "heldout69", "heldout70", "heldout71", "heldout72", "heldout73", "heldout74", "heldout75", "heldout76"):  # each later held-out set asks nothing an earlier part asks
        items = load(later)
        assert not check_sources(items) and not {it.id for it in items} & {it.id for it in earlier}
        # a new question (a follow-up such as "省里呢？" may repeat an earlier follow-up word for word)
        assert not {it.turns[0].question for it in items} & {t.question for it in earlier for t in it.turns}
        earlier = earlier + items


def test_src_parsing_and_page_numbers_are_not_text():
    assert parse_src("zj:385-393") == [("zj-plan", 385, 393)]
    assert "现代化国际大城市" in source_text("zj:385-393")  # "— 10 —" stands between 现代 and 化
    with pytest.raises(ValueError):
        parse_src("xx:1")


def _ans(text, refused=False, cites=()):
    return SimpleNamespace(answer=text, refused=refused,
                           citations=[SimpleNamespace(doc_id=d, locator=loc, text=t) for d, loc, t in cites])


def test_scoring_right_refused_wrong_and_citation_precision():
    t = Turn("台州城区再生水利用率？", expect=[["35%"]], docs=["tz-pilot"], src="tz:57")
    right = score_turn(t, _ans("达到35%[1]", cites=[("tz-pilot", "第57行", "城区再生水利用率达到 35%"),
                                                   ("tz-pilot", "第3行", "别处")]))
    assert right.outcome == "right" and (right.citations, right.precise_citations) == (2, 1)
    assert score_turn(t, _ans("文件中未找到", refused=True)).outcome == "refused"
    assert score_turn(t, _ans("达到25%[1]", cites=[("tz-pilot", "第57行", "")])).outcome == "wrong"
    assert score_turn(t, _ans("达到35%[1]", cites=[("zj-plan", "第5行", "")])).outcome == "wrong"  # wrong document
    must_refuse = Turn("火星？", refuse=True)
    assert score_turn(must_refuse, _ans("x", refused=True)).outcome == "right"
    assert score_turn(must_refuse, _ans("x")).outcome == "wrong"
    premise = Turn("台州要建成5个美丽海湾吗？", expect=[["3个"]], docs=["tz-pilot"], refuse_ok=True)
    assert score_turn(premise, _ans("文件中未找到5个；文件载有3个", refused=True)).outcome == "right"


def test_a_bare_number_is_found_as_that_number_and_an_absent_row_makes_it_wrong():
    # h69-count-02's "3" had been found in "共16项：…第30项…[3]": a count's number is the count said, not a place
    count = Turn("第11到20项中有几项是省生态环境厅牵头的？", expect=[["3"]], docs=["zj-plan"])
    cite = [("zj-plan", "第665行", "")]
    assert score_turn(count, _ans("共16项：第30项[3]", cites=cite), counting=True).outcome == "wrong"
    assert score_turn(count, _ans("第11—20项中…共3项[1]", cites=cite), counting=True).outcome == "right"
    row = Turn("第几项提到修复工厂？", expect=[["21"]], docs=["wz-plan"])
    assert score_turn(row, _ans("任务清单第21项[1]", cites=[("wz-plan", "第385行", "")])).outcome == "right"
    ranged = Turn("前十项里市发展改革委牵头的有哪些？", expect=[["第1项"]], docs=["wz-plan"], absent=["第17项"])
    assert score_turn(ranged, _ans("第1项…第17项[1]", cites=[("wz-plan", "第259行", "")])).outcome == "wrong"
    assert score_turn(ranged, _ans("第1项…第9项[1]", cites=[("wz-plan", "第259行", "")])).outcome == "right"


def test_a_dialogue_is_right_only_when_every_scored_turn_is():
    item = SimpleNamespace(id="d1", category="dialogue", turns=[])
    r_ok = SimpleNamespace(outcome="right", scored=True, citations=0, precise_citations=0, refused=False,
                           expected_refusal=False)
    r_bad = SimpleNamespace(outcome="wrong", scored=True, citations=0, precise_citations=0, refused=False,
                            expected_refusal=False)
    res = summarise({"d1": [r_ok, r_bad]}, [item])
    assert res["categories"]["dialogue"]["wrong"] == 1.0 and res["categories"]["dialogue"]["turns_right"] == 0.5


def test_an_unknown_category_is_refused_so_no_category_drops_out_of_the_tables(tmp_path):
    (tmp_path / "tune.jsonl").write_text(json.dumps({"id": "x", "category": "listng", "turns": [{"q": "问"}]},
                                                    ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="listng"):
        load("tune", tmp_path)
    assert {it.category for it in load("all")} <= set(CATEGORIES)
