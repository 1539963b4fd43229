"""The client's address behind reverse proxies: `X-Forwarded-For` is believed only when the
connection comes from a proxy in `JIFEN_TRUSTED_PROXIES` (addresses or networks, comma
separated; none by default). The header is read from the right: each trusted proxy appended
the address it was talking to, so the first address that is not a trusted proxy is the client
(anything further left was written by the client and proves nothing)."""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable

from aiohttp import web

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def parse(setting: str) -> tuple[Network, ...]:
    """'10.0.0.1, 192.168.0.0/16' -> networks; raises ValueError on a bad entry."""
    return tuple(
        ipaddress.ip_network(part.strip(), strict=False)
        for part in setting.split(",")
        if part.strip()
    )


def client_address(
    remote: str | None, forwarded: str | None, proxies: tuple[Network, ...]
) -> str | None:
    if not proxies or not forwarded or not _is_proxy(remote, proxies):
        return remote
    client = remote
    for hop in reversed([hop.strip() for hop in forwarded.split(",")]):
        if _address(hop) is None:
            break  # not an address: no proxy of ours wrote it
        client = hop
        if not _is_proxy(hop, proxies):
            break
    return client


def middleware(
    proxies: tuple[Network, ...],
) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
    @web.middleware
    async def real_client(request: web.Request, handler: Handler) -> web.StreamResponse:
        client = client_address(request.remote, request.headers.get("X-Forwarded-For"), proxies)
        if client != request.remote:
            request = request.clone(remote=client)
        return await handler(request)

    return real_client


def _address(text: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text or "")
    except ValueError:
        return None


def _is_proxy(text: str | None, proxies: tuple[Network, ...]) -> bool:
    address = _address(text)
    return address is not None and any(address in network for network in proxies)
