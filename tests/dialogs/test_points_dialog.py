"""Whole points conversations through `step`, in Chinese free text and in English."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest

from scoring.calculator import calculate
from scoring.policy import edition_in_force
from scoring.profile import Profile

TODAY = date(2026, 11, 23)

# The worked examples of shared/policy/points-table.md: what the user types, the profile
# the dialog must have understood, and the total.
WORKED_EXAMPLES: list[tuple[str, list[str], dict[str, Any], int]] = [
    (
        "college_shortage_major_4_years",
        ["30", "大专", "没有", "4年", "没有", "紧缺", "否"],
        {"age": 30, "education": "college", "title": "none", "social_insurance_months": 48,
         "insurance_base_tier": "none", "shortage_major": True},
        122,
    ),
    (
        "bachelor_with_degree",
        ["三十岁", "本科有学位", "没有", "没有", "无", "没有"],
        {"age": 30, "education": "bachelor_degree", "title": "none", "social_insurance_months": 0},
        120,
    ),
    (
        "high_school_2x_base_3_years",
        ["三十", "高中", "没有", "三年", "2倍", "无", "不是"],
        {"age": 30, "education": "none", "title": "none", "social_insurance_months": 36,
         "insurance_base_tier": "2x"},
        139,
    ),
    (
        "senior_title_not_added_to_education",
        # 6 of the last 12 months at a base of 1x: at least 6 months of social insurance.
        ["30岁", "本科有学位", "高级工程师", "对", "是", "6个月", "无", "否"],
        {"age": 30, "education": "bachelor_degree", "title": "title_senior",
         "title_matches_job": True, "base_1x_6_of_last_12": True, "social_insurance_months": 6},
        170,
    ),
    (
        "skill_3_with_1x_base",
        ["1996-01-15", "高中", "国家职业资格三级", "是", "36个月", "1倍多", "无", "否"],
        {"birth_date": "1996-01-15", "education": "none", "title": "skill_3",
         "title_matches_job": True, "social_insurance_months": 36, "insurance_base_tier": "1x"},
        149,
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("messages", "profile", "total"),
    [example[1:] for example in WORKED_EXAMPLES],
    ids=[example[0] for example in WORKED_EXAMPLES],
)
def test_worked_examples_end_in_their_total(
    chat: Any, messages: list[str], profile: dict[str, Any], total: int
) -> None:
    chat.say("算积分", *messages)
    assert f"合计：{total} 分" in chat.text
    assert chat.answers == profile
    expected = calculate(Profile.from_json(profile), edition_in_force(TODAY), TODAY)
    assert expected.total == total
    assert chat.state == "menu"


def test_result_shows_items_gap_and_suggestions(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "1年", "无", "否")
    assert "· 年龄：30 分（30 周岁）" in chat.text
    assert "合计：83 分" in chat.text
    assert "距离 120 分还差 37 分" in chat.text
    assert "怎样才能达到标准" in chat.text
    assert "+" in chat.text


def test_result_offers_a_reminder_for_the_month_insurance_years_reach_120(chat: Any) -> None:
    chat.say("算积分", "30", "本科没学位", "没有", "1年", "无", "否")
    assert "合计：93 分" in chat.text
    assert "按现在的情况，您将在 2035 年 11 月达到 120 分" in chat.text
    assert "remind:goal" in chat.choice_ids
    chat.send(choice="remind:goal")
    assert [(e.kind, dict(e.data)) for e in chat.effects] == [
        ("goal_reminder", {"month": "2035-11"})
    ]


def test_reaching_the_standard_lists_next_steps_and_materials(chat: Any) -> None:
    chat.say("算积分", "30", "硕士", "没有", "5年", "2倍", "无", "否")
    assert "已达到 120 分的标准分值" in chat.text
    assert "接下来：" in chat.text
    assert "需要准备的材料：" in chat.text
    assert "menu:remind" in chat.choice_ids


def test_the_result_names_its_sources_by_title_and_publisher_never_a_file(chat: Any) -> None:
    chat.say("算积分", "30", "硕士", "没有", "5年", "2倍", "无", "否")
    assert "依据：《上海市居住证积分管理办法》（上海市人民政府，2018年1月1日起施行）" in chat.text
    # the next steps and materials come from agency pages: named, and said to be unofficial
    agency_guide = "《上海积分平台个人登录、首次申请和续签流程》（上海居住证积分网，非官方）"
    assert f"来源：{agency_guide}" in chat.text
    assert "非官方，仅供参考，以官方公布为准。" in chat.text
    assert not re.search(r"\d{3}_[0-9a-f]{16}|种子|seed", chat.text)


def test_english_flow(chat_en: Any) -> None:
    chat_en.send(command="score")
    assert "Part 1 of 4: Basics" in chat_en.text
    chat_en.say("35", "bachelor with degree", "none", "5 years", "2x", "none", "no")
    assert "Total: 235 points" in chat_en.text
    assert "· Age: 30 (age 35)" in chat_en.text
    assert "You reach the standard of 120 points." in chat_en.text
    measures = "Shanghai Residence Permit Points Measures (Shanghai Municipal Government"
    assert measures in chat_en.text
    assert "Sources: an agency guide to login, first application and renewal (unofficial)" in (
        chat_en.text
    )
    assert "Unofficial, for reference only" in chat_en.text


def test_progress_only_moves_forward_and_says_last_only_at_the_last_part(chat: Any) -> None:
    seen = []
    for answer in ["算积分", "30", "本科有学位", "中级职称", "是", "是", "5年", "2倍", "1 4", "3",
                   "是", "0", "1", "0", "否", "否"]:  # fmt: skip
        chat.send(answer)
        found = re.search(r"第 (\d)/(\d) 部分", chat.text)
        if found:
            seen.append((int(found[1]), int(found[2])))
        assert "最后" not in chat.text or (found and found[1] == found[2]), chat.text
    assert "合计：" in chat.text, "the run got to the result"
    assert {total for _, total in seen} == {4}, "the number of parts never changes"
    parts = [n for n, _ in seen]
    assert parts == sorted(parts) and parts[0] == 1 and parts[-1] == 4


def test_questions_that_do_not_apply_are_skipped(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有")
    assert "社保一共多久" in chat.text  # no "does it match your job?" without a title
    chat.send("1年")
    assert "有符合您的吗" in chat.text  # no base-tier question below 24 months


def test_title_asks_match_and_base_condition_only_when_needed(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "国家职业资格四级")
    assert "对口" in chat.text
    chat.send("是")
    assert "社保一共多久" in chat.text  # skill_4 needs no 1x-base condition
    chat.say("返回", "返回", "中级职称", "是")
    assert "不低于上年度本市职工平均工资" in chat.text


def test_typed_numbers_pick_the_offered_choices(chat: Any) -> None:
    chat.say("算积分", "30", "2")
    assert chat.answers["education"] == "college"
    chat.say("1", "3年", "3")  # title: 没有; tier: the third choice, 1x
    assert chat.answers["title"] == "none"
    assert chat.answers["insurance_base_tier"] == "1x"


def test_clicked_choices_are_answers(chat: Any) -> None:
    chat.send("算积分")
    chat.send("30")
    chat.send(choice="edu:master")
    assert chat.answers["education"] == "master"


def test_bonus_multi_choice_asks_each_follow_up(chat: Any) -> None:
    # 6 years of public service are 6 years of insured work: 7 years of social insurance.
    chat.say("算积分", "30", "大专", "没有", "7年", "没有")
    chat.send("2 3 4 6 7")
    assert "平均每年纳税多少元" in chat.text
    chat.send("30万")
    assert "本市户籍员工" in chat.text
    chat.send("0")
    assert "环卫" in chat.text
    chat.send("6年")
    assert "临港" in chat.text
    chat.send("五年")
    assert "表彰奖励是哪一级" in chat.text
    chat.send("市级综合")
    assert "结婚满几年" in chat.text
    chat.send("三年")
    chat.send("否")
    assert chat.answers == {
        "age": 30,
        "education": "college",
        "title": "none",
        "social_insurance_months": 84,
        "insurance_base_tier": "none",
        "investment_tax_yuan": 300000.0,
        "local_hires": 0,
        "public_service_years": 6,
        "remote_area_years": 5,
        "award": "city_comprehensive",
        "spouse_hukou_years": 3,
    }
    expected = calculate(Profile.from_json(chat.answers), edition_in_force(TODAY), TODAY)
    assert f"合计：{expected.total} 分" in chat.text


def test_flag_bonus_items_need_no_follow_up(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "1年", "1 5 8")
    assert "虚假材料" in chat.text
    assert chat.answers["shortage_major"] is True
    assert chat.answers["fresh_graduate"] is True
    assert chat.answers["entrepreneur_talent"] is True


def test_deductions_no_skips_the_details(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "1年", "无")
    assert "虚假材料" in chat.text
    chat.send("没有")
    assert "合计" in chat.text
    assert not any(k.endswith("_count") for k in chat.answers)


def test_deductions_yes_asks_the_details(chat: Any) -> None:
    chat.say("算积分", "30", "硕士", "没有", "1年", "无", "是")
    assert "虚假材料的次数" in chat.text
    chat.send("0")
    assert "行政拘留的次数" in chat.text
    chat.send("1次")
    assert "刑事犯罪记录的次数" in chat.text
    chat.send("0")
    assert "五年以上有期徒刑" in chat.text
    chat.send("否")
    assert "计划生育" in chat.text
    chat.send("否")
    assert "· 行政拘留：-50 分" in chat.text
    assert "合计：83 分" in chat.text  # 30 + 100 + 3 - 50


def test_a_veto_is_reported(chat: Any) -> None:
    chat.say("算积分", "30", "博士", "没有", "1年", "无", "是", "0", "0", "0", "是", "否")
    assert "一票否决" in chat.text


def test_age_out_of_range_is_not_eligible(chat: Any) -> None:
    chat.say("算积分", "65", "博士", "没有", "1年", "无", "否")
    assert "不符合申请条件" in chat.text


def test_a_wrong_answer_is_asked_again_with_an_example_and_loses_nothing(chat: Any) -> None:
    chat.say("算积分", "30", "大专")
    chat.send("随便吧")
    assert "没看懂「随便吧」" in chat.text
    assert "例如：中级职称" in chat.text
    assert chat.state == "asking"
    assert chat.answers == {"age": 30, "education": "college"}
    chat.send("没有")
    assert "社保一共多久" in chat.text


def test_an_impossible_value_gets_a_friendly_correction(chat: Any) -> None:
    chat.send("算积分")
    chat.send("300")
    assert "300 岁好像不太对" in chat.text
    chat.send("30")
    chat.say("大专", "没有")
    chat.send("2000个月")
    assert "2000 个月好像太多了" in chat.text
    assert chat.answers == {"age": 30, "education": "college", "title": "none"}


@pytest.mark.parametrize(
    ("said", "pick", "field", "value"),
    [
        ("本科", "有", "education", "bachelor_degree"),
        ("本科", "没有", "education", "bachelor"),
        ("中级", "2", "title", "skill_4"),
        ("中级", "中级职称", "title", "title_intermediate"),
    ],
)
def test_ambiguous_answers_are_confirmed(
    chat: Any, said: str, pick: str, field: str, value: str
) -> None:
    chat.say("算积分", "30")
    if field == "title":
        chat.send("大专")
    chat.send(said)
    assert chat.state == "confirming"
    assert field not in chat.answers
    chat.send(pick)
    assert chat.answers[field] == value
    assert chat.state == "asking"


def test_a_title_named_before_the_2015_reform_offers_both_levels(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "小学一级教师")  # 初级 then, 一级教师 (中级) now
    assert chat.choice_ids == ["title:title_intermediate", "title:title_junior"]


def test_years_or_months_is_asked_for_a_bare_small_number(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "5")
    assert chat.state == "confirming"
    chat.send("1")
    assert chat.answers["social_insurance_months"] == 60


def test_back_shows_the_previous_question_with_its_old_answer(chat: Any) -> None:
    chat.say("算积分", "30", "大专")
    chat.send("返回")
    assert "最高学历" in chat.text
    assert "您之前的回答：大专/高职" in chat.text
    chat.send("硕士")
    assert chat.answers["education"] == "master"
    assert "职称" in chat.text


def test_back_command_and_button(chat: Any) -> None:
    chat.say("算积分", "30", "大专")
    chat.send(command="back")
    assert "最高学历" in chat.text
    chat.send(choice="nav:back")
    assert "您今年多大" in chat.text
    assert "您之前的回答：30 岁" in chat.text
    chat.send("上一步")
    assert "这已经是第一个问题了" in chat.text


def test_edit_after_the_result_goes_straight_back_to_the_result(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "4年", "没有", "紧缺", "否")
    assert "合计：122 分" in chat.text
    chat.send("修改学历")
    assert "最高学历" in chat.text
    assert "您之前的回答：大专/高职" in chat.text
    chat.send("硕士")
    assert "合计：172 分" in chat.text
    chat.send("修改年龄")
    chat.send("50")
    assert "合计：159 分" in chat.text  # age 50: 5 + 2 x 6 = 17
    chat.send("修改社保")
    chat.send("8年")
    assert "合计：171 分" in chat.text


def test_an_edit_that_opens_a_question_asks_it_before_the_result(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "1年", "无", "否")
    assert "合计：83 分" in chat.text
    chat.say("修改社保", "8年")
    assert "基数" in chat.text
    chat.send("2倍")
    assert "合计：204 分" in chat.text  # 30 + 50 + 24 + 100


def test_edit_of_something_unknown_says_what_can_be_edited(chat: Any) -> None:
    chat.say("算积分", "30")
    chat.send("修改星座")
    assert "没找到要修改的「星座」" in chat.text
    assert "最高学历" in chat.text


def test_restart_clears_the_answers(chat: Any) -> None:
    chat.say("算积分", "30", "大专")
    chat.send("重新开始")
    assert chat.answers == {}
    assert "第 1/4 部分" in chat.text
    chat.send(command="restart")
    assert "第 1/4 部分" in chat.text


def test_menu_in_the_middle_keeps_the_answers_and_score_resumes(chat: Any) -> None:
    chat.say("算积分", "30", "大专")
    chat.send("菜单")
    assert chat.state == "menu"
    assert "menu:score" in chat.choice_ids
    chat.send("算积分")
    assert "职称" in chat.text
    assert chat.answers == {"age": 30, "education": "college"}


def test_language_switch_in_the_middle_reasks_in_english(chat: Any) -> None:
    chat.say("算积分", "30")
    chat.send("English")
    assert "Switched to English." in chat.text
    assert "highest education" in chat.text
    assert chat.conversation.locale == "en"
    chat.send("中文")
    assert "最高学历" in chat.text


def test_a_question_typed_instead_of_an_answer_gets_the_faq_then_the_question(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有")
    chat.send("积分通知书丢了怎么补打？")
    replies = chat.last.replies
    assert "打印积分通知书" in replies[0].text
    assert "nav:human" in [b.id for b in replies[0].buttons]
    assert "社保一共多久" in replies[-1].text
    assert chat.state == "asking"
    assert chat.answers == {"age": 30, "education": "college", "title": "none"}


def test_durability_every_step_through_json_continues_identically(make_chat: Any) -> None:
    script = ["你好", "算积分", "1990年11月", "36", "本科", "有", "工程师", "2", "返回", "中级职称",
              "是", "否", "5", "1", "两倍", "1 7", "三年", "是", "0", "1", "0", "否", "否",
              "修改学历", "硕士", "English", "edit age", "40", "设置提醒", "3月1日"]  # fmt: skip
    durable, kept = make_chat(durable=True), make_chat(durable=False)
    for message in script:
        a, b = durable.send(message), kept.send(message)
        assert a == b, message
        assert durable.conversation.to_record() == kept.conversation.to_record()
        record = durable.conversation.to_record()
        assert set(record) == {"state", "locale", "answers", "context"}
        assert json.loads(json.dumps(record)) == record
    assert durable.effects[0].kind == "set_reminder"


def test_choice_ids_fit_telegram_callback_data(chat: Any) -> None:
    chat.say("算积分", "30", "本科", "有", "工程师", "1", "是", "是", "5", "2倍", "无", "否")
    chat.send("常见问题")
    for reply in chat.all_replies():
        for choice in (*reply.choices, *reply.buttons):
            assert choice.id.isascii() and len(choice.id.encode()) <= 64, choice.id
            assert choice.label
