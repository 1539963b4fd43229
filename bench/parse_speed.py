"""Parse time per answer with what the parsers build of their vocabularies (scanners, patterns)
built once, as the product runs, against rebuilt on every call, as before it was cached (the
YAML files are read once either way), as a ratio.

    python bench/parse_speed.py
"""

from __future__ import annotations

import timeit
from collections.abc import Callable
from datetime import date

from dialogs.parsing import (
    parse_bonus,
    parse_education,
    parse_field_match,
    parse_months,
    parse_title,
    parse_yes_no,
)
from dialogs.parsing.vocabulary import forget

TODAY = date(2026, 11, 29)
CASES: dict[str, Callable[[], object]] = {
    "yes/no 没毛病": lambda: parse_yes_no("没毛病"),
    "yes/no 不太对口，后来做别的了": lambda: parse_yes_no("不太对口，后来做别的了"),
    "field 做销售，证是会计的": lambda: parse_field_match("我现在做销售，证是会计的"),
    "education 本科，学位拿了": lambda: parse_education("本科，学位拿了"),
    "title 中级会计师": lambda: parse_title("中级会计师"),
    "months 交了五年多": lambda: parse_months("交了五年多", TODAY),
    "bonus 老婆上海户口，我在临港上班": lambda: parse_bonus("老婆上海户口，我在临港上班", TODAY),
}


def per_call(parse: Callable[[], object], rebuild: bool, number: int = 200) -> float:
    def once() -> None:
        if rebuild:
            forget()
        parse()

    once()
    return min(timeit.repeat(once, number=number, repeat=5)) / number


def main() -> None:
    print(f"{'answer':34}{'built once':>12}{'rebuilt':>12}{'ratio':>8}")
    for name, parse in CASES.items():
        warm, cold = per_call(parse, False), per_call(parse, True)
        print(f"{name:34}{warm * 1e6:10.1f}us{cold * 1e6:10.1f}us{cold / warm:7.1f}x")


if __name__ == "__main__":
    main()
