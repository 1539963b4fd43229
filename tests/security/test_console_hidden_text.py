"""A user writes what staff should not be fooled by: a right-to-left override that makes
"invoice‮txt.exe" read as "invoiceexe.txt", zero-width characters hiding inside a phone
number, and a 4,000-character line without a space that used to stretch the console to
42,906 pixels.

What happens: the console shows each invisible character as ⟨U+XXXX⟩ (on the page and in
the live updates), and long lines wrap anywhere (tests/browser/test_console.py measures the
page width in a real browser).
"""

from __future__ import annotations

from bot.support.desk import Desk
from tests.bot.helpers import say
from tests.security.conftest import Site
from tests.support.conftest import log_in

USER = "visitor-hidden-text-0000000"
TRICK = "invoice\u202etxt.exe 138\u200b0013\u200d8000"
SHOWN = "invoice⟨U+202E⟩txt.exe 138⟨U+200B⟩0013⟨U+200D⟩8000"


async def test_bidi_overrides_and_zero_width_characters_are_shown(site: Site) -> None:
    await say(site.client, USER, "转人工")
    await say(site.client, USER, TRICK)
    await site.add_staff("alice")
    token = await log_in(site.client, "alice")
    [entry] = await Desk(site.runtime.db, site.runtime.outbox, site.clock).queue()
    assert entry.to_json()["last_message"] == SHOWN, "the queue shows it too"
    claim = f"/console/api/handoffs/{entry.id}/claim"
    assert (await site.client.post(claim, headers={"X-CSRF-Token": token})).status == 200
    page = await (await site.client.get(f"/console/conversations/{entry.id}")).text()
    assert SHOWN in page
    assert "\u202e" not in page and "\u200b" not in page
    live = await (await site.client.get(f"/console/api/handoffs/{entry.id}/lines")).json()
    said = [line["text"] for line in live["lines"] if line["author"] == "user"]
    assert said[-1] == SHOWN
