"""Safe mode (安全模式): AES messages, wechatpy's cipher, our constant-time msg_signature check."""

from __future__ import annotations

import struct
from datetime import datetime

from wechatpy.crypto import PrpCrypto, WeChatCrypto
from wechatpy.exceptions import WeChatException

from bot.channels.wechat import signing
from bot.channels.wechat.wire import BadXml


class SafeMode:
    def __init__(self, token: str, aes_key: str, appid: str) -> None:
        self._token = token
        self._appid = appid
        self._crypto = WeChatCrypto(token, aes_key, appid)

    def decrypt(self, encrypted: str, query: dict[str, str], now: datetime) -> bytes:
        signing.verify(self._token, query, now, encrypted)
        try:
            xml = PrpCrypto(self._crypto.key).decrypt(encrypted, self._appid)
        except (ValueError, IndexError, struct.error, WeChatException) as error:
            raise BadXml("cannot decrypt") from error
        return str(xml).encode()

    def encrypt(self, xml: str, nonce: str, timestamp: int) -> str:
        return str(self._crypto.encrypt_message(xml, nonce, str(timestamp)))
