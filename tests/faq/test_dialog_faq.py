"""What a user sees of the retriever's decisions in the dialog: a pointer for a near-domain
question, the second question of a message offered after the first one's answer."""

from __future__ import annotations

from tests.dialogs.conftest import Chat


def test_a_near_domain_question_says_where_it_is_handled_and_offers_a_person() -> None:
    chat = Chat()
    chat.send("公积金能不能提出来付房租")
    assert "住房公积金管理中心" in chat.text and "12329" in chat.text
    assert "不知道" not in chat.text
    assert chat.choice_ids == ["yes", "no"]


def test_the_pointer_is_in_the_users_language() -> None:
    chat = Chat("en")
    chat.send("How can I get a Shanghai hukou through talent introduction?")
    assert "separate scheme" in chat.text and "12333" in chat.text


def test_everyday_chat_gets_the_plain_i_dont_know() -> None:
    chat = Chat()
    chat.send("今天天气怎么样")
    assert "这个问题我不知道" in chat.text


def test_two_questions_get_the_first_answer_and_the_second_as_a_choice() -> None:
    chat = Chat()
    chat.send("积分通知书丢了怎么补？另外续签要什么材料")
    assert "打印积分通知书" in chat.text
    assert "您还问了这个问题" in chat.text
    assert "faq:renewal_materials" in chat.choice_ids
    chat.send(choice="faq:renewal_materials")
    assert "变更什么提交什么" in chat.text
