"""HTTP to the sync server over `requests`, with one clear error per failure.

Every request carries the protocol and schema versions (headers from
app.core.protocol). Failures become exceptions a user can act on:

  Offline          the server could not be reached (nothing was sent, or the
                   answer was lost: either way the outbox is kept)
  VersionMismatch  426: this Custos is too old or too new for the server
  AuthRequired     401: sign in again (`custos login`)
  AccountLocked    423: too many failed sign-ins
  ServerRefused    any other 4xx, with the server's code, message and field
  ServerFailed     5xx: the server failed; try again later

None of them touch the replica: callers decide what was committed.
"""
from __future__ import annotations

import http.client
import os
import threading
import time
import weakref
from typing import Any, Callable
from urllib.parse import urlsplit

import orjson
import requests

from app.core.errors import CustosError, ValidationError
from app.core.protocol import CLIENT_TOO_NEW, CLIENT_TOO_OLD, version_headers

API_PREFIX = "/api/v1"
DEFAULT_TIMEOUT = (5.0, 120.0)  # (connect, read) seconds; a first pull page can be large

# A kept-alive connection idle this long is not reused. A server closes idle
# connections after its keep-alive timeout (uvicorn 5 s, gunicorn 2 s); a request
# sent just as it does finds the connection closed and gets no answer at all.
STALE_AFTER_S = 1.5

# Requests that may be sent again when the connection dropped before any answer:
# reads, and the push, whose replay has exactly one effect (the server keeps each
# device's last applied change). Sign-in, refresh and resolutions are not repeated.
REPEATABLE_POSTS = frozenset({"/sync/push", "/sync/pull"})

# How a kept-alive connection the server had already closed fails: no answer at all.
_DROPPED = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError,
            ConnectionAbortedError)


class SyncError(CustosError):
    """A sync request failed; `code` is the server's error code if it sent one."""

    code = "sync_failed"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None,
                 status: int | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status
        if code is not None:
            self.code = code


class Offline(SyncError):
    code = "offline"


class VersionMismatch(SyncError):
    code = CLIENT_TOO_OLD


class AuthRequired(SyncError):
    code = "unauthorized"


class AccountLocked(SyncError):
    code = "account_locked"


class ServerRefused(SyncError):
    code = "bad_request"


class ServerFailed(SyncError):
    code = "server_error"


def normalise_url(url: str) -> str:
    """The server's base URL without a trailing slash; ValidationError('server') if unusable."""
    text = (url or "").strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError("server", f"{url!r} is not a server address; use http(s)://HOST[:PORT]")
    if parts.query or parts.fragment:
        raise ValidationError("server", "must not contain a query or fragment")
    return text


class SyncClient:
    """A connection to one sync server (keeps its HTTP connection alive).

    `post_ahead` sends a read-only POST on a background thread (with its own
    HTTP connection) so that its answer is on the way while the caller works;
    the next `post` of exactly that path and body takes the answer instead of
    asking again. Pull uses it to fetch page N+1 while page N is applied.
    """

    def __init__(self, base_url: str, *, timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 session: requests.Session | None = None):
        self.base_url = normalise_url(base_url)
        self.timeout = timeout
        self.http = session or _session(self.base_url)
        self.access_token: str | None = None
        self._ahead: _Ahead | None = None
        self._ahead_http: requests.Session | None = None
        self._ahead_thread: threading.Thread | None = None
        self._used_at: weakref.WeakKeyDictionary[requests.Session, float] = (
            weakref.WeakKeyDictionary())

    def close(self) -> None:
        # A request still on its way ahead is abandoned, not awaited (a cancelled sync
        # must not wait for a slow server); its thread ends with its connection.
        self._ahead = None
        self.http.close()
        if self._ahead_http is not None:
            self._ahead_http.close()

    def __enter__(self) -> "SyncClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def post(self, path: str, body: dict[str, Any] | None = None, *, auth: bool = True,
             parse: Callable[[Any], Any] | None = None) -> Any:
        """POST JSON to API path `path`; the decoded JSON answer (None for 204), or
        what `parse` makes of it."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead.key == (path, body, auth, parse):
            try:
                return ahead.result()
            except AuthRequired:
                pass  # sent with a token that has since expired: ask again, as the caller
        answer = self.request("POST", path, body, auth=auth)
        return answer if parse is None else parse(answer)

    def post_ahead(self, path: str, body: dict[str, Any], *, auth: bool = True,
                   parse: Callable[[Any], Any] | None = None) -> None:
        """Start a read-only POST in the background for a later identical `post`.

        `parse` runs on the background thread too. Only for requests without
        side effects: an answer nobody asks for is dropped. Errors (of the
        request or of `parse`) are raised by the `post` that takes the answer.
        """
        self._ahead = None  # an earlier answer not taken by now is dropped
        if self._ahead_thread is not None and self._ahead_thread.is_alive():
            # Still on its way: leave it its connection (a session serves one thread).
            self._ahead_http = None
        if self._ahead_http is None:
            self._ahead_http = _session(self.base_url)
        http = self._ahead_http

        def send():
            answer = self._send(http, "POST", path, body, None, auth)
            return answer if parse is None else parse(answer)

        self._ahead = _Ahead((path, body, auth, parse), send)
        self._ahead_thread = self._ahead.thread

    def get(self, path: str, *, params: dict[str, Any] | None = None,
            auth: bool = True) -> dict[str, Any] | list | None:
        return self.request("GET", path, None, params=params, auth=auth)

    def request(self, method: str, path: str, body: dict[str, Any] | None = None, *,
                params: dict[str, Any] | None = None, auth: bool = True) -> Any:
        return self._send(self.http, method, path, body, params, auth)

    def _send(self, http: requests.Session, method: str, path: str,
              body: dict[str, Any] | None, params: dict[str, Any] | None, auth: bool) -> Any:
        data = None if body is None else orjson.dumps(body)
        try:
            resp = self.exchange(method, path, data=data, params=params, auth=auth, http=http)
        except requests.Timeout as exc:
            raise Offline(f"the sync server at {self.base_url} did not answer in time ({exc}); "
                          "nothing is lost: unsent changes stay in the outbox") from None
        except requests.ConnectionError as exc:
            raise Offline(f"cannot reach the sync server at {self.base_url} "
                          f"({_short(exc)}); working offline: unsent changes stay in the outbox"
                          ) from None
        except requests.RequestException as exc:
            raise Offline(f"the request to {self.base_url} failed: {_short(exc)}") from None
        return _decode(resp)

    def exchange(self, method: str, path: str, *, data: bytes | None = None,
                 params: dict[str, Any] | None = None, auth: bool = True,
                 accept: str = "application/json", stream: bool = False,
                 http: requests.Session | None = None) -> requests.Response:
        """Send one request to API path `path` with the version and auth headers; the
        raw response. Raises requests' own exceptions: callers word them.

        A kept-alive connection idle longer than STALE_AFTER_S is not reused, and a
        repeatable request (a GET, or one of REPEATABLE_POSTS) whose connection closed
        before any answer is sent once more on a new one.
        """
        http = http or self.http
        headers = {**version_headers(), "Accept": accept}
        if auth and self.access_token:
            headers["Authorization"] = f"Bearer {self.access_token}"
        if data is not None:
            headers["Content-Type"] = "application/json"
        url = f"{self.base_url}{API_PREFIX}{path}"
        used_at = self._used_at.get(http)
        if used_at is not None and time.monotonic() - used_at > STALE_AFTER_S:
            http.close()  # its idle connections may be closing at the server: open new ones

        def send() -> requests.Response:
            return http.request(method, url, data=data, params=params, headers=headers,
                                timeout=self.timeout, stream=stream)

        try:
            return send()
        except requests.ConnectionError as exc:
            if (isinstance(exc, requests.Timeout) or not _dropped_before_answer(exc)
                    or not (method == "GET" or path in REPEATABLE_POSTS)):
                raise
            # Closed under us with no answer (a race with the server's keep-alive
            # timeout, or a restart): once more, on a new connection.
            http.close()
            return send()
        finally:
            self._used_at[http] = time.monotonic()


def _session(base_url: str) -> requests.Session:
    """An HTTP session with the environment's proxy and CA settings read once.

    requests reads them from the environment again on every request otherwise,
    which cost a small sync more than its own JSON did.
    """
    http = requests.Session()
    http.proxies.update(requests.utils.get_environ_proxies(base_url))
    bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
    if bundle:
        http.verify = bundle
    http.trust_env = False
    return http


class _Ahead:
    """One request running on a background thread, and its answer or error."""

    def __init__(self, key: tuple, send):
        self.key = key
        self._value: Any = None
        self._error: BaseException | None = None

        def run():
            try:
                self._value = send()
            except Exception as exc:  # handed to the caller that takes the answer
                self._error = exc

        self.thread = threading.Thread(target=run, name="sync-ahead", daemon=True)
        self.thread.start()

    def result(self) -> Any:
        self.thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _dropped_before_answer(exc: BaseException) -> bool:
    """True if `exc` (from requests) is a connection closed before any answer came."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:  # requests and urllib3 wrap the socket's error in args and causes
        err = stack.pop()
        if id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, _DROPPED):
            return True
        stack.extend(x for x in (*err.args, err.__cause__, err.__context__)
                     if isinstance(x, BaseException))
    return False


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 200 else text[:200] + "..."


def _decode(resp: requests.Response) -> Any:
    if resp.status_code == 204:
        return None
    try:
        data = orjson.loads(resp.content)
    except ValueError:  # orjson.JSONDecodeError is one
        data = None
    if resp.ok:
        if data is None:
            raise ServerFailed(f"the server's answer to {resp.request.method} "
                               f"{resp.url} was not JSON (truncated?)", status=resp.status_code)
        return data
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        error = {}
    code = error.get("code")
    message = error.get("message") or f"HTTP {resp.status_code} {resp.reason}"
    field = error.get("field")
    status = resp.status_code
    if status == 426 or code in (CLIENT_TOO_OLD, CLIENT_TOO_NEW):
        raise VersionMismatch(message, code=code or CLIENT_TOO_OLD, field=field, status=status)
    if status == 401:
        # A refused token calls for a new sign-in; a refused sign-in is one already.
        signing_in = resp.request.path_url.split("?")[0].endswith("/auth/login")
        hint = "" if signing_in else "; sign in again with `custos login`"
        raise AuthRequired(message + hint, code=code, field=field, status=status)
    if status == 423:
        raise AccountLocked(message, code=code, field=field, status=status)
    if status >= 500:
        raise ServerFailed(f"the sync server failed ({message}); nothing is lost: try again "
                           "later", code=code, field=field, status=status)
    raise ServerRefused(message, code=code, field=field, status=status)
