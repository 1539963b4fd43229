"""`jifen user export|delete CHANNEL:ID`: everything about one person, and only them."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.runtime import Runtime
from bot.storage.models import ApiToken
from dialogs.types import Inbound
from tests.production.data import Person, jifen, rows_of, with_everything

TARGET = Person("wechat", "o-target-openid")
BYSTANDER = Person("telegram", "555002")


async def test_export_prints_every_row_about_the_user_and_no_one_else(
    runtime: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    user_id = await with_everything(runtime, TARGET)
    await with_everything(runtime, BYSTANDER)
    capsys.readouterr()
    assert await jifen("user", "export", str(TARGET)) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["user"]["channel"] == "wechat"
    assert data["user"]["external_id"] == TARGET.external_id
    tables = data["tables"]
    said = [row["text"] for row in tables["transcript"] if row["author"] == "user"]
    assert said == ["/start", "算积分", "30", "本科", "有", "没有", "3年", "1倍", "都没有", "否"]
    assert tables["conversations"][0]["answers"]["age"] == 30
    assert len(tables["reminders"]) == 1 and len(tables["handoffs"]) == 1
    assert tables["outbox"] and tables["processed_messages"]
    assert [row["value"] for row in tables["api_tokens"]] == ["template-1"]
    for name, rows in tables.items():
        if name != "api_tokens":
            assert {row["user_id"] for row in rows} <= {user_id}, name


async def test_delete_leaves_nothing_about_the_user_and_keeps_everyone_else(
    runtime: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    target = await with_everything(runtime, TARGET)
    bystander = await with_everything(runtime, BYSTANDER)
    bystander_rows = await rows_of(runtime, bystander)
    assert await jifen("user", "delete", str(TARGET)) == 0
    assert capsys.readouterr().out.strip() == f"deleted {TARGET}"
    assert set((await rows_of(runtime, target)).values()) == {0}
    async with runtime.db.transaction() as session:
        assert list(await session.scalars(select(ApiToken.name))) == []
    assert await rows_of(runtime, bystander) == bystander_rows
    assert await jifen("user", "export", str(TARGET)) == 2


async def test_a_deleted_user_who_writes_again_starts_afresh(runtime: Runtime) -> None:
    await with_everything(runtime, TARGET)
    assert await jifen("user", "delete", str(TARGET)) == 0
    handled = await runtime.service.handle(
        Inbound(TARGET.channel, TARGET.external_id, "after-delete", runtime.clock(), text="/start")
    )
    assert handled.replies[0].text.startswith("您好")


async def test_an_unknown_user_is_one_line_and_status_2(
    runtime: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await jifen("user", "delete", "telegram:404") == 2
    assert capsys.readouterr().err == "jifen user: no user telegram:404\n"


def test_who_must_be_channel_colon_id(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["user", "export", "telegram"])
    assert exit_.value.code == 2
    assert "expected CHANNEL:ID" in capsys.readouterr().err
