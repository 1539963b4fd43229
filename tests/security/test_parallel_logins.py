"""An attacker fires 30 wrong passwords for one staff name at once, from one address, hoping
that more than five get checked before the limit is written (and that argon2 and a held
database connection per attempt take the chat down meanwhile).

What happens: each attempt is counted by one upsert before its password is checked, so exactly
five are checked (401) and the other 25 are refused (429); no attempt gets a 5xx; visitors
chatting at the same moment are answered; the owner still logs in from another address.
On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import asyncio

from tests.bot.helpers import say
from tests.security.conftest import PASSWORD, Site, attempt_login, form_token

ATTACKER, OWNER = "198.51.100.7", "203.0.113.9"


async def test_of_thirty_parallel_wrong_passwords_five_are_checked_and_chat_goes_on(
    site: Site,
) -> None:
    await site.add_staff("alice")
    await say(site.client, "visitor-warm-up-0000000000", "你好")  # the FAQ index is loaded
    token = await form_token(site.client)
    logins = [attempt_login(site.client, "alice", f"guess-{n}", ATTACKER, token) for n in range(30)]
    chats = [say(site.client, f"visitor-{n:022d}", "你好") for n in range(10)]
    results = await asyncio.gather(*logins, *chats)
    statuses = sorted(results[:30])
    assert statuses == [401] * 5 + [429] * 25
    assert all(replies for replies in results[30:]), "every visitor got an answer"
    assert await attempt_login(site.client, "alice", PASSWORD, OWNER) == 303
