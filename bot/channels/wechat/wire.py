"""WeChat XML in and out: parsed with no DTD, entities or external references; replies that
stay well-formed whatever the user typed."""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from wechatpy.messages import BaseMessage
from wechatpy.parser import parse_message
from wechatpy.replies import TextReply

MAX_BODY = 64 * 1024
# Characters XML 1.0 does not allow, even escaped.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class BadXml(Exception):
    """Not a WeChat message: answer 400."""


def checked(body: bytes) -> Element:
    """The root element of `body`, refusing any DTD (billion laughs, XXE) before expansion."""
    try:
        root: Element = fromstring(
            body, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except (DefusedXmlException, ParseError) as error:
        raise BadXml(type(error).__name__) from error
    if root.tag != "xml":
        raise BadXml("root element is not <xml>")
    return root


MAX_OPENID = 128  # users.external_id; real openids have 28 characters
NUMBER = re.compile(r"[0-9]{1,20}")
LAST_TIMESTAMP = 253_402_300_799  # 9999-12-31 23:59:59 UTC, the last second a datetime holds


def parse(body: bytes) -> BaseMessage:
    """A wechatpy message; xmltodict only sees XML that `checked` let through."""
    checked(body)
    try:
        message: BaseMessage = parse_message(body)
        # wechatpy converts fields when they are read: read the ones we rely on here.
        sender, sent_at, message_id = message.source, message.time, message.id
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise BadXml("not a WeChat message") from error
    if not 0 < len(sender or "") <= MAX_OPENID or not NUMBER.fullmatch(str(sent_at)):
        raise BadXml("a WeChat message has a FromUserName and a numeric CreateTime")
    if int(sent_at) > LAST_TIMESTAMP:
        raise BadXml("a CreateTime is a time a datetime can hold")
    if message_id is not None and not NUMBER.fullmatch(str(message_id)):
        raise BadXml("a MsgId is a number")
    return message


def encrypted_part(body: bytes) -> str:
    encrypt = checked(body).findtext("Encrypt")
    if not encrypt:
        raise BadXml("no <Encrypt> in safe mode")
    return encrypt


def cdata(text: str) -> str:
    """Text that can sit inside <![CDATA[...]]>: no forbidden characters, no early `]]>`."""
    return NOT_XML.sub("", text).replace("]]>", "]]]]><![CDATA[>")


def text_reply(message: BaseMessage, content: str, now: int) -> str:
    fields: dict[str, Any] = {
        "source": cdata(message.target or ""),
        "target": cdata(message.source or ""),
        "content": cdata(content),
        "time": now,
    }
    return str(TextReply(**fields).render())
