"""Service records (服务记录): quick entry, edits, the recycle bin, and period locks."""
