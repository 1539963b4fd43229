"""Grouping the questions the bot could not answer."""

from __future__ import annotations

from bot.support.similar import group_questions


def test_similar_wordings_fall_in_one_group_with_their_count() -> None:
    groups = group_questions(
        [
            "港澳台学历能加分吗",
            "港澳台的学历能加分吗？",
            "港澳台学历可以加分吗",
            "宠物可以落户吗",
            "港澳台学历能加分吗",
        ]
    )
    assert [(g.example, g.count) for g in groups] == [
        ("港澳台学历能加分吗", 4),
        ("宠物可以落户吗", 1),
    ]
    assert "港澳台的学历能加分吗？" in groups[0].variants


def test_blank_questions_are_left_out() -> None:
    assert group_questions(["", "   "]) == []
