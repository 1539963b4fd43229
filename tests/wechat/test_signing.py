"""The checks behind /wechat's 403, one at a time: which request passes, which is refused and
for what reason (a stale request that is also badly signed would prove nothing about the
clock), and the safe-mode reply as WeChat checks it. The endpoint tests are in test_security."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from defusedxml.ElementTree import fromstring
from wechatpy.crypto import WeChatCrypto

from bot.channels.wechat.safe_mode import SafeMode
from bot.channels.wechat.signing import REPLAY_WINDOW, Forbidden, signature, verify
from bot.channels.wechat.wire import BadXml

from .wechat_push import AES_KEY, APPID, TOKEN

NOW = 1_700_000_000  # a fixed "now", far from the real clock: no check may read the real one
NONCE = "a1b2c3d4e5"
REPLY = "<xml><Content><![CDATA[你好]]></Content></xml>"


def at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def signed(timestamp: str = str(NOW), nonce: str = NONCE, **extra: str) -> dict[str, str]:
    """A query as WeChat signs it (parts left empty are left out, signed as empty)."""
    query = {"timestamp": timestamp, "nonce": nonce, **extra}
    query["signature"] = signature(TOKEN, timestamp, nonce)
    return {key: value for key, value in query.items() if value}


def refusal(query: dict[str, str], now: int = NOW, *extra: str) -> str:
    with pytest.raises(Forbidden) as refused:
        verify(TOKEN, query, at(now), *extra)
    return str(refused.value)


@pytest.mark.parametrize("skew", [0, 1, REPLAY_WINDOW - 1, REPLAY_WINDOW])
def test_a_signed_timestamp_up_to_the_window_either_side_passes(skew: int) -> None:
    for now in (NOW + skew, NOW - skew):
        verify(TOKEN, signed(), at(now))


@pytest.mark.parametrize("skew", [REPLAY_WINDOW + 1, 3600, NOW])
def test_a_signed_timestamp_beyond_the_window_is_refused_for_its_time(skew: int) -> None:
    """Behind (a replay) and ahead (a URL that stays good until its date plus the window)."""
    assert refusal(signed(), NOW + skew) == "timestamp outside the replay window"
    assert refusal(signed(), NOW - skew) == "timestamp outside the replay window"


@pytest.mark.parametrize("timestamp", ["17e8", "-1700000000", " 1700000000", "1.7e9", "٣"])
def test_a_signed_timestamp_that_is_no_plain_number_is_refused(timestamp: str) -> None:
    assert refusal(signed(timestamp)) == "timestamp outside the replay window"


@pytest.mark.parametrize("left_out", ["timestamp", "nonce"])
def test_a_request_without_timestamp_or_nonce_is_refused_even_if_signed_so(left_out: str) -> None:
    query = signed(**{left_out: ""})
    assert left_out not in query
    assert refusal(query) == "unsigned"


def test_a_request_without_a_signature_is_refused() -> None:
    query = signed()
    del query["signature"]
    assert refusal(query) == "unsigned"


@pytest.mark.parametrize(
    "tampered",
    [
        {"signature": signature(TOKEN + "x", str(NOW), NONCE)},  # another token
        {"nonce": NONCE + "0"},  # the signed URL with another nonce
        {"timestamp": str(NOW + 1)},  # or another time
        {"signature": signature(TOKEN, str(NOW), NONCE).upper()},
    ],
)
def test_a_request_signed_otherwise_is_refused_for_its_signature(tampered: dict[str, str]) -> None:
    assert refusal({**signed(), **tampered}) == "bad signature"


def test_an_encrypted_body_is_checked_against_msg_signature_not_signature() -> None:
    """Safe mode: WeChat sends both; only msg_signature covers the encrypted body."""
    body = "ZW5jcnlwdGVk"
    query = signed(msg_signature=signature(TOKEN, str(NOW), NONCE, body))
    verify(TOKEN, query, at(NOW), body)
    assert refusal(query, NOW, body + "x") == "bad signature"
    del query["msg_signature"]
    assert refusal(query, NOW, body) == "unsigned"


def test_a_safe_mode_reply_is_sealed_as_wechat_checks_it() -> None:
    """The reply's TimeStamp and Nonce are the ones given, and its MsgSignature signs them
    with the encrypted body, so WeChat can check and open it."""
    sealed = fromstring(SafeMode(TOKEN, AES_KEY, APPID).encrypt(REPLY, NONCE, NOW - 86_400))
    fields = {child.tag: child.text for child in sealed}
    assert (fields["TimeStamp"], fields["Nonce"]) == (str(NOW - 86_400), NONCE)
    expected = signature(TOKEN, str(NOW - 86_400), NONCE, fields["Encrypt"])
    assert fields["MsgSignature"] == expected
    wechat = WeChatCrypto(TOKEN, AES_KEY, APPID)
    sealed_xml = f"<xml><Encrypt><![CDATA[{fields['Encrypt']}]]></Encrypt></xml>"
    assert wechat.decrypt_message(sealed_xml, expected, str(NOW - 86_400), NONCE) == REPLY


def test_a_sealed_message_is_opened_only_with_its_msg_signature() -> None:
    wechat = WeChatCrypto(TOKEN, AES_KEY, APPID)
    encrypted = fromstring(wechat.encrypt_message(REPLY, NONCE, str(NOW))).findtext("Encrypt")
    safe = SafeMode(TOKEN, AES_KEY, APPID)
    query = signed(msg_signature=signature(TOKEN, str(NOW), NONCE, encrypted))
    assert safe.decrypt(encrypted, query, at(NOW)) == REPLY.encode()
    with pytest.raises(Forbidden):
        safe.decrypt(encrypted, {**query, "msg_signature": query["signature"]}, at(NOW))


@pytest.mark.parametrize("garbage", ["bm90IGEgYmxvY2s=", "A" * 44, "*not base64*"])
def test_a_body_that_cannot_be_decrypted_is_a_bad_request(garbage: str) -> None:
    query = signed(msg_signature=signature(TOKEN, str(NOW), NONCE, garbage))
    with pytest.raises(BadXml, match=r"^cannot decrypt$"):
        SafeMode(TOKEN, AES_KEY, APPID).decrypt(garbage, query, at(NOW))
