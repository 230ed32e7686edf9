"""HQ mode: the window an HQ user (admin / staff / bureau) opens, with HQ's own pages and none
of the station's.  Pages talk to HQ only through app.hqdesk (HTTPS), never to PostgreSQL."""
