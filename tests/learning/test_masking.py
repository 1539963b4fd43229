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
        # Bare names, without 我叫 or 先生 around them:
        ("我是张伟，积分够120分吗", "我是〔姓名〕，积分够120分吗"),
        ("我是陈晓明，社保交了7年", "我是〔姓名〕，社保交了7年"),
        ("帮我老婆李娜问一下能不能加分", "帮我老婆〔姓名〕问一下能不能加分"),
        ("韩梅梅的居住证快到期了", "〔姓名〕的居住证快到期了"),
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
        # Words jieba may take for names, from a surname: places, common words, dialect.
        "我在张江办公，能算临港加分吗",
        "徐汇和杨浦的受理点在哪",
        "田林街道能办吗",
        "金山的社区事务受理中心",
        "谢谢你啊",
        "我是江西人，老公是上海户籍",
        "我是高级职称，何时能办",
        "莫得社保怎么办",
    ],
)
def test_a_question_without_personal_data_is_kept_as_asked(question: str) -> None:
    assert mask(question) == question
    assert is_masked(question)


def test_masking_twice_changes_nothing_more() -> None:
    once = mask("我叫张伟，电话13812345678，住仙霞路99号")
    assert mask(once) == once
