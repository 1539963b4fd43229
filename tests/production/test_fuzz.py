"""Hostile and random input: the parsers answer a value or ValueError, the HTTP endpoints
never answer 5xx, and the service answers a normal message afterwards."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.support.accounts import add_staff
from dialogs import parsing
from tests.bot.helpers import say
from tests.production.conftest import Service, running
from tests.support.conftest import PASSWORD as STAFF_PASSWORD
from tests.support.conftest import log_in
from tests.telegram.conftest import message_update, text_message
from tests.wechat.wechat_push import ACCOUNT

TODAY = date(2026, 11, 23)
BIG = 100 * 1024
PARSERS: list[Callable[..., object]] = [
    parsing.parse_age,
    parsing.parse_award,
    parsing.parse_bonus,
    parsing.parse_count,
    parsing.parse_education,
    parsing.parse_endorsed_date,
    parsing.parse_expiry_date,
    parsing.parse_months,
    parsing.parse_tier,
    parsing.parse_title,
    parsing.parse_yes_no,
    parsing.parse_years,
    parsing.parse_yuan,
]
HTTP_FUZZ = settings(
    database=None,
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FUZZ = settings(
    database=None,  # no example store in the work tree; each run draws afresh
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text that looks like answers: digits, Chinese numerals, units, dates, words of the parsers.
ANSWERISH = st.text(
    alphabet=st.sampled_from(
        list("0123456789.-/年月日岁周个倍万元千百十零〇一二两三四五六七八九是否有没不本科硕博 ,，")
    )
    | st.characters(),
    max_size=60,
)
TEXTS = st.one_of(st.text(), ANSWERISH, st.text(min_size=1000, max_size=5000))
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


WRONG = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.lists(st.text(), max_size=3), st.text()
)


@pytest.mark.parametrize("parser", PARSERS, ids=lambda parser: parser.__name__)
@FUZZ
@given(text=TEXTS)
@example(text="\x00")
@example(text="十" * 500)
def test_a_parser_answers_a_value_or_value_error(parser: Callable[..., object], text: str) -> None:
    with contextlib.suppress(ValueError):
        parser(text, TODAY)


@pytest.mark.parametrize(
    "parser",
    [parsing.parse_age, parsing.parse_count, parsing.parse_months],
    ids=lambda parser: parser.__name__,
)
def test_a_number_too_big_for_a_float_is_asked_again(parser: Callable[..., object]) -> None:
    with pytest.raises(ValueError):
        parser("9" * 400, TODAY)


@pytest.fixture
async def fuzzed(database_url: str, caplog: pytest.LogCaptureFixture) -> AsyncIterator[Service]:
    """A service under fuzz; afterwards it still answers on every channel and logged no error
    (an exception that reached aiohttp is logged at ERROR, and answered 500)."""
    async with running(database_url) as service:
        yield service
        assert (await say(service.client, "web-visitor-key-after-fuzz", "/start"))[0]["text"]
        assert await service.telegram(message_update(text_message(880001, "/start"))) == 200
        assert service.fake.texts(880001), "Telegram still replies"
        assert await service.wechat.say("o-after-fuzz", "你好")
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


def as_body(value: Any) -> bytes:
    return value if isinstance(value, bytes) else json.dumps(value, ensure_ascii=False).encode()


WEB_BODIES = st.one_of(
    st.binary(max_size=300),
    st.text().map(str.encode),
    JSON,
    st.fixed_dictionaries(
        {"user": st.one_of(st.just("web-visitor-key-fuzz-0001"), WRONG)},
        optional={"text": st.one_of(TEXTS, WRONG), "choice": WRONG, "message_id": WRONG},
    ),
    st.just({"user": "web-visitor-key-fuzz-0002", "text": "字" * (BIG // 3)}),
    st.just(b'{"user": "' + b"a" * BIG + b'"}'),
)


@HTTP_FUZZ
@given(body=WEB_BODIES)
async def test_web_chat_api_never_answers_5xx(fuzzed: Service, body: Any) -> None:
    response = await fuzzed.client.post(
        "/api/chat", data=as_body(body), headers={"Content-Type": "application/json"}
    )
    assert response.status < 500, await response.text()


def updates() -> st.SearchStrategy[Any]:
    chat_ids = st.one_of(st.integers(1, 2**40), st.integers(), WRONG)
    message = st.fixed_dictionaries(
        {
            "message_id": st.one_of(st.integers(1, 2**31), WRONG),
            "date": st.one_of(st.integers(0, 2**31), WRONG),
            "chat": st.fixed_dictionaries(
                {"id": chat_ids, "type": st.sampled_from(["private", "group", "x"])}
            ),
            "text": st.one_of(TEXTS, WRONG),
        },
        optional={
            "from": st.fixed_dictionaries(
                {"id": chat_ids, "is_bot": st.booleans(), "first_name": st.text(max_size=5)}
            )
        },
    )
    callback = st.fixed_dictionaries(
        {
            "id": st.text(max_size=10),
            "from": st.fixed_dictionaries(
                {"id": chat_ids, "is_bot": st.just(False), "first_name": st.just("Li")}
            ),
            "chat_instance": st.just("ci"),
            "data": st.one_of(st.text(max_size=80), WRONG),
        }
    )
    return st.fixed_dictionaries(
        {"update_id": st.one_of(st.integers(0, 2**40), WRONG)},
        optional={"message": st.one_of(message, WRONG), "callback_query": callback},
    )


TELEGRAM_BODIES = st.one_of(
    st.binary(max_size=300),
    JSON,
    updates(),
    st.builds(lambda text: message_update(text_message(880002, text)), TEXTS),
    st.just(message_update(text_message(880003, "积" * (BIG // 3)))),
    st.just(b"{" * BIG),
)


@HTTP_FUZZ
@given(body=TELEGRAM_BODIES)
async def test_telegram_webhook_never_answers_5xx(fuzzed: Service, body: Any) -> None:
    assert await fuzzed.telegram(as_body(body)) < 500


def xml_of(fields: dict[str, str]) -> bytes:
    parts = "".join(f"<{name}><![CDATA[{value}]]></{name}>" for name, value in fields.items())
    return f"<xml>{parts}</xml>".encode("utf-8", "surrogatepass")


cdata_text = st.text().map(lambda t: t.replace("]]>", ""))
WECHAT_BODIES = st.one_of(
    st.binary(max_size=300),
    st.text().map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.fixed_dictionaries(
        {
            "ToUserName": st.one_of(st.just(ACCOUNT), cdata_text),
            "FromUserName": st.one_of(
                st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True), cdata_text
            ),
            "CreateTime": st.one_of(st.integers(0, 2**33).map(str), cdata_text),
            "MsgType": st.sampled_from(["text", "event", "image", "voice", "location", "link", ""]),
        },
        optional={
            "Content": st.one_of(cdata_text, TEXTS.map(lambda t: t.replace("]]>", ""))),
            "MsgId": st.one_of(st.integers(0, 2**64).map(str), cdata_text),
            "Event": st.sampled_from(
                ["subscribe", "unsubscribe", "CLICK", "subscribe_msg_popup_event", "x"]
            ),
            "EventKey": cdata_text,
        },
    ).map(xml_of),
    st.just(b"<xml><Content>" + "积".encode() * (BIG // 3) + b"</Content></xml>"),
    st.just(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xml>&a;</xml>'),
    st.just(b"<xml>" * 20000),
)


@HTTP_FUZZ
@given(body=WECHAT_BODIES)
async def test_wechat_endpoint_never_answers_5xx(fuzzed: Service, body: bytes) -> None:
    response = await fuzzed.client.post("/wechat", params=fuzzed.wechat.query(), data=body)
    assert response.status < 500, await response.text()


# Lone surrogates and huge integers, on every route. JSON carries a lone surrogate as an escape
# ("\\ud800"), which Python decodes into a str that cannot be encoded again; raw bytes carry it
# as invalid UTF-8 (surrogatepass). Integers beyond 64 bits overflow every database column.

LONE = st.characters(categories=("Cs",))
SURROGATE_TEXT = st.builds(
    lambda head, lone, tail: head + lone + tail, st.text(max_size=8), LONE, st.text(max_size=8)
)
HUGE = st.one_of(
    st.just(10**23),
    st.integers(min_value=2**63),
    st.integers(max_value=-(2**63) - 1),
    st.integers(min_value=10**300, max_value=10**400),
)
ODD = st.one_of(SURROGATE_TEXT, HUGE, HUGE.map(str))


def escaped(value: Any) -> bytes:
    """JSON as a client sends it, with a lone surrogate as its \\u escape."""
    return json.dumps(value, ensure_ascii=True).encode()


WEB_KEY = "visitor-fuzz-odd-0000000001"


@HTTP_FUZZ
@given(
    body=st.fixed_dictionaries(
        {"user": st.one_of(st.just(WEB_KEY), ODD)},
        optional={"text": ODD, "choice": ODD, "message_id": ODD},
    ),
    query=st.one_of(ODD.map(str), st.just(WEB_KEY)),
)
@example(body={"user": WEB_KEY, "text": "\ud800"}, query=WEB_KEY)
@example(body={"user": WEB_KEY, "message_id": 10**23, "text": "30"}, query=str(10**23))
async def test_web_routes_take_lone_surrogates_and_huge_numbers(
    fuzzed: Service, body: dict[str, Any], query: str
) -> None:
    response = await fuzzed.client.post(
        "/api/chat", data=escaped(body), headers={"Content-Type": "application/json"}
    )
    assert response.status < 500, await response.text()
    for path in ("/api/chat/updates", "/api/chat/history"):
        params = {"user": query.encode("utf-8", "surrogatepass").decode("utf-8", "replace")}
        response = await fuzzed.client.get(path, params=params)
        assert response.status < 500, (path, await response.text())


@HTTP_FUZZ
@given(
    text=ODD.map(str),
    chat_id=st.one_of(st.integers(1, 2**40), HUGE),
    update_id=st.one_of(st.integers(0, 2**40), HUGE),
    data=ODD.map(str),
)
@example(text="\ud800", chat_id=880010, update_id=1, data="menu:score")
@example(text="30", chat_id=10**23, update_id=10**23, data="x")
async def test_telegram_takes_lone_surrogates_and_huge_numbers(
    fuzzed: Service, text: str, chat_id: int, update_id: int, data: str
) -> None:
    message = {**text_message(880010, "x"), "text": text, "message_id": update_id}
    message["chat"] = {**message["chat"], "id": chat_id}
    callback = {
        "id": "cq-odd",
        "from": {"id": chat_id, "is_bot": False, "first_name": "Li"},
        "chat_instance": "ci",
        "data": data,
    }
    for update in (
        {"update_id": update_id, "message": message},
        {"update_id": update_id, "callback_query": callback},
    ):
        assert await fuzzed.telegram(escaped(update)) < 500


@HTTP_FUZZ
@given(
    content=st.one_of(SURROGATE_TEXT.map(lambda t: t.replace("]]>", "")), st.just("你好")),
    created=st.one_of(st.integers(0, 2**31).map(str), HUGE.map(str)),
    msg_id=st.one_of(st.integers(0, 2**63).map(str), HUGE.map(str)),
    entity=st.sampled_from(["", "&#xD800;", "&#55296;", "&#x110000;"]),
)
@example(content="\ud800", created=str(10**23), msg_id=str(10**23), entity="&#xD800;")
async def test_wechat_takes_lone_surrogates_and_huge_numbers(
    fuzzed: Service, content: str, created: str, msg_id: str, entity: str
) -> None:
    fields = {"ToUserName": ACCOUNT, "FromUserName": "o-odd-1", "CreateTime": created}
    body = xml_of({**fields, "MsgType": "text", "Content": content, "MsgId": msg_id})
    body = body.replace(b"<MsgType>", b"<Note>" + entity.encode() + b"</Note><MsgType>")
    response = await fuzzed.client.post("/wechat", params=fuzzed.wechat.query(), data=body)
    assert response.status < 500, await response.text()


CONSOLE_ROUTES = [
    ("GET", "/console/conversations/{}"),
    ("GET", "/console/api/handoffs/{}/lines?after={}"),
    ("POST", "/console/api/handoffs/{}/claim"),
    ("POST", "/console/conversations/{}/reply"),
    ("POST", "/console/conversations/{}/transfer"),
    ("POST", "/console/conversations/{}/resolve"),
    ("GET", "/console/admin?q={}"),
    ("POST", "/console/admin/staff/{}/enabled"),
    ("POST", "/console/admin/canned"),
    ("POST", "/console/admin/canned/{}"),
    ("POST", "/console/admin/canned/{}/delete"),
]


@pytest.fixture
async def console_admin(fuzzed: Service) -> str:
    """An admin logged in on the fuzzed service's client; returns the CSRF token."""
    async with fuzzed.runtime.db.transaction() as session:
        await add_staff(session, "fuzz-admin", "admin", STAFF_PASSWORD, fuzzed.runtime.clock())
    return await log_in(fuzzed.client, "fuzz-admin", STAFF_PASSWORD)


@HTTP_FUZZ
@given(odd=ODD.map(str), field=ODD.map(str))
@example(odd=str(10**23), field="\ud800")
async def test_console_routes_take_lone_surrogates_and_huge_numbers(
    fuzzed: Service, console_admin: str, odd: str, field: str
) -> None:
    in_url = quote(odd.encode("utf-8", "surrogatepass"), safe="")
    form = {
        "csrf": console_admin,
        "text": field,
        "to": field,
        "note": field,
        "title": field,
        "enabled": field,
    }
    body = urlencode({k: v.encode("utf-8", "surrogatepass") for k, v in form.items()})
    for method, path in CONSOLE_ROUTES:
        response = await fuzzed.client.request(
            method,
            path.format(in_url, in_url),
            data=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-CSRF-Token": console_admin,
            },
            allow_redirects=False,
        )
        assert response.status < 500, (method, path, odd, field, await response.text())


# Defects the fuzz found, one input each, now fixed.


async def test_deeply_nested_json_is_a_bad_request_on_the_web_api(sqlite_url: str) -> None:
    async with running(sqlite_url) as service:
        response = await service.client.post(
            "/api/chat", data=b"[" * BIG, headers={"Content-Type": "application/json"}
        )
    assert response.status == 400


async def test_deeply_nested_json_is_a_bad_request_on_the_telegram_webhook(
    sqlite_url: str,
) -> None:
    async with running(sqlite_url) as service:
        assert await service.telegram(b"[" * BIG) == 400


async def test_a_nul_character_on_the_web_is_not_a_server_error(postgres_url: str) -> None:
    async with running(postgres_url) as service:
        body = {"user": "web-visitor-key-nul-00001", "text": "30\x00"}
        response = await service.client.post("/api/chat", json=body)
    assert response.status < 500  # PostgreSQL cannot store NUL in text


async def test_a_nul_character_on_telegram_is_answered_not_retried(postgres_url: str) -> None:
    async with running(postgres_url) as service:
        update = message_update(text_message(880004, "\x00"))
        assert await service.telegram(update) == 200  # a 503 would make Telegram retry forever


async def test_a_wechat_message_without_a_sender_is_a_bad_request(sqlite_url: str) -> None:
    async with running(sqlite_url) as service:
        body = xml_of({"ToUserName": ACCOUNT, "CreateTime": "1", "MsgType": "text"})
        response = await service.client.post("/wechat", params=service.wechat.query(), data=body)
    assert response.status == 400


async def test_an_overlong_wechat_sender_is_a_bad_request(postgres_url: str) -> None:
    async with running(postgres_url) as service:
        answer = await service.wechat.post(service.wechat.text_xml("o" * 300, "你好"))
    assert answer.status == 400  # users.external_id is VARCHAR(128)


async def test_a_wechat_message_with_a_non_numeric_time_is_a_bad_request(sqlite_url: str) -> None:
    async with running(sqlite_url) as service:
        body = xml_of(
            {"ToUserName": ACCOUNT, "FromUserName": "o-1", "CreateTime": "x", "MsgType": "text"}
        )
        response = await service.client.post("/wechat", params=service.wechat.query(), data=body)
    assert response.status == 400


async def test_a_wechat_message_with_a_non_numeric_id_is_a_bad_request(sqlite_url: str) -> None:
    async with running(sqlite_url) as service:
        body = xml_of(
            {"ToUserName": ACCOUNT, "FromUserName": "o-1", "CreateTime": "1", "MsgType": "text",
             "Content": "你好", "MsgId": "x"}
        )  # fmt: skip
        response = await service.client.post("/wechat", params=service.wechat.query(), data=body)
    assert response.status == 400
