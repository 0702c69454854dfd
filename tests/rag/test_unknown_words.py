"""Unknown item words: nouns of a question no document writes (rag/unknown_words.py)."""
from __future__ import annotations

from rag.question import _jieba
from rag.unknown_words import UnknownWords

TEXT = ["附表1 重点工程汇总表。注: *项目为针对未达标指标的重点提升项目。", "推进基地建设。"]


def test_a_locative_after_a_written_word_is_no_unknown_item():
    uw = UnknownWords(TEXT, _jieba())  # (the chain's tokenizer, its dictionary loaded)
    assert "表里" not in uw.run("重点工程表里带*号的项目是什么意思？")  # 表 + 里 ("in the table")
    assert uw.run("火星基地建设谁牵头？") == ["火星"]  # a noun no document writes still is


def test_a_class_word_after_a_written_word_is_no_unknown_item():
    uw = UnknownWords(["试点协同	产业科技	国家智能建造试点城市"], _jieba())
    assert uw.run("产业科技类的试点有哪些？") == []  # 科技 + 类 ("of the 科技 class"), jieba's 科技类
    assert "火星" in uw.run("火星类的试点有哪些？")  # a class of a word no document writes still is unknown


def test_a_pointing_word_after_an_item_is_no_strange_word():
    # jieba cuts "固废那一部分" into single characters; 那 is talk no document writes, pointing at a part
    uw = UnknownWords(["推进固废污染防治协同控制。"], _jieba())
    assert uw.run("固废那一部分有哪些任务？") == []
    assert uw.run("二噁英排放有什么要求？") == ["二噁英"]  # a character no document writes still is


def test_kinds_of_places_counted_are_no_unknown_item():
    # the documents write "涵盖…在内的1市10镇": "多少个市镇" asks a count of places, no item 市镇
    uw = UnknownWords(["依托鳌江流域平原城镇群，涵盖龙港市、苍南县城等在内的1市10镇。"], _jieba())
    assert uw.run("鳌江流域平原城镇群涵盖多少个市镇？") == []
    assert uw.run("火星城镇群涵盖多少个市镇？") == ["火星"]


def test_a_noun_after_a_question_word_the_chain_blanked_is_the_kind_asked():
    # the chain masks intent words before this check: "多大功率以上" arrives as "  功率以上"
    from rag.question import mask_intent_words

    uw = UnknownWords(["对56千瓦以上的国二和国三机械开展尾气达标治理。"], _jieba())
    assert uw.run(mask_intent_words("对多大功率以上的机械开展尾气达标治理？")) == []
    assert uw.run(mask_intent_words("火星机械开展尾气达标治理要达到多少？")) == ["火星"]
