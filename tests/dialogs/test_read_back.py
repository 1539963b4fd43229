"""Before the score, the bot reads back what it understood, with a one-tap fix per line."""

from __future__ import annotations

from typing import Any

from bot.channels.wechat.render import render

RUN = ["算积分", "36", "大专", "没有", "4年半", "无", "无", "否"]


def test_the_read_back_comes_before_the_score_and_names_every_answer(chat: Any) -> None:
    chat.say(*RUN)
    texts = [r.text for r in chat.last.replies]
    summary = next(i for i, t in enumerate(texts) if t.startswith("我理解的是"))
    score = next(i for i, t in enumerate(texts) if "合计：" in t)
    assert summary < score
    assert texts[summary].splitlines()[0] == (
        "我理解的是：36 岁 · 大专/高职 · 职称/技能等级：没有 · 社保年限：4 年 6 个月 · "
        "社保缴费基数：不到 0.8 倍 · 加分项：都没有 · 减分项：否"
    )


def test_each_fix_button_reopens_its_question_and_the_score_follows(chat: Any) -> None:
    chat.say(*RUN)
    buttons = [b for r in chat.last.replies for b in r.buttons]
    fixes = {b.label: b.id for b in buttons if b.label.startswith("修改")}
    assert list(fixes) == ["修改年龄", "修改学历", "修改职称", "修改社保", "修改基数", "修改加分",
                           "修改减分"]  # fmt: skip
    chat.send(choice=fixes["修改学历"])
    assert "最高学历" in chat.text
    chat.send("本科有学位")
    assert "本科+学士学位" in chat.text and "合计：" in chat.text


def test_in_wechat_the_fix_is_the_words_to_type(chat: Any) -> None:
    chat.say(*RUN)
    summary = next(r for r in chat.last.replies if r.text.startswith("我理解的是"))
    assert "「修改社保」" in "\n".join(render(summary))
    chat.send("修改社保")
    assert "缴纳职工社保一共多久" in chat.text


def test_english_read_back(chat_en: Any) -> None:
    chat_en.say("score", "36", "college", "none", "54 months", "none", "none", "no")
    summary = next(r for r in chat_en.last.replies if r.text.startswith("What I understood"))
    assert "Years of social insurance: 4 years 6 months" in summary.text
    assert "edit education" in [b.label for b in summary.buttons]
    chat_en.send("edit education")
    assert "highest" in chat_en.text.lower()
