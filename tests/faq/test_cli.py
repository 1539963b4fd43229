"""`jifen faq` as tools call it: a subprocess, JSON out. Few calls: each one starts Python."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CONTRACT_KEYS = {"id", "score", "answer", "suggestions"}


def jifen(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "faq", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def test_json_answer_has_the_contract_fields() -> None:
    result = jifen("积分通知书丢了怎么补打", "--json")
    assert result.returncode == 0, result.stderr
    reply = json.loads(result.stdout)
    assert set(reply) >= CONTRACT_KEYS
    assert reply["id"] == "notice_reprint"
    assert isinstance(reply["score"], float)
    assert "打印积分通知书" in reply["answer"] and "来源：" in reply["answer"]
    assert reply["suggestions"] == []


def test_file_gives_one_json_line_per_question_in_order(tmp_path: Path) -> None:
    questions = [
        "学历能积多少分",
        "",
        "How do I renew my points?",
        "深圳积分入户要多少分",
        "居住證簽注在哪裡辦",
        "积分的事情",
    ]
    path = tmp_path / "questions.txt"
    path.write_text("\n".join(questions) + "\n", encoding="utf-8")
    result = jifen("--file", str(path), "--json")
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in replies[:5]] == [
        "education_rule",
        None,
        "renewal_process",
        None,
        "permit_endorsement",
    ]
    assert "本科+学士学位90分" in replies[0]["answer"]
    refused = replies[3]
    assert (refused["id"], refused["answer"], refused["suggestions"]) == (None, None, [])
    assert refused["decision"] == "unknown"
    close_call = replies[5]
    assert close_call["decision"] == "suggest" and close_call["id"] is not None
    # A clarifying question offers the top two: the best, and one other.
    assert len(close_call["suggestions"]) == 1 and close_call["id"] not in close_call["suggestions"]


def test_readable_answers_from_stdin_show_sources_or_offer_a_person() -> None:
    result = jifen("--file", "-", stdin="居住证每年都要签注吗\n上海哪里可以办护照\n")
    assert result.returncode == 0, result.stderr
    answer, _, unknown = result.stdout.strip().rpartition("\n\n")
    assert "社区事务受理服务中心" in answer and "来源：" in answer
    assert unknown == "不知道，可以转人工"


@pytest.mark.parametrize(
    "args", [("--file", "/no/such/file.txt", "--json"), ()], ids=["missing-file", "no-question"]
)
def test_input_errors_exit_2_with_one_line(args: tuple[str, ...]) -> None:
    result = jifen(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_text_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\xff\xfe\x00\x81")
    result = jifen("--file", str(path), "--json")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
