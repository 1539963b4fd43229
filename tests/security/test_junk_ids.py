"""An attacker (or a stale bookmark) puts junk where the console expects a number: a handoff id
of 10**23, a negative or non-ASCII id, a huge `after` or transfer target.

What happens: a 404 (no such conversation) or a 409 (nothing done), never a 500. On SQLite and
PostgreSQL (each refuses an integer beyond 64 bits in its own way).
"""

from __future__ import annotations

from bot.support.desk import Desk
from tests.bot.helpers import say
from tests.security.conftest import Site
from tests.support.conftest import log_in

JUNK = ["1" + "0" * 23, str(2**63), "-1", "0", "１２", "1e3", "abc", "9" * 400]
ROUTES = [
    ("GET", "/console/conversations/{}"),
    ("GET", "/console/api/handoffs/{}/lines"),
    ("POST", "/console/api/handoffs/{}/claim"),
    ("POST", "/console/conversations/{}/reply"),
    ("POST", "/console/conversations/{}/transfer"),
    ("POST", "/console/conversations/{}/resolve"),
    ("POST", "/console/admin/staff/{}/enabled"),
    ("POST", "/console/admin/canned/{}"),
    ("POST", "/console/admin/canned/{}/delete"),
]


async def test_a_junk_id_is_a_404_on_every_route(site: Site) -> None:
    await site.add_staff("root", role="admin")
    headers = {"X-CSRF-Token": await log_in(site.client, "root")}
    for junk in JUNK:
        for method, path in ROUTES:
            url = path.format(junk)
            response = await site.client.request(method, url, headers=headers)
            assert response.status == 404, (method, url, response.status)


async def test_junk_numbers_in_a_query_or_a_form_are_not_a_500(site: Site) -> None:
    await say(site.client, "visitor-junk-ids-000000000", "转人工")
    await site.add_staff("root", role="admin")
    token = await log_in(site.client, "root")
    desk = Desk(site.runtime.db, site.runtime.outbox, site.clock)
    [entry] = await desk.queue()
    claimed = await site.client.post(
        f"/console/api/handoffs/{entry.id}/claim", headers={"X-CSRF-Token": token}
    )
    assert claimed.status == 200
    for junk in ["1" + "0" * 23, "-5", "x"]:
        lines = await site.client.get(f"/console/api/handoffs/{entry.id}/lines?after={junk}")
        assert lines.status == 200
        transfer = await site.client.post(
            f"/console/conversations/{entry.id}/transfer", data={"csrf": token, "to": junk}
        )
        assert transfer.status == 409, "no such colleague: nothing transferred"
        assert "请选一位启用的同事" in await transfer.text()
