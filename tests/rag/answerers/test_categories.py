"""The rows a list files under a class the question names ("台州协同能力清单“能力提升”类里有哪几项？")."""


def test_a_class_word_with_a_place_word_after_it_still_names_the_class(qa):
    # tz:262-264: 能力提升 holds rows 4-6 of the 协同能力清单; "类里" is the class word and 里, not a narrower word
    ans = qa.answer("台州协同能力清单“能力提升”类里有哪几项？")
    assert "协同能力清单“能力提升”，共3项" in ans.answer
    assert [c.start_line for c in ans.citations] == [262, 263, 264]
