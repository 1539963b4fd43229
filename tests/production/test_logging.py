"""Logs: one line per event (JSON when JIFEN_LOG_FORMAT=json), and nothing a user wrote."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.observability.logs import configure_logging
from tests.bot.helpers import say
from tests.production.conftest import Service
from tests.telegram.conftest import message_update, text_message

PASSPORT = "我的护照号码是E12345678"
ADDRESS = "住在浦东新区世纪大道1号"
POINTS_ANSWERS = ["30", "本科", "有", "没有", "3年", "1倍", "都没有", "否"]


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    """What the process would write to stderr with JIFEN_LOG_FORMAT=json and
    `--log-level info` (the access log included)."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    stream = io.StringIO()
    configure_logging("json", "info", stream=stream)
    yield stream
    for handler in root.handlers[:]:
        root.removeHandler(handler)
    for handler in saved[0]:
        root.addHandler(handler)
    root.setLevel(saved[1])


def events(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_an_event_is_one_json_line_with_its_fields(log_output: io.StringIO) -> None:
    logging.getLogger("jifen.test").info(
        "reply sent", extra={"channel": "telegram", "outbox_id": 7}
    )
    [event] = events(log_output)
    assert event["level"] == "INFO"
    assert event["logger"] == "jifen.test"
    assert event["message"] == "reply sent"
    assert event["channel"] == "telegram" and event["outbox_id"] == 7
    assert str(event["time"]).endswith("+00:00")


def test_an_exception_stays_inside_its_line(log_output: io.StringIO) -> None:
    try:
        raise RuntimeError("database went away\nsecond line")
    except RuntimeError:
        logging.getLogger("jifen.test").exception("step failed")
    [event] = events(log_output)
    assert "RuntimeError: database went away" in str(event["exception"])


def test_text_format_puts_the_extra_fields_after_the_message() -> None:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    stream = io.StringIO()
    configure_logging("text", stream=stream)
    try:
        logging.getLogger("jifen.test").warning("retrying", extra={"attempt": 2})
    finally:
        for handler in root.handlers[:]:
            root.removeHandler(handler)
        for handler in saved[0]:
            root.addHandler(handler)
        root.setLevel(saved[1])
    assert stream.getvalue().rstrip().endswith("WARNING jifen.test retrying attempt=2")


async def test_the_access_log_leaves_out_query_strings(
    service: Service, log_output: io.StringIO
) -> None:
    key = "web-visitor-key-Secret-Key-0042"
    history = await service.client.get(
        "/api/chat/history", params={"user": key}, headers={"X-Jifen-User": key}
    )
    assert history.status == 200
    access = [e for e in events(log_output) if e.get("path") == "/api/chat/history"]
    assert access and access[0]["status"] == 200
    assert key not in log_output.getvalue()


async def test_what_users_write_is_never_logged_at_info_level(
    service: Service, log_output: io.StringIO
) -> None:
    said = ["/start", PASSPORT, "算积分", ADDRESS, *POINTS_ANSWERS, PASSPORT, "积分不够怎么办"]
    for text in said:
        await say(service.client, "web-visitor-key-private-0001", text)
        update = message_update(text_message(777001, text))
        assert await service.telegram(update) == 200
        assert (
            await service.wechat.post(service.wechat.text_xml("o-private-1", text))
        ).status == 200
    assert service.fake.texts(777001), "the Telegram user got replies"
    output = log_output.getvalue()
    assert events(log_output), "the conversation was logged"
    for text in (PASSPORT, ADDRESS, "E12345678", "世纪大道"):
        assert text not in output
