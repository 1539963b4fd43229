"""A user's words lose their personal data before they become bot content."""

from __future__ import annotations

import pytest

from bot.support.learning.masking import is_masked, mask


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("我叫张伟，积分120分够吗", "我叫〔姓名〕，积分120分够吗"),
        ("身份证310101199001011234能办吗", "身份证〔身份证号〕能办吗"),
        ("身份证31010119900101123X能办吗", "身份证〔身份证号〕能办吗"),
        ("电话13812345678打不通", "电话〔电话〕打不通"),
        ("打 +86 138 1234 5678 或 021-62345678", "打 〔电话〕 或 〔电话〕"),
        ("社保号 1234 5678 9012 查不到", "社保号 〔号码〕 查不到"),
        ("住仙霞路99号，能在长宁办吗", "〔地址〕，能在长宁办吗"),
        ("张杨路1234弄5号402室的居委会能开证明吗", "〔地址〕的居委会能开证明吗"),
        ("王先生问：我35岁，7年社保", "〔姓名〕先生问：我35岁，7年社保"),
        ("我姓李，想问续签", "我姓〔姓名〕，想问续签"),
        ("邮箱 a.b@qq.com 收不到通知", "邮箱 〔邮箱〕 收不到通知"),
        ("my name is John Smith, can I apply", "my name is 〔姓名〕, can I apply"),
    ],
)
def test_personal_data_is_masked(said: str, kept: str) -> None:
    assert mask(said) == kept


@pytest.mark.parametrize(
    "question",
    [
        "居住证积分续签要多久",
        "2019年毕业，2023年12月到期",
        "社保基数要交到1.3倍吗",
        "中级职称加多少分",
    ],
)
def test_a_question_without_personal_data_is_kept_as_asked(question: str) -> None:
    assert mask(question) == question
    assert is_masked(question)


def test_masking_twice_changes_nothing_more() -> None:
    once = mask("我叫张伟，电话13812345678，住仙霞路99号")
    assert mask(once) == once
