"""What an investment-tax answer says besides the amount: a company outside Shanghai (not the
item's tax: none), the applicant's share among partners (一人一半, 三个人平分), or partners
named without it, and a company younger than the 3 years averaged (both asked)."""

from __future__ import annotations

import re

from dialogs.parsing.text import Unclear, digits, normalise
from dialogs.parsing.vocabulary import contains, placed, vocabulary

__all__ = ["not_the_items_tax", "partners_share", "young_company"]


def not_the_items_tax(said: str) -> bool:
    """公司是在江苏注册的: the tax of a company outside Shanghai is not the item's; Shanghai
    said beside the elsewhere (上海也有分公司) is asked again. `said` is `normalise`d."""
    data = vocabulary("investment")
    if re.search(placed(data["elsewhere"]), said) is None:
        return False
    if contains(said, data["shanghai"]):
        raise Unclear()
    return True


def partners_share(text: str) -> float:
    """The applicant's share said without a number (一人一半 -> 0.5, 三个人合伙，股份平分 -> 1/3);
    1.0 when no partner is said; partners said without a share raise Unclear (asked again:
    the item counts by one's own share)."""
    data, said = vocabulary("investment"), normalise(text)
    if contains(said, data["halves"]):
        return 0.5
    among = re.search(data["equal_among"], digits(said))
    if among and int(among[1]) >= 2:
        return 1 / int(among[1])
    if contains(said, data["partners"]):
        raise Unclear("error-tax-share", said=text.strip())
    return 1.0


def young_company(text: str) -> None:
    """公司去年才成立: the 3 years' average is not the amount said; each year's is asked
    (a list of one amount a year is read before this)."""
    if re.search(vocabulary("investment")["young"], normalise(text)):
        raise Unclear("error-tax-young-company", said=text.strip())
