"""No parser raises anything but `Unclear` (a re-ask) on any text: random, answer-like,
lone surrogates, very long; and what it returns is a value or an `Ambiguous`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dialogs import parsing
from dialogs.parsing import Ambiguous, Unclear

TODAY = date(2026, 11, 29)
PARSERS = [getattr(parsing, name) for name in parsing.__all__ if name.startswith("parse_")]
ANSWERISH = st.text(
    alphabet=st.sampled_from(
        list(
            "0123456789.-~/年月日岁周个倍万元千百十零〇一二两三四五六七八九半多来左右将近出头不满虚"
        )
        + list("是否有没不本科硕博在读级教师主任医证第选最后都符合，, ")
    )
    | st.characters(),
    max_size=40,
)
SURROGATES = st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1)
TEXTS = st.one_of(st.text(), ANSWERISH, SURROGATES, st.text(min_size=500, max_size=2000))


@pytest.mark.parametrize("parse", PARSERS, ids=lambda parse: parse.__name__)
@settings(
    database=None, max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(text=TEXTS)
@example(text="\ud800五年")
@example(text="9" * 400)
@example(text="十" * 300 + "年")
@example(text="1" * 5000 + "万")
def test_a_parser_answers_a_value_an_ambiguous_or_a_reask(
    parse: Callable[[str, date], object], text: str
) -> None:
    try:
        value = parse(text, TODAY)
    except Unclear:
        return
    assert value is not None
    if isinstance(value, Ambiguous):
        assert len(value.options) >= 2
