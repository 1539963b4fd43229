"""An admin works the review queue in the console (HTTP, without a browser): a question the bot
did not answer is there with the conversation around it, taught as a variant of a topic after
the regression guard ran, answered from then on, listed in the audit trail and undone.

A change goes live through the app's own follower (bot.app runs one per process, polling the
version row): the tests wait for it as a user would, by asking. A second `Follower` here would
race it, and of two builds the older could be swapped in last: an undone variant answered
again until the next poll."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Callable

import asyncpg
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import make_url

from tests.bot.helpers import FakeClock, pick, say
from tests.support.conftest import Stack, build_stack, log_in, make_staff

VISITOR = "web-visitor-key-teach-00001"
ASKED = "我叫张伟，居住证积分可以用来办健身卡吗"
ASKED_AGAIN = "居住证积分可以用来办健身卡吗"
GROUP = re.compile(r'data-group="(\d+)"')
PENDING = "正在后台检查"
POLLS = 1200  # 0.1 s apart: a bound on waiting for the guard, not a measurement
ASKS = 600  # 0.5 s apart (the web chat's rate per address is 2 a second): a bound on waiting
# for a taught change to go live, not a measurement


def _texts(replies: list[dict[str, object]]) -> str:
    return "\n".join(str(reply["text"]) for reply in replies)


async def _queued_group(client: TestClient) -> int:
    page = await (await client.get("/console/admin/review")).text()
    match = GROUP.search(page)
    assert match, page
    return int(match.group(1))


async def _asked_and_logged_in(client: TestClient, stack: Stack, asked: str) -> tuple[str, int]:
    """A visitor asked `asked`, unknown to the bot; an admin logged in: their token and the
    question's group in the review queue."""
    await make_staff(stack, "root", "admin")
    await say(client, VISITOR, asked)
    token = await log_in(client, "root")
    return token, await _queued_group(client)


async def once_live(client: TestClient, question: str, live: Callable[[str], bool]) -> str:
    """What a new visitor asking `question` is told once the change is live (`live` of it).
    Each ask is a visitor of its own: a conversation asked the same twice may be answered
    otherwise."""
    for _ in range(ASKS):
        said = _texts(await say(client, f"web-visitor-key-{uuid.uuid4().hex}", question))
        if live(said):
            return said
        await asyncio.sleep(0.5)
    raise AssertionError(f"the change never went live: {question} -> {said}")


async def guard_verdict(
    client: TestClient, group: int, token: str, decision: dict[str, str]
) -> str:
    """What the confirmation page shows once the background guard is done (guard.js asks)."""
    for _ in range(POLLS):
        response = await client.post(
            f"/console/admin/review/{group}/guard", data={"csrf": token, **decision}
        )
        if response.status != 202:
            assert response.status == 200, await response.text()
            return await response.text()
        await asyncio.sleep(0.1)
    raise AssertionError("the guard never gave its verdict")


async def test_an_admin_teaches_an_unanswered_question_and_the_bot_answers_it(
    client: TestClient, stack: Stack
) -> None:
    await make_staff(stack, "root", "admin")
    assert "我不知道" in _texts(await say(client, VISITOR, ASKED))
    token = await log_in(client, "root")

    queue = await (await client.get("/console/admin/review")).text()
    assert ASKED in queue and "没答上" in queue
    group = await _queued_group(client)
    teach = await (await client.get(f"/console/admin/review/{group}")).text()
    assert "我叫〔姓名〕，居住证积分可以用来办健身卡吗</textarea>" in teach
    assert 'class="asked"' in teach and "我不知道" in teach  # the conversation around it
    assert teach.count('name="topic" value="') == 4  # the top 3 and "other"

    checked = await client.post(
        f"/console/admin/review/{group}/check",
        data={
            "csrf": token,
            "kind": "variant",
            "topic": "other",
            "other_topic": "points_benefits",
            # The admin typed the name back in: what is saved is masked again.
            "text": "我叫张伟，居住证积分可以用来办健身卡吗",
        },
    )
    page = await checked.text()
    assert checked.status == 200, page
    assert PENDING in page  # the guard runs in the background
    assert 'id="final-text">我叫〔姓名〕，居住证积分可以用来办健身卡吗<' in page
    decision = {"kind": "variant", "topic": "points_benefits", "text": ASKED}
    assert "这次修改不会让已知问题答错" in await guard_verdict(client, group, token, decision)
    saved = await client.post(
        f"/console/admin/review/{group}/teach",
        data={"csrf": token, **decision},
        allow_redirects=False,
    )
    assert saved.status == 303
    assert ASKED not in await (await client.get("/console/admin/review")).text()

    replies = await once_live(client, ASKED_AGAIN, lambda said: "我不知道" not in said)
    assert "积分" in replies and "来源" in replies  # the topic's answer with its sources

    audit = await (await client.get("/console/admin/taught")).text()
    assert "root" in audit and "我叫〔姓名〕" in audit
    decision = re.search(r'action="/console/admin/taught/(\d+)/undo"', audit)
    assert decision
    undone = await client.post(
        f"/console/admin/taught/{decision.group(1)}/undo",
        data={"csrf": token},
        allow_redirects=False,
    )
    assert undone.status == 303
    assert "已撤销：root" in await (await client.get("/console/admin/taught")).text()
    assert ASKED in await (await client.get("/console/admin/review")).text()
    await once_live(client, ASKED_AGAIN, lambda said: "我不知道" in said)
    assert "我不知道" in _texts(await say(client, "web-visitor-key-teach-00003", ASKED_AGAIN))


async def test_the_guard_says_how_many_known_questions_a_change_breaks(
    client: TestClient, stack: Stack
) -> None:
    token, group = await _asked_and_logged_in(client, stack, "火星上的猫怎么养")
    # A dev-set question of notice_reprint taught as another topic's:
    decision = {"kind": "variant", "topic": "password_reset", "text": "积分通知书丢了能补打吗"}
    checked = await client.post(
        f"/console/admin/review/{group}/check", data={"csrf": token, **decision}
    )
    assert PENDING in await checked.text()
    page = await guard_verdict(client, group, token, decision)
    assert "这次修改会让 1 个已知问题答错" in page
    assert "积分通知书丢了能补打吗：应答 notice_reprint" in page


async def test_the_chat_is_answered_while_the_guard_runs(postgres_url: str) -> None:
    """The admin's check returns at once and the chat keeps being answered while the guard is
    provably still running: its first step, reading what is taught, waits on a lock this test
    holds on that table (the chat never reads it)."""
    stack = build_stack(postgres_url, FakeClock())
    async with TestClient(TestServer(stack.app)) as client:
        token, group = await _asked_and_logged_in(client, stack, "火星上的猫怎么养")
        decision = {"kind": "negative", "topic": "", "text": "火星上的猫怎么养"}
        holder = await asyncpg.connect(
            make_url(postgres_url).set(drivername="postgresql").render_as_string(False)
        )
        try:
            lock = holder.transaction()
            await lock.start()
            await holder.execute("LOCK TABLE taught IN ACCESS EXCLUSIVE MODE")
            checked = await client.post(
                f"/console/admin/review/{group}/check", data={"csrf": token, **decision}
            )
            assert checked.status == 200 and PENDING in await checked.text()
            answered = _texts(
                await say(client, "web-visitor-key-teach-00009", "积分通知书丢了怎么补打？")
            )
            assert "我不知道" not in answered and "补" in answered
            still = await client.post(
                f"/console/admin/review/{group}/guard", data={"csrf": token, **decision}
            )
            assert still.status == 202 and PENDING in await still.text()
            await lock.rollback()
        finally:
            await holder.close()
        assert "这次修改不会让已知问题答错" in await guard_verdict(client, group, token, decision)


async def test_only_admins_teach_and_only_with_the_sessions_token(
    client: TestClient, stack: Stack
) -> None:
    await make_staff(stack, "root", "admin")
    await make_staff(stack, "alice")
    await say(client, VISITOR, ASKED)
    token = await log_in(client, "root")
    group = await _queued_group(client)
    form = {"kind": "variant", "topic": "points_benefits", "text": ASKED}
    forged = await client.post(f"/console/admin/review/{group}/teach", data=form)
    assert forged.status == 403
    junk = await client.post("/console/admin/review/99999999999999999999999/teach", data=form)
    assert junk.status in (403, 404)
    missing = await client.post("/console/admin/review/12345/teach", data={**form, "csrf": token})
    assert missing.status == 404
    empty = await client.post(
        f"/console/admin/review/{group}/check",
        data={"csrf": token, "kind": "variant", "text": ASKED},
    )
    assert empty.status == 400 and "请从列表里选一个主题" in await empty.text()

    await client.post("/console/logout", data={"csrf": token})
    agent_token = await log_in(client, "alice")
    assert (await client.get("/console/admin/review")).status == 403
    refused = await client.post(
        f"/console/admin/review/{group}/teach", data={**form, "csrf": agent_token}
    )
    assert refused.status == 403
    assert (await client.get("/console/admin/taught")).status == 403
    await client.post("/console/logout", data={"csrf": agent_token})
    await log_in(client, "root")
    assert "<tr data-id=" not in await (await client.get("/console/admin/taught")).text()


async def test_an_answer_rated_down_is_in_the_queue_with_why(
    client: TestClient, stack: Stack
) -> None:
    await make_staff(stack, "root", "admin")
    answered = await say(client, VISITOR, "积分通知书丢了怎么补打？")
    assert "我不知道" not in _texts(answered)
    await pick(client, VISITOR, "rate:down:notice_reprint")
    await log_in(client, "root")
    queue = await (await client.get("/console/admin/review")).text()
    assert "积分通知书丢了怎么补打？" in queue and "用户点了没用" in queue


async def test_an_answer_rated_down_then_up_by_the_same_user_leaves_the_queue(
    client: TestClient, stack: Stack
) -> None:
    await make_staff(stack, "root", "admin")
    question = "积分通知书丢了怎么补打？"
    for visitor in (VISITOR, "web-visitor-key-teach-00002"):
        await say(client, visitor, question)
        await pick(client, visitor, "rate:down:notice_reprint")
    await log_in(client, "root")
    queue = await (await client.get("/console/admin/review")).text()
    assert re.search(r"<tr class=\"group\" data-group=\"\d+\"><td>2</td>", queue), queue

    await pick(client, VISITOR, "rate:up:notice_reprint")  # changed their mind
    queue = await (await client.get("/console/admin/review")).text()
    assert re.search(r"<tr class=\"group\" data-group=\"\d+\"><td>1</td>", queue), queue

    await pick(client, "web-visitor-key-teach-00002", "rate:up:notice_reprint")
    assert question not in await (await client.get("/console/admin/review")).text()
