"""Plays the WeChat server: signs and (in safe mode) encrypts what it posts to /wechat, and
reads the passive reply back the way WeChat would."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from itertools import count
from typing import Any

from aiohttp.test_utils import TestClient
from defusedxml.ElementTree import fromstring
from wechatpy.crypto import WeChatCrypto

from bot.channels.wechat.signing import signature

TOKEN = "test-token"
APPID = "wx-test-app"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"  # 43 characters, as WeChat issues them
ACCOUNT = "gh_test_account"


@dataclass(frozen=True)
class Answer:
    status: int
    body: str
    content: str | None  # the passive text reply; None for "success"


class WeChatPush:
    def __init__(self, client: TestClient, *, safe: bool = False) -> None:
        self.client = client
        self.crypto = WeChatCrypto(TOKEN, AES_KEY, APPID) if safe else None
        self._ids = count(6_000_000_000_000_000_000)

    def text_xml(self, user: str, text: str, msg_id: int | None = None) -> str:
        msg_id = next(self._ids) if msg_id is None else msg_id
        return self.xml(user, "text", Content=text, MsgId=msg_id)

    def event_xml(self, user: str, event: str, created: int | None = None, **fields: Any) -> str:
        return self.xml(user, "event", created, Event=event, **fields)

    def xml(self, user: str, kind: str, created: int | None = None, **fields: Any) -> str:
        created = int(time.time()) if created is None else created
        parts = [
            f"<ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>",
            f"<FromUserName><![CDATA[{user}]]></FromUserName>",
            f"<CreateTime>{created}</CreateTime>",
            f"<MsgType><![CDATA[{kind}]]></MsgType>",
        ]
        for name, value in fields.items():
            text = str(value).replace("]]>", "]]]]><![CDATA[>")
            parts.append(f"<{name}><![CDATA[{text}]]></{name}>")
        return "<xml>" + "".join(parts) + "</xml>"

    def query(self, timestamp: int | None = None, **extra: str) -> dict[str, str]:
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        nonce = secrets.token_hex(5)
        return {
            "signature": signature(TOKEN, stamp, nonce),
            "timestamp": stamp,
            "nonce": nonce,
            "openid": "ignored",
            **extra,
        }

    async def post(self, xml: str | bytes, query: dict[str, str] | None = None) -> Answer:
        query = self.query() if query is None else query
        body = xml.encode() if isinstance(xml, str) else xml
        if self.crypto is not None:
            sealed = self.crypto.encrypt_message(body.decode(), query["nonce"], query["timestamp"])
            encrypted = fromstring(sealed).findtext("Encrypt")
            query = {
                **query,
                "encrypt_type": "aes",
                "msg_signature": signature(TOKEN, query["timestamp"], query["nonce"], encrypted),
            }
            body = (
                f"<xml><ToUserName>{ACCOUNT}</ToUserName><Encrypt>{encrypted}</Encrypt></xml>"
            ).encode()
        response = await self.client.post("/wechat", params=query, data=body)
        text = await response.text()
        return Answer(
            response.status, text, self._content(text) if response.status == 200 else None
        )

    async def say(self, user: str, text: str) -> str | None:
        answer = await self.post(self.text_xml(user, text))
        assert answer.status == 200, answer
        return answer.content

    def _content(self, body: str) -> str | None:
        if body == "success":
            return None
        if self.crypto is not None:
            outer = fromstring(body)
            body = self.crypto.decrypt_message(
                body,
                outer.findtext("MsgSignature"),
                outer.findtext("TimeStamp"),
                outer.findtext("Nonce"),
            )
        root = fromstring(body.encode() if isinstance(body, str) else body)
        assert root.findtext("MsgType") == "text"
        assert root.findtext("FromUserName") == ACCOUNT
        return root.findtext("Content")
