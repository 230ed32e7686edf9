"""The HQ desk's side of the HQ service: HQ accounts and roles (`users`, `access`), the audit
trail (`audit`), and the `/v1/admin/...` endpoints the HQ-mode window calls over HTTPS
(`routers` lists them).  See docs/admin-api.md."""
