"""Every response says how long the server took: `Server-Timing: app;dur=<ms>`.

The standard header (W3C Server Timing) lets a device, a proxy or a load test
tell the server's own time from the network's and the client's: from the
moment the request reached the application to the moment its answer started,
waits for a thread, a pooled connection or the database's write lock included.
"""
from __future__ import annotations

import time


class ServerTiming:
    """ASGI middleware adding the Server-Timing header to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()

        async def timed_send(message):
            if message["type"] == "http.response.start":
                elapsed_ms = (time.perf_counter() - start) * 1000
                headers = list(message.get("headers", ()))
                headers.append((b"server-timing", f"app;dur={elapsed_ms:.1f}".encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, timed_send)
