"""Yes or no, and whether a title's field matches the job (dialogs/parsing/yes_no.py), read as
the dialog stores them: which clause decides, a no word after a negator (没有哪个月不够 is a
yes), later clauses that disagree (asked, never a guess), the first-word rule once no phrase
decides, and two fields named in one answer (found by mutation testing: docs/mutation.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dialogs.parsing import parse_field_match, parse_yes_no

ASKED = "asked"


def reading(parse: Callable[[str], object], said: str) -> object:
    """What the dialog does with the answer: a value stored, or the question asked again."""
    try:
        return parse(said)
    except ValueError:
        return ASKED


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # a no word after a negator and a filler (哪个月, 一个月, 任何) is a yes
        ("没有哪个月不够", True),
        ("没有一个月低于社平", True),
        ("从来没有任何不对口", True),
        ("不是不对口", True),
        ("没有不够", True),
        # a negator standing alone is a no; after it, a yes word is its own answer
        ("不是，不对口", False),
        ("没，不够", False),
        ("没有，够的", ASKED),
        # a later clause that turns (但是, 不过, 其实) decides, the last such clause
        ("我工资高，但公司按最低基数交", False),
        ("是，但是换过行", False),
        ("以前对口，但是后来转行了", False),
        ("对口，不过，但是不对口", False),
        ("对，其实不对口，但是对口", True),
        ("没毛病，不过有过一次", True),
        # a clause about now turns a first clause about the past, and only such a clause
        ("以前对口，今年转岗做销售了", False),
        ("之前不对口，现在对口了", True),
        ("对口，现在转岗了", ASKED),
        # the first clause decides; later clauses that say the opposite without a turn: asked
        ("都够，有一个月不够", ASKED),
        ("不，现在做会计，一直没换行", ASKED),
        ("对口，没换行", True),  # a later clause that agrees
        # the first clause says nothing: later clauses decide when they agree, else asked
        ("我现在还是做会计，一直没换行", True),
        ("我现在还是做会计，一直没换行，不对口", ASKED),
        ("我做会计，专业不对口，没换行", ASKED),
        # a one-character word counts only where the answer starts, after 都/我/从来
        ("都行", True),
        ("全都算", True),
        ("都有，放心吧", True),
        ("从来没，放心吧", False),
    ],
)
def test_yes_or_no(said: str, read: object) -> None:
    assert reading(parse_yes_no, said) == read


@pytest.mark.parametrize("said", ["哪有", "有没有都不清楚"])
def test_a_yes_word_inside_another_word_is_no_yes(said: str) -> None:
    """哪有 ("no way") and 有没有 carry 有 (yes) inside: never a yes."""
    assert reading(parse_yes_no, said) is not True


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("职称是会计，现在做财务经理", True),  # one field, the title's and the job's
        ("职称是会计，岗位是财务", True),
        ("证书是电气工程，现在做施工管理", True),
        ("职称是会计，现在做销售", False),
        ("职称是会计但做销售", False),  # two fields without a comma are still two
        ("证是会计 做销售", False),
        ("会计证，现在不做财务了", ASKED),  # the job is denied: whether it matches is asked
        ("机械设计", ASKED),  # words next to each other are one job
        ("证是机械设计，现在做设计", True),  # 设计 of 机械设计 is the job's field
        ("证是机械/设计，现在做设计", True),
    ],
)
def test_a_field_named_for_the_title_and_for_the_job(said: str, read: object) -> None:
    assert reading(parse_field_match, said) == read
