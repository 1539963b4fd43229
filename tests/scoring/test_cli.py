"""`jifen score` as a user runs it: the table, the JSON, and one-line errors with status 2.

Most cases call `bot.cli.main` in-process; a few start a real process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_table_shows_items_total_gap_suggestions_and_policy(cli) -> None:
    result = cli(str(EXAMPLES / "below-120-bachelor.json"))
    assert result.status == 0, result.stderr
    out = result.stdout
    for expected in (
        "年龄",
        "32 周岁",
        "本科（无学位） 60 分",
        "合计：96 分",
        "还差 24 分",
        "建议",
    ):
        assert expected in out
    assert "再缴纳本市职工社保 94 个月" in out
    assert "政策依据：《上海市居住证积分管理办法》（上海市人民政府，2018年1月1日起施行）" in out
    assert "2018-01-01" in out


def test_table_at_the_standard_keeps_next_steps_and_materials_behind_details(cli) -> None:
    short = cli(str(EXAMPLES / "worked-2-bachelor-degree.json"))
    assert "已达到标准分值" in short.stdout and "--details" in short.stdout
    assert "下一步：" not in short.stdout and "准备材料" not in short.stdout
    assert len(short.stdout.splitlines()) < 15
    full = cli(str(EXAMPLES / "worked-2-bachelor-degree.json"), "--details")
    assert "下一步：" in full.stdout and "准备材料" in full.stdout
    agency_guide = "《上海积分平台个人登录、首次申请和续签流程》（上海居住证积分网，非官方）"
    assert f"来源：{agency_guide}" in full.stdout
    assert "非官方，仅供参考，以官方公布为准。" in full.stdout
    assert "种子" not in full.stdout and "_f5cd37778fa35ab8" not in full.stdout
    assert "建议" not in full.stdout


def test_json_always_has_next_steps_and_materials(cli) -> None:
    data = json.loads(cli(str(EXAMPLES / "worked-2-bachelor-degree.json"), "--json").stdout)
    assert data["next_steps"] and data["materials"]


def test_several_files_give_one_table_each_in_order(cli) -> None:
    files = sorted(EXAMPLES.glob("*.json"))
    result = cli(*map(str, files))
    assert result.status == 0, result.stderr
    headers = [line for line in result.stdout.splitlines() if line.startswith("== ")]
    assert headers == [f"== {file} ==" for file in files]
    assert result.stdout.count("合计：") == len(files)


def test_several_files_with_json_give_json_lines(cli) -> None:
    files = sorted(EXAMPLES.glob("*.json"))
    result = cli(*map(str, files), "--json")
    lines = result.stdout.splitlines()
    assert len(lines) == len(files)
    singles = [json.loads(cli(str(file), "--json").stdout) for file in files]
    assert [json.loads(line) for line in lines] == singles


def test_a_bad_file_among_several_is_named_and_the_others_are_scored(cli, tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"age": 300}', encoding="utf-8")
    good = EXAMPLES / "worked-2-bachelor-degree.json"
    result = cli(str(good), str(bad), str(good), "--json")
    assert result.status == 2
    assert len(result.stdout.splitlines()) == 2
    assert (
        result.stderr.strip()
        == f"jifen score: {bad}: age: accepts an integer (full years) 0-130, got 300"
    )


def test_table_says_why_someone_cannot_apply(cli) -> None:
    result = cli("-", stdin='{"age": 61, "serious_crime": true, "as_of": "2025-06-01"}')
    assert result.status == 0
    assert "不能申请" in result.stdout and "18–60" in result.stdout and "一票否决" in result.stdout


def test_reads_stdin_when_no_file_is_given(cli) -> None:
    result = cli("--json", stdin='{"age": 30, "education": "master", "as_of": "2025-06-01"}')
    assert json.loads(result.stdout)["total"] == 130


def test_as_of_flag_overrides_the_profile_date(cli) -> None:
    profile = '{"birth_date": "1980-01-01", "as_of": "2020-06-01"}'
    assert json.loads(cli("--json", stdin=profile).stdout)["items"][0]["note"] == "40 周岁"
    result = cli("--json", "--as-of", "2025-06-01", stdin=profile)
    assert json.loads(result.stdout)["items"][0] == {
        "indicator": "age",
        "points": 27,
        "note": "45 周岁",
    }


def test_json_has_exactly_the_contract_keys(cli) -> None:
    data = json.loads(cli(str(EXAMPLES / "below-120-bachelor.json"), "--json").stdout)
    assert set(data) == {
        "total",
        "standard",
        "reaches_standard",
        "vetoed",
        "eligible",
        "reasons",
        "gap",
        "items",
        "suggestions",
        "next_steps",
        "materials",
        "policy",
    }
    assert all(set(item) == {"indicator", "points", "note"} for item in data["items"])
    assert all(set(s) == {"change", "gain", "total_after"} for s in data["suggestions"])


@pytest.mark.parametrize(
    ("args", "stdin", "field"),
    [
        (("-",), '{"age": 30,', "profile"),
        (("-",), "[1, 2]", "profile"),
        (("-",), '{"age": 300}', "age"),
        (("-",), '{"age": "35"}', "age"),
        (("-",), '{"social_insurance_months": -4}', "social_insurance_months"),
        (("-",), '{"education": "phd"}', "education"),
        (("-",), '{"salary": 9000}', "salary"),
        (("-",), '{"age": 30, "birth_date": "1990-01-01", "as_of": "2025-06-01"}', "age"),
        (("-", "--as-of", "2025-06-31"), '{"age": 30}', "--as-of"),
        (("-", "--as-of", "2017-12-31"), '{"age": 30}', "as_of"),
        (("-",), '{"age": 30, "as_of": "2010-01-01"}', "as_of"),
        (("does-not-exist.json",), None, "file"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_field(
    cli, args: tuple[str, ...], stdin: str | None, field: str
) -> None:
    result = cli(*args, stdin=stdin or "")
    assert result.status == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"jifen score: {field}: ")


@pytest.mark.parametrize(("stdin", "field"), [('{"age": 30,', "profile"), ('{"age": 300}', "age")])
def test_a_real_process_exits_2_without_a_traceback(jifen, stdin: str, field: str) -> None:
    result = jifen("-", stdin=stdin)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"jifen score: {field}: ")
