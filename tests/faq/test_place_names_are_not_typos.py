"""A stretch that sounds like one of our words is no typo when its odd character makes a real
word with the character beside it (a place name: 嘉定, 嘉兴), nor when it is 和 joining two people
(和同学 is no 合同)."""

from __future__ import annotations

import pytest

from faq.text import default_analyzer
from faq.typos import Typos


@pytest.fixture(scope="module")
def typos() -> Typos:
    analyzer = default_analyzer()
    return Typos({"在家": 3, "密码": 3, "单位": 3, "合同": 3}, analyzer.is_word, analyzer.steady)


@pytest.mark.parametrize(
    "text",
    [
        "我住在嘉定，积分去哪办",  # 在嘉 sounds like 在家, but 嘉定 is a district
        "公司在嘉兴，社保也在那边",  # ... and 嘉兴 a city
        "人在嘉定上班",
        "我和同学条件差不多",  # 和同 sounds like 合同, but 同学 is a word
        "他和同事都交了社保",
    ],
)
def test_a_place_name_beside_a_sound_alike_is_kept(typos: Typos, text: str) -> None:
    assert typos.correct(text) == text


def test_a_typo_with_no_word_beside_it_is_still_put_right(typos: Typos) -> None:
    assert typos.correct("蜜码忘了") == "密码忘了"
    assert typos.correct("新单味的人事") == "新单位的人事"
