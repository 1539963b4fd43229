"""The dialog never offers or accepts what earlier answers rule out (scoring.consistency),
and a changed answer drops the later answers it rules out, which are then asked again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def tier_ids(chat: Any) -> set[str]:
    return {c for c in chat.choice_ids if c.startswith("tier:")}


def test_two_years_of_insurance_offer_only_the_3x_tier(chat: Any) -> None:
    # 24 months: 36 months at 0.8x/1x/2x are impossible, 24 of the last 36 at 3x are not.
    chat.say("算积分", "30", "大专", "没有", "2年")
    assert "几倍" in chat.text
    assert tier_ids(chat) == {"tier:none", "tier:3x"}


def test_a_typed_tier_the_months_rule_out_is_asked_again_with_the_reason(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "2年")
    chat.send("0.8倍")
    assert "对不上" in chat.text and "36" in chat.text and "24 个月" in chat.text
    assert "insurance_base_tier" not in chat.answers
    chat.send("没有")
    assert chat.answers["insurance_base_tier"] == "none"


def test_a_stale_button_of_a_ruled_out_tier_is_refused(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "2年")
    chat.send(choice="tier:2x")
    assert "对不上" in chat.text
    assert "insurance_base_tier" not in chat.answers


def test_one_year_of_insurance_skips_the_tier_question(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "1年")
    assert "几倍" not in chat.text
    assert "下面这些情况" in chat.text


def test_fewer_months_drop_a_tier_they_rule_out_and_ask_it_again(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "4年", "2倍", "无", "否")
    assert "合计：" in chat.text and chat.answers["insurance_base_tier"] == "2x"
    chat.say("修改社保", "30个月")
    assert "几倍" in chat.text and tier_ids(chat) == {"tier:none", "tier:3x"}
    assert "insurance_base_tier" not in chat.answers
    chat.send("没有")
    assert "合计：" in chat.text
    assert chat.answers["insurance_base_tier"] == "none"


def test_a_fresh_graduate_without_education_is_refused(chat: Any) -> None:
    chat.say("算积分", "30", "高中", "没有", "1年")
    chat.send("应届生")
    assert "对不上" in chat.text and "大专" in chat.text
    assert "fresh_graduate" not in chat.answers
    chat.send("无")
    assert "fresh_graduate" not in chat.answers and chat.answers["education"] == "none"


def test_no_education_drops_the_fresh_graduate_bonus(chat: Any) -> None:
    chat.say("算积分", "30", "本科有学位", "没有", "1年", "全日制应届生", "否")
    assert chat.answers["fresh_graduate"] is True
    chat.say("修改学历", "高中")
    assert "fresh_graduate" not in chat.answers
    assert "下面这些情况" in chat.text  # the bonus question again


def test_years_of_public_service_above_the_insured_years_are_asked_again(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "5年", "没有", "环卫")
    chat.send("6年")
    assert "对不上" in chat.text and "5 年" in chat.text
    chat.send("5年")
    assert chat.answers["public_service_years"] == 5


def test_the_1x_base_condition_needs_6_months_of_insurance(chat: Any) -> None:
    chat.say("算积分", "30", "本科有学位", "高级工程师", "对", "是")
    chat.send("3个月")
    assert "对不上" in chat.text and "6 个月" in chat.text
    chat.send("6个月")
    assert chat.answers["social_insurance_months"] == 6


def test_english_users_get_the_reason_in_english(chat_en: Any) -> None:
    chat_en.say("score", "30", "college", "none", "2 years")
    chat_en.send("2x")
    assert "does not fit your earlier answers" in chat_en.text
    assert "36 of the last 48 months" in chat_en.text


def test_every_finished_dialog_is_a_profile_jifen_score_accepts(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "2年", "3倍", "全日制应届生 环卫", "2年", "否")
    assert "合计：" in chat.text
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "score", "-", "--json", "--as-of", "2026-11-23"],
        input=json.dumps(chat.answers),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"合计：{json.loads(result.stdout)['total']} 分" in chat.text
