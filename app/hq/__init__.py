"""The HQ side of Station Desk: the sync service and its administration commands.

Runs on a server with PostgreSQL (`pip install -e '.[hq]'`); never imports Qt.
"""
