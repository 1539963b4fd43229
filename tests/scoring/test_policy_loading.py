"""Loading an edition file: what users are shown from it, and a clear error for a broken one.

The packaged edition is read once per process (`all_editions` caches it), so these tests call
`load_edition` on the file itself; the expected texts and dates are those of
`/work/shared/policy/points-table.md` and `sources.md` as the YAML file carries them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scoring.policy import (
    POLICY_DIR,
    NoEditionError,
    PolicyDataError,
    all_editions,
    edition_in_force,
    load_edition,
)

FIRST = POLICY_DIR / "2018-01-01.yaml"
MEASURES_2017 = "《上海市居住证积分管理办法》（上海市人民政府，2018年1月1日起施行）"


def test_the_packaged_edition_as_loaded_from_its_file() -> None:
    edition = load_edition(FIRST)
    assert edition.effective_from == date(2018, 1, 1)
    assert edition.last_checked == date(2026, 11, 23)
    assert all_editions() == [edition]


def test_a_source_keeps_its_title_url_date_and_note() -> None:
    sources = load_edition(FIRST).sources
    measures = sources["measures_2017"]
    assert (measures.id, measures.title, measures.url, measures.published) == (
        "measures_2017",
        MEASURES_2017,
        None,
        date(2017, 12, 28),
    )
    assert "In force 2018-01-01" in (measures.note or "")
    portal = sources["english_portal_2024"]
    assert (portal.url, portal.published) == ("https://english.shanghai.gov.cn", date(2024, 9, 21))
    assert sources["measures_2013"].published is None


def test_a_number_keeps_its_key_source_and_note() -> None:
    edition = load_edition(FIRST)
    standard = edition.entries_by_key["standard"]
    assert (standard.key, standard.value, standard.source) == ("standard", 120, "measures_2017")
    assert standard.note == "标准分值 120, unchanged since 2013."
    assert edition.source_of("standard").title == MEASURES_2017
    assert edition.entries_by_key["age.max_points"].note is None
    assert edition.note_of("fresh_graduate.points") is None


def test_the_guidance_shown_at_the_standard_in_both_languages_with_its_source() -> None:
    edition = load_edition(FIRST)
    assert len(edition.next_steps) == 8 and len(edition.materials) == 8
    first = edition.next_steps[0]
    assert first.zh == "确认持有效《上海市居住证》，并且领证已满 3 天。"
    assert first.en.startswith("Make sure you hold a valid Shanghai Residence Permit")
    agency_guide = "《上海积分平台个人登录、首次申请和续签流程》（上海居住证积分网，非官方）"
    assert first.source.title == agency_guide
    assert first.source.unofficial and "unofficial" in first.source.shown(en=True)
    last = edition.materials[-1]
    assert last.zh.startswith("原件核对、留存复印件")
    assert last.source.id == "seed_process_2025"


def test_an_edition_without_guidance_has_none(tmp_path: Path) -> None:
    text = FIRST.read_text(encoding="utf-8").split("\nguidance:")[0]
    path = tmp_path / FIRST.name
    path.write_text(text, encoding="utf-8")
    edition = load_edition(path)
    assert edition.next_steps == () and edition.materials == ()


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = FIRST.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / FIRST.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "effective_from: 2018-01-01",
            "effective_from: soon",
            "effective_from must be a date (YYYY-MM-DD)",
        ),
        (
            "last_checked: 2026-11-23",
            "last_checked: lately",
            "last_checked must be a date (YYYY-MM-DD)",
        ),
        (
            "    published: 2017-12-28\n",
            "    published: end of 2017\n",
            "sources.measures_2017 must be a date (YYYY-MM-DD)",
        ),
        (
            "  measures_2013:\n    title: ",
            "  measures_2013:\n    name: ",
            "sources.measures_2013 needs a title",
        ),
        (
            "  measures_2013:\n",
            "  measures_2013:\n    author: nobody\n",
            "sources.measures_2013 has unknown keys ['author']",
        ),
        ("standard: {value: 120,", "standard: {value: '120',", "standard.value is not a number"),
        ("standard: {value: 120,", "standard: {value: true,", "standard.value is not a number"),
        (
            "fresh_graduate:\n  points: {value: 10, source: graduate_pages}",
            "fresh_graduate:\n  points: 10",
            "fresh_graduate.points is neither a number leaf nor a mapping",
        ),
        ("      source: seed_process_2019\n", "", "guidance item 1 needs zh, en, a source"),
        (
            "      source: seed_process_2019\n",
            "      source: rumour\n",
            "guidance item 1 needs zh, en, a source",
        ),
    ],
)
def test_a_broken_file_is_refused_naming_the_file_and_the_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(PolicyDataError) as refused:
        load_edition(_broken(tmp_path, old, new))
    assert str(refused.value) == f"2018-01-01.yaml: {message}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- 1\n- 2\n", "not a mapping"),
        (
            "effective_from: 2018-01-01\nlast_checked: 2026-11-23\nsources: []\n",
            "sources must be a mapping",
        ),
    ],
)
def test_a_file_of_the_wrong_shape_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / FIRST.name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyDataError) as refused:
        load_edition(path)
    assert str(refused.value) == f"2018-01-01.yaml: {message}"


def test_no_edition_at_all_is_a_clear_error() -> None:
    with pytest.raises(NoEditionError) as refused:
        edition_in_force(date(2020, 1, 1), [])
    assert str(refused.value) == (
        "as_of: no points-table edition in force on 2020-01-01 (the first took effect none loaded)"
    )


def test_a_broken_materials_item_is_refused_naming_the_file(tmp_path: Path) -> None:
    head, materials = FIRST.read_text(encoding="utf-8").split("  materials:\n")
    materials = materials.replace("      source: seed_first_application\n", "", 1)
    path = tmp_path / FIRST.name
    path.write_text(head + "  materials:\n" + materials, encoding="utf-8")
    with pytest.raises(PolicyDataError) as refused:
        load_edition(path)
    assert str(refused.value) == "2018-01-01.yaml: guidance item 0 needs zh, en, a source"


def test_a_number_that_is_not_whole_or_not_there_is_a_clear_error(tmp_path: Path) -> None:
    edition = load_edition(_broken(tmp_path, "standard: {value: 120,", "standard: {value: 120.5,"))
    assert edition.value("standard") == 120.5
    with pytest.raises(PolicyDataError) as not_whole:
        edition.int_value("standard")
    assert str(not_whole.value) == "2018-01-01: standard is 120.5, not an integer"
    with pytest.raises(KeyError) as missing:
        edition.value("age.min_years")
    assert missing.value.args == ("edition 2018-01-01 has no number 'age.min_years'",)
