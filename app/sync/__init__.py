"""The client side of the sync protocol (app.core.protocol).

    client.py   HTTP to the server over `requests`; clear errors for offline,
                too old/new, signed out, refused
    session.py  online sign-in (tokens in the OS keyring), offline sign-in
                against a local argon2 hash, lockout, token refresh
    state.py    the checkpoint row (server, epoch, pull cursor) and the
                replica_meta facts `custos status` shows
    push.py     outbox batches in device-sequence order; outcomes recorded
                in one transaction; epoch reconciliation after a restore
    pull.py     a page and its cursor applied in one transaction, pending
                local edits re-applied on top, out-of-scope rows removed
    inbox.py    rejected changes: retry (corrected) or discard (with reason)
    engine.py   one sync (push then pull), resumable, with progress and cancel
                for the desktop client's background thread
"""
