"""The written parts of reports (drafts, narrative text) behind the 报表 page."""
