"""A fault-injecting TCP proxy on loopback, for sync tests.

    with FaultProxy(upstream_port) as proxy:
        proxy.set(Fault.truncate(after=1200))    # every new connection
        ...sync against proxy.url...
        proxy.set(Fault.passthrough())

It runs an asyncio server in a background thread and relays bytes between
the client and the real server. The fault in force when a connection is
accepted applies to that whole connection (requests keeps connections
alive, so a fault set mid-sync takes hold on the next connection):

  passthrough        relay as is;
  delay(s)           every chunk, in both directions, arrives `s` seconds
                     after it was sent (a link's latency);
  reset(after)       after `after` bytes of the server's reply have been
                     relayed, abort both sides with a TCP RST;
  truncate(after)    relay `after` bytes of the server's reply, then close
                     the client side cleanly (FIN), as a proxy that gave up;
  blackhole          accept, read the request, never answer, never close;
  stale              relay the first request and its reply, then close (FIN)
                     when the next request arrives, unanswered: a server whose
                     keep-alive timeout fired just as the client reused the
                     connection.

Byte offsets count over the whole connection, so with keep-alive a cut can
land in any response of a sync, not only the first. Everything the client
sent is recorded per connection (`captured`), so a test can replay it.
"""
from __future__ import annotations

import asyncio
import socket
import struct
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Fault:
    kind: str = "pass"
    delay: float = 0.0
    after: int = 0

    @classmethod
    def passthrough(cls) -> "Fault":
        return cls("pass")

    @classmethod
    def delayed(cls, seconds: float) -> "Fault":
        return cls("delay", delay=seconds)

    @classmethod
    def reset(cls, after: int = 0) -> "Fault":
        return cls("reset", after=after)

    @classmethod
    def truncate(cls, after: int) -> "Fault":
        return cls("truncate", after=after)

    @classmethod
    def blackhole(cls) -> "Fault":
        return cls("blackhole")

    @classmethod
    def stale(cls) -> "Fault":
        return cls("stale")


class FaultProxy:
    """A loopback TCP proxy to 127.0.0.1:`upstream_port` that injects one Fault."""

    def __init__(self, upstream_port: int):
        self.upstream_port = upstream_port
        self.port = 0
        self.fault = Fault.passthrough()
        self.captured: list[bytearray] = []  # client->server bytes, per connection
        self.replied: list[int] = []  # server->client bytes relayed, per connection
        self.faults_injected = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set(self, fault: Fault) -> None:
        """Apply `fault` to every connection accepted from now on."""
        with self._lock:
            self.fault = fault

    # -- lifecycle --------------------------------------------------------------
    def start(self) -> "FaultProxy":
        ready = threading.Event()

        def serve() -> None:
            self._loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self._loop)
            self._server = self._loop.run_until_complete(
                asyncio.start_server(self._handle, "127.0.0.1", 0))
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()
            self._loop.run_forever()
            self._loop.close()

        self._thread = threading.Thread(target=serve, name="fault-proxy", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the fault proxy did not start")
        return self

    def close_connections(self) -> None:
        """Drop every open connection (e.g. the black-holed ones) at once."""
        if self._loop is None:
            return

        def drop() -> None:
            for writer in list(self._writers):
                writer.transport.abort()
            self._writers.clear()

        self._loop.call_soon_threadsafe(drop)

    def stop(self) -> None:
        if self._loop is None:
            return
        self.close_connections()

        async def shutdown() -> None:
            self._server.close()
            await self._server.wait_closed()
            # The connections dropped above end their relays now; let them finish before
            # the loop stops (a task destroyed while pending is warned about).
            relaying = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            if relaying:
                await asyncio.wait(relaying, timeout=5)

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop = None

    def __enter__(self) -> "FaultProxy":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- relaying ---------------------------------------------------------------
    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with self._lock:
            fault = self.fault
            sent = bytearray()
            self.captured.append(sent)
            self.replied.append(0)
            index = len(self.replied) - 1
        self._writers.add(writer)
        if fault.kind == "blackhole":
            self.faults_injected += 1
            try:  # swallow the request; answer nothing until the test drops us
                while await reader.read(65536):
                    pass
            except ConnectionError:
                pass
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            _rst(writer)
            return
        self._writers.add(up_writer)

        async def to_server() -> None:
            try:
                async for chunk in _arriving(reader, fault.delay):
                    if fault.kind == "stale" and self.replied[index]:
                        # A request after the first reply: the "server" closes instead.
                        self.faults_injected += 1
                        _close(writer)
                        up_writer.transport.abort()
                        return
                    sent.extend(chunk)
                    up_writer.write(chunk)
                    await up_writer.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                _close(up_writer)

        async def to_client() -> None:
            relayed = 0
            try:
                async for chunk in _arriving(up_reader, fault.delay):
                    if fault.kind in ("reset", "truncate") and relayed + len(chunk) >= fault.after:
                        head = chunk[:max(0, fault.after - relayed)]
                        if head:
                            writer.write(head)
                            await writer.drain()
                        relayed += len(head)
                        self.replied[index] = relayed
                        self.faults_injected += 1
                        if fault.kind == "reset":
                            _rst(writer)
                            _rst(up_writer)
                        else:
                            _close(writer)
                            up_writer.transport.abort()
                        return
                    writer.write(chunk)
                    await writer.drain()
                    relayed += len(chunk)
                    self.replied[index] = relayed
            except (ConnectionError, OSError):
                pass
            finally:
                _close(writer)

        await asyncio.gather(to_server(), to_client())
        self._writers.discard(writer)
        self._writers.discard(up_writer)


async def _arriving(reader: asyncio.StreamReader, delay: float) -> AsyncIterator[bytes]:
    """The chunks `reader` receives, each `delay` seconds after it came: a link's
    latency, so chunks sent together arrive together (holding each in turn would add
    the delays of a burst up). Ends at end of stream or a broken connection."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

    async def receive() -> None:
        try:
            while chunk := await reader.read(65536):
                queue.put_nowait((loop.time() + delay, chunk))
        except (ConnectionError, OSError):
            pass
        finally:
            queue.put_nowait((loop.time() + delay, b""))

    receiving = asyncio.ensure_future(receive())
    try:
        while True:
            due, chunk = await queue.get()
            if due > loop.time():
                await asyncio.sleep(due - loop.time())
            if not chunk:
                return
            yield chunk
    finally:
        receiving.cancel()


def _close(writer: asyncio.StreamWriter) -> None:
    try:
        writer.close()
    except (ConnectionError, OSError, RuntimeError):
        pass


def _rst(writer: asyncio.StreamWriter) -> None:
    """Close with a TCP RST (SO_LINGER 0) rather than a clean FIN."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
    writer.transport.abort()
