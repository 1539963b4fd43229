"""The console's locks: sessions, roles, CSRF tokens, login limits, cookie flags, hashing."""

from __future__ import annotations

import re

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.runtime import RUNTIME
from bot.support import admin_app, console
from bot.support.models import Staff
from bot.support.options import SupportOptions
from tests.bot.helpers import say
from tests.support.conftest import PASSWORD, Stack, log_in, login_form, make_staff

ADMIN_ROUTES = [
    (route.method, "/admin" + route.path.replace("{id}", "1"))
    for route in admin_app.ROUTES
    if isinstance(route, web.RouteDef)
]
ROUTES = [
    (route.method, route.path.replace("{id}", "1"))
    for route in console.ROUTES
    if isinstance(route, web.RouteDef) and route.path != "/login"
] + ADMIN_ROUTES
POST_ROUTES = [(m, p) for m, p in ROUTES if m == "POST"]


def is_api(path: str) -> bool:
    return "/api/" in path or path == "/ws"


def test_the_route_lists_cover_the_console() -> None:
    assert len(ROUTES) >= 14
    assert ADMIN_ROUTES and POST_ROUTES


@pytest.mark.parametrize(("method", "path"), ROUTES, ids=lambda v: str(v))
async def test_without_a_session_pages_go_to_login_and_apis_say_401(
    client: TestClient, method: str, path: str
) -> None:
    response = await client.request(method, "/console" + path, allow_redirects=False)
    if is_api(path):
        assert response.status == 401
    else:
        assert response.status == 303
        assert response.headers["Location"] == "/console/login"


@pytest.mark.parametrize(("method", "path"), ADMIN_ROUTES, ids=lambda v: str(v))
async def test_an_agent_gets_403_on_admin_routes(
    client: TestClient, stack: Stack, method: str, path: str
) -> None:
    await make_staff(stack, "alice")
    token = await log_in(client, "alice")
    response = await client.request(
        method, "/console" + path, data={"csrf": token, "title": "t", "text": "x", "enabled": "0"}
    )
    assert response.status == 403


@pytest.mark.parametrize(("method", "path"), POST_ROUTES, ids=lambda v: str(v))
@pytest.mark.parametrize("token", [None, "forged-token"])
async def test_a_post_without_the_right_csrf_token_gets_403(
    client: TestClient, stack: Stack, method: str, path: str, token: str | None
) -> None:
    await make_staff(stack, "root", "admin")
    await log_in(client, "root")
    data = {"text": "x", "title": "t"} | ({"csrf": token} if token else {})
    response = await client.request(method, "/console" + path, data=data, allow_redirects=False)
    assert response.status == 403
    header = await client.request(
        method, "/console" + path, headers={"X-CSRF-Token": token or ""}, allow_redirects=False
    )
    assert header.status == 403


async def test_the_csrf_token_of_another_session_is_refused(
    client: TestClient, stack: Stack
) -> None:
    """Each session has its own token: Bob's token, sent with Alice's session, is refused
    (one token for everyone would let any staff member forge requests for any other)."""
    await make_staff(stack, "alice")
    await make_staff(stack, "bob")
    console_url = client.make_url("/console/")
    bobs = await log_in(client, "bob")
    client.session.cookie_jar.clear()  # Alice, in another browser
    alices = await log_in(client, "alice")
    assert client.session.cookie_jar.filter_cookies(console_url)
    assert alices != bobs
    forged = await client.post("/console/api/handoffs/99/claim", headers={"X-CSRF-Token": bobs})
    assert forged.status == 403
    form = await client.post("/console/logout", data={"csrf": bobs}, allow_redirects=False)
    assert form.status == 403
    own = await client.post("/console/api/handoffs/99/claim", headers={"X-CSRF-Token": alices})
    assert own.status == 409, "her own token passes the guard (nothing to claim)"


async def test_the_right_csrf_token_is_accepted_in_the_form_or_the_header(
    client: TestClient, stack: Stack
) -> None:
    await make_staff(stack, "root", "admin")
    token = await log_in(client, "root")
    form = await client.post(
        "/console/admin/canned",
        data={"csrf": token, "title": "问候", "text": "您好"},
        allow_redirects=False,
    )
    assert form.status == 303
    header = await client.post("/console/api/handoffs/99/claim", headers={"X-CSRF-Token": token})
    assert header.status == 409  # past the guard: there is just nothing to claim


async def test_login_needs_the_form_token(client: TestClient, stack: Stack) -> None:
    await make_staff(stack, "alice")
    response = await client.post("/console/login", data={"name": "alice", "password": PASSWORD})
    assert response.status == 403


async def test_the_session_cookie_is_httponly_lax_and_scoped_to_the_console(
    client: TestClient, stack: Stack
) -> None:
    await make_staff(stack, "alice")
    response = await client.post(
        "/console/login", data=await login_form(client, "alice", PASSWORD), allow_redirects=False
    )
    assert response.status == 303
    [cookie] = [c for c in response.headers.getall("Set-Cookie") if "jifen_console=" in c]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Path=/console" in cookie
    assert "Secure" not in cookie, "plain HTTP here; a Secure cookie would never come back"


async def test_the_session_cookie_is_secure_when_the_setting_says_so(stack: Stack) -> None:
    app = web.Application()
    app[RUNTIME] = stack.runtime
    console.setup(app, stack.runtime, SupportOptions(secure_cookies=True))
    await make_staff(stack, "alice")
    async with TestClient(TestServer(app)) as client:
        form = await login_form(client, "alice", PASSWORD)
        response = await client.post(
            "/console/login",
            data=form,
            # the login form's cookie is Secure too: plain HTTP does not send it back by itself
            headers={"Cookie": f"{console.LOGIN_COOKIE}={form['csrf']}"},
            allow_redirects=False,
        )
    [cookie] = [c for c in response.headers.getall("Set-Cookie") if "jifen_console=" in c]
    assert "Secure" in cookie


async def test_passwords_are_stored_as_argon2_hashes(stack: Stack) -> None:
    await make_staff(stack, "alice")
    async with stack.runtime.db.transaction() as session:
        stored = await session.scalar(select(Staff.password_hash).where(Staff.name == "alice"))
    assert stored is not None
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


async def test_logout_ends_the_session(client: TestClient, stack: Stack) -> None:
    await make_staff(stack, "alice")
    token = await log_in(client, "alice")
    cookie = client.session.cookie_jar.filter_cookies(client.make_url("/console/"))
    await client.post("/console/logout", data={"csrf": token})
    client.session.cookie_jar.update_cookies(cookie, client.make_url("/console/"))
    response = await client.get("/console/", allow_redirects=False)
    assert response.status == 303, "the old cookie no longer opens the console"


async def test_a_disabled_account_is_locked_out_at_once(client: TestClient, stack: Stack) -> None:
    alice = await make_staff(stack, "alice")
    await make_staff(stack, "root", "admin")
    console_url = client.make_url("/console/")
    await log_in(client, "alice")
    alices_cookie = client.session.cookie_jar.filter_cookies(console_url)
    client.session.cookie_jar.clear()  # the admin in another browser
    admin_token = await log_in(client, "root")
    disabled = await client.post(
        f"/console/admin/staff/{alice.id}/enabled", data={"csrf": admin_token, "enabled": "0"}
    )
    assert disabled.status == 200

    client.session.cookie_jar.update_cookies(alices_cookie, console_url)
    response = await client.get("/console/", allow_redirects=False)
    assert response.status == 303, "her session ended with the account"
    again = await client.post("/console/login", data=await login_form(client, "alice", PASSWORD))
    assert again.status == 401


async def test_what_a_user_wrote_is_escaped_in_the_console(
    client: TestClient, stack: Stack
) -> None:
    await say(client, "web-visitor-key-xss-000001", "转人工")
    await say(client, "web-visitor-key-xss-000001", "<script>alert(1)</script>")
    agent = await make_staff(stack, "alice")
    [entry] = await stack.desk.queue()
    await stack.desk.claim(entry.id, agent.id, agent.name)
    await log_in(client, "alice")
    page = await (await client.get(f"/console/conversations/{entry.id}")).text()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"<script>(?!</script>)", page), "no inline script at all"


async def test_the_queue_socket_refuses_another_origin(client: TestClient, stack: Stack) -> None:
    await make_staff(stack, "alice")
    await log_in(client, "alice")
    response = await client.get("/console/ws", headers={"Origin": "https://evil.example"})
    assert response.status == 403
