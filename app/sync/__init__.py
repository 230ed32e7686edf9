"""Sync with HQ (issue 4): change capture, protocol client.  Never imports Qt."""
