"""Reply XML stays well-formed and says what was meant, whatever the text holds."""

from __future__ import annotations

import pytest
import xmltodict
from defusedxml.ElementTree import fromstring
from wechatpy.fields import BaseField
from wechatpy.messages import BaseMessage, TextMessage
from wechatpy.parser import parse_message

from bot.channels.wechat.inbound import translate
from bot.channels.wechat.render import render, split, together
from bot.channels.wechat.wire import parse, text_reply
from dialogs.types import Choice, Inbound, Reply


def message(user: str = "o-user") -> TextMessage:
    return TextMessage({"FromUserName": user, "ToUserName": "gh_account", "CreateTime": "1"})


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a]]>b", "a]]>b"),
        ("]]>]]>", "]]>]]>"),
        ("<Content>&amp;</Content>", "<Content>&amp;</Content>"),
        ("bell\x07 nul\x00 vt\x0b esc\x1b ok\ttab\nline", "bell nul vt esc ok\ttab\nline"),
        ("\ufffe\uffff 非字符", " 非字符"),
        ("emoji 😀 stays", "emoji 😀 stays"),
    ],
)
def test_reply_xml_is_well_formed_whatever_the_text(text: str, shown: str) -> None:
    root = fromstring(text_reply(message(), text, 1700000000).encode())
    assert root.findtext("Content") == shown
    assert (root.findtext("ToUserName"), root.findtext("FromUserName")) == ("o-user", "gh_account")


def test_a_hostile_openid_cannot_break_the_reply() -> None:
    root = fromstring(text_reply(message("o]]><x/>"), "hi", 1).encode())
    assert root.findtext("ToUserName") == "o]]><x/>"
    assert root.findtext("Content") == "hi"


def test_choices_are_numbered_in_order_and_buttons_become_words() -> None:
    reply = Reply(
        "您的最高学历是？",
        (Choice("edu:college", "大专"), Choice("edu:bachelor", "本科有学位")),
        (Choice("nav:menu", "菜单"), Choice("nav:human", "转人工")),
    )
    assert render(reply) == ["您的最高学历是？\n\n1. 大专\n2. 本科有学位\n\n「菜单」 「转人工」"]


def test_a_staff_reply_is_marked_with_the_agents_name_in_the_users_language() -> None:
    assert render(Reply("您好", agent="小王", locale="zh-CN")) == ["客服 小王：您好"]
    assert render(Reply("Hello", agent="Wang", locale="en")) == ["Agent Wang: Hello"]


def test_long_text_is_split_under_the_limit_without_losing_anything() -> None:
    text = "很长的一行" * 1000 + "\n" + "短行\n" * 50
    pieces = split(text, 2000)
    assert all(len(piece.encode()) <= 2000 for piece in pieces)
    assert "".join(p.replace("\n", "") for p in pieces) == text.replace("\n", "")


def test_several_short_replies_share_one_message_until_it_is_full() -> None:
    replies = [Reply("一"), Reply("二"), Reply("长" * 700), Reply("三")]
    assert together(replies) == (2, "一\n\n二")
    assert together([Reply("长" * 700)]) == (0, "")


def test_events_without_msgid_are_keyed_by_user_time_and_event() -> None:
    arrival = translate(
        parse(
            b"<xml><ToUserName>gh</ToUserName><FromUserName>o-u</FromUserName>"
            b"<CreateTime>1700000000</CreateTime><MsgType>event</MsgType>"
            b"<Event>subscribe</Event></xml>"
        )
    )
    assert isinstance(arrival, Inbound)
    assert (arrival.message_id, arrival.command) == ("o-u:1700000000:subscribe", "start")


def _xml(msg_type: str, body: str) -> bytes:
    return (
        "<xml><ToUserName><![CDATA[gh_account]]></ToUserName>"
        "<FromUserName><![CDATA[o-user]]></FromUserName><CreateTime>1700000000</CreateTime>"
        f"<MsgType><![CDATA[{msg_type}]]></MsgType>{body}</xml>"
    ).encode()


KINDS = [
    _xml("text", "<Content><![CDATA[  我要算积分 ]]></Content><MsgId>1234567890123456</MsgId>"),
    _xml("text", "<Content></Content><MsgId>1</MsgId>"),
    _xml("image", "<PicUrl>http://x/1.jpg</PicUrl><MediaId>m</MediaId><MsgId>2</MsgId>"),
    _xml("voice", "<MediaId>m</MediaId><Format>amr</Format><Recognition>你好</Recognition>"),
    _xml(
        "location",
        "<Location_X>31.2</Location_X><Location_Y>121.4</Location_Y><Scale>15</Scale>"
        "<Label>上海</Label><MsgId>3</MsgId>",
    ),
    _xml("event", "<Event><![CDATA[subscribe]]></Event>"),
    _xml("event", "<Event>subscribe</Event><EventKey>qrscene_123</EventKey><Ticket>t</Ticket>"),
    _xml("event", "<Event>subscribe</Event><EventKey>scanbarcode|x</EventKey>"),
    _xml("event", "<Event>unsubscribe</Event>"),
    _xml("event", "<Event>CLICK</Event><EventKey>menu:score</EventKey>"),
    _xml(
        "event",
        "<Event>scancode_push</Event><EventKey>k</EventKey><ScanCodeInfo>"
        "<ScanType>qrcode</ScanType><ScanResult>r</ScanResult></ScanCodeInfo>",
    ),
    _xml(
        "event",
        "<Event>pic_sysphoto</Event><EventKey>k</EventKey><SendPicsInfo><Count>2"
        "</Count><PicList><item><PicMd5Sum>a</PicMd5Sum></item><item><PicMd5Sum>b</PicMd5Sum>"
        "</item></PicList></SendPicsInfo>",
    ),
    _xml("device_text", "<DeviceType>d</DeviceType><DeviceID>1</DeviceID><Content>Yw==</Content>"),
    _xml("event", "<Event>no_such_event</Event>"),
    _xml("shortvideo", "<MediaId>m</MediaId><ThumbMediaId>t</ThumbMediaId><MsgId>4</MsgId>"),
    _xml("no_such_type", "<MsgId>5</MsgId>"),
]


def fields(message: BaseMessage) -> dict[str, object]:
    """Every field wechatpy's message class declares, as the bot would read it."""
    kind = type(message)
    return {
        name: getattr(message, name)
        for name in dir(kind)
        if isinstance(getattr(kind, name, None), BaseField)
    }


@pytest.mark.parametrize("body", KINDS)
def test_a_message_reads_as_wechatpy_reads_it_from_one_parse_of_the_body(
    body: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The body is parsed once, by the parser that refuses DTDs and entities; what the bot
    reads of it is what wechatpy's own parser makes of it."""
    expected = parse_message(body)
    monkeypatch.setattr(xmltodict, "parse", lambda *_, **__: pytest.fail("parsed twice"))
    message = parse(body)
    assert type(message) is type(expected)
    assert fields(message) == fields(expected)
    assert translate(message) == translate(expected)
