"""What a text channel (Telegram, WeChat, `jifen chat`) writes for a reply: a staff member's
words marked with their name in the user's language ("客服 alice：…"), the bot's as they are.
The web page draws the same mark from `Reply.agent` itself."""

from __future__ import annotations

from dialogs.locales import text
from dialogs.types import Reply


def marked(reply: Reply) -> str:
    if reply.agent is None:
        return reply.text
    locale = reply.locale or "zh-CN"
    return text(locale, "support-agent-says", agent=reply.agent, text=reply.text)
