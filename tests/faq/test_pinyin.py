"""Questions typed in pinyin are read as our words; English stays English."""

from __future__ import annotations

import pytest

from faq.pinyin import PinyinReader
from faq.retrieve import Retriever


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("jifen tongzhishu diule zenme bu", "notice_reprint"),
        ("nianling zenme suanfen", "age_rule"),
        ("juzhuzheng qianzhu zai nali ban", "permit_endorsement"),
        ("peiou shi shanghai hukou neng jiafen ma", "spouse_rule"),
        ("jifentongzhishudiule", "notice_reprint"),  # no spaces, as an input method's buffer
        ("shebao jishu 和积分有啥关系", "si_base_rule"),  # pinyin and characters in one message
    ],
)
def test_a_question_typed_in_pinyin_reaches_its_topic(
    retriever: Retriever, question: str, topic: str
) -> None:
    decision = retriever.ask(question)
    assert (decision.kind, decision.entry and decision.entry.id) == ("answer", topic)


def test_pinyin_for_someone_elses_matter_is_refused_with_its_pointer(
    retriever: Retriever,
) -> None:
    decision = retriever.ask("shanghai luohu xuyao shenme tiaojian")  # 落户: another scheme
    assert decision.kind == "unknown"
    assert decision.pointer is not None


def _reader(*words: str) -> PinyinReader:
    return PinyinReader(dict.fromkeys(words, 1))


def test_pinyin_is_written_as_our_words_and_what_is_none_stays_as_typed() -> None:
    reader = _reader("积分", "密码", "怎么")
    assert reader.read("jifen mima zenme ban") == "积分密码怎么 ban"


def test_sounds_many_speakers_merge_are_read_alike() -> None:
    assert _reader("临港", "年龄").read("linggang nianlin") == "临港年龄"  # in/ing


def test_an_english_sentence_keeps_its_words_and_only_our_longer_words_are_read() -> None:
    reader = _reader("积分", "上海", "我们")
    english = "can i apply for jifen in shanghai now"
    assert reader.read(english) == "can i apply for 积分 in 上海 now"
    # Every word a syllable, none of them ours: not pinyin.
    assert reader.read("can you ban me") == "can you ban me"
