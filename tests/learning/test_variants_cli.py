"""`jifen variants export` writes what is taught as YAML for review in git; `jifen variants
import` makes a reviewed file what is in force (what it dropped is undone, in the importer's
name), masked like anything taught."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.storage.database import Database
from bot.support.learning import decisions
from bot.support.learning.models import DRAFT, NEGATIVE, VARIANT
from tests.bot.helpers import FakeClock
from tests.bot.test_commands import jifen


async def test_export_then_reviewed_import_round_trip(tmp_path: Path, sqlite_url: str) -> None:
    db, clock = Database(sqlite_url), FakeClock()
    async with db.transaction() as session:
        for kind, topic, text in [
            (VARIANT, "renewal_materials", "续签要带啥"),
            (VARIANT, "renewal_materials", "续办积分交什么材料"),
            (NEGATIVE, None, "火星上的猫怎么养"),
            (DRAFT, None, "积分能抵扣个税吗"),
        ]:
            await decisions.teach(session, kind, topic, text, "alice", clock())
    env = {"JIFEN_DATABASE_URL": sqlite_url}
    exported = jifen("variants", "export", env=env)
    assert exported.returncode == 0, exported.stderr
    document = yaml.safe_load(exported.stdout)
    assert [i["text"] for i in document["variants"]["renewal_materials"]] == [
        "续签要带啥",
        "续办积分交什么材料",
    ]
    assert document["variants"]["renewal_materials"][0]["by"] == "alice"
    assert [i["text"] for i in document["negatives"]] == ["火星上的猫怎么养"]
    assert [i["text"] for i in document["drafts"]] == ["积分能抵扣个税吗"]

    # The reviewer drops one variant and adds a phrasing with a phone number in it.
    document["variants"]["renewal_materials"] = [
        document["variants"]["renewal_materials"][0],
        {"text": "续签材料清单发我 13812345678"},
    ]
    reviewed = tmp_path / "taught.yaml"
    reviewed.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    imported = jifen("variants", "import", str(reviewed), "--by", "carol", env=env)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "added 1, undone 1"

    async with db.transaction() as session:
        lessons = await decisions.lessons_now(session)
        history = await decisions.history(session)
    await db.dispose()
    assert [d.text for d in history if d.active and d.kind == VARIANT] == [
        "续签材料清单发我 〔电话〕",
        "续签要带啥",
    ]
    assert lessons.variants == {"renewal_materials": ("续签要带啥", "续签材料清单发我")}
    dropped = next(d for d in history if d.text == "续办积分交什么材料")
    assert (dropped.decided_by, dropped.undone_by) == ("alice", "carol")
    again = jifen("variants", "import", str(reviewed), env=env)
    assert again.stdout.strip() == "added 0, undone 0"


async def test_a_file_naming_an_unknown_topic_changes_nothing(
    tmp_path: Path, sqlite_url: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("variants:\n  no_such_topic:\n  - 随便问问\n", encoding="utf-8")
    result = jifen("variants", "import", str(bad), env={"JIFEN_DATABASE_URL": sqlite_url})
    assert result.returncode == 2
    assert "nothing changed" in result.stderr and "Traceback" not in result.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("variants: [unclosed\n", encoding="utf-8")
    result = jifen("variants", "import", str(broken), env={"JIFEN_DATABASE_URL": sqlite_url})
    assert result.returncode == 2 and "Traceback" not in result.stderr
