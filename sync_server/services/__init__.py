"""What the server does, independent of HTTP and the CLI.

Service functions take an open connection (the caller's transaction) and
keyword-only arguments, and never commit: the API endpoint or CLI command
that calls them owns the transaction, so one request is one unit of work.
"""
