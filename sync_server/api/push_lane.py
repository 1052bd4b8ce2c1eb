"""Pushes take turns on PostgreSQL, and those that wait are applied together.

Every push holds the sequence lock for its whole transaction, so pushes run one
at a time in a lane of their own, apart from the request threads (waiting for
the lock they held threads that pulls and status requests queued behind). When
fifty devices sync at once, fifty pushes queue in that lane; each turn was a
few round trips to the database, each a wait for the server's busy core, and
the last push waited about a second. So a turn takes every push waiting then
(one per device, up to GROUP_MAX) and applies them in one transaction
(`services.push.push_together`): one lock, one pair of round trips and one
commit for the group, each push decided as it would be alone, in the order
they arrived.

A push's request that is cancelled (its client went away) leaves its push in
the lane: it is applied, and the device learns so from its next push, as a
replay.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import anyio
from sqlalchemy import Engine

from app.core import protocol

from ..services import push as push_service

GROUP_MAX = 16
"""Pushes applied together at most: a group's transaction holds the lock while all of
them are decided, and one device's push never waits for more than this many others."""


@dataclass
class PushLane:
    """The app's lane (see the module docstring); `push` is its only entry."""

    engine: Engine
    _waiting: list[tuple[push_service.PushCall, asyncio.Future]] = field(default_factory=list)
    _turns: asyncio.Task | None = None

    async def push(self, call: push_service.PushCall) -> protocol.PushResponse:
        """Apply `call` in its turn: its response; its refusal (an ApiError) is raised."""
        future = asyncio.get_running_loop().create_future()
        self._waiting.append((call, future))
        if self._turns is None:
            self._turns = asyncio.get_running_loop().create_task(self._take_turns())
        # Shielded: a cancelled request leaves its push to be applied all the same.
        answer = await asyncio.shield(future)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    async def _take_turns(self) -> None:
        try:
            while self._waiting:
                group = self._next_group()
                calls = [call for call, _ in group]
                try:
                    answers = await anyio.to_thread.run_sync(
                        push_service.push_together, self.engine, calls)
                except Exception as exc:  # noqa: BLE001 - every push of the turn hears of it
                    answers = [exc] * len(group)
                for (_, future), answer in zip(group, answers):
                    if not future.done():
                        future.set_result(answer)
        finally:
            self._turns = None

    def _next_group(self) -> list[tuple[push_service.PushCall, asyncio.Future]]:
        """The waiting pushes of distinct devices, oldest first (a device's second push
        waits for the next turn: it follows from the first)."""
        group, later, devices = [], [], set()
        for item in self._waiting:
            device_id = item[0].request.device_id
            if device_id in devices or len(group) >= GROUP_MAX:
                later.append(item)
            else:
                devices.add(device_id)
                group.append(item)
        self._waiting = later
        return group
