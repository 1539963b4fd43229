"""One typo corrector for the parsers and the request cues, each with its own scope: the
parsers correct an ASCII misspelling only as a whole word, the cues anywhere."""

from __future__ import annotations

import pytest

from dialogs.intents import detect
from dialogs.parsing import normalise
from dialogs.parsing.typos import typos


def test_the_longest_misspelling_wins() -> None:
    table = {"ab": "X", "abc": "Y", "错别": "Z"}
    assert typos(table, ascii_whole_words=False).correct("abcd 错别字") == "Yd Z字"


def test_ascii_misspellings_as_whole_words_only_when_asked() -> None:
    table = {"yse": "yes", "木有": "没有"}
    assert typos(table, ascii_whole_words=True).correct("yse, yses 木有了") == "yes, yses 没有了"
    assert typos(table, ascii_whole_words=False).correct("yses") == "yess"


@pytest.mark.parametrize(
    ("typed", "read"),
    [("yse", "yes"), ("YSE!", "yes!"), ("yses", "yses"), ("研究僧", "研究生"), ("木有", "没有")],
)
def test_an_answer_is_read_with_whole_english_words_corrected(typed: str, read: str) -> None:
    assert normalise(typed) == read


@pytest.mark.parametrize(("typed", "trigger"), [("从新开始", "restart"), ("restrat", "restart"),
                                                ("caculate my score", "score")])  # fmt: skip
def test_a_request_is_read_with_its_cue_misspellings_corrected_anywhere(
    typed: str, trigger: str
) -> None:
    intent = detect(typed)
    assert intent is not None and intent.trigger == trigger
