"""What the WeChat server posts -> what the service understands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any

from wechatpy.events import ClickEvent, SubscribeEvent, SubscribeScanEvent, UnsubscribeEvent
from wechatpy.messages import BaseMessage, TextMessage, VoiceMessage

from bot.storage.inbox import from_json, to_json
from dialogs.types import Inbound

CHANNEL = "wechat"
# Keys of the custom menu (`jifen wechat-menu`): the dialog's own choice ids.
MENU = (("算积分", "menu:score"), ("常见问题", "menu:faq"), ("转人工", "menu:human"))
MENU_KEYS = frozenset(key for _, key in MENU)


@dataclass(frozen=True)
class Unsubscribed:
    user: str


@dataclass(frozen=True)
class Consent:
    """The user's answer in a subscription-message (订阅通知) popup."""

    user: str
    template_ids: tuple[str, ...]


Arrival = Inbound | Unsubscribed | Consent | None
Event = Unsubscribed | Consent


def stored(arrival: Arrival) -> dict[str, Any] | None:
    """The arrival as the inbox keeps it, to be done again if it was not (`restored`)."""
    match arrival:
        case Inbound():
            return to_json(arrival)
        case Unsubscribed():
            return {"event": "unsubscribe", "user": arrival.user}
        case Consent():
            return {"event": "consent", "user": arrival.user, "templates": arrival.template_ids}
    return None


def restored(data: dict[str, Any]) -> Inbound | Event:
    match data.get("event"):
        case "unsubscribe":
            return Unsubscribed(data["user"])
        case "consent":
            return Consent(data["user"], tuple(data["templates"]))
    return from_json(data)


def translate(message: BaseMessage) -> Arrival:
    at = datetime.fromtimestamp(int(message.time or 0), UTC)
    new = partial(Inbound, channel=CHANNEL, user=message.source, at=at)
    event = str(message._data.get("Event") or "").lower()
    # Events have no MsgId: WeChat's docs dedupe them by FromUserName + CreateTime; the event
    # and its key tell apart two menu clicks within one second.
    key = message._data.get("EventKey")
    event_id = f"{message.source}:{message.time}:{event}" + (f":{key}" if key else "")
    message_id = str(message.id) if message.id else event_id
    match message:
        case TextMessage():
            return new(message_id=message_id, text=message.content or "")
        case VoiceMessage() if message.recognition:
            return new(message_id=message_id, text=message.recognition)
        case _ if str(message._data.get("MsgType")).lower() != "event":  # image, video, ...
            return new(message_id=message_id, command="unsupported")
        case SubscribeEvent() | SubscribeScanEvent():
            return new(message_id=event_id, command="start")
        case UnsubscribeEvent():
            return Unsubscribed(message.source)
        case ClickEvent() if message.key in MENU_KEYS:
            return new(message_id=event_id, choice=message.key)
    if event == "subscribe_msg_popup_event":
        return Consent(message.source, _accepted(message._data.get("SubscribeMsgPopupEvent")))
    return None


def _accepted(popup: Any) -> tuple[str, ...]:
    items = (popup or {}).get("List") or []
    items = items if isinstance(items, list) else [items]
    return tuple(
        str(item.get("TemplateId"))
        for item in items
        if isinstance(item, dict) and item.get("SubscribeStatusString") == "accept"
    )
