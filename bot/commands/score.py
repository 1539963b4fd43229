"""`jifen score [FILE|- ...] [--json] [--details] [--as-of YYYY-MM-DD]`: score profiles.

One result per file, in the order given: a table each, or with `--json` one JSON object per
line (JSON lines). A file that cannot be scored gets one line on stderr naming it and the
field (with one file, just the field, as the contract says); the others are still scored and
the exit status is 2.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from scoring.calculator import Score, calculate
from scoring.consistency import check
from scoring.policy import Edition, NoEditionError, cited, edition_in_force
from scoring.profile import Profile, ProfileError
from scoring.rules import INDICATOR_NAMES
from scoring.wording import sources_line

# Shanghai has kept UTC+8 without daylight saving since 1991; a fixed offset needs no tzdata.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")


class InputError(Exception):
    """Bad input, already phrased as one line naming the field."""


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "计算上海市居住证积分：读入 profile JSON（文件或 - 即标准输入），"
        "输出各项分值、合计、差距和建议。"
    )
    parser.add_argument(
        "files", nargs="*", default=["-"], metavar="FILE", help="profile JSON files, - for stdin"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per file and line")
    parser.add_argument(
        "--details", action="store_true", help="also the next steps and the materials to prepare"
    )
    parser.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help="date of the score")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        as_of = _parse_as_of(args.as_of)
    except InputError as error:
        print(f"jifen score: {error}", file=sys.stderr)
        return 2
    status = 0
    for number, file in enumerate(args.files):
        try:
            score, edition, day = _score(file, as_of)
        except (InputError, ProfileError, NoEditionError) as error:
            where = f"{file}: " if len(args.files) > 1 else ""
            print(f"jifen score: {where}{error}", file=sys.stderr)
            status = 2
            continue
        if args.json:
            print(json.dumps(score.to_json(), ensure_ascii=False))
            continue
        if len(args.files) > 1:
            print(f"{'' if number == 0 else chr(10)}== {file} ==")
        print(render(score, edition, day, details=args.details))
    return status


def _score(file: str, as_of: date | None) -> tuple[Score, Edition, date]:
    data = _read_json(file)
    profile = Profile.from_json(data)
    day = as_of or profile.as_of or datetime.now(SHANGHAI).date()
    edition = edition_in_force(day)
    check(data, edition, day)
    return calculate(profile, edition, day), edition, day


def render(score: Score, edition: Edition, as_of: date, details: bool = False) -> str:
    lines = [f"上海市居住证积分估算（{as_of.isoformat()}）", ""]
    rows = [("项目", "分值", "说明")]
    rows += [
        (INDICATOR_NAMES.get(item.indicator, (item.indicator,))[0], str(item.points), item.note)
        for item in score.items
    ]
    first = max(_width(row[0]) for row in rows)
    for name, points, note in rows:
        lines.append(f"{_pad(name, first)}  {' ' * (4 - _width(points))}{points}  {note}")
    lines += ["", f"合计：{score.total} 分（标准分值 {score.standard} 分）"]
    if not score.eligible:
        lines.append("不能申请：")
        lines += [f"  - {reason}" for reason in score.reasons]
    elif score.reaches_standard and details:
        lines += ["已达到标准分值。", "", "下一步："]
        lines += [f"  {n}. {g.zh}" for n, g in enumerate(score.next_steps, 1)]
        lines += ["", "准备材料："]
        lines += [f"  - {g.zh}" for g in score.materials]
        lines += ["", sources_line(cited((*score.next_steps, *score.materials)), "zh")]
    elif score.reaches_standard:
        lines += ["已达到标准分值。下一步和所需材料：加 --details 查看。"]
    else:
        lines += [f"还差 {score.gap} 分。", "", "建议（按能实现的先后排列）："]
        for n, s in enumerate(score.suggestions, 1):
            when = f"（约 {s.months} 个月）" if s.months is not None else ""
            lines.append(f"  {n}. {s.change} → +{s.gain} 分，共 {s.total_after} 分{when}")
    source = edition.source_of("standard")
    lines += [
        "",
        f"政策依据：{source.title}，本版指标自 {edition.effective_from} 起适用，"
        f"数据核对于 {edition.last_checked}。",
        "仅供参考，以《上海市居住证》积分申请系统核定为准。",
    ]
    return "\n".join(lines)


def _read_json(file: str) -> dict[str, object]:
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InputError(f"file: cannot read {file}: {reason}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"profile: not valid JSON ({error.msg}: line {error.lineno} column {error.colno})"
        ) from None
    if not isinstance(data, dict):
        raise InputError("profile: must be a JSON object of profile fields")
    return data


def _parse_as_of(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise InputError(f'--as-of: accepts a date "YYYY-MM-DD", got {value!r}')


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
