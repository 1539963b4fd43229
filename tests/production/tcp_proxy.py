"""A TCP proxy on 127.0.0.1 that a test can cut and restore, to take a server away from the app
without stopping it (the PostgreSQL server is shared with other tests).

Cut: every open connection is aborted (both sides see a reset) and the port stops listening,
so a new connection is refused, as when the server host is down. Stall: connections stay open
and new ones are accepted, but nothing is forwarded, as when the server hangs. Restore: the
same port listens again and forwards as before.
"""

from __future__ import annotations

import asyncio
import contextlib


class TcpProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.port = 0  # chosen by the system at the first start, kept afterwards
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()
        self._pipes: set[asyncio.Task[None]] = set()
        self._flowing = asyncio.Event()
        self._flowing.set()

    async def start(self) -> None:
        """Listen (again) on 127.0.0.1, on the same port as before."""
        self._server = await asyncio.start_server(
            self._forward, "127.0.0.1", self.port, reuse_address=True
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        """Refuse new connections and reset every open one."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
        for writer in list(self._open):
            writer.transport.abort()
        if server is not None:
            await server.wait_closed()  # since Python 3.12 this waits for the connections too
        await self._settle()

    def stall(self) -> None:
        """Forward nothing more, in either direction, on old or new connections."""
        self._flowing.clear()

    async def restore(self) -> None:
        if self._server is None:
            await self.start()
        self._flowing.set()

    @property
    def open_connections(self) -> int:
        """Connections forwarded now (each has a client side and an upstream side)."""
        return len(self._open) // 2

    async def _forward(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await self._flowing.wait()
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            writer.transport.abort()
            return
        if self._server is None:  # cut while this connection was being opened
            writer.transport.abort()
            up_writer.transport.abort()
            return
        self._open.update((writer, up_writer))
        for source, sink in ((reader, up_writer), (up_reader, writer)):
            pipe = asyncio.create_task(self._pipe(source, sink))
            self._pipes.add(pipe)
            pipe.add_done_callback(self._pipes.discard)

    async def _pipe(self, source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        """Copy one direction until it ends; then end the other side too."""
        with contextlib.suppress(OSError):
            while data := await source.read(65536):
                await self._flowing.wait()
                sink.write(data)
                await sink.drain()
        self._open.discard(sink)
        sink.transport.abort()

    async def _settle(self) -> None:
        """Let the pipes of the aborted connections see the end and finish."""
        if self._pipes:
            await asyncio.wait(list(self._pipes), timeout=5)
