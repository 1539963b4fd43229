"""Only the WeChat server gets in: signatures, replay window, safe XML, bounded bodies."""

from __future__ import annotations

import time

import psutil
import pytest
from defusedxml.ElementTree import fromstring
from sqlalchemy import func, select

from bot.channels.wechat.signing import REPLAY_WINDOW, signature
from bot.storage.models import ProcessedMessage

from .conftest import Bot, StartBot
from .wechat_push import TOKEN

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE xml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xml><ToUserName>gh</ToUserName><FromUserName>o-attacker</FromUserName>
<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&secret;</Content><MsgId>1</MsgId></xml>"""

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE xml [\n<!ENTITY lol "lol">\n'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'.encode()
        for i in range(1, 10)
    )
    + b"]>\n<xml><ToUserName>gh</ToUserName><FromUserName>o-attacker</FromUserName>"
    + b"<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&lol9;</Content>"
    + b"<MsgId>2</MsgId></xml>"
)


async def processed_count(bot: Bot) -> int:
    async with bot.runtime.db.transaction() as session:
        return int(await session.scalar(select(func.count()).select_from(ProcessedMessage)) or 0)


async def test_url_verification_echoes_echostr(start_bot: StartBot) -> None:
    bot = await start_bot()
    response = await bot.client.get("/wechat", params=bot.push.query(echostr="1234567890"))
    assert (response.status, await response.text()) == (200, "1234567890")


async def test_url_verification_with_a_bad_signature_is_forbidden(start_bot: StartBot) -> None:
    bot = await start_bot()
    query = {**bot.push.query(echostr="123"), "signature": "0" * 40}
    response = await bot.client.get("/wechat", params=query)
    assert response.status == 403
    assert "123" not in await response.text()


async def test_post_with_a_bad_signature_is_forbidden(start_bot: StartBot) -> None:
    bot = await start_bot()
    query = {**bot.push.query(), "signature": "f" * 40}
    answer = await bot.push.post(bot.push.text_xml("o-user", "你好"), query)
    assert answer.status == 403
    assert await processed_count(bot) == 0


async def test_post_signed_with_another_token_is_forbidden(start_bot: StartBot) -> None:
    bot = await start_bot()
    query = bot.push.query()
    query["signature"] = signature(TOKEN + "x", query["timestamp"], query["nonce"])
    answer = await bot.push.post(bot.push.text_xml("o-user", "你好"), query)
    assert answer.status == 403


async def test_post_with_a_stale_timestamp_is_forbidden(start_bot: StartBot) -> None:
    bot = await start_bot()
    query = bot.push.query(timestamp=int(time.time()) - 3600)
    answer = await bot.push.post(bot.push.text_xml("o-user", "你好"), query)
    assert answer.status == 403
    assert await processed_count(bot) == 0


async def test_xxe_payload_is_refused_without_reading_the_file(start_bot: StartBot) -> None:
    bot = await start_bot()
    answer = await bot.push.post(XXE)
    assert answer.status == 400
    assert "root:" not in answer.body
    assert await processed_count(bot) == 0


async def test_billion_laughs_is_refused_without_expanding(start_bot: StartBot) -> None:
    bot = await start_bot()
    before = psutil.Process().memory_info().rss
    answer = await bot.push.post(BILLION_LAUGHS)
    grown = psutil.Process().memory_info().rss - before
    assert answer.status == 400
    assert grown < 50 * 1024 * 1024  # 10^9 "lol"s would take gigabytes
    assert await processed_count(bot) == 0


async def test_an_oversized_body_is_refused(start_bot: StartBot) -> None:
    bot = await start_bot()
    answer = await bot.push.post(bot.push.text_xml("o-user", "长" * 100_000))
    assert answer.status == 413


async def test_a_body_that_is_no_wechat_message_is_refused(start_bot: StartBot) -> None:
    bot = await start_bot()
    assert (await bot.push.post(b"<xml><Nothing/></xml>")).status == 400
    assert (await bot.push.post(b"not xml at all")).status == 400


async def test_safe_mode_refuses_a_plain_message(start_bot: StartBot) -> None:
    bot = await start_bot(safe=True)
    answer = await bot.push.client.post(
        "/wechat", params=bot.push.query(), data=bot.push.text_xml("o-user", "你好").encode()
    )
    assert answer.status == 400


async def test_post_with_a_future_timestamp_is_forbidden(start_bot: StartBot) -> None:
    """A signed URL dated ahead would stay replayable until its date plus the window."""
    bot = await start_bot()
    query = bot.push.query(timestamp=int(time.time()) + 3600)
    answer = await bot.push.post(bot.push.text_xml("o-user", "你好"), query)
    assert answer.status == 403
    assert await processed_count(bot) == 0


async def test_a_timestamp_within_the_window_either_side_is_accepted(start_bot: StartBot) -> None:
    bot = await start_bot()
    for skew in (-REPLAY_WINDOW + 30, REPLAY_WINDOW - 30):
        query = bot.push.query(timestamp=int(time.time()) + skew)
        assert (await bot.push.post(bot.push.text_xml("o-user", "你好"), query)).status == 200


@pytest.mark.parametrize("missing", ["signature", "timestamp", "nonce"])
async def test_post_without_a_signature_part_is_forbidden(
    start_bot: StartBot, missing: str
) -> None:
    bot = await start_bot()
    query = bot.push.query()
    del query[missing]
    answer = await bot.push.post(bot.push.text_xml("o-user", "你好"), query)
    assert answer.status == 403
    assert await processed_count(bot) == 0


async def test_url_verification_without_a_signature_is_forbidden(start_bot: StartBot) -> None:
    bot = await start_bot()
    query = bot.push.query(echostr="1234567890")
    del query["signature"]
    response = await bot.client.get("/wechat", params=query)
    assert response.status == 403
    assert "1234567890" not in await response.text()


async def sealed_post(bot: Bot, query: dict[str, str], msg_signature: str | None) -> int:
    """A message encrypted as WeChat does, posted with the given msg_signature (or none)."""
    assert bot.push.crypto is not None
    xml = bot.push.text_xml("o-user", "你好")
    sealed = bot.push.crypto.encrypt_message(xml, query["nonce"], query["timestamp"])
    encrypted = fromstring(sealed).findtext("Encrypt")
    query = {**query, "encrypt_type": "aes"}
    if msg_signature is not None:
        query["msg_signature"] = msg_signature
    body = f"<xml><ToUserName>gh</ToUserName><Encrypt>{encrypted}</Encrypt></xml>"
    response = await bot.client.post("/wechat", params=query, data=body.encode())
    return response.status


async def test_safe_mode_refuses_a_bad_or_missing_msg_signature(start_bot: StartBot) -> None:
    bot = await start_bot(safe=True)
    assert await sealed_post(bot, bot.push.query(), "0" * 40) == 403
    assert await sealed_post(bot, bot.push.query(), None) == 403
    assert await processed_count(bot) == 0
    assert (await bot.push.post(bot.push.text_xml("o-user", "你好"))).status == 200, (
        "the same message, signed, gets in"
    )
    assert await processed_count(bot) == 1


async def test_a_signed_url_cannot_be_used_again_with_another_body(start_bot: StartBot) -> None:
    """Plain mode signs no body: the (timestamp, nonce) pair is good for one message."""
    bot = await start_bot()
    query = bot.push.query()
    first = await bot.push.post(bot.push.text_xml("o-user", "算积分", msg_id=501), query)
    assert first.status == 200
    forged = await bot.push.post(bot.push.text_xml("o-victim", "删除我的数据", msg_id=502), query)
    assert forged.status == 403
    assert await processed_count(bot) == 1


async def test_wechats_retry_with_the_same_signed_url_is_answered(start_bot: StartBot) -> None:
    bot = await start_bot()
    query, xml = bot.push.query(), bot.push.text_xml("o-user", "算积分", msg_id=601)
    assert (await bot.push.post(xml, query)).status == 200
    again = await bot.push.post(xml, query)
    assert (again.status, again.body) == (200, "success")


async def test_safe_mode_refuses_a_signed_url_used_again_with_another_body(
    start_bot: StartBot,
) -> None:
    bot = await start_bot(safe=True)
    query = bot.push.query()
    assert (
        await bot.push.post(bot.push.text_xml("o-user", "算积分", msg_id=701), query)
    ).status == 200
    other = await bot.push.post(bot.push.text_xml("o-user", "常见问题", msg_id=702), query)
    assert other.status == 403
